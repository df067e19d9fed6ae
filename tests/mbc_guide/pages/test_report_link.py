"""The "Report a problem with this page" link and the issue form it opens."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import yaml

from mbc_guide.pages import report_link
from tests.helpers import ROOT

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / report_link.FORM


def test_the_link_opens_the_form_with_the_page_filled_in():
    url = report_link.report_url("https://github.com/o/r/", 'Drugs & "side effects"', "https://x.io/a b/", "2026-11-21")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/o/r/issues/new")
    query = parse_qs(parts.query)
    assert query["template"] == [report_link.FORM]
    assert query["page-title"] == ['Drugs & "side effects"']
    assert query["page-address"] == ["https://x.io/a b/"]
    assert query["reviewed"] == ["2026-11-21"]
    assert " " not in url and '"' not in url and "&amp;" not in url  # every value percent-encoded


def test_the_form_exists_and_has_the_fields_the_link_fills_in():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert set(report_link.FIELDS) <= ids, f"{FORM.name} lacks fields {set(report_link.FIELDS) - ids}"


def test_the_form_says_how_reports_are_triaged_and_asks_for_no_medical_details():
    text = FORM.read_text(encoding="utf-8")
    assert "checks the page against the" in text and "sources" in text
    assert "do not write about your own health" in text
