"""Findability: readers' own search words lead to the right page (tests/search_queries.yml).

Each query is typed into Material's search box on the served site, in one page
reused for every query. A query's rank is the position of its expected page among
the results; Material groups results per page, one `.md-search-result__item` each.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.yml"
TOP = 3               # every query must find its page this high
RANK_1_SHARE = 0.85   # and this share of queries at rank 1
META = ".md-search-result__meta"
PLACEHOLDER = "Type to start searching"  # Material's text when the box is empty


def load_queries(path: Path = QUERIES_FILE) -> list[tuple[str, str]]:
    """The (query, page) pairs from the data file, with a clear error when it is malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(e, dict) and {"query", "page"} <= e.keys() for e in data):
        raise ValueError(f"{path}: expected a list of entries, each with 'query' and 'page'")
    return [(str(e["query"]), str(e["page"])) for e in data]


def result_paths(page) -> list[str]:
    """URL paths of the result pages, best first (the first link of each item is its page)."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.querySelector('a.md-search-result__link').href)")
    return [urlsplit(href).path for href in hrefs]


def search(page, query: str) -> list[str]:
    """Clear the search box, type the query and return the result pages once they have updated."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text", arg=[META, PLACEHOLDER])
    box.fill(query)
    box.press("End")
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent !== text", arg=[META, PLACEHOLDER])
    return result_paths(page)


@pytest.mark.parametrize("site_url", ["http"], indirect=True)
def test_readers_queries_find_their_page(page, site_url, capsys):
    """Every query finds its page in the top 3, and most of them at rank 1."""
    queries = load_queries()
    page.set_default_timeout(10_000)
    page.goto(site_url())
    page.keyboard.press("/")  # Material's keyboard shortcut opens the search
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text", arg=[META, PLACEHOLDER])

    ranks: dict[str, int | None] = {}
    for query, src in queries:
        expected = urlsplit(site_url(src)).path
        found = search(page, query)
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
