"""The code's shape, as ARCHITECTURE.md describes it: hooks on top, the library's parts in layers below them,
scripts beside, no import cycle, no change to Python's import path, and no module loaded under two names."""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.helpers import ROOT

LIBRARY = ROOT / "overrides" / "mbc_guide"
HOOKS = ROOT / "overrides" / "hooks"
SCRIPTS = ROOT / "scripts"
# The library's parts, lowest first: a part may import only the parts listed before it (ARCHITECTURE.md).
LAYERS = ("paths", "text", "html", "messages", "data", "names", "tools", "pages", "search", "publish", "checks",
          "build")


def module_name(path: Path) -> str:
    """The dotted name of a library module."""
    parts = path.relative_to(LIBRARY.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a Python file imports, by its full dotted name where the library has it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if (LIBRARY.parent / f"{node.module}.{alias.name}".replace(".", "/")).with_suffix(".py").is_file())
    return found


def library_graph() -> dict[str, set[str]]:
    """Each library module and the library modules it imports."""
    modules = {module_name(path): path for path in LIBRARY.rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules and m != name} for name, path in modules.items()}


def part(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_no_file_changes_pythons_import_path():
    """The library is installed (pyproject.toml), so no file adds folders to Python's import path."""
    needle = "sys." + "path"
    offenders = [str(path.relative_to(ROOT)) for folder in (ROOT / "overrides", SCRIPTS, ROOT / "tests")
                 for path in folder.rglob("*.py") if needle in path.read_text(encoding="utf-8")
                 and "fixtures" not in path.parts]
    assert not offenders
    assert "pythonpath" not in (ROOT / "pytest.ini").read_text()


def test_the_library_has_no_import_cycle():
    graph = library_graph()
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            assert state.get(imported) != 1, f"import cycle: {' -> '.join([*trail, module, imported])}"
            if imported not in state:
                visit(imported, [*trail, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_each_part_of_the_library_imports_only_the_parts_below_it():
    wrong = [f"{a} imports {b}" for a, targets in library_graph().items() for b in targets
             if part(a) != part(b) and part(b) and LAYERS.index(part(b)) > LAYERS.index(part(a))]
    assert not wrong
    assert {p.name for p in LIBRARY.iterdir() if p.is_dir() and p.name != "__pycache__"} <= set(LAYERS)


def test_hooks_are_thin_event_modules_over_the_library():
    for hook in HOOKS.glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        assert all(f.name.startswith(("on_", "_")) for f in functions), f"{hook.name}: only MkDocs events"
        assert not any(isinstance(n, ast.ClassDef) for n in tree.body), f"{hook.name}: classes belong in the library"
        assert len(hook.read_text().splitlines()) <= 150, f"{hook.name} is long: move the logic into the library"
        local = {m for m in imports(hook) if m.split(".")[0] in {p.stem for p in HOOKS.glob("*.py")}}
        assert not local, f"{hook.name} imports another hook: {local}"


def test_the_library_never_imports_a_hook_or_a_script():
    names = {p.stem for p in HOOKS.glob("*.py")} | {p.stem for p in SCRIPTS.glob("*.py")}
    for path in LIBRARY.rglob("*.py"):
        assert not {m.split(".")[0] for m in imports(path)} & names, path


def test_scripts_import_the_library_never_each_other():
    scripts = {p.stem for p in SCRIPTS.glob("*.py")}
    for path in SCRIPTS.glob("*.py"):
        assert not {m.split(".")[0] for m in imports(path)} & scripts, f"{path.name} imports another script"


def test_a_build_loads_each_module_under_one_name(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    by_file = defaultdict(list)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().is_relative_to(ROOT / "overrides"):
            by_file[Path(file).resolve()].append(name)
    twice = {str(path.relative_to(ROOT)): names for path, names in by_file.items() if len(names) > 1}
    assert not twice
    assert any(str(path).endswith("hooks/pages.py") for path in by_file) and "mbc_guide.build.pipeline" in sys.modules
