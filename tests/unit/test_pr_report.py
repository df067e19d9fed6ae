"""scripts/pr_report.py: what a reviewer sees of a pull request, by the text readers see."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pr_report
from helpers import ROOT

TODAY = dt.date(2026, 12, 1)


def copy_project(where: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    return where


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def sides(tmp_path_factory) -> tuple[pr_report.Side, pr_report.Side]:
    base = copy_project(tmp_path_factory.mktemp("base"))
    head = copy_project(tmp_path_factory.mktemp("head"))
    docs = head / "docs"
    edit(docs / "treatment" / "immunotherapy.md", "constipation", "being unable to poo")  # a coverage gap
    (docs / "living" / "pr-report-new-page.md").write_text(
        "---\ntitle: Family\nsources: [cleveland-clinic]\nreviewed: 2026-11-21\nnext_review: 2027-11-21\n---\n"
        "# Family\n\nTalk with the people close to you.\n\n<p onclick=\"x()\">Hi</p>\n")
    (docs / "living" / "check-ups-and-scans.md").unlink()
    symptoms = docs / "understanding" / "symptoms.md"
    symptoms.write_text(symptoms.read_text().replace("\n\n", "\n\n\n"))  # Markdown changes, the text does not
    edit(head / "data" / "glossary.yml", "aliases: [taxane]", "aliases: [taxane, taxane drugs]")
    return pr_report.read_side(base, TODAY), pr_report.read_side(head, TODAY)


def test_pages_are_compared_by_the_text_readers_see(sides):
    text = pr_report.report(*sides, "main")
    assert "- **Added:** living/pr-report-new-page.md" in text
    assert "- **Removed:** living/check-ups-and-scans.md" in text
    assert "- **Changed:** glossary.md, treatment/immunotherapy.md" in text  # the glossary shows aliases
    assert "symptoms.md" not in text


def test_coverage_and_reading_grade_before_and_after(sides):
    base, head = sides
    text = pr_report.report(base, head, "main")
    covered, expected = base.coverage["treatment/immunotherapy.md"]
    assert covered == expected
    assert f"| treatment/immunotherapy.md | {covered} of {expected} | {covered - 1} of {expected} | " in text
    grade = head.grades["living/pr-report-new-page.md"]
    assert f"| living/pr-report-new-page.md | (none) | not a treatment page | (none) | {grade:.1f} |" in text


def test_glossary_aliases_and_findings(sides):
    text = pr_report.report(*sides, "main")
    assert "- Alias added to **taxanes**: taxane drugs" in text
    assert "- safety: docs/living/pr-report-new-page.md:11: the event handler onclick= on &lt;p&gt; is not allowed" in text
    assert "- link: docs/living/index.md:" in text and "'check-ups-and-scans.md' leads to" in text


def test_no_change_says_so(sides):
    base, _ = sides
    text = pr_report.report(base, base, "main")
    assert "No page reads differently." in text and "No glossary entry, alias or inventory item" in text


def test_the_command_compares_with_a_git_ref(capsys):
    code = pr_report.main(["--base", "HEAD"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("## What this change does to the site (against HEAD)")


def test_a_bad_ref_is_one_clear_line():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pr_report.py"), "--base", "no-such-ref"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "cannot read the base 'no-such-ref'" in result.stderr
    assert "Traceback" not in result.stderr

