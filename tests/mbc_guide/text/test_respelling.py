"""How to say drug names: the respelling rules, the spoken form, and the checks on data/glossary.yml."""
from __future__ import annotations

import datetime as dt

import pytest

from mbc_guide.checks import coverage_report, source_check
from mbc_guide.data.errors import DataError
from mbc_guide.data.site import load_all
from mbc_guide.names.term_marker import TermMarker
from mbc_guide.pages import generated_pages as gen
from mbc_guide.text import respelling
from tests.helpers import ROOT, on_fragment
from tests.helpers import edit_once as edit
from tests.helpers import load_data as load


@pytest.mark.parametrize("say", ["per-TOO-zoo-mab", "TAK-saynz", "tuh-MOK-sih-FEN",
                                 "AY-doh-tras-TOO-zoo-mab em-TAN-seen"])
def test_nci_style_respellings_are_accepted(say):
    assert respelling.problem(say) is None


@pytest.mark.parametrize(("say", "why"), [
    ("pertuzumab", "marks no stressed syllable"),
    ("per-Too-zoo-mab", "is not a respelling"),
    ("per--TOO", "is not a respelling"),
    ("per TOO  mab", "is not a respelling"),
    ("<b>TOO</b>", "is not a respelling"),
    ("per-TOO-zoo-mab.", "is not a respelling"),
])
def test_other_writing_is_refused(say, why):
    assert why in respelling.problem(say)


def test_screen_readers_get_plain_syllables_and_the_stress_in_words():
    assert respelling.spoken("per-TOO-zoo-mab") == "per too zoo mab, stress on too"
    assert respelling.spoken("tuh-MOK-sih-FEN") == "tuh mok sih fen, stress on mok and fen"
    assert respelling.spoken("AY-doh-tras-TOO-zoo-mab em-TAN-seen") == \
        "ay doh tras too zoo mab em tan seen, stress on ay, too and tan"


@pytest.mark.parametrize(("kind", "term", "needed"), [
    ("drug", "pertuzumab", True), ("class", "taxanes", True), ("class", "aromatase inhibitors", True),
    ("class", "PD-1 inhibitors", False), ("class", "PARP inhibitors", False), ("class", "mTOR inhibitors", False),
    ("term", "hospice", False),
])
def test_which_entries_need_a_respelling(kind, term, needed):
    assert respelling.needs_respelling(kind, term) is needed


# --- The real data ---------------------------------------------------------------------------


def test_every_drug_and_word_named_class_of_the_glossary_has_a_respelling_with_its_source():
    inventory, glossary = load_all()
    needing = [e for e in glossary.entries if respelling.needs_respelling(e.kind, e.term)]
    assert len(needing) >= 20
    for entry in needing:
        assert entry.say and entry.say_source, entry.term
        if entry.say_source != "own":
            assert inventory.names_source("respellings", entry.say_source).id == "nci-dictionaries"
    assert glossary.find("pertuzumab").say == "per-TOO-zoo-mab"


def test_the_nci_dictionaries_are_a_names_only_source():
    inventory, _ = load_all()
    nci = inventory.sources["nci-dictionaries"]
    assert nci.names_only == ("respellings",) and nci.items == () and nci.file == ""
    assert nci not in inventory.text_sources()
    assert nci.url.startswith("https://www.cancer.gov/")


# --- Bad data ----------------------------------------------------------------------------------




@pytest.mark.parametrize(("old", "new", "message"), [
    ("    say: per-TOO-zoo-mab\n", "    say: pertuzumab\n", "marks no stressed syllable"),
    ("    say: per-TOO-zoo-mab\n", "", "has a 'say_source' but no 'say'"),
    ("    say_source: https://siteman.wustl.edu/glossary/CDR0000340934/?xml=CDR0000340934.xml\n", "",
     "has a 'say' but no 'say_source'; add 'say_source' (the address"),
    ("    say_source: https://siteman.wustl.edu/glossary/CDR0000340934/?xml=CDR0000340934.xml\n",
     "    say_source: https://example.org/pertuzumab\n", "must be 'own' or the address of an entry"),
])
def test_bad_respellings_name_the_line_and_the_fix(data, old, new, message):
    edit(data / "glossary.yml", old, new)
    with pytest.raises(DataError) as err:
        load(data)
    assert message in str(err.value) and err.value.line


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    names_only: [respellings]\n", "    names_only: [respellings]\n    file: nci.txt\n",
     "source 'nci-dictionaries' may not have 'file'; remove it. A names-only source gives names only"),
    ("    names_only: [respellings]\n", "    names_only: [respellings]\n    drugs: []\n",
     "source 'nci-dictionaries' may not have 'drugs'; remove it."),
    ("    names_only: [respellings]\n", "    names_only: [side effects]\n",
     "'side effects' in 'names_only' is unknown; use one of respellings, brand names."),
    ("      - https://www.cancer.gov/publications/dictionaries/\n", "      - javascript:alert(1)\n",
     "must be a web address"),
])
def test_a_names_only_source_gives_names_and_nothing_else(data, old, new, message):
    edit(data / "sources.yml", old, new)
    with pytest.raises(DataError) as err:
        load(data)
    assert message in str(err.value) and err.value.line
    assert str(err.value).startswith(f"{data / 'sources.yml'}:{err.value.line}: ")


def test_a_drug_without_a_respelling_fails_the_validator_with_its_line(data):
    edit(data / "glossary.yml", "    say: luh-PA-tih-nib\n    say_source: own\n", "")
    inventory, glossary = load(data)
    report = coverage_report.check_site(ROOT / "docs", inventory=inventory, glossary=glossary, today=dt.date(2027, 1, 1))
    found = [f for f in report.errors if f.kind == "respelling"]
    assert [f.item for f in found] == ["lapatinib"]
    assert found[0].file.endswith("glossary.yml") and found[0].line == glossary.find("lapatinib").line
    assert "add `say:`" in found[0].fix


def test_the_source_check_reads_no_text_for_a_names_only_source(tmp_path):
    inventory, _ = load_all()
    texts = ROOT.parent / "shared" / "sources"
    if not texts.is_dir():
        pytest.skip("the source texts are not beside the repository")
    check = source_check.check_sources(inventory, texts)
    assert "nci-dictionaries" not in check.texts and set(check.texts) == {"medical-news-today", "cleveland-clinic"}
    assert check.findings == []


# --- Where readers see it -----------------------------------------------------------------------


def test_the_term_marker_writes_the_respelling_and_its_spoken_form():
    _, glossary = load_all()
    html, _ = on_fragment(TermMarker(glossary.entries).mark, "<p>Pertuzumab helps.</p>", lambda e: f"g/#{e.anchor}")
    assert 'data-say="per-TOO-zoo-mab"' in html
    assert 'data-say-spoken="per too zoo mab, stress on too"' in html


def test_a_term_without_a_respelling_gets_no_say_attribute():
    _, glossary = load_all()
    html, _ = on_fragment(TermMarker(glossary.entries).mark, "<p>A hospice helps.</p>", lambda e: f"g/#{e.anchor}")
    assert "data-say" not in html


def test_the_glossary_page_shows_the_respelling_to_the_eye_and_the_spoken_form_to_screen_readers():
    inventory, glossary = load_all()
    page = gen.glossary_markdown(inventory, glossary)
    assert ('<span class="mbc-say">Say it: <span class="mbc-say__respelling" aria-hidden="true">per-TOO-zoo-mab'
            '</span><span class="mbc-visually-hidden">per too zoo mab, stress on too</span></span>') in page
    assert "nci-dictionaries" in page.split("---")[1], "the glossary cites the names source it uses"


def test_the_say_it_line_escapes_what_it_is_given():
    assert "&lt;" in gen.say_it("<b>") and "<b>" not in gen.say_it("<b>")
