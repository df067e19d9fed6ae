"""Brand names: read on a regulator's own page (US FDA, EMA) with the page, the day and the country, shown as
sold now or as a former name, marked with their drug's tooltip, and never on a page without their glossary record."""
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
            assert inventory.names_source("brand names", brand.seen_at).id in ("us-fda", "ema-epar"), brand
            assert brand.country in ("US", "EU", "UK") and dt.date(2020, 1, 1) < brand.seen_on <= dt.date.today()
    herceptin = glossary.find("trastuzumab").brands
    assert [(b.name, b.country) for b in herceptin] == [("Herceptin", "US"), ("Herceptin", "EU")]
    assert glossary.find("tyverb").term == "lapatinib" and glossary.find("Tykerb").term == "lapatinib"


def test_brand_names_come_from_the_regulators_and_no_longer_from_the_nci_archives():
    inventory, _ = load_all()
    assert inventory.sources["us-fda"].names_only == ("brand names",)
    assert inventory.sources["ema-epar"].names_only == ("brand names",)
    assert "brand names" not in inventory.sources["nci-dictionaries"].names_only
    archive = "https://webarchive.library.unt.edu/eot2008/20090131014933/http://www.cancer.gov/cancertopics/druginfo/"
    assert inventory.names_source("brand names", archive + "tamoxifencitrate") is None
    for address, source in (("https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1", "us-fda"),
                            ("https://www.ema.europa.eu/en/medicines/human/EPAR/tyverb", "ema-epar")):
        assert inventory.names_source("brand names", address).id == source


def test_a_brand_is_a_name_of_its_drug_once_wherever_it_is_sold():
    _, glossary = load_all()
    assert glossary.find("herceptin") is glossary.find("trastuzumab")
    assert glossary.find("trastuzumab").names.count("Herceptin") == 1


# --- Bad data ----------------------------------------------------------------------------------


HERCEPTIN = ('      - {name: Herceptin, country: US, seen_on: 2026-08-28, '
             'seen_at: "https://api.fda.gov/drug/label.json?search=openfda.brand_name%3A%22HERCEPTIN%22"}\n')
FDA = "https://api.fda.gov/drug/label.json?search=x"


@pytest.mark.parametrize(("new", "message"), [
    (f'      - {{name: Herceptin, country: US, seen_at: "{FDA}"}}\n', "has no 'seen_on'"),
    (f'      - {{name: Herceptin, country: US, seen_on: 2026-13-01, seen_at: "{FDA}"}}\n', "not a real date"),
    (f'      - {{name: Herceptin, seen_on: 2026-08-28, seen_at: "{FDA}"}}\n', "has no 'country'"),
    (f'      - {{name: Herceptin, country: Europe, seen_on: 2026-08-28, seen_at: "{FDA}"}}\n', "'Europe'"),
    ("      - {name: Herceptin, country: US, seen_on: 2026-08-28}\n", "has no 'seen_at'"),
    ('      - {name: Herceptin, country: US, seen_on: 2026-08-28, seen_at: "https://example.org/herceptin"}\n',
     "must be seen at an entry of a names-only"),
    ('      - {name: Herceptin, country: US, seen_on: 2026-08-28, seen_at: '
     '"http://cancer.osu.edu/_layouts/ncipopup.aspx?ID=CDR0000410745"}\n', "must be seen at an entry of a names-only"),
    (f'      - {{name: "<b>Herceptin</b>", country: US, seen_on: 2026-08-28, seen_at: "{FDA}"}}\n',
     "must be a plain name"),
    (f'      - {{name: Herceptin, country: US, seen_on: 2026-08-28, seen_at: "{FDA}", dose: 2}}\n', "unknown key 'dose'"),
    (HERCEPTIN + f'      - {{name: HERCEPTIN, country: US, seen_on: 2026-01-02, seen_at: "{FDA}"}}\n',
     "brand 'HERCEPTIN' is listed twice for the US"),
])
def test_a_brand_without_its_page_day_and_country_is_refused_with_its_line(data, new, message):
    edit(data / "glossary.yml", HERCEPTIN, new)
    with pytest.raises(DataError) as err:
        load(data)
    assert message in str(err.value), str(err.value)
    assert str(err.value).startswith(f"{data / 'glossary.yml'}:") and err.value.line > 1


def test_a_brand_only_where_the_source_gives_brand_names(data):
    edit(data / "sources.yml", "    names_only: [brand names]\n", "    names_only: [respellings]\n")
    with pytest.raises(DataError) as err:
        load(data)
    assert "registered for brand names" in str(err.value)


def test_brands_and_no_brand_together_or_on_a_class_are_refused(data):
    edit(data / "glossary.yml", "    brands:\n" + HERCEPTIN, "    no_brand: none\n    brands:\n" + HERCEPTIN)
    with pytest.raises(DataError, match="both 'brands' and 'no_brand'"):
        load(data)


def test_a_drug_with_no_brand_and_no_reason_fails_the_validator(data):
    text = (data / "glossary.yml").read_text()
    start = text.index("    brands:\n" + HERCEPTIN)
    end = text.index("    treatments:", start)
    (data / "glossary.yml").write_text(text[:start] + text[end:])
    inventory, glossary = load(data)
    report = coverage_report.check_site(ROOT / "docs", inventory=inventory, glossary=glossary, today=dt.date(2027, 1, 1))
    found = [f for f in report.errors if f.kind == "brand"]
    assert [f.item for f in found] == ["trastuzumab"] and "no_brand" in found[0].fix and "seen_on" in found[0].fix
    assert found[0].file.endswith("glossary.yml") and found[0].line


# --- Where readers see them ---------------------------------------------------------------------


def test_a_brand_name_on_a_page_gets_its_drugs_tooltip():
    _, glossary = load_all()
    html, entries = on_fragment(TermMarker(glossary.entries).mark, "<p>My box says Herceptin.</p>", lambda e: f"g/#{e.anchor}")
    assert '<a class="mbc-term" href="g/#trastuzumab" data-term="trastuzumab"' in html
    assert ">Herceptin</a>" in html and [e.term for e in entries] == ["trastuzumab"]


def test_the_glossary_says_where_a_drug_is_sold_as_what_and_lists_each_brand_once_pointing_at_its_drug():
    inventory, glossary = load_all()
    page = gen.glossary_markdown(inventory, glossary)
    assert "Sold as Herceptin (in the US and the EU). It may also be sold under other brand names." in page
    assert "Sold as Tykerb (in the US) or Tyverb (in the EU)." in page
    assert "### Herceptin { #herceptin }\n\nA brand name in the US and the EU for [trastuzumab](#trastuzumab)" in page
    assert "### Tyverb { #tyverb }\n\nA brand name in the EU for [lapatinib](#lapatinib)" in page
    headings = [line[4:].split(" {")[0].lower() for line in page.splitlines() if line.startswith("### ")]
    assert headings == sorted(headings) and headings.count("herceptin") == 1


def test_a_former_brand_is_shown_as_once_sold_and_still_finds_its_drug():
    inventory, glossary = load_all()
    tamoxifen = glossary.find("tamoxifen")
    assert [(b.name, b.former) for b in tamoxifen.brands] == [("Soltamox", False), ("Nolvadex", True)]
    assert gen.sold_as(tamoxifen.brands) == ("Sold as Soltamox (in the US). It may also be sold under other brand "
                                             "names. Once sold as Nolvadex (in the US).")
    page = gen.glossary_markdown(inventory, glossary)
    assert "Sold as Nolvadex" not in page
    assert ("### Nolvadex { #nolvadex }\n\nA former brand name in the US for [tamoxifen](#tamoxifen): see that entry "
            "for what it is.\n\n*Former brand name*") in page
    assert glossary.find("nolvadex") is tamoxifen  # a reader with an old box still finds the drug


def test_a_drug_sold_only_under_a_former_name_says_only_that():
    old = Brand("Oldname", "https://api.fda.gov/drug/x", dt.date(2026, 1, 2), "US", former=True)
    assert gen.sold_as((old,)) == "Once sold as Oldname (in the US)."


def test_a_hostile_brand_name_never_reaches_the_page_as_markup():
    brand = Brand("*x* [a](javascript:b)", "https://api.fda.gov/drug/x", dt.date(2026, 1, 2), "US")
    assert "[a](javascript" not in gen.sold_as((brand,))


# --- No brand slips onto a page without its glossary record -----------------------------------------


def test_a_recorded_brand_is_not_flagged_but_an_unrecorded_one_is():
    """The validator's one drug-name check (drug_names.py) knows recorded brands, and only those."""
    finder = drug_names.for_site(*load_all())
    assert finder.unknown("Ask if Herceptin or Navelbine suits you. Kadcyla, Nolvadex and Tyverb too.") == ["Navelbine"]


def test_a_brand_name_cannot_slip_onto_a_page_without_its_glossary_record(tmp_path, capsys):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = tmp_path / "docs" / "treatment" / "chemotherapy.md"
    page.write_text(page.read_text() + "\nYour box may say Navelbine.\n")
    code = validator.main(["--docs", str(tmp_path / "docs"), "--today", "2027-01-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert "treatment/chemotherapy.md" in out and "'Navelbine' looks like a drug name" in out
    assert "a brand name goes under its drug's `brands`, with the regulator's page" in out
