"""Printing the questions checklist and the treatment pages (the @media print rules in extra.css).

Under print media: no navigation chrome, black text on white in either palette,
each glossary term followed by its definition (and a drug by how to say it), external links by their address,
the sources and review dates kept, and writing space under each question. The
PDF Chromium prints must have a sensible number of pages, and its text (read
with pypdf) must hold the definitions and the sources, without the menus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from mbc_guide.tools.pdf import pdf_pages, pdf_text

QUESTIONS = "questions/"
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top",
          ".md-search", ".md-content__button", "[data-md-component=palette]", ".md-skip", ".mbc-tooltip"]
DOCS = Path(__file__).resolve().parents[2] / "docs"
# The checklist and every page of the Treatment section ("side-effects" is built by a hook).
TREATMENT = sorted({p.stem for p in (DOCS / "treatment").glob("*.md")} | {"side-effects"})
PRINTED = [QUESTIONS] + [("treatment/" if stem == "index" else f"treatment/{stem}/") for stem in TREATMENT]


@pytest.fixture(params=["light", "dark"])
def palette(request) -> str:
    """The palette the reader had on screen when printing."""
    return request.param


@pytest.fixture
def print_page(browser, palette):
    """A page in that palette, with print media emulated."""
    context = browser.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print", color_scheme=palette)
    yield page
    context.close()


# Everything the print checks need, read from the DOM under print media.
READ_PRINT_STATE = """(chrome) => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const after = (el) => getComputedStyle(el, '::after').content;
    const text = document.querySelector('article p');
    return {
        scheme: document.body.getAttribute('data-md-color-scheme'),
        chrome: chrome.filter((sel) => [...document.querySelectorAll(sel)].some(shown)),
        article: shown(document.querySelector('article')),
        meta: shown(document.querySelector('.mbc-page-meta')) && !!document.querySelector('.mbc-page-meta time'),
        colour: getComputedStyle(text).color,
        background: getComputedStyle(document.body).backgroundColor,
        terms: [...document.querySelectorAll('article a.mbc-term')].map(
            (a) => [a.dataset.definition, a.dataset.say || null, after(a)]),
        links: [...document.querySelectorAll('.mbc-page-meta a[href^="http"]')].map((a) => [a.href, after(a)]),
    };
}"""


@pytest.mark.parametrize("printed", PRINTED)
def test_print_shows_only_the_page_in_black_on_white_with_definitions(print_page, palette, served_site, printed):
    print_page.goto(served_site + printed)
    state = print_page.evaluate(READ_PRINT_STATE, CHROME)
    assert state["scheme"] == {"light": "default", "dark": "slate"}[palette], f"the {palette} palette is not applied"
    assert not state["chrome"], f"{printed}: navigation chrome still printed: {state['chrome']}"
    assert state["article"] and state["meta"], f"{printed}: the page or its sources and review dates are not printed"
    assert state["colour"] == "rgb(0, 0, 0)", f"{printed}: printed text is {state['colour']}, not black"
    assert state["background"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), \
        f"{printed}: printed background is {state['background']}, not white"
    if printed in (QUESTIONS, "treatment/chemotherapy/"):
        assert state["terms"], f"{printed}: expected glossary terms on the page"
    for definition, say, after in state["terms"]:
        expected = f'" (say it: {say}. {definition})"' if say else f'" ({definition})"'
        assert after == expected, f"{printed}: a term prints {after!r}, not how to say it and its definition"
    for href, after in state["links"]:
        assert href in after, f"{printed}: the source link prints {after!r}, not its address"


def test_questions_print_with_a_box_and_room_for_notes(print_page, served_site):
    print_page.goto(served_site + QUESTIONS)
    items = print_page.evaluate("""() => [...document.querySelectorAll('article .task-list-item')].map((li) => {
        const notes = getComputedStyle(li, '::after');
        const box = getComputedStyle(li.querySelector('.task-list-indicator'), '::before');
        return {notes: parseFloat(notes.height) / parseFloat(notes.fontSize), display: notes.display,
                box: box.borderTopStyle, text: li.textContent.trim().slice(0, 60)};
    })""")
    assert len(items) >= 10, "expected the checklist's questions"
    for item in items:
        assert item["display"] == "block" and item["notes"] >= 3, f"no room for notes under {item['text']!r}: {item}"
        assert item["box"] == "solid", f"no box to tick beside {item['text']!r}"


@pytest.mark.parametrize(("path", "most_pages"), [(QUESTIONS, 5), ("treatment/chemotherapy/", 5)])
def test_pdf_is_printed_with_a_sensible_page_count(page, served_site, path, most_pages):
    page.goto(served_site + path)
    pdf = page.pdf(format="A4")
    pages = pdf_pages(pdf)
    assert 1 <= pages <= most_pages, f"{path}: the PDF has {pages} pages (expected 1 to {most_pages})"
    text = pdf_text(pdf)
    definition = page.locator("article a.mbc-term").first.get_attribute("data-definition")
    assert " ".join(definition.split()[:6]) in text, f"{path}: the first term's definition is not in the PDF"
    assert "Sources for this page" in text and "Next review due" in text, f"{path}: the page meta is not printed"
    assert "Switch to" not in text and "Back to top" not in text, f"{path}: navigation chrome is in the PDF"
