"""CONTRIBUTING's steps, followed literally on a copy of the project, end in a green `make check`.

The copy has no source texts beside it and no npm packages: it is what a contributor's fork has.
The examples are taken from CONTRIBUTING.md itself (its code blocks), with a made-up drug name, so
when the steps change the test follows them, or fails saying which step it no longer finds.
One pull request follows both tasks (add a drug, add a page), then runs `make check` once.
Marked slow: it runs `make check` (which leaves it out, so it does not run itself).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
VENV = Path(sys.executable).parent.parent
NEW_DRUG = "zenotinib"  # made up: it ends in an INN stem, so the unknown-drug check sees it until it is added


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", CONTRIBUTING, re.M | re.S)
    assert match, f"CONTRIBUTING.md has no section '## {title}'"
    return match[1]


def step(text: str, number: int, says: str) -> str:
    """Step `number` of a numbered list, which must say `says`."""
    match = re.search(rf"^{number}\. (.*?)(?=^\d+\. |\Z)", text, re.M | re.S)
    assert match and says in " ".join(match[1].split()), f"step {number} no longer says {says!r}"
    return match[1]


def code_block(text: str) -> str:
    match = re.search(r"```\w*\n(.*?)```", text, re.S)
    assert match, "the step has no example block"
    lines = match[1].splitlines()
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines) + "\n"


@pytest.fixture
def fork(tmp_path) -> Path:
    """A clone of the project (its files, committed), alone in a folder: no ../shared, no node_modules."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    copy = tmp_path / "fork"
    for name in listed:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    git = ["git", "-c", "user.name=contributor", "-c", "user.email=contributor@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the fork"]):
        subprocess.run(git + command, cwd=copy, check=True, capture_output=True)
    return copy


def make(fork: Path, *targets: str) -> subprocess.CompletedProcess:
    """`make` in the copy, with this project's installed .venv (not installed again)."""
    env = {k: v for k, v in os.environ.items() if k not in ("REQUIRE_SOURCES", "REQUIRE_NPM", "PYTEST_XDIST_WORKER")}
    return subprocess.run(["make", "-o", f"{VENV}/.installed", f"VENV={VENV}", *targets], cwd=fork,
                          capture_output=True, text=True, timeout=1200,
                          # The fork's own library comes first, as the editable install `make` makes in a fork would.
                          env={**env, "WHOLE_GUIDE_PDF": "", "WHOLE_GUIDE_PDF_ES": "", "PYTHONPATH": str(fork / "overrides")})


def record_review(fork: Path, *pages: str) -> None:
    """'Record a review', with the command CONTRIBUTING gives and a note of this change."""
    command = code_block(section("Record a review")).split()
    assert command[:2] == [".venv/bin/python", "scripts/review.py"], command
    assert_passes(subprocess.run([sys.executable, "scripts/review.py", *pages, "--note", "A contributor's change."],
                                 cwd=fork, capture_output=True, text=True, timeout=300))


def assert_passes(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (result.stdout[-6000:] + result.stderr[-3000:])


def add_a_drug(fork: Path) -> None:
    """'Add a drug or a side effect', step by step, up to its `make check`."""
    steps = section("Add a drug or a side effect")
    page = fork / "docs" / "treatment" / "targeted-therapy.md"
    page.write_text(page.read_text() + f"\nA newer targeted drug is {NEW_DRUG}.\n")
    before = make(fork, "validate")
    assert before.returncode != 0 and f"'{NEW_DRUG}' looks like a drug name" in before.stdout, before.stdout

    example = re.search(r"`(- \{name: tamoxifen, treatment: hormone-therapy\})`",
                        step(steps, 1, "In `data/sources.yml`, add it under the source that names it"))[1]
    sources = fork / "data" / "sources.yml"
    item = example.replace("tamoxifen", NEW_DRUG).replace("hormone-therapy", "targeted-therapy")
    anchor = "      - {name: olaparib, treatment: targeted-therapy}\n"
    assert anchor in sources.read_text()
    sources.write_text(sources.read_text().replace(anchor, anchor + f"      {item}\n", 1))

    entry = code_block(step(steps, 2, "For a drug, add a glossary entry in `data/glossary.yml`"))
    assert "term: olaparib" in entry
    glossary = fork / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text() + "\n" + "".join(
        f"  {line}\n" for line in entry.replace("olaparib", NEW_DRUG).splitlines()))

    spanish = code_block(step(steps, 3, "Give it its Spanish words in `data/es.yml`"))
    assert "olaparib:" in spanish
    words = fork / "data" / "es.yml"
    block = "".join(f"  {line}\n" for line in spanish.replace("olaparib", NEW_DRUG).splitlines())
    words.write_text(words.read_text().replace("\nside_effects:", f"\n{block}\nside_effects:", 1))

    step(steps, 4, "Mention it on the page for its treatment")  # done above, before the drug was known
    step(steps, 5, "Record the review of the pages you changed, the glossary (`glossary.md`)")
    record_review(fork, "treatment/targeted-therapy.md", "glossary.md")
    step(steps, 6, "Run `make validate`")
    assert_passes(make(fork, "validate"))
    step(steps, 7, "`make build`, then `.venv/bin/python scripts/misspell.py --site site`")
    assert_passes(make(fork, "build"))
    assert_passes(subprocess.run([sys.executable, "scripts/misspell.py", "--site", "site"], cwd=fork,
                                 capture_output=True, text=True, timeout=300))
    step(steps, 8, "Run `make check`")


def add_a_page(fork: Path) -> None:
    """'Edit a page', adding a new one, step by step, up to its `make check`."""
    steps = section("Edit a page")
    step(steps, 1, "A new page must be added there")
    config = fork / "mkdocs.yml"
    anchor = "      - Looking after yourself: living/looking-after-yourself.md\n"
    assert anchor in config.read_text()
    config.write_text(config.read_text().replace(anchor, anchor + "      - Talking with family: living/family.md\n"))

    front = code_block(step(steps, 2, "Every page starts with front matter"))
    front = front.replace("title: Chemotherapy", "title: Talking with family").replace(
        "description: One plain sentence for search engines.",
        "description: How to talk with the people close to you about your care.")
    summary = code_block(step(steps, 3, "Start with a `# Heading`, then a short summary"))
    summary = summary.replace("Two to four short sentences.",
                              "It can help to talk. You choose what to say, and when.")
    body = ("# Talking with family\n\n" + summary + "\nSome people like to bring someone they trust to a visit. "
            "That person can take notes for you. You can also ask your care team who to call with a question.\n")
    (fork / "docs" / "living" / "family.md").write_text(front + "\n" + body, encoding="utf-8")
    step(steps, 4, "Write plainly")
    step(steps, 5, "Use your own words")
    step(steps, 11, "Record the review of each page whose words you changed")
    record_review(fork, "living/family.md")


def test_add_a_drug_and_a_page_as_contributing_says(fork):
    add_a_drug(fork)
    add_a_page(fork)
    assert_passes(make(fork, "check"))
