"""The whole guide's hook: joining pages into one without clashing ids or links to the machine."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

import whole_guide

SECTIONS = {"index.html": "home", "treatment/chemotherapy/index.html": "treatment-chemotherapy",
            "glossary/index.html": "glossary", "whole-guide/index.html": whole_guide.GUIDE_SECTION}
SITE = "https://example.org/guide/"


def rebase(html: str, page_url: str = "treatment/chemotherapy/", prefix: str = "treatment-chemotherapy") -> BeautifulSoup:
    out = whole_guide.rebase(html, page_url=page_url, prefix=prefix, sections=SECTIONS, guide_url="whole-guide/",
                             site_url=SITE)
    return BeautifulSoup(out, "html.parser")


def test_ids_and_references_to_them_get_the_page_prefix():
    soup = rebase('<h2 id="side-effects">Side effects</h2><a href="#side-effects">up</a>'
                  '<section aria-labelledby="t"><h2 id="t">Sources</h2></section><label for="x"></label>')
    assert soup.h3["id"] == "treatment-chemotherapy--side-effects"
    assert soup.a["href"] == "#treatment-chemotherapy--side-effects"
    assert soup.section["aria-labelledby"] == "treatment-chemotherapy--t"
    assert soup.label["for"] == "treatment-chemotherapy--x"


def test_headings_go_one_level_down_and_asides_are_no_landmarks():
    soup = rebase('<h1>Chemotherapy</h1><h2>A</h2><h6>Z</h6><aside aria-labelledby="s">Sources</aside>')
    assert [tag.name for tag in soup.find_all(True)] == ["h2", "h3", "h6", "div"]
    assert "aria-labelledby" not in soup.div.attrs, "a plain div cannot be named (Nu Html Checker error)"


@pytest.mark.parametrize(("href", "expected"), [
    ("../../glossary/#tamoxifen", "#glossary--tamoxifen"),
    ("../../", "#home"),
    ("../../glossary/", "#glossary"),
    ("../../whole-guide/", "#mbc-guide-toc"),
    ("../../downloads/mbc-guide-offline.zip", SITE + "downloads/mbc-guide-offline.zip"),
    ("../../missing/?q=1#x", SITE + "missing/?q=1#x"),
    ("https://www.example.com/a", "https://www.example.com/a"),
    ("mailto:someone@example.org", "mailto:someone@example.org"),
])
def test_links_lead_within_the_guide_or_to_the_published_site(href, expected):
    assert rebase(f'<a href="{href}">x</a>').a["href"] == expected


def test_links_made_absolute_open_safely_like_other_external_links():
    soup = rebase('<a href="../../downloads/x.zip">zip</a><a href="../../glossary/">g</a>')
    first, second = soup.find_all("a")
    assert first["rel"] == ["noopener", "noreferrer"] and not second.has_attr("rel")


def test_text_from_the_page_stays_escaped():
    soup = rebase("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>")
    assert soup.p.get_text() == "<script>alert(1)</script> & more"
    assert "<script>" not in str(soup)


def page(src_uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), title=src_uri)


def test_reading_order_puts_the_glossary_last_and_leaves_the_guide_out():
    pages = [page(p) for p in ("index.md", "glossary.md", "about/index.md", "whole-guide.md")]
    assert [p.file.src_uri for p in whole_guide.reading_order(pages)] == ["index.md", "about/index.md", "glossary.md"]


@pytest.mark.parametrize(("src_uri", "section"), [
    ("index.md", "home"), ("treatment/index.md", "treatment"), ("treatment/chemotherapy.md", "treatment-chemotherapy")])
def test_section_ids(src_uri, section):
    assert whole_guide.section_id(page(src_uri)) == section


def test_the_pdf_paragraph_links_the_pdf_with_its_size_only_when_it_exists():
    assert whole_guide.pdf_paragraph("about/index.md", 1_234_567) .startswith(
        "[Download the whole guide as a PDF file](../downloads/mbc-guide.pdf) (1.2 MB)")
    without = whole_guide.pdf_paragraph("index.md", None)
    assert "(whole-guide.md)" in without and ".pdf" not in without


def test_the_table_of_contents_escapes_titles():
    pages = [SimpleNamespace(file=SimpleNamespace(src_uri="a.md"), title="<b>A</b>")]
    assert "&lt;b&gt;A&lt;/b&gt;" in whole_guide.table_of_contents(pages)
