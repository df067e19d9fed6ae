"""Zero third-party requests, online and offline, while a reader uses the site, in a real Chromium.

The online build is served over HTTP, with anything not on http://127.0.0.1:PORT/
aborted, and the offline copy is opened from file:// with the browser offline.
Every request, failed request, HTTP status and console message is recorded
(page_checks.record_problems): all requests must be local, none may fail or get
a 4xx/5xx, and no console error or uncaught exception may occur while search
finds "tamoxifen", a tab leads to its section, a glossary tooltip opens and dark
mode toggles, and no cookie is set. One browser context per site is shared by
the tests of this module. Every page's own loading is checked in
test_every_page.py (served) and test_every_offline_page.py (file://).
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.page_checks import record_problems, taken


@dataclass
class Session:
    """One browser context and page on one site, recording everything the page does."""

    name: str
    base: str  # "http://127.0.0.1:PORT/" or "file:///…/"
    context: BrowserContext
    page: Page
    problems: list[str]  # filled by page_checks.record_problems

    def check(self) -> None:
        """Fail on any request to another host or other problem recorded since the last check."""
        assert taken(self.problems) == [], f"{self.name}: problems"

    def url(self, src: str) -> str:
        """URL of the page built from docs/<src> ("treatment/chemotherapy.md")."""
        stem = src.removesuffix(".md")
        if self.name == "file":
            return f"{self.base}{stem}.html"
        return self.base + (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/")


def _open(browser, name: str, base: str) -> Session:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    if base.startswith("http"):
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else route.abort("blockedbyclient"))
    else:
        context.set_offline(True)
    page = context.new_page()
    return Session(name, base, context, page, record_problems(page, base))


@pytest.fixture(scope="module")
def http_session(browser, served_site):
    session = _open(browser, "http", served_site)
    yield session
    session.context.close()


@pytest.fixture(scope="module")
def file_session(browser, file_site):
    session = _open(browser, "file", file_site)
    yield session
    session.context.close()


@pytest.fixture(params=["http", "file"])
def session(request) -> Session:
    """The online site over HTTP and the offline copy from file://, each in its own shared context."""
    return request.getfixturevalue(f"{request.param}_session")


def test_search_works_without_network(session):
    session.page.goto(session.url("index.md"))
    # Typed key by key, as a reader does: Material searches on keyup, not on a pasted value.
    session.page.locator("input[data-md-component=search-query]").press_sequentially("tamoxifen")
    results = session.page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("amoxifen")
    session.check()


def test_navigation_follows_links(session):
    session.page.goto(session.url("index.md"))
    session.page.locator(".md-tabs__link", has_text="Treatment").first.click()
    expect(session.page.locator("h1")).to_contain_text("Treatment")
    assert session.page.url.endswith("treatment/" if session.name == "http" else "treatment/index.html")
    session.check()


def test_glossary_tooltip_appears(session):
    session.page.goto(session.url("treatment/hormone-therapy.md"))
    term = session.page.locator("a.mbc-term").first
    term.focus()
    tooltip = session.page.locator("#mbc-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(term.get_attribute("data-term") or "")
    session.check()


def test_dark_mode_toggles_and_is_remembered(session):
    page = session.page
    page.goto(session.url("index.md"))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator('label[title="Switch to dark mode"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(session.url("glossary.md"))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator('label[title="Switch to light mode"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.evaluate("document.cookie") == ""
    assert session.context.cookies() == []
    session.check()
