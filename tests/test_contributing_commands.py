"""Every command CONTRIBUTING.md gives is one the test suite runs.

CONTRIBUTING's convention: every command stands in a ```sh block, one command a line (a `# comment`
may follow it), and a command named in the text stands in such a block too. Each command is either
run here (RUN_HERE: fast and harmless, it must exit 0) or listed in RUN_ELSEWHERE with the test file
that runs it, which must exist and contain the text given (the command itself, unless that test runs
it another way). A command in neither fails, saying where to add it; an entry for a command
CONTRIBUTING no longer gives fails too, so both lists stay true.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # .venv/bin, wherever this run's virtual environment is
VENV = BIN.parent
COMMAND_BLOCK = "sh"
EXAMPLE_BLOCKS = {"yaml", "markdown"}  # text to copy into a file, never commands
FENCE = re.compile(r"^([ \t]*)```(\S*)[ \t]*\n(.*?)^\1```[ \t]*$", re.M | re.S)
INLINE_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
LOOKS_LIKE_A_COMMAND = re.compile(r"^(make |\.venv/bin/|python3? )")

# Run by this test, in the repository: each takes a second or less and writes nothing.
RUN_HERE = {
    "make validate",
    ".venv/bin/python scripts/readability.py docs/treatment/chemotherapy.md",
    ".venv/bin/python scripts/readability.py docs/es/treatment/chemotherapy.md",
    ".venv/bin/python scripts/own_words.py",
    ".venv/bin/python scripts/validate.py --verbose",
    ".venv/bin/python scripts/validate.py --format json",
    "python3 ../shared/tools/overlap.py docs",  # where the source texts are (skipped without them)
}
# Run by this test in a new, empty git repository: in this one it would install a git hook.
RUN_IN_AN_EMPTY_REPOSITORY = {
    ".venv/bin/pre-commit install",
}
# Run by another test: (test file, the text in it that runs the command; None: the command itself).
RUN_ELSEWHERE: dict[str, list[tuple[str, str | None]]] = {
    "make serve": [("tests/test_serve.py", None)],  # the Makefile's serve recipe, on a copy
    "make check": [("tests/test_contributor_flows.py", None)],  # on a copy, after both flows
    "make build": [("tests/test_contributor_flows.py", None)],
    ".venv/bin/python scripts/misspell.py --site site": [("tests/test_contributor_flows.py", None)],
    '.venv/bin/python scripts/review.py treatment/targeted-therapy.md glossary.md --note "We now name a newer targeted '
    'drug."': [("tests/test_contributor_flows.py", '"scripts/review.py"')],
    ".venv/bin/python scripts/translated.py es/treatment/chemotherapy.md":
        [("tests/mbc_guide/checks/test_translation.py", "translation_command.main(")],  # on a copy
    ".venv/bin/python scripts/translated.py es/glossary.md es/treatment/side-effects.md":
        [("tests/mbc_guide/checks/test_translation.py", 'record(site_copy, "es/glossary.md")')],  # on a copy
    "make test": [("tests/test_workflows.py", None)],  # the suite itself: CI runs it (.ci/run, the workflows)
    ".venv/bin/python scripts/validate.py --propose ../shared/sources/new-article.txt":
        [("tests/mbc_guide/checks/test_source_check.py", '"--propose"')],  # on a made-up source text
    # what `make record` writes: the recorded reading is written and read back; the fingerprint is
    # compared with what `own_words.py --update` would write
    "make record": [("tests/mbc_guide/checks/test_source_check.py", '"--record"'),
                    ("tests/mbc_guide/checks/test_own_words.py", "own_words.fingerprint_of(")],
}


def blocks() -> list[tuple[str, str, int]]:
    """(language, body, line of the opening fence) of every fenced block."""
    return [(m[2], m[3], CONTRIBUTING.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(CONTRIBUTING)]


def commands() -> dict[str, int]:
    """Every command of the sh blocks, with the line of CONTRIBUTING.md it is on (its first mention)."""
    found: dict[str, int] = {}
    for language, body, line in blocks():
        if language != COMMAND_BLOCK:
            continue
        for offset, text in enumerate(body.splitlines(), start=1):
            command = re.sub(r"(^|\s+)#.*$", "", text).strip()
            if command:
                found.setdefault(" ".join(command.split()), line + offset)
    return found


COMMANDS = commands()


def argv(command: str) -> list[str]:
    """The command as it would run in the repository, with this run's virtual environment."""
    words = shlex.split(command)
    if words[0] == "make":  # with the installed .venv, as tests/test_contributor_flows.py runs it
        return ["make", "--no-print-directory", "-o", f"{VENV}/.installed", f"VENV={VENV}", *words[1:]]
    if words[0].startswith(".venv/bin/"):
        return [str(BIN / words[0].removeprefix(".venv/bin/")), *words[1:]]
    if words[0] in ("python", "python3"):
        return [sys.executable, *words[1:]]
    return words


def run(command: str, cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    result = subprocess.run(argv(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"`{command}` (CONTRIBUTING.md:{COMMANDS[command]}) exited " \
        f"{result.returncode}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"


def test_commands_are_found():
    assert {"make check", "make validate", ".venv/bin/python scripts/own_words.py"} <= COMMANDS.keys(), COMMANDS


def test_every_block_is_commands_or_an_example():
    for language, _, line in blocks():
        assert language == COMMAND_BLOCK or language in EXAMPLE_BLOCKS, \
            f"CONTRIBUTING.md:{line}: a ```{language} block; commands go in ```{COMMAND_BLOCK} blocks, " \
            f"examples in ```{'/```'.join(sorted(EXAMPLE_BLOCKS))}"


def test_every_command_named_in_the_text_is_in_a_command_block():
    outside = CONTRIBUTING
    for match in reversed(list(FENCE.finditer(CONTRIBUTING))):
        outside = outside[:match.start()] + "\n" * match[0].count("\n") + outside[match.end():]
    for number, line in enumerate(outside.splitlines(), start=1):
        for code in INLINE_CODE.findall(line):
            if LOOKS_LIKE_A_COMMAND.match(code):
                assert " ".join(code.split()) in COMMANDS, \
                    f"CONTRIBUTING.md:{number}: `{code}` is named in the text but stands in no ```sh block"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_suite_runs_the_command(command):
    known = RUN_HERE | RUN_IN_AN_EMPTY_REPOSITORY | RUN_ELSEWHERE.keys()
    assert command in known, (
        f"CONTRIBUTING.md:{COMMANDS[command]}: no test runs `{command}`. In {Path(__file__).relative_to(ROOT)}, "
        "add it to RUN_HERE if it takes a second or two and writes nothing (it must exit 0 here), or to "
        "RUN_ELSEWHERE with the test file that runs it and the text in that file that runs it.")


def test_every_listed_command_is_still_in_contributing():
    listed = RUN_HERE | RUN_IN_AN_EMPTY_REPOSITORY | RUN_ELSEWHERE.keys()
    gone = sorted(listed - COMMANDS.keys())
    assert not gone, f"CONTRIBUTING.md no longer gives {gone}: remove them from {Path(__file__).name}"
    assert not RUN_HERE & RUN_ELSEWHERE.keys() and not RUN_IN_AN_EMPTY_REPOSITORY & RUN_ELSEWHERE.keys()


@pytest.mark.parametrize("command", sorted(RUN_ELSEWHERE))
def test_the_test_named_for_a_command_runs_it(command):
    for name, text in RUN_ELSEWHERE[command]:
        path = ROOT / name
        assert path.is_file(), f"`{command}`: {name} does not exist; name the test that runs it"
        assert (text or command) in path.read_text(encoding="utf-8"), \
            f"`{command}`: {name} does not contain {text or command!r}; name the test that runs it"


@pytest.mark.reports
@pytest.mark.parametrize("command", sorted(RUN_HERE))
def test_the_command_runs_in_the_repository(command):
    if command.startswith("python3 ../shared/") and not (ROOT / shlex.split(command)[1]).is_file():
        if os.environ.get("REQUIRE_SOURCES") == "1":
            pytest.fail(f"`{command}`: {shlex.split(command)[1]} is missing, and REQUIRE_SOURCES=1")
        pytest.skip(f"`{command}` needs the source texts and their tools beside the repository")
    run(command, ROOT)


@pytest.mark.parametrize("command", sorted(RUN_IN_AN_EMPTY_REPOSITORY))
def test_the_command_runs_in_an_empty_repository(command, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".pre-commit-config.yaml").write_bytes((ROOT / ".pre-commit-config.yaml").read_bytes())
    run(command, tmp_path)
    assert (tmp_path / ".git" / "hooks" / "pre-commit").is_file()
