"""The Spanish edition in a real browser: the language switch from file://, and searching in Spanish.

The switch is followed on every served page by tests/browser/test_every_page.py. From file://, where each offline
zip holds one edition, it leads to the same page of the hosted site. The search of /es/ finds what Spanish-speaking readers type: everyday words, words with their
accents left out, other forms of a word, and drug names misspelt, in English or by brand (tests/search_queries.es.yml).
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from mbc_guide.html.tree import parse_document
from mbc_guide.paths import ROOT, page_files
from tests.browser.conftest import page_path
from tests.browser.test_search import META, NOTE, SEARCH

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # tags as text
QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.es.yml").read_text(encoding="utf-8"))
SWITCH = "p.mbc-language a"
TOP = 3


def translated_pages() -> list[str]:
    """Every page with a Spanish translation, by its Markdown path."""
    docs = ROOT / "docs"
    return [path.relative_to(docs / "es").as_posix() for path in page_files(docs, "es")]


def edition_url(site_url, src: str, language: str) -> str:
    """A page's address in an edition: the English one, or the same path under es/."""
    english = site_url(src)
    if language == "en":
        return english
    root = site_url("index.md")
    root = root.removesuffix("index.html")
    return root + "es/" + english.removeprefix(root)


def test_from_file_the_switch_leads_to_the_same_page_of_the_hosted_site(offline_site):
    """Each offline zip holds one edition, so its switch leads to the other edition's page on the hosted site."""
    hosted = CONFIG["site_url"]
    for src in translated_pages():
        for here, there in (("en", "es"), ("es", "en")):
            html = offline_site / (f"{here}/" if here != "en" else "") / page_path(src, directory_urls=False)
            link = parse_document(html.read_text(encoding="utf-8")).css_first(SWITCH)
            assert link is not None, html
            wanted = hosted + ("es/" if there == "es" else "") + page_path(src, directory_urls=True)
            assert (link.attributes["href"], link.attributes["hreflang"], link.attributes["rel"]) == \
                (wanted, there, "noopener noreferrer"), html


@pytest.fixture
def spanish_search(site_url, browser):
    """The Spanish home page with its search open, at phone width (readers search on their phones)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(edition_url(site_url, "index.md", "es"))
    page.locator("label[for=__search]").first.click()
    placeholder = "Teclee para comenzar búsqueda"  # Material's Spanish words for an empty search box
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text",
                           arg=[META, placeholder])
    yield page, placeholder
    context.close()


def test_spanish_readers_queries_find_their_page(spanish_search, site_url):
    page, placeholder = spanish_search
    misses = []
    for entry in QUERIES:
        found = page.evaluate(SEARCH, [entry["query"], META, placeholder, NOTE])
        wanted = urlsplit(edition_url(site_url, entry["page"], "es")).path
        if wanted not in found[:TOP]:
            misses.append(f"{entry['query']!r}: wanted {wanted}, got {found[:TOP]}")
    assert not misses, "\n".join(misses)


def test_a_spanish_search_speaks_spanish(spanish_search):
    page, placeholder = spanish_search
    page.evaluate(SEARCH, ["capezitabina", META, placeholder, NOTE])
    assert page.eval_on_selector_all(f".md-search-result__item {NOTE}", "els => els.map(e => e.textContent)") == \
        ["Resultados para capecitabina"]
