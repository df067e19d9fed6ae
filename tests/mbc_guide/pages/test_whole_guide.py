"""The whole guide's hook: joining pages into one without clashing ids or links to the machine."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from mbc_guide.html.tree import elements, parse_fragment
from mbc_guide.pages import whole_guide

SECTIONS = {"index.html": "home", "treatment/chemotherapy/index.html": "treatment-chemotherapy",
            "glossary/index.html": "glossary", "whole-guide/index.html": whole_guide.GUIDE_SECTION}
SITE = "https://example.org/guide/"


def rebase(html: str, page_url: str = "treatment/chemotherapy/", prefix: str = "treatment-chemotherapy"):
    """The page's HTML rebased for the guide, read back with the parser the content gate uses."""
    return parse_fragment(whole_guide.rebase(html, page_url=page_url, prefix=prefix, sections=SECTIONS,
                                             guide_url="whole-guide/", site_url=SITE))


def test_ids_and_references_to_them_get_the_page_prefix():
    tree = rebase('<h2 id="side-effects">Side effects</h2><a href="#side-effects">up</a>'
                  '<section aria-labelledby="t"><h2 id="t">Sources</h2></section><label for="x"></label>')
    assert tree.css_first("h3").attrs["id"] == "treatment-chemotherapy--side-effects"
    assert tree.css_first("a").attrs["href"] == "#treatment-chemotherapy--side-effects"
    assert tree.css_first("section").attrs["aria-labelledby"] == "treatment-chemotherapy--t"
    assert tree.css_first("label").attrs["for"] == "treatment-chemotherapy--x"


def test_headings_go_one_level_down_and_asides_are_no_landmarks():
    tree = rebase('<h1>Chemotherapy</h1><h2>A</h2><h6>Z</h6><aside aria-labelledby="s">Sources</aside>')
    assert [tag.tag for tag in elements(tree)] == ["h2", "h3", "h6", "div"]
    assert "aria-labelledby" not in tree.css_first("div").attrs, "a plain div cannot be named (Nu Html Checker error)"


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
    assert rebase(f'<a href="{href}">x</a>').css_first("a").attrs["href"] == expected


def test_links_made_absolute_open_safely_like_other_external_links():
    tree = rebase('<a href="../../downloads/x.zip">zip</a><a href="../../glossary/">g</a>')
    first, second = tree.css("a")
    assert first.attrs["rel"] == "noopener noreferrer" and "rel" not in second.attrs


def test_text_from_the_page_stays_escaped():
    tree = rebase("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>")
    assert tree.css_first("p").text() == "<script>alert(1)</script> & more"
    assert not tree.css("script")


def test_a_comment_stays_a_comment():
    """What the content gate's parser reads as a comment never becomes markup in the guide."""
    tree = rebase("<p>Before</p><!-- c -- > <img src=x onerror=alert(1)> --><p>After</p>")
    assert [tag.tag for tag in elements(tree)] == ["p", "p"]
    assert not tree.css("img, [onerror]")


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


def test_the_pdf_marker_becomes_the_paragraph_with_the_pdfs_size(tmp_path):
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(b"%PDF" + b"x" * 2044)
    page = whole_guide.fill_pdf_marker(f"Intro\n\n{whole_guide.PDF_MARKER}\n", "index.md", pdf)
    assert whole_guide.PDF_MARKER not in page and "2 kB" in page
    assert whole_guide.fill_pdf_marker("No marker here.", "index.md", pdf) == "No marker here."
