"""The data loader: typed records from the real data, and clear errors for bad data."""
from __future__ import annotations

import datetime as dt

import pytest

from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import page_meta_problems
from mbc_guide.data.glossary import load_glossary, slug, unique_anchors
from mbc_guide.data.site import load_all
from mbc_guide.data.yaml_lines import read_yaml_file
from mbc_guide.paths import GLOSSARY_FILE
from mbc_guide.text.characters import normalise


def test_real_data_loads():
    inventory, glossary = load_all()
    assert set(inventory.treatments) == {"hormone-therapy", "chemotherapy", "targeted-therapy", "immunotherapy"}
    assert {"medical-news-today", "cleveland-clinic"} <= set(inventory.sources)
    assert glossary.find("Carboplatin").member_of == "platinum chemotherapy"
    assert glossary.find("olaparib").member_of == "PARP inhibitors"
    assert glossary.find("talazoparib").member_of == "PARP inhibitors"


def test_inventory_keeps_both_memberships():
    inventory, _ = load_all()
    cdk = {i.treatment for i in inventory.items("drug") if i.name == "cyclin-dependent kinase inhibitors"}
    adc = {i.treatment for i in inventory.items("drug") if i.name == "antibody-drug conjugates"}
    assert cdk == {"hormone-therapy", "targeted-therapy"}
    assert adc == {"chemotherapy", "targeted-therapy"}


def test_every_drug_of_the_sources_is_inventoried():
    """No count: a drug added the way CONTRIBUTING says (inventory and glossary) keeps this true."""
    inventory, glossary = load_all()
    names = {i.name.lower() for i in inventory.items("drug")}
    in_glossary = {e.term.lower() for e in glossary.entries if e.kind in ("drug", "class")}
    assert {glossary.find(n).term.lower() for n in names if glossary.find(n)} == in_glossary
    for drug in ("tamoxifen", "eribulin", "olaparib", "ixabepilone", "vinorelbine", "tucatinib", "lapatinib",
                 "pertuzumab", "trastuzumab", "capecitabine", "gemcitabine", "pd-1 inhibitors", "pd-l1 inhibitors"):
        assert drug in names


def test_cleveland_clinic_names_no_drug():
    inventory, _ = load_all()
    assert [i for i in inventory.sources["cleveland-clinic"].items if i.kind != "term"] == []


def test_dates_are_real_dates():
    inventory, glossary = load_all()
    assert isinstance(inventory.reviewed, dt.date) and isinstance(glossary.next_review, dt.date)


def write(tmp_path, text):
    path = tmp_path / "data.yml"
    path.write_text(text)
    return path


def test_duplicate_key_names_its_line(tmp_path):
    path = write(tmp_path, "a: 1\nb: 2\na: 3\n")
    with pytest.raises(DataError) as err:
        read_yaml_file(path)
    assert err.value.line == 3 and "the key 'a' appears twice" in str(err.value)


def test_not_a_mapping(tmp_path):
    with pytest.raises(DataError, match="expected a YAML mapping"):
        read_yaml_file(write(tmp_path, "- a\n- b\n"))


def test_unsafe_yaml_tags_are_refused(tmp_path):
    with pytest.raises(DataError, match="YAML"):
        read_yaml_file(write(tmp_path, "a: !!python/object/apply:os.system ['true']\n"))


def test_slug():
    assert slug("PD-L1 inhibitors") == "pd-l1-inhibitors"
    assert slug("mTOR inhibitors") == "mtor-inhibitors"


def test_page_meta_problems():
    inventory, _ = load_all()
    today = dt.date(2026, 11, 21)
    good = {"sources": ["cleveland-clinic"], "reviewed": dt.date(2026, 11, 21), "next_review": dt.date(2027, 11, 21)}
    assert page_meta_problems(good, inventory, today) == ([], [])
    errors, _ = page_meta_problems({**good, "reviewed": dt.date(2027, 1, 1)}, inventory, today)
    assert any("in the future" in e for e in errors)
    _, warnings = page_meta_problems(good, inventory, dt.date(2028, 1, 1))
    assert warnings and "due for review on 2027-11-21" in warnings[0]


def test_anchors_are_unique_non_empty_and_stable():
    terms = ["α-blockers", "β-blockers", "乳腺癌", "★", "PD-L1", "pd l1", "A"]
    anchors = unique_anchors(terms, taken={"letter-a"})
    assert anchors == unique_anchors(terms, taken={"letter-a"})  # stable
    assert len(set(anchors)) == len(anchors) and all(anchors)
    assert anchors[0] != anchors[1]  # Greek letters are transliterated, not dropped
    assert anchors[2].isascii() and anchors[2] != "term-3"  # a non-Latin term still gets a readable anchor
    assert anchors[3] == "term-4"  # symbols only: a counter
    assert anchors[4:6] == ["pd-l1", "pd-l1-2"]


def test_glossary_anchors_differ_from_letter_headings(tmp_path):
    inventory, _ = load_all()
    text = GLOSSARY_FILE.read_text(encoding="utf-8").replace("  - term: tamoxifen\n",
                                                                        "  - term: letter-t\n    aliases: [tamoxifen]\n", 1)
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    glossary = load_glossary(inventory, path)
    assert glossary.find("tamoxifen").anchor == "letter-t-2"


def test_one_folding_rule_for_lookup():
    inventory, glossary = load_all()
    assert glossary.find("TAMOXIFEN") is glossary.find("tamoxifen")
    assert normalise("İBRANCE  Straße") == "i̇brance strasse"
