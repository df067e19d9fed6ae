"""Zero third-party requests, online and offline, checked in a real Chromium.

Every page of the online build is loaded over HTTP, with anything not on
http://127.0.0.1:PORT/ aborted, and every page of the offline copy from file://
with the browser offline. Every request, failed request, HTTP status and
console message is recorded: all requests must be local, none may fail or get
a 4xx/5xx, and no console error or uncaught exception may occur. Then, still
without network: search finds "tamoxifen", dark mode toggles, a glossary
tooltip opens, links between offline pages lead to real files, and no cookie
is set. One browser context per site is shared by the tests of this module.

The online build's 404.html is left out of the page list: its links are
absolute under site_url's path (/mbc-plain-guide/), so they resolve only on
the published host (the offline copy does not ship it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

LOCAL_SCHEMES = ("data:", "blob:", "about:")


@dataclass
class Session:
    """One browser context and page on one site, recording everything the page does."""

    name: str
    base: str  # "http://127.0.0.1:PORT/" or "file:///…/"
    root: Path  # the site's folder on disk
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(LOCAL_SCHEMES)

    def record(self) -> None:
        """Attach the recorders to the page."""
        page = self.page
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"uncaught exception: {e}"))

    def _failed(self, request) -> None:
        # Chromium cancels a page's unfinished requests (such as the favicon) when it navigates away:
        # net::ERR_ABORTED on a local file is that, not a failure. Missing files are 404 or
        # ERR_FILE_NOT_FOUND, and blocked remote requests are caught as remote.
        if not (request.failure == "net::ERR_ABORTED" and self.is_local(request.url)):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def check(self) -> None:
        """Fail on any non-local request or recorded problem since the last check."""
        remote = sorted({u for u in self.requests if not self.is_local(u)})
        problems, self.problems[:], self.requests[:] = list(self.problems), [], []
        assert remote == [], f"{self.name}: requests to other hosts"
        assert problems == [], f"{self.name}: problems"

    def url(self, src: str) -> str:
        """URL of the page built from docs/<src> ("treatment/chemotherapy.md")."""
        stem = src.removesuffix(".md")
        if self.name == "file":
            return f"{self.base}{stem}.html"
        return self.base + (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/")

    def file_url(self, rel: str) -> str:
        """URL of the built file at rel (directory URLs over HTTP, as published)."""
        if self.base.startswith("http") and (rel == "index.html" or rel.endswith("/index.html")):
            rel = rel.removesuffix("index.html")
        return self.base + rel

    def pages(self) -> list[str]:
        """Every page of the site, as paths from its root."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html")
                      if p.name != "404.html")


def _open(browser, name: str, base: str, root: Path) -> Session:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    if base.startswith("http"):
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else route.abort("blockedbyclient"))
    else:
        context.set_offline(True)
    session = Session(name, base, root, context, context.new_page())
    session.record()
    return session


@pytest.fixture(scope="module")
def http_session(browser, served_site, built_site):
    session = _open(browser, "http", served_site, built_site)
    yield session
    session.context.close()


@pytest.fixture(scope="module")
def file_session(browser, file_site, offline_site):
    session = _open(browser, "file", file_site, offline_site)
    yield session
    session.context.close()


@pytest.fixture(params=["http", "file"])
def session(request) -> Session:
    """The online site over HTTP and the offline copy from file://, each in its own shared context."""
    return request.getfixturevalue(f"{request.param}_session")


BROKEN_IMAGES = "[...document.images].filter(i => i.loading !== 'lazy' && !(i.complete && i.naturalWidth))" \
                ".map(i => i.src)"
FILE_LINKS = "[...document.links].map(a => a.href).filter(h => h.startsWith('file:'))"


def test_every_page_loads_only_local_files(session):
    pages = session.pages()
    assert len(pages) >= 20
    missing_links: set[str] = set()
    for i, rel in enumerate(pages):
        # The first page also waits for the search index and worker, which every page shares.
        session.page.goto(session.file_url(rel), wait_until="networkidle" if i == 0 else "load")
        assert session.page.evaluate(BROKEN_IMAGES) == [], f"{rel}: broken images"
        if session.name == "file":
            for href in session.page.evaluate(FILE_LINKS):
                if not Path(unquote(urlsplit(href).path)).is_file():
                    missing_links.add(f"{rel} -> {href}")
        session.check()
    assert sorted(missing_links) == [], "offline links that lead to no file"
    assert session.context.cookies() == []


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
