"""Misspelt names (mbc_guide.checks.misspelt_names): a slip of a glossary name, typed as a person would, fails the
validator at its file and line with the name meant; real words and the right names, in any form, never do."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from mbc_guide.checks import coverage_report, misspelt_names, rendering, validator
from mbc_guide.data.site import load_all
from mbc_guide.names import drug_names
from tests.helpers import ROOT, edit_once, load_data

TODAY = dt.date.today()
FIXTURE = ROOT / "tests" / "fixtures" / "covered"
# Slips a person makes, each on a page that also names the drug right: (page, the right name on it, slip, name meant).
SLIPS = [
    ("treatment/hormone-therapy.md", "tamoxifen", "tamoxfien", "tamoxifen"),  # two letters swapped
    ("treatment/hormone-therapy.md", "tamoxifen", "tamoxifin", "tamoxifen"),  # a vowel changed
    ("treatment/chemotherapy.md", "capecitabine", "capecitibine", "capecitabine"),  # a vowel changed
    ("treatment/chemotherapy.md", "eribulin", "eribulen", "eribulin"),  # a vowel changed
    ("treatment/targeted-therapy.md", "trastuzumab", "trastuzumabb", "trastuzumab"),  # a letter doubled
    ("about/index.md", "Herceptin", "Herceptn", "Herceptin"),  # a brand, a letter left out
]
# Real words a page may use that are a letter or two from a drug or glossary name.
NEAR_REAL_WORDS = "cycling cyclic perception perceptions dependant notes modes hormonal menopausal kinases"
# The right names, in the forms pages write them: plurals, aliases, brands, capitals, possessives, hyphens.
RIGHT_NAMES = ("Tamoxifen's, TRASTUZUMAB, Herceptin, Xeloda, Nolvadex, a taxane, taxanes, anthracycline, "
               "anthracyclines, aromatase inhibitor, ado trastuzumab emtansine, ado-trastuzumab emtansine, "
               "cyclin-dependent kinase inhibitors, PD-L1, PDL1 inhibitors, PIK3CA, mammograms, lymph node.")


@pytest.fixture(scope="module")
def slips() -> misspelt_names.MisspeltNames:
    inventory, glossary = load_all()
    return misspelt_names.for_site(drug_names.for_site(inventory, glossary), glossary)


def check(project: Path) -> coverage_report.Report:
    """The validator's page checks on a copy of the project."""
    inventory, glossary = load_data(project / "data")
    render = rendering.renderer(*rendering.markdown_settings(project / "mkdocs.yml"))
    return coverage_report.check_site(project / "docs", inventory=inventory, glossary=glossary, today=TODAY,
                                      render=render)


def add_line(page: Path, line: str) -> int:
    """Add a paragraph at the end of a page; its line number."""
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{line}\n", encoding="utf-8")
    return len(page.read_text(encoding="utf-8").splitlines())


def misspellings(report: coverage_report.Report, docs: Path) -> list[str]:
    """Each misspelling finding as the validator prints it: where, then what."""
    return [f"{validator.location(f, docs)}: {f.message}" for f in report.findings if f.kind == "misspelling"]


@pytest.mark.parametrize(("page", "right", "slip", "meant"), SLIPS, ids=[s[2] for s in SLIPS])
def test_a_slip_is_caught_at_its_file_and_line_with_the_name_meant(site_copy, page, right, slip, meant):
    path = site_copy / "docs" / page
    assert right in path.read_text(encoding="utf-8")  # the page also names it right
    line = add_line(path, f"Ask your nurse if {slip} is right for you.")
    report = check(site_copy)
    assert misspellings(report, site_copy / "docs") == [
        f"{site_copy / 'docs' / page}:{line}: '{slip}' looks like a misspelling: did you mean {meant}?"]
    assert not report.ok


def test_a_slip_of_a_newly_added_drug_is_caught(site_copy):
    """palbociclib, added as CONTRIBUTING.md says, named right on its page, and once with a letter left out."""
    data, page = site_copy / "data", site_copy / "docs" / "treatment" / "targeted-therapy.md"
    edit_once(data / "sources.yml", "      - {name: tucatinib, treatment: targeted-therapy}\n",
              "      - {name: tucatinib, treatment: targeted-therapy}\n"
              "      - {name: palbociclib, treatment: targeted-therapy}\n")
    edit_once(data / "glossary.yml", "  - term: tucatinib\n",
              "  - term: palbociclib\n    say: PAL-boh-SY-klib\n    say_source: own\n    kind: drug\n"
              "    no_brand: a test\n    treatments: [targeted-therapy]\n    definition: A targeted drug.\n\n"
              "  - term: tucatinib\n")
    edit_once(page, "- trastuzumab\n", "- trastuzumab\n- palbociclib\n")
    line = add_line(page, "Some people take palbociclb.")
    report = check(site_copy)
    assert [f"{validator.location(f, site_copy / 'docs')}: {f.message}" for f in report.errors] == [
        f"{page}:{line}: 'palbociclb' looks like a misspelling: did you mean palbociclib?"]


def test_a_slip_in_a_glossary_definition_is_caught_at_its_entry(site_copy):
    glossary = site_copy / "data" / "glossary.yml"
    edit_once(glossary, "A hormone therapy drug. Hormone therapy may help",
              "A hormone therapy drug. Hormone therapy, like tamoxifin, may help")
    line = glossary.read_text(encoding="utf-8").splitlines().index("  - term: tamoxifen") + 1
    report = check(site_copy)
    assert [(f.file, f.line, f.message) for f in report.findings if f.kind == "misspelling"] == [
        (str(glossary), line, "the definition of 'tamoxifen' has 'tamoxifin', which looks like a misspelling: "
                              "did you mean tamoxifen?")]


def test_the_validator_fails_and_says_what_to_write(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    page = site / "docs" / "treatment" / "hormone.md"
    line = add_line(page, "Tamoxifin may cause hot flushes.")
    code = validator.main(["--docs", str(site / "docs"), "--sources", str(site / "data" / "sources.yml"),
                           "--glossary", str(site / "data" / "glossary.yml"), "--source-texts", str(site / "texts"),
                           "--today", "2026-06-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert (f"ERROR {page}:{line}: 'Tamoxifin' looks like a misspelling: did you mean tamoxifen? -> write tamoxifen; "
            "if it is another word, spelt right, list it under not_drugs in data/glossary.yml, with a reason") in out


def test_a_slip_is_not_also_reported_as_an_unknown_drug(site_copy):
    """trastazumab ends like a drug name (-mab): it is reported once, as the slip it is."""
    page = site_copy / "docs" / "treatment" / "targeted-therapy.md"
    add_line(page, "Ask about trastazumab.")
    names = [(f.kind, f.item) for f in check(site_copy).findings if f.kind in ("misspelling", "drug name")]
    assert names == [("misspelling", "trastazumab")]


def test_a_real_drug_near_a_glossary_name_is_an_unknown_drug_not_a_slip(site_copy):
    """decitabine is two letters from gemcitabine, but it is a drug of its own: the drug-name check reports it."""
    add_line(site_copy / "docs" / "treatment" / "chemotherapy.md", "Ask about decitabine.")
    names = [(f.kind, f.item) for f in check(site_copy).findings if f.kind in ("misspelling", "drug name")]
    assert names == [("drug name", "decitabine")]


def test_real_words_and_right_names_are_not_slips(slips, site_copy):
    assert slips.find(NEAR_REAL_WORDS) == []
    assert slips.find(RIGHT_NAMES) == []
    page = site_copy / "docs" / "treatment" / "hormone-therapy.md"
    add_line(page, f"{NEAR_REAL_WORDS}. {RIGHT_NAMES}")
    report = check(site_copy)
    assert misspellings(report, site_copy / "docs") == [] and report.ok


def test_a_different_word_spelt_right_is_silenced_by_not_drugs(site_copy):
    page = site_copy / "docs" / "treatment" / "chemotherapy.md"
    add_line(page, "Eribulen is the name of our ward.")
    assert misspellings(check(site_copy), site_copy / "docs")
    glossary = site_copy / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") +
                        "\nnot_drugs:\n  - {name: Eribulen, reason: the name of a ward}\n", encoding="utf-8")
    assert misspellings(check(site_copy), site_copy / "docs") == []


def test_short_names_and_words_far_from_a_name_are_left_alone():
    slips = misspelt_names.MisspeltNames(["HER2", "taxane", "trastuzumab"])
    assert slips.find("HER3 HR2 taxine trastazumeb trastuzzumab") == [
        ("taxine", "taxane"), ("trastazumeb", "trastuzumab"), ("trastuzzumab", "trastuzumab")]
    assert slips.find("taxon trasztuzomeb") == []  # two slips of a 6-letter name; three of an 11-letter one


def test_code_and_link_addresses_do_not_count(site_copy):
    page = site_copy / "docs" / "treatment" / "hormone-therapy.md"
    add_line(page, "```\ntamoxifin\n```\n\nSee [this page](https://example.org/tamoxifin).")
    assert misspellings(check(site_copy), site_copy / "docs") == []


def test_the_site_has_no_slip(slips):
    report = coverage_report.check_site(ROOT / "docs", today=TODAY)
    assert misspellings(report, ROOT / "docs") == []
    render = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
    pages = coverage_report.read_pages(ROOT / "docs")
    assert len(pages) >= 15
    for rel, page in pages.items():
        assert slips.find(rendering.visible_text(render(page.body))) == [], rel
    assert slips.find(" ".join(e.definition for e in load_all()[1].entries)) == []
