"""Unknown drug names: found on a page by the drug dictionary or an INN stem, reported with page and line,
never tripped by an ordinary word (every page of the site, and lists of everyday words)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import textstat

from mbc_guide.checks import coverage_report, rendering, validator
from mbc_guide.data.site import load_all
from mbc_guide.names import drug_names
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "covered"
# Everyday and medical words a page of this site may use, some of which the drug dictionary also lists
# (caps, oats, hops, buffers, luminal, armour, diamonds, sits, generics, laxatives, antibodies).
EVERYDAY = """
caps oats hops buffers luminal armour diamonds sits mops modus vitae cloves generics laxatives antibiotics
antibodies painkillers steroids vitamins diuretics sunscreen peppermint chamomile aloe ginseng sulfur fertilizers
deodorants indicators reagents snares cashews pecans flours water oxygen iron sugar alcohol tea coffee salt
tumour tumor oestrogen estrogen progesterone hormone hormones chemo chemotherapy radiotherapy radiation surgery
mastectomy lumpectomy biopsy scan scans mammogram ultrasound oncologist nurse hospice palliative lymphedema
neuropathy nausea vomiting fatigue tiredness diarrhoea diarrhea constipation hair loss mouth sores rash
infection fever bones liver lungs brain breast cancer metastatic stage four receptor receptors positive negative
HER2 PD-L1 BRCA PIK3CA immunotherapy targeted therapy trial trials tablet tablets pill pills drip injection
infusion dose doses appointment Monday Tuesday January kind team carer partner children walking sleep food
""".split()


@pytest.fixture(scope="module")
def finder() -> drug_names.DrugNames:
    return drug_names.for_site(*load_all())


def test_no_page_of_the_site_names_an_unknown_drug(finder):
    render = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
    pages = coverage_report.read_pages(ROOT / "docs")
    assert len(pages) >= 15
    for rel, page in pages.items():
        assert finder.unknown(rendering.visible_text(render(page.body))) == [], rel
    _, glossary = load_all()
    for entry in glossary.entries:
        assert finder.unknown(entry.definition) == [], entry.term


def test_everyday_words_are_never_drug_names(finder):
    easy = (Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt").read_text().split()
    assert len(easy) > 2000  # the Dale-Chall list of words most readers know
    assert finder.unknown(" ".join(easy)) == []
    assert finder.unknown(" ".join(EVERYDAY)) == []
    assert finder.unknown(" ".join(w.capitalize() for w in EVERYDAY)) == []


def test_a_drug_the_dictionary_lists_is_found(finder):
    assert finder.unknown("Some take thalidomide; others Paracetamol.") == ["thalidomide", "Paracetamol"]


def test_a_drug_too_new_for_the_dictionary_is_found_by_its_stem(finder):
    assert "quorvatinib" not in drug_names.dictionary_words()
    text = "New drugs: quorvatinib, brivamab and palbociclibs, and datopotamab deruxtecan."
    assert finder.unknown(text) == ["quorvatinib", "brivamab", "palbociclibs", "datopotamab deruxtecan"]


def test_known_names_are_not_reported_in_any_form(finder):
    text = "Olaparib's use, TRASTUZUMAB, ado-trastuzumab emtansine, taxanes, a taxane, PD-1 inhibitors, estrogen."
    assert finder.unknown(text) == []


def test_a_name_recorded_in_the_glossary_is_known():
    dictionary = frozenset({"kadcyla"})
    assert drug_names.DrugNames([], dictionary).unknown("Kadcyla is a brand name.") == ["Kadcyla"]
    assert drug_names.DrugNames(["Kadcyla"], dictionary).unknown("Kadcyla is a brand name.") == []


def test_line_of_finds_a_name_split_by_markup():
    assert drug_names.line_of("one\ntwo\nsome **sacituzumab** govitecan here\n", "sacituzumab govitecan") == 3
    assert drug_names.line_of("nothing", "quorvatinib") is None


def test_the_dictionary_words_are_cached_by_version(tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(drug_names, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(drug_names, "_build_cache", lambda: built.append(1) or {
        "words": "eribulin\n", "names": '{"eribulin": ["Eribulin"]}', "everyday": "water\nnotes\n"})
    cached = (drug_names.dictionary_words, drug_names.dictionary_names, drug_names.everyday_words)
    try:
        for _ in range(2):  # made once, then read back
            for function in cached:
                function.cache_clear()
            assert drug_names.dictionary_words() == {"eribulin"}
            assert drug_names.find_drugs(["Uses", "Eribulin"]) == [({"name": "Eribulin"}, 1, 2)]
            assert drug_names.everyday_words() == {"water", "notes"}
        assert built == [1]
        assert len(list(tmp_path.glob("drug-words-*.txt"))) == 1 and len(list(tmp_path.glob("drug-names-*.json"))) == 1
        assert len(list(tmp_path.glob("drug-everyday-*.txt"))) == 1
    finally:
        for function in cached:
            function.cache_clear()


@pytest.mark.slow  # loads the whole dictionary
def test_the_cache_finds_what_the_dictionary_finds():
    """The cached lookup gives the drug dictionary's own answers (its exact matches)."""
    from drug_named_entity_recognition import find_drugs
    tokens = ("Chemotherapy may use sacituzumab govitecan or eribulin , capecitabine and Tamoxifen ; "
              "ado-trastuzumab emtansine , estrogen , caps , aspirin , Herceptin and water").split()
    theirs = [(data.get("name") or "", first, last) for data, first, last in find_drugs(tokens, is_ignore_case=True)]
    ours = [(data["name"], first, last) for data, first, last in drug_names.find_drugs(tokens)]
    assert ours == theirs and len(ours) >= 8


def test_which_dictionary_entries_count_as_drug_names():
    data = {"aspirin": {"medline_plus_id": "a1"}, "oat": {"drugbank_id": "DB1"}}
    everyday = {"aspirin", "oats", "caps"}
    assert drug_names.keeps("eribulin", ["eribulin"], data, everyday)  # not an everyday word
    assert drug_names.keeps("aspirin", ["aspirin"], data, everyday)  # everyday, but a medicine's own name
    assert not drug_names.keeps("oats", ["oat"], data, everyday)
    assert not drug_names.keeps("caps", ["3-(cyclohexylamino)propanesulfonic acid"], data, everyday)
    assert not drug_names.keeps("ado-trastuzumab", ["x"], data, everyday) and not drug_names.keeps("azt", [], {}, set())


def test_the_real_dictionary_words():
    words = drug_names.dictionary_words()
    assert {"eribulin", "thalidomide", "paracetamol", "tamoxifen", "kadcyla"} <= words
    assert not {"caps", "oats", "buffers", "luminal", "armour", "hops"} & words


def test_the_real_everyday_words():
    words = drug_names.everyday_words()
    assert len(words) > 100_000 and {"cycling", "perception", "notes", "water", "tamoxifen"} <= words
    assert not {"tamoxifin", "herceptin", "eribulin", "eribulen"} & words


# --- Through the validator, on the covered fixture site ----------------------------------------


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


def run(site: Path, capsys) -> tuple[int, str]:
    code = validator.main(["--docs", str(site / "docs"), "--sources", str(site / "data" / "sources.yml"),
                          "--glossary", str(site / "data" / "glossary.yml"), "--source-texts", str(site / "texts"),
                          "--today", "2026-06-01"])
    return code, capsys.readouterr().out


def test_validator_names_page_line_and_what_to_add(site, capsys):
    page = site / "docs" / "treatment" / "chemo.md"
    page.write_text(page.read_text() + "\n\nSome get *sacituzumab govitecan*.\n")
    code, out = run(site, capsys)
    assert code == 1
    line = page.read_text().splitlines().index("Some get *sacituzumab govitecan*.") + 1
    assert f"chemo.md:{line}: 'sacituzumab govitecan' looks like a drug name, but the glossary does not know it" in out
    assert "data/sources.yml" in out and "data/glossary.yml" in out and "needs its source registered first" in out


def test_a_drug_only_in_code_or_a_link_address_is_not_reported(site, capsys):
    page = site / "docs" / "treatment" / "chemo.md"
    page.write_text(page.read_text() + "\n\n```\nquorvatinib\n```\n\nSee [a page](https://example.org/quorvatinib).\n")
    code, out = run(site, capsys)
    assert code == 0, out


def test_not_drugs_in_the_glossary_silence_a_word(site, capsys):
    page = site / "docs" / "treatment" / "chemo.md"
    page.write_text(page.read_text() + "\n\nThe Rovamab family helped.\n")
    assert "'Rovamab' looks like a drug name" in run(site, capsys)[1]
    glossary = site / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text() + "not_drugs:\n  - {name: Rovamab, reason: a family name}\n")
    code, out = run(site, capsys)
    assert code == 0, out


def test_a_definition_naming_an_unknown_drug_is_reported_at_its_line(site, capsys):
    glossary = site / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text().replace("definition: A chemotherapy drug.",
                                                     "definition: A chemotherapy drug, like quorvatinib.", 1))
    code, out = run(site, capsys)
    assert code == 1
    assert "glossary.yml:18: the definition of 'cisplatin' names 'quorvatinib'" in out
