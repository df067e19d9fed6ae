"""scripts/validate.py: the coverage report, each kind of gap, and unusable input.

Each test copies the fully covered fixture site (tests/fixtures/covered) into a
temporary folder, breaks one thing, and checks the exit code and the message.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mbc_guide.checks import validator
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "covered"
TODAY = "2026-06-01"


@pytest.fixture
def site(tmp_path) -> Path:
    """A writable copy of the covered fixture site."""
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


def run(site: Path, *extra: str, capsys) -> tuple[int, str, str]:
    """Run the validator on a fixture site; return (exit code, stdout, stderr)."""
    code = validator.main(["--docs", str(site / "docs"), "--sources", str(site / "data" / "sources.yml"),
                          "--glossary", str(site / "data" / "glossary.yml"), "--source-texts", str(site / "texts"),
                          "--today", TODAY, *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_covered_site_passes(site, capsys):
    code, out, err = run(site, capsys=capsys)
    assert code == 0, out + err
    assert "All covered." in out
    assert "3 drugs, 3 side effects" in out


def test_json_output(site, capsys):
    code, out, _ = run(site, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert data["totals"]["drugs"] == 3 and data["totals"]["side_effects"] == 3
    assert {s["id"] for s in data["sources"]} == {"src-a", "src-b"}


def test_drug_missing_from_glossary(site, capsys):
    edit(site / "data" / "glossary.yml", "  - term: cisplatin\n    say: sis-PLA-tin\n    say_source: own\n    no_brand: a made-up site\n    kind: drug\n    treatments: [chemotherapy]\n"
         "    definition: A chemotherapy drug.\n", "")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "drug 'cisplatin' (Chemotherapy) has no glossary entry" in out
    assert "add an entry with term 'cisplatin' to data/glossary.yml" in out


def test_drug_not_on_its_class_page(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "taxanes and ", "")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "treatment/chemo.md" in out
    assert "drug 'taxanes' from src-a is not mentioned on the chemotherapy page" in out
    assert "mention 'taxanes' in the text of treatment/chemo.md" in out


def test_side_effect_removed_from_page(site, capsys):
    edit(site / "docs" / "treatment" / "hormone.md", "It can cause hot flushes.", "")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "side effect 'hot flashes' from src-a is not mentioned on the hormone therapy page" in out
    assert "(or: hot flushes)" in out


def test_alias_counts_as_a_mention(site, capsys):
    # The fixture page says "hot flushes", an alias of "hot flashes": covered.
    code, _, _ = run(site, capsys=capsys)
    assert code == 0


def test_mention_in_a_link_target_or_comment_does_not_count(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "hair loss", "[this](hair-loss.md) <!-- hair loss -->")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "side effect 'hair loss'" in out


def test_page_with_no_source(site, capsys):
    edit(site / "docs" / "index.md", "sources: [src-b]\n", "")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "index.md" in out and "names no source" in out and "add `sources: [id, ...]`" in out


def test_page_with_unknown_source(site, capsys):
    edit(site / "docs" / "index.md", "sources: [src-b]", "sources: [wikipedia]")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "names the unknown source 'wikipedia'" in out


@pytest.mark.parametrize("bad", ["soon", "", "21/11/2026"])
def test_bad_review_date(site, capsys, bad):
    edit(site / "docs" / "index.md", "reviewed: 2026-01-10", f"reviewed: {bad}")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "index.md" in out and "`reviewed` date" in out and "YYYY-MM-DD" in out


def test_impossible_review_date_exits_2(site, capsys):
    edit(site / "docs" / "index.md", "reviewed: 2026-01-10", "reviewed: 2026-13-40")
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and "index.md:4:" in err and "'2026-13-40' is not a real date" in err


def test_next_review_before_reviewed(site, capsys):
    edit(site / "docs" / "index.md", "next_review: 2027-01-10", "next_review: 2025-01-10")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "on or before reviewed" in out


def test_overdue_review_is_a_warning_by_default(site, capsys):
    code, out, _ = run(site, "--today", "2027-03-01", capsys=capsys)
    assert code == 0
    assert "warn" in out and "was due for review on 2027-01-10" in out


def test_overdue_review_fails_with_the_flag(site, capsys):
    code, out, _ = run(site, "--today", "2027-03-01", "--fail-overdue", capsys=capsys)
    assert code == 1
    assert "ERROR" in out and "treatment/chemo.md" in out and "was due for review on 2027-01-10" in out


def test_glossary_entry_not_backed_by_a_source(site, capsys):
    (site / "data" / "glossary.yml").write_text(
        (site / "data" / "glossary.yml").read_text() + "  - term: aspirin\n    kind: drug\n"
        "    treatments: [chemotherapy]\n    definition: Not in any source.\n")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "glossary entry 'aspirin' is not backed by any source item" in out
    assert "remove it from data/glossary.yml" in out


def test_glossary_entry_missing_a_treatment_the_source_names(site, capsys):
    edit(site / "data" / "glossary.yml", "treatments: [hormone-therapy]", "treatments: [chemotherapy]")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "does not list hormone-therapy" in out


# --- Unusable input: exit 2 and one line naming the file and line ----------------------


@pytest.mark.parametrize(("name", "breakage", "expected"), [
    ("syntax", lambda p: p.write_text("reviewed: 2026-01-10\ntreatments: [a\n"), r"sources\.yml:\d+: YAML syntax"),
    ("empty", lambda p: p.write_text(""), r"sources\.yml:1: the file is empty"),
    ("missing", lambda p: p.unlink(), r"sources\.yml: file not found"),
    ("wrong type", lambda p: p.write_text(p.read_text().replace("treatments:\n", "treatments: 3\nx:\n", 1)),
     r"sources\.yml:\d+: "),
    ("unknown class", lambda p: p.write_text(p.read_text().replace("treatment: chemotherapy}", "treatment: chemo}", 1)),
     r"sources\.yml:\d+: drug 'taxanes' of source 'src-a': unknown treatment 'chemo'"),
    ("duplicate id", lambda p: p.write_text(p.read_text().replace("  src-b:", "  src-a:")),
     r"sources\.yml:\d+: YAML syntax problem: the key 'src-a' appears twice"),
    ("duplicate item", lambda p: p.write_text(p.read_text().replace(
        "      - {name: nausea, treatment: chemotherapy}",
        "      - {name: nausea, treatment: chemotherapy}\n      - {name: Nausea, treatment: chemotherapy}")),
     r"sources\.yml:\d+: side effect 'Nausea' is listed twice"),
])
def test_unusable_inventory_exits_2(site, capsys, name, breakage, expected):
    breakage(site / "data" / "sources.yml")
    code, out, err = run(site, capsys=capsys)
    assert code == 2, out
    assert len(err.strip().splitlines()) == 1, err
    assert re.search(expected, err), err
    assert "Traceback" not in err


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda t: t.replace("    definition: A protein.\n", ""), r"glossary\.yml:\d+: entry 'HER2' has no 'definition'"),
    (lambda t: t.replace("aliases: [taxane]", "aliases: [tamoxifen]"),
     r"glossary\.yml:\d+: entry 'taxanes': the name 'tamoxifen' is already used by 'tamoxifen'"),
    (lambda t: t.replace("treatments: [hormone-therapy]", "treatments: [surgery]"),
     r"glossary\.yml:\d+: entry 'tamoxifen': unknown treatment class 'surgery'"),
    (lambda t: t.replace("kind: drug", "kind: pill", 1), r"entry 'tamoxifen': kind 'pill' is unknown"),
    (lambda t: t.replace("entries:", "entries: {"), r"glossary\.yml:\d+: YAML syntax"),
    (lambda t: t.replace("definition: A protein.", "definition: [a, b]"), r"'definition' must be text"),
])
def test_unusable_glossary_exits_2(site, capsys, breakage, expected):
    path = site / "data" / "glossary.yml"
    path.write_text(breakage(path.read_text()))
    code, out, err = run(site, capsys=capsys)
    assert code == 2, out
    assert re.search(expected, err), err


def test_missing_docs_folder_exits_2(site, capsys):
    shutil.rmtree(site / "docs")
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and "docs" in err and "does not exist" in err


def test_bad_front_matter_yaml_exits_2(site, capsys):
    edit(site / "docs" / "index.md", "sources: [src-b]", "sources: [src-b")
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and "index.md:" in err and "YAML syntax" in err


@pytest.mark.reports
def test_real_site_passes_quickly():
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py")], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All covered." in result.stdout
    print(f"validator on the real site: {elapsed:.2f} s (informational)")


@pytest.mark.parametrize("hidden_mention", [
    "```\nnausea\n```",                       # a fenced code block
    "<!-- nausea -->",                        # an HTML comment
    "[Read more](https://example.org/nausea)",  # a link's address
    '<div hidden>nausea</div>',               # a hidden element
    '<span style="display: none">nausea</span>',
    '![nausea](picture.png)',                 # image alt text does not count (README)
])
def test_only_text_a_reader_sees_counts_as_covered(site, capsys, hidden_mention):
    edit(site / "docs" / "treatment" / "chemo.md", "hair loss and nausea.", f"hair loss.\n\n{hidden_mention}\n")
    code, out, _ = run(site, capsys=capsys)
    assert "side effect 'nausea' from src-a is not mentioned on the chemotherapy page" in out


def test_mention_in_visible_inline_markup_counts(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "hair loss and nausea.", "hair loss and **nau**sea? no: *nausea*.")
    code, out, _ = run(site, capsys=capsys)
    assert code == 0, out


def test_safety_problem_names_page_and_line(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "# Chemotherapy", '# Chemotherapy\n\n<p onclick="x()">Hi</p>')
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "treatment/chemo.md:9: the event handler onclick= on <p> is not allowed on a page" in out


# --- Every message says where: the file and line to fix (issue: errors that say where and what) -------


def test_drug_without_glossary_entry_names_its_inventory_line(site, capsys):
    edit(site / "data" / "glossary.yml", "  - term: cisplatin\n    say: sis-PLA-tin\n    say_source: own\n"
         "    no_brand: a made-up site\n    kind: drug\n    treatments: [chemotherapy]\n"
         "    definition: A chemotherapy drug.\n", "")
    _, out, _ = run(site, capsys=capsys)
    assert re.search(r"data/sources\.yml:17: drug 'cisplatin' \(Chemotherapy\) has no glossary entry", out), out


def test_glossary_problems_name_the_glossary_file_and_line(site, capsys):
    edit(site / "data" / "glossary.yml", "treatments: [hormone-therapy]", "treatments: [chemotherapy]")
    (site / "data" / "glossary.yml").write_text((site / "data" / "glossary.yml").read_text() +
                                               "  - term: aspirin\n    say: AS-prin\n    say_source: own\n"
                                               "    no_brand: a made-up site\n    kind: drug\n"
                                               "    treatments: [chemotherapy]\n    definition: Not in any source.\n")
    _, out, _ = run(site, capsys=capsys)
    assert re.search(r"data/glossary\.yml:4: glossary entry 'tamoxifen' does not list hormone-therapy", out), out
    assert re.search(r"data/glossary\.yml:29: glossary entry 'aspirin' is not backed by any source item", out), out
    assert "  glossary.md\n" in out  # still grouped under the page the reader sees


def test_missing_mention_names_the_page_and_the_inventory_line(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "taxanes and ", "")
    _, out, _ = run(site, capsys=capsys)
    assert re.search(r"docs/treatment/chemo\.md: drug 'taxanes' from src-a is not mentioned on the chemotherapy "
                     r"page \(\S*data/sources\.yml:16 lists it\)", out), out


@pytest.mark.parametrize(("link", "expected"), [
    ("[more](no-such-page.md)", r"the link 'no-such-page\.md' leads to 'no-such-page\.md', which is not a page"),
    ("[more](hormone.md#no-such-heading)",
     r"the link 'hormone\.md#no-such-heading' leads to '#no-such-heading', which is not a heading or anchor on "
     r"treatment/hormone\.md -> use the anchor of one of its headings \(#hormone-therapy\)"),
    ("[more](#nowhere)", r"leads to '#nowhere', which is not a heading or anchor on treatment/chemo\.md"),
    ("[more][ref]\n\n[ref]: ../index.md#gone", r"leads to '#gone', which is not a heading or anchor on index\.md"),
])
def test_broken_links_and_anchors_are_reported_with_their_line(site, capsys, link, expected):
    edit(site / "docs" / "treatment" / "chemo.md", "# Chemotherapy", f"# Chemotherapy\n\nRead {link}\n")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    line = 11 if "[ref]:" in link else 9
    assert re.search(rf"docs/treatment/chemo\.md:{line}: (the link .*)?{expected}", out), out


def test_working_links_and_anchors_pass(site, capsys):
    edit(site / "docs" / "treatment" / "chemo.md", "# Chemotherapy",
         "# Chemotherapy\n\nSee [hormones](hormone.md#hormone-therapy), [home](../index.md), [top](#chemotherapy), "
         "[the glossary](../glossary.md) and [a site](https://example.org/x.md#y).\n")
    code, out, _ = run(site, capsys=capsys)
    assert code == 0, out


def test_github_actions_gets_annotations(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    edit(site / "docs" / "treatment" / "chemo.md", "# Chemotherapy", "# Chemotherapy\n\nRead [more](gone.md).\n")
    _, out, _ = run(site, capsys=capsys)
    assert re.search(r"^::error file=\S*docs/treatment/chemo\.md,line=9::the link 'gone\.md' leads to", out, re.M), out
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert "::error" not in run(site, capsys=capsys)[1]


def test_github_actions_gets_an_annotation_for_unusable_data(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    edit(site / "data" / "glossary.yml", "kind: drug", "kind: pill")
    code, out, _ = run(site, capsys=capsys)
    assert code == 2
    assert re.search(r"^::error file=\S*data/glossary\.yml,line=8::entry 'tamoxifen': kind 'pill' is unknown", out, re.M)
