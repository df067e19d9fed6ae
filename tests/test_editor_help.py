"""Help for editors and commits: JSON Schemas for the data files, the pre-commit configuration, .editorconfig."""
from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from check_jsonschema.cli.main_command import main as check_jsonschema_cli

from tests.helpers import ROOT

DATA_FILES = sorted((ROOT / "data").glob("*.yml"))
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess:
    """check-jsonschema, as pre-commit runs it (in this process: the tests need no start-up for each file)."""
    args = ["--schemafile", str(schema), *map(str, files)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = check_jsonschema_cli.main(args, standalone_mode=False) or 0  # click returns the exit code
    return subprocess.CompletedProcess(args, code, out.getvalue(), "")


def schema_of(data_file: Path) -> Path:
    """The schema a data file names on its first line, for editors (yaml-language-server)."""
    first = data_file.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{data_file.name} must start with '# yaml-language-server: $schema=../schemas/...'"
    return (data_file.parent / match[1]).resolve()


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_names_its_schema_and_matches_it(data_file):
    schema = schema_of(data_file)
    assert schema.is_file() and schema.parent == ROOT / "schemas"
    result = check_jsonschema(schema, data_file)
    assert result.returncode == 0, result.stdout + result.stderr


NEXT_REVIEW = re.search(r"^next_review: (\S+)$", (ROOT / "data" / "sources.yml").read_text(encoding="utf-8"), re.M)[1]


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("glossary.yml", "kind: drug", "kind: pill", "'pill' is not one of"),
    ("glossary.yml", "    definition: >-", "    defintion: >-", "Additional properties are not allowed"),
    ("sources.yml", f"\nnext_review: {NEXT_REVIEW}", "\nnext_review: 2026-13-45", "is not a 'date'"),
    ("sources.yml", "    file: 000_", "    file: ../000_", "does not match"),
    ("search_words.yml", "{site: fatigue, readers:", "{site: fatigue, reader:", "'readers' is a required property"),
])
def test_the_schemas_catch_mistakes(tmp_path, name, old, new, expected):
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in data/{name}: update the test"
    broken = tmp_path / name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_jsonschema(schema_of(ROOT / "data" / name), broken)
    assert result.returncode != 0 and expected in result.stdout, result.stdout


def test_pre_commit_config_is_valid_and_needs_only_pypi():
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(PRE_COMMIT.read_text())
    pinned = dict(line.split("==") for line in (ROOT / "requirements-dev.txt").read_text().splitlines()
                  if "==" in line and not line.startswith("#"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert all(repo["repo"] == "local" for repo in config["repos"]), "hooks come from PyPI, not from git hosts"
    for hook in hooks:
        assert hook["language"] in ("python", "system"), hook["id"]
        for dependency in hook.get("additional_dependencies", []):
            package, _, version = dependency.partition("==")
            assert version and pinned.get(package) == version, f"{dependency}: pin it as in requirements-dev.txt"
        if hook["language"] == "system":
            script = hook["entry"].split()[1]
            assert hook["entry"].startswith(".venv/bin/python ") and (ROOT / script).is_file(), hook["id"]
    entries = " ".join(hook["entry"] + " " + " ".join(hook.get("args", [])) for hook in hooks)
    for data_file in DATA_FILES:
        assert f"data/{data_file.name}" in entries and schema_of(data_file).relative_to(ROOT).as_posix() in entries
    for script in ("scripts/validate.py", "scripts/own_words.py", "scripts/readability.py"):
        assert script in entries


def test_editorconfig_covers_the_project():
    config = (ROOT / ".editorconfig").read_text()
    assert "root = true" in config and "end_of_line = lf" in config and "charset = utf-8" in config
    assert re.search(r"\[\*\.py\]\nindent_size = 4", config) and re.search(r"\[Makefile\]\nindent_style = tab", config)
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for name in tracked:
        path = ROOT / name
        if path.suffix not in (".py", ".md", ".yml", ".yaml", ".json", ".js", ".css", ".html", ".txt") \
                or not path.is_file():
            continue
        data = path.read_bytes()
        assert b"\r\n" not in data and data.endswith(b"\n"), f"{name}: LF line ends and a final newline"
        data.decode("utf-8")
