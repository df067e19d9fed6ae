"""Browser fixtures: a real Chromium driven by Playwright, and the built site served over HTTP.

Chromium is looked for as the scripts look for it (mbc_guide.tools.browser): in
$CHROMIUM_PATH, then the usual system paths, PATH, then Playwright's own browsers.
When none is found the browser tests are skipped with a loud reason, unless
REQUIRE_BROWSER=1, when they fail instead.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from mbc_guide.tools.browser import HEADLESS_ARGS, find_chromium
from mbc_guide.tools.serve import serve


def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/browser as a browser test; skip or fail when no Chromium."""
    here = Path(__file__).parent
    browser_items = [i for i in items if here in Path(i.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and find_chromium() is None:
        reason = ("NO CHROMIUM FOUND: browser tests skipped. Install it (Debian/Ubuntu: sudo apt-get install "
                  "chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH.")
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.exit(f"REQUIRE_BROWSER=1 but {reason}", returncode=1)
        print(f"\n*** {reason} ***\n")
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium the browser tests drive (for tests that start it themselves)."""
    return find_chromium()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(HEADLESS_ARGS), headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page in a fresh context (no shared storage between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser):
    """A fresh page with a phone-sized touch screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site served over HTTP on a free local port; yields its base URL."""
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def file_site(offline_site) -> str:
    """The offline build's base URL on file://."""
    return offline_site.as_uri() + "/"


def page_path(src: str, directory_urls: bool) -> str:
    """URL path of the page built from docs/<src> ("treatment/chemotherapy.md")."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@pytest.fixture(params=["http", "file"])
def site_url(request):
    """A function giving a page's URL, on the served site and on the offline copy from file://.

    Call it with the page's Markdown path: site_url("treatment/chemotherapy.md").
    """
    if request.param == "http":
        base = request.getfixturevalue("served_site")
        return lambda src="index.md": base + page_path(src, directory_urls=True)
    base = request.getfixturevalue("file_site")
    return lambda src="index.md": base + page_path(src, directory_urls=False)
