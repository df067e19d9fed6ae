"""scripts/pr_report.py (mbc_guide.checks.review_report): what a reviewer sees of a pull request, by the text readers
see."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mbc_guide.checks import review_report
from tests.helpers import ROOT

# Each test reports on a copy of the project in a git repository of its own.
pytestmark = pytest.mark.builds

TODAY = dt.date(2026, 12, 1)


WATCHED = ("overrides/main.html", "overrides/hooks/pages.py", ".github/workflows/checks.yml")  # copied beside the pages
PWNED = '"<script>window.__pwned=1</script>"'


def copy_project(where: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    for name in WATCHED:
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, where / name)
    return where


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo,
                   check=True, capture_output=True, timeout=60)


def git_project(where: Path) -> Path:
    """A copy of the project in a git repository of its own, with one commit: the report's base."""
    copy_project(where)
    git(where, "init", "-q")
    git(where, "add", ".")
    git(where, "commit", "-q", "-m", "base")
    return where


def run_report(project: Path, base: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "pr_report.py"), "--base", base,
                           "--project", str(project)], capture_output=True, text=True, timeout=300)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def sides(tmp_path_factory) -> tuple[review_report.Side, review_report.Side]:
    base = copy_project(tmp_path_factory.mktemp("base"))
    head = copy_project(tmp_path_factory.mktemp("head"))
    docs = head / "docs"
    edit(docs / "treatment" / "immunotherapy.md", "constipation", "being unable to poo")  # a coverage gap
    (docs / "living" / "pr-report-new-page.md").write_text(
        "---\ntitle: Family\nsources: [cleveland-clinic]\nreviewed: 2026-11-21\nnext_review: 2027-11-21\n---\n"
        "# Family\n\nTalk with the people close to you about tamoxifin.\n\n<p onclick=\"x()\">Hi</p>\n")
    (docs / "living" / "check-ups-and-scans.md").unlink()
    symptoms = docs / "understanding" / "symptoms.md"
    symptoms.write_text(symptoms.read_text().replace("\n\n", "\n\n\n"))  # Markdown changes, the text does not
    edit(head / "data" / "glossary.yml", "aliases: [taxane]", "aliases: [taxane, taxane drugs]")
    edit(docs / "index.md", "\ntitle:", f"\nsubtitle: {PWNED}\ntitle:")
    edit(docs / "living" / "index.md", "\ntitle:", "\ntitle: Living well <b>now</b>\n#")
    with (head / "mkdocs.yml").open("a") as settings:
        settings.write("# a change\n")
    edit(head / "overrides" / "main.html", "{% block", "<script>alert(1)</script>{% block")
    (head / "overrides" / "hooks" / "pages.py").write_text("print('no policy')\n")
    (head / ".github" / "workflows" / "checks.yml").unlink()
    (docs / "assets" / "x.svg").write_text('<svg onload="alert(1)"/>')
    return review_report.read_side(base, TODAY), review_report.read_side(head, TODAY)


def first_section(text: str) -> str:
    assert text.index("### Read these first") < text.index("### Pages")
    return text[text.index("### Read these first"):text.index("### Pages")]


def test_front_matter_changes_come_first_key_by_key_and_escaped(sides):
    text = review_report.report(*sides, "main")
    first = first_section(text)
    assert "  - docs/index.md: added subtitle: &quot;&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;&quot;" in first
    assert "docs/living/index.md: changed title: " in first and "-> &quot;Living well &lt;b&gt;now&lt;/b&gt;&quot;" in first
    assert "<script" not in text and "<b>" not in text


def test_settings_templates_hooks_workflows_and_docs_files_are_listed_with_why(sides):
    first = first_section(review_report.report(*sides, "main"))
    assert "- **Site settings (mkdocs.yml)** (they choose the theme" in first and "changed mkdocs.yml" in first
    assert "- **Templates and theme files (overrides/)** (" in first and "changed overrides/main.html" in first
    assert "- **Hooks and library code (overrides/hooks/, overrides/mbc_guide/)** (" in first and "changed overrides/hooks/pages.py" in first
    assert "- **Workflows, CI and dependencies** (" in first and "removed .github/workflows/checks.yml" in first
    assert "- **Files under docs/ that are not pages** (they are published as they are" in first
    assert "added docs/assets/x.svg" in first


def test_nothing_beyond_the_pages_says_so_in_one_line(sides):
    base, _ = sides
    first = first_section(review_report.report(base, base, "main"))
    assert first.splitlines()[1].startswith("No front matter, site setting, template, hook, script, workflow")


def test_pages_are_compared_by_the_text_readers_see(sides):
    text = review_report.report(*sides, "main")
    assert "- **Added:** living/pr-report-new-page.md" in text
    assert "- **Removed:** living/check-ups-and-scans.md" in text
    assert "- **Changed:** glossary.md, treatment/immunotherapy.md" in text  # the glossary shows aliases
    assert "symptoms.md" not in text.split("### Translations")[0]


def test_coverage_and_reading_grade_before_and_after(sides):
    base, head = sides
    text = review_report.report(base, head, "main")
    covered, expected = base.coverage["treatment/immunotherapy.md"]
    assert covered == expected
    assert f"| treatment/immunotherapy.md | {covered} of {expected} | {covered - 1} of {expected} | " in text
    grade = head.grades["living/pr-report-new-page.md"]
    assert f"| living/pr-report-new-page.md | (none) | not a treatment page | (none) | {grade:.1f} |" in text


def test_glossary_aliases_and_findings(sides):
    text = review_report.report(*sides, "main")
    assert "- Alias added to **taxanes**: taxane drugs" in text
    assert "- safety: docs/living/pr-report-new-page.md:11: the event handler onclick= on &lt;p&gt; is not allowed" in text
    assert "- link: docs/living/index.md:" in text and "'check-ups-and-scans.md' leads to" in text
    assert ("- misspelling: docs/living/pr-report-new-page.md:9: 'tamoxifin' looks like a misspelling: "
            "did you mean tamoxifen?") in text


def test_translations_behind_their_english_page_are_listed(sides):
    text = review_report.report(*sides, "main")
    section = text[text.index("### Translations"):text.index("### Findings")]
    assert "| es/treatment/immunotherapy.md | behind its English page (since this change) |" in section
    assert "| es/understanding/symptoms.md | follows its English page |" in section, "Markdown alone changed"
    assert section.index("immunotherapy") < section.index("symptoms"), "the pages that need work come first"
    assert re.search(r"^\d+ of \d+ pages have a translation that follows the English page\.$", section, re.M)
    assert "| es/living/pr-report-new-page.md | not translated |" in section
    assert "- translation: docs/es/living/check-ups-and-scans.md:1: docs/es/living/check-ups-and-scans.md " \
           "translates no English page" in text


def test_no_change_says_so(sides):
    base, _ = sides
    text = review_report.report(base, base, "main")
    assert "No page reads differently." in text and "No glossary entry, alias or inventory item" in text


def test_the_command_compares_with_a_git_ref(tmp_path):
    project = git_project(tmp_path)
    result = run_report(project, "HEAD")
    assert result.returncode == 0 and result.stdout.startswith("## What this change does to the site (against HEAD)")
    assert "No page reads differently." in result.stdout


def test_a_committed_symbolic_link_is_a_finding_not_a_traceback(tmp_path):
    project = git_project(tmp_path)
    (project / "docs" / "x.md").symlink_to("/etc/passwd")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "link")
    for base in ("HEAD~1", "HEAD"):  # the link new on the branch, and already in the base
        result = run_report(project, base)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        first = first_section(result.stdout + "### Pages")
        assert "- **Symbolic links** (a symbolic link could publish" in first
        assert "docs/x.md points to /etc/passwd" in first
        assert "root:" not in result.stdout


def test_a_folder_that_is_not_a_git_clone_is_one_clear_line(tmp_path):
    result = run_report(copy_project(tmp_path), "HEAD")
    assert result.returncode == 2 and "cannot read the base 'HEAD'" in result.stderr
    assert "run this in a git clone" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_ref_is_one_clear_line():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pr_report.py"), "--base", "no-such-ref"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "cannot read the base 'no-such-ref'" in result.stderr
    assert "Traceback" not in result.stderr



def test_library_code_is_reported_with_the_hooks():
    assert review_report.kind_of("overrides/mbc_guide/build/pipeline.py") == "hook"
    assert review_report.kind_of("overrides/hooks/pages.py") == "hook"
    assert review_report.kind_of("overrides/partials/page-meta.html") == "template"
