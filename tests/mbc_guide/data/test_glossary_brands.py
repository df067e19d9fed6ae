"""Brand names: recorded from the NCI dictionaries with where each was seen, shown in the glossary,
marked with their drug's tooltip, and never on a page without their glossary record."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from mbc_guide.checks import coverage_report, validator
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import Brand
from mbc_guide.data.site import load_all
from mbc_guide.names import drug_names
from mbc_guide.names.term_marker import TermMarker
from mbc_guide.pages import generated_pages as gen
from tests.helpers import ROOT, on_fragment
from tests.helpers import edit_once as edit
from tests.helpers import load_data as load


def test_every_drug_records_its_brands_or_why_none_is_recorded():
    inventory, glossary = load_all()
    drugs = [e for e in glossary.entries if e.kind == "drug"]
    assert drugs and all(e.brands or e.no_brand for e in drugs)
    for entry in drugs:
        for brand in entry.brands:
            assert inventory.names_source("brand names", brand.seen_at).id == "nci-dictionaries", brand
    assert [b.name for b in glossary.find("trastuzumab").brands] == ["Herceptin"]
    assert glossary.find("gemzar").term == "gemcitabine" and glossary.find("Gemzar").brands[0].country == "US"


def test_a_brand_is_a_name_of_its_drug():
    _, glossary = load_all()
    assert glossary.find("herceptin") is glossary.find("trastuzumab")
    assert "Herceptin" in glossary.find("trastuzumab").names


# --- Bad data ----------------------------------------------------------------------------------




HERCEPTIN = '      - {name: Herceptin, seen_at: "http://cancer.osu.edu/_layouts/ncipopup.aspx?ID=CDR0000410745"}\n'


@pytest.mark.parametrize(("new", "message"), [
    ("      - {name: Herceptin}\n", "has no 'seen_at'"),
    ('      - {name: Herceptin, seen_at: "https://example.org/herceptin"}\n', "must be seen at an entry of a names-only"),
    ('      - {name: "<b>Herceptin</b>", seen_at: "http://cancer.osu.edu/_layouts/ncipopup.aspx?ID=CDR1"}\n',
     "must be a plain name"),
    ('      - {name: Herceptin, seen_at: "http://cancer.osu.edu/_layouts/ncipopup.aspx?ID=CDR1", dose: 2}\n',
     "unknown key 'dose'"),
])
def test_a_brand_without_a_recorded_source_address_is_refused(data, new, message):
    edit(data / "glossary.yml", HERCEPTIN, new)
    with pytest.raises(DataError) as err:
        load(data)
    assert message in str(err.value) and err.value.line


def test_a_brand_only_where_the_source_gives_brand_names(data):
    edit(data / "sources.yml", "names_only: [respellings, brand names]", "names_only: [respellings]")
    with pytest.raises(DataError) as err:
        load(data)
    assert "registered for brand names" in str(err.value)


def test_brands_and_no_brand_together_or_on_a_class_are_refused(data):
    edit(data / "glossary.yml", "    brands:\n" + HERCEPTIN, "    brands:\n" + HERCEPTIN + "    no_brand: none\n")
    with pytest.raises(DataError, match="both 'brands' and 'no_brand'"):
        load(data)


def test_a_drug_with_no_brand_and_no_reason_fails_the_validator(data):
    edit(data / "glossary.yml", "    brands:\n" + HERCEPTIN, "")
    inventory, glossary = load(data)
    report = coverage_report.check_site(ROOT / "docs", inventory=inventory, glossary=glossary, today=dt.date(2027, 1, 1))
    found = [f for f in report.errors if f.kind == "brand"]
    assert [f.item for f in found] == ["trastuzumab"] and "no_brand" in found[0].fix
    assert found[0].file.endswith("glossary.yml") and found[0].line


# --- Where readers see them ---------------------------------------------------------------------


def test_a_brand_name_on_a_page_gets_its_drugs_tooltip():
    _, glossary = load_all()
    html, entries = on_fragment(TermMarker(glossary.entries).mark, "<p>My box says Herceptin.</p>", lambda e: f"g/#{e.anchor}")
    assert '<a class="mbc-term" href="g/#trastuzumab" data-term="trastuzumab"' in html
    assert ">Herceptin</a>" in html and [e.term for e in entries] == ["trastuzumab"]


def test_the_glossary_says_what_a_drug_is_sold_as_and_lists_each_brand_pointing_at_its_drug():
    inventory, glossary = load_all()
    page = gen.glossary_markdown(inventory, glossary)
    assert "Sold as Herceptin. It may also be sold under other brand names." in page
    assert "Sold as Gemzar (in the US)." in page
    assert "### Herceptin { #herceptin }\n\nA brand name for [trastuzumab](#trastuzumab)" in page
    assert "### Gemzar { #gemzar }\n\nA brand name in the US for [gemcitabine](#gemcitabine)" in page
    headings = [line[4:].split(" {")[0].lower() for line in page.splitlines() if line.startswith("### ")]
    assert headings == sorted(headings) and "herceptin" in headings


def test_a_hostile_brand_name_never_reaches_the_page_as_markup():
    brand = Brand("*x* [a](javascript:b)", "https://www.cancer.gov/publications/dictionaries/x", "US")
    assert "[a](javascript" not in gen.sold_as([brand])


# --- No brand slips onto a page without its glossary record -----------------------------------------


def test_a_recorded_brand_is_not_flagged_but_an_unrecorded_one_is():
    """The validator's one drug-name check (drug_names.py) knows recorded brands, and only those."""
    finder = drug_names.for_site(*load_all())
    assert finder.unknown("Ask if Herceptin or Kadcyla suits you. Gemzar and Xeloda too.") == ["Kadcyla"]


def test_a_brand_name_cannot_slip_onto_a_page_without_its_glossary_record(tmp_path, capsys):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = tmp_path / "docs" / "treatment" / "chemotherapy.md"
    page.write_text(page.read_text() + "\nYour box may say Kadcyla.\n")
    code = validator.main(["--docs", str(tmp_path / "docs"), "--today", "2027-01-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert "treatment/chemotherapy.md" in out and "'Kadcyla' looks like a drug name" in out
    assert "a brand name goes under its drug's `brands`" in out
