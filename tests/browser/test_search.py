"""Findability: readers' own search words lead to the right page (tests/search_queries.yml).

Each query is put into Material's search box (one test types key by key, as a reader
does), on the served site and on the offline copy from file://, in one page reused
for every query. A query's rank is
the position of its expected page among the results; Material groups results
per page, one `.md-search-result__item` each. The site's own lines ("Showing
results for ...", "Did you mean ...?", written by the search worker
docs/assets/javascripts/workers/search-readers.js) carry `.mbc-search-note` and
are not counted as results.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from mbc_guide.data.site import site_data
from mbc_guide.search import misspellings

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.yml"
TOP = 3               # every query must find its page this high
RANK_1_SHARE = 0.90   # and this share of queries at rank 1
META = ".md-search-result__meta"
PLACEHOLDER = "Type to start searching"  # Material's text when the box is empty
NOTE = ".mbc-search-note"


def load_queries(path: Path = QUERIES_FILE) -> list[tuple[str, str]]:
    """The (query, page) pairs from the data file, with a clear error when it is malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(e, dict) and {"query", "page"} <= e.keys() for e in data):
        raise ValueError(f"{path}: expected a list of entries, each with 'query' and 'page'")
    return [(str(e["query"]), str(e["page"])) for e in data]


def result_paths(page) -> list[str]:
    """URL paths of the result pages, best first (the first link of each item is its page); notes left out."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item",
        f"items => items.filter(i => !i.querySelector('{NOTE}'))"
        ".map(i => i.querySelector('a.md-search-result__link').href)")
    return [urlsplit(href).path for href in hrefs]


def notes(page) -> list[str]:
    """The site's own lines in the result list."""
    return page.eval_on_selector_all(f".md-search-result__item {NOTE}", "els => els.map(e => e.textContent)")


# Empty the box, then put the query in it, each time with the keyup Material reads the box on; wait (watching
# the result list change, not polling) for Material's answer; return the result pages' paths, notes left out.
SEARCH = """async ([query, meta, placeholder, note]) => {
    const box = document.querySelector('input.md-search__input');
    const shown = document.querySelector(meta);
    const until = (test) => new Promise((resolve) => {
        if (test()) return resolve();
        const watch = new MutationObserver(() => { if (test()) { watch.disconnect(); resolve(); } });
        watch.observe(shown.closest('.md-search-result'), {subtree: true, childList: true, characterData: true});
    });
    const type = (text) => {
        box.value = text;
        box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    };
    type('');
    await until(() => shown.textContent === placeholder);
    type(query);
    await until(() => shown.textContent !== placeholder);
    return [...document.querySelectorAll('.md-search-result__item')].filter((item) => !item.querySelector(note))
        .map((item) => new URL(item.querySelector('a.md-search-result__link').href).pathname);
}"""


def search(page, query: str) -> list[str]:
    """Search for the query in the open search box; the result pages, best first, once they have updated."""
    return page.evaluate(SEARCH, [query, META, PLACEHOLDER, NOTE])


@pytest.fixture(scope="module")
def open_searches(browser):
    """One page per site ("http", "file") with the search open, made on first use and kept for the module."""
    pages: dict = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def search_page(request, site_url, browser, open_searches):
    """The home page with the search open and empty, on this test's site; console errors, uncaught
    exceptions and requests to other hosts since the test began are in its `problems`."""
    site = request.node.callspec.params["site_url"]
    page = open_searches.get(site)
    if page is None:
        page = open_searches[site] = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"uncaught exception: {e}"))
        page.on("request", lambda r: urlsplit(r.url).scheme not in ("file", "data", "blob")
                and urlsplit(r.url).hostname != "127.0.0.1"
                and page.problems.append(f"request to another host: {r.url}"))
        page.set_default_timeout(10_000)
        page.goto(site_url())
        page.keyboard.press("/")  # Material's keyboard shortcut opens the search
    else:  # empty the box, with the keyup Material reads it on
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").dispatch_event("keyup", {"key": "Backspace"})
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text", arg=[META, PLACEHOLDER])
    page.locator("input.md-search__input").focus()
    page.problems.clear()
    return page


def expected_path(site_url, src: str) -> str:
    return urlsplit(site_url(src)).path


def test_readers_queries_find_their_page(search_page, site_url, capsys):
    """Every query finds its page in the top 3, and at least 90% of them at rank 1, with no console error."""
    queries = load_queries()
    assert len(queries) >= 150, "tests/search_queries.yml must hold at least 150 queries"
    ranks: dict[str, int | None] = {}
    for query, src in queries:
        found = search(search_page, query)
        expected = expected_path(site_url, src)
        ranks[query] = found.index(expected) + 1 if expected in found else None

    width = max(len(q) for q in ranks)
    with capsys.disabled():
        print(f"\n{'query':<{width}}  rank  expected page")
        for query, src in queries:
            print(f"{query:<{width}}  {ranks[query] or '-':>4}  {src}")
        first = sum(r == 1 for r in ranks.values())
        print(f"rank 1: {first}/{len(ranks)}; top {TOP}: {sum(bool(r) and r <= TOP for r in ranks.values())}/{len(ranks)}")

    misses = [f"{q!r} -> {src} (rank {ranks[q] or 'not found'})" for q, src in queries if not ranks[q] or ranks[q] > TOP]
    assert not misses, f"pages not in the top {TOP}:\n" + "\n".join(misses)
    share = sum(r == 1 for r in ranks.values()) / len(ranks)
    assert share >= RANK_1_SHARE, f"only {share:.0%} of queries find their page at rank 1 (need {RANK_1_SHARE:.0%})"
    assert not search_page.problems, "\n".join(search_page.problems)


def test_a_query_typed_key_by_key_with_a_slip_finds_its_page(search_page, site_url):
    """As a reader types: key by key, a slip put right with Backspace."""
    search_page.keyboard.type("hair comx")
    search_page.keyboard.press("Backspace")
    search_page.keyboard.type("ing out")
    expected = expected_path(site_url, "treatment/side-effects.md")
    try:  # results come as the worker answers each key: wait for the page to lead them
        search_page.wait_for_function(
            "([path, note]) => { const first = [...document.querySelectorAll('.md-search-result__item')]"
            ".find((item) => !item.querySelector(note));"
            " return first && new URL(first.querySelector('a').href).pathname === path; }", arg=[expected, NOTE],
            timeout=5_000)
    except PlaywrightTimeout:
        pass  # the assertion says what came first instead
    assert result_paths(search_page)[0] == expected
    assert search_page.locator("input.md-search__input").input_value() == "hair coming out"


def test_a_drug_name_finds_its_treatment_page_first_and_its_glossary_entry_second(search_page, site_url):
    inventory, glossary = site_data()
    wrong = []
    for entry in (e for e in glossary.entries if e.kind in ("drug", "class")):
        treatment_pages = [expected_path(site_url, inventory.treatments[t].page) for t in entry.treatments]
        wanted = [*treatment_pages, expected_path(site_url, "glossary.md")]
        found = search(search_page, entry.term)
        if found[:len(wanted)] != wanted:
            wrong.append(f"{entry.term!r}: {found[:len(wanted)]}, expected {wanted}")
    assert not wrong, "\n".join(wrong)


def test_a_brand_name_and_its_misspelling_find_the_treatment_page_first_and_the_glossary_second(
        search_page, site_url):
    """Every brand recorded in data/glossary.yml, and each misspelling of it in tests/search_queries.yml."""
    inventory, glossary = site_data()
    queries = [q for q, _ in load_queries()]
    wrong, checked = [], 0
    for entry in (e for e in glossary.entries if e.brands):
        wanted = [*(expected_path(site_url, inventory.treatments[t].page) for t in entry.treatments),
                  expected_path(site_url, "glossary.md")]
        for name in dict.fromkeys(brand.name.lower() for brand in entry.brands):  # a name sold in two places: once
            misspelt = [q for q in queries if q != name and 0 < misspellings.distance(q, name) <= 2]
            assert name in queries and misspelt, f"add {name!r} and a misspelling of it to {QUERIES_FILE.name}"
            for query in (name, *misspelt):
                checked += 1
                found = search(search_page, query)
                if found[:len(wanted)] != wanted:
                    wrong.append(f"{query!r}: {found[:len(wanted)]}, expected {wanted}")
    assert checked >= 6 and not wrong, "\n".join(wrong)


def test_a_corrected_word_is_said_in_plain_words(search_page, site_url):
    found = search(search_page, "tamoxifan")
    assert notes(search_page) == ["Showing results for tamoxifen"]
    assert found[:2] == [expected_path(site_url, "treatment/hormone-therapy.md"), expected_path(site_url, "glossary.md")]
    search(search_page, "tamoxifen")
    assert notes(search_page) == [], "a word spelt right needs no note"


def test_real_words_and_short_words_are_left_alone(search_page, site_url):
    search(search_page, "being sick")
    assert notes(search_page) == [], "'being' must not be corrected to 'bring'"
    found = search(search_page, "hair coming out")
    assert found[0] == expected_path(site_url, "treatment/side-effects.md")
    titles = search_page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")
    assert not any("Outlook" in t or "outlook" in t for t in titles[:1]), "'out' must not match 'Outlook' first"


def test_a_glossary_result_shows_the_respelling_once_and_never_its_spoken_form(search_page, site_url):
    """The snippet shows what a sighted reader sees on the page: the spoken form is for screen readers only."""
    found = search(search_page, "capecitibine")
    assert notes(search_page) == ["Showing results for capecitabine"]
    glossary = expected_path(site_url, "glossary.md")
    assert glossary in found
    snippets = search_page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.filter((a) => new URL(a.href).hash === '#capecitabine')"
        ".map((a) => [new URL(a.href).pathname, a.textContent])")
    snippet = next(text for path, text in snippets if path == glossary)
    assert snippet.count("kay-peh-SY-tuh-been") == 1, snippet
    assert "kay peh sy tuh been" not in snippet and "stress on" not in snippet, snippet


def test_nothing_found_offers_glossary_terms_and_the_help_pages(search_page, site_url):
    found = search(search_page, "pertuzzzumabb xq")
    assert notes(search_page)[0] == "No page has “pertuzzzumabb xq”. Did you mean pertuzumab?", notes(search_page)
    assert found == [expected_path(site_url, "glossary.md"), expected_path(site_url, "treatment/side-effects.md")]
    link = search_page.locator(".md-search-result__item", has=search_page.locator(NOTE)).first.locator("a").first
    assert urlsplit(link.get_attribute("href")).fragment == "pertuzumab"
    assert not search_page.problems, "\n".join(search_page.problems)


def test_the_sites_worker_is_loaded_by_search_never_as_a_page_script(page, site_url):
    """The page names the site's worker in __config for Material's search; no page loads it as a script."""
    page.goto(site_url("treatment/chemotherapy.md"))
    worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
    assert "/workers/search-readers.js#search." in worker
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert not any("search-readers" in s for s in scripts)
