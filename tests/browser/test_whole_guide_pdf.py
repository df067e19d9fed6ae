"""The whole guide printed to one PDF (scripts/pdf.py, `make pdf`), read back with pypdf.

The PDF is printed once from the built site. It must have a sensible number of
sheets, each with the site's title and its page number; hold every page's title,
sources and review dates, and every drug of the inventory (data/sources.yml); end
with the glossary; keep the checklist's tick boxes; and link only to real web
addresses (never to the machine that printed it, nor to a file).
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from mbc_guide.data.inventory import load_inventory
from mbc_guide.html.tree import parse_document
from mbc_guide.tools.pdf import GUIDE_PDF, pdf_links, pdf_pages
from tests.helpers import ROOT

PDF_BUDGET = 1_500_000  # bytes; `make bench` prints the size


@pytest.fixture(scope="module")
def printed(built_site, chromium_path, tmp_path_factory) -> Path:
    """The whole guide's PDF, printed by scripts/pdf.py from the built site (the Spanish one beside it)."""
    out = tmp_path_factory.mktemp("pdf") / "guide.pdf"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site-dir", str(built_site),
                             "--pdf", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "CHROMIUM_PATH": chromium_path})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(PdfReader(out).pages)} pages)" in result.stdout
    return out


@pytest.fixture(scope="module")
def guide_pdf(printed) -> bytes:
    """The English whole guide's PDF."""
    return printed.read_bytes()


def test_the_spanish_guide_is_printed_in_spanish_with_links_to_real_addresses(printed):
    spanish = printed.with_name("guide-es.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(spanish))
    first = " ".join((reader.pages[0].extract_text() or "").split())  # its first sheet: enough to say its language
    assert "La guía completa" in first and "impresa el" in first
    assert f"Página 1 de {len(reader.pages)}" in first, "the footer of each sheet is in Spanish"
    assert all(link.startswith(("https://", "mailto:")) for link in pdf_links(spanish))
    assert len(spanish) <= PDF_BUDGET


@pytest.fixture(scope="module")
def sections(built_site) -> list:
    """The whole guide's sections, one per page of the site."""
    guide = parse_document((built_site / "whole-guide" / "index.html").read_text(encoding="utf-8"))
    return guide.css(".mbc-guide__section")


@pytest.fixture(scope="module")
def page_texts(guide_pdf) -> list[str]:
    """The text of each sheet of the PDF, read back once, with its spaces made single."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(guide_pdf)).pages]


def test_one_sheet_or_more_per_page_and_a_sensible_total(guide_pdf, sections):
    sheets = pdf_pages(guide_pdf)
    print(f"whole guide PDF: {sheets} pages, {len(guide_pdf) / 1000:.0f} kB")
    assert len(sections) >= 20
    assert len(sections) < sheets <= 150, f"{sheets} sheets for {len(sections)} pages"
    assert len(guide_pdf) <= PDF_BUDGET, f"the PDF is {len(guide_pdf) / 1000:.0f} kB; the budget is {PDF_BUDGET / 1000:.0f} kB"


def test_every_sheet_has_the_site_title_and_its_page_number(page_texts):
    texts = page_texts
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text, f"sheet {number} has no page number"
        assert "Metastatic Breast Cancer: A Plain-Language Guide" in text, f"sheet {number} has no site title"


def test_every_page_starts_a_sheet_with_its_title_sources_and_review_dates(page_texts, sections):
    texts = page_texts
    whole = " ".join(texts)
    for section in sections:
        title = " ".join(section.css_first("h2").text(separator=" ", strip=True).rstrip("¶").split())
        assert any(title in text[:300] for text in texts), f"no sheet starts with the page {title!r}"
    assert whole.count("Sources for this page") == len(sections)
    assert whole.count("Page last reviewed:") == len(sections) and whole.count("Next review due:") == len(sections)


def test_every_drug_of_the_inventory_is_in_it(page_texts):
    text = " ".join(page_texts).lower()
    drugs = sorted({item.name for item in load_inventory().items("drug")})
    assert len(drugs) >= 10
    assert [d for d in drugs if d.lower() not in text] == []


def test_the_glossary_comes_last(page_texts):
    texts = page_texts
    start = next(i for i, text in enumerate(texts) if "This page explains, in plain words, each drug" in text)
    assert start > len(texts) // 2
    assert " ".join(texts[start:]).count("Sources for this page") == 1, "only the glossary may follow its start"


def test_links_lead_to_real_web_addresses_only(guide_pdf):
    links = pdf_links(guide_pdf)
    assert links, "the sources' links are missing"
    bad = [link for link in links if not link.startswith("https://") or "127.0.0.1" in link or "localhost" in link]
    assert bad == []
    internal = [a for page in PdfReader(io.BytesIO(guide_pdf)).pages for a in page.get("/Annots") or []
                if "/Dest" in a.get_object() or (a.get_object().get("/A") or {}).get("/S") == "/GoTo"]
    assert len(internal) >= 20, "the contents and the glossary links should lead within the PDF"


def test_the_checklist_prints_with_tick_boxes_and_no_site_chrome(page, served_site):
    page.emulate_media(media="print")
    page.goto(served_site + "whole-guide/")
    state = page.evaluate("""() => {
        const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
        const boxes = [...document.querySelectorAll('#questions .task-list-indicator')];
        return {
            boxes: boxes.length,
            solid: boxes.filter((b) => getComputedStyle(b, '::before').borderTopStyle === 'solid').length,
            chrome: ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.mbc-page-actions',
                     '.mbc-app-notice'].filter((s) => [...document.querySelectorAll(s)].some(shown)),
            breaks: [...document.querySelectorAll('.mbc-guide__section')]
                .filter((s) => getComputedStyle(s).breakBefore === 'page').length,
            sections: document.querySelectorAll('.mbc-guide__section').length,
        };
    }""")
    assert state["boxes"] >= 10 and state["solid"] == state["boxes"], state
    assert state["chrome"] == [], state
    assert state["breaks"] == state["sections"], "each page should start on a new sheet"


def test_the_published_name_matches_the_build(built_site):
    from mbc_guide.pages import whole_guide
    assert GUIDE_PDF.name == Path(whole_guide.PDF_PATH).name
