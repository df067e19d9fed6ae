"""The installable app in Chromium: the hosted site keeps working offline after the first visit.

A phone-sized browser opens the home page and waits for the service worker; the
browser then goes offline (context.set_offline) and the reader opens six other
pages, searches and opens a tooltip, each page saying it is the saved copy. Then
a changed build is published: the next visit offers to reload, the reload shows
the new page, and the old build's cache is gone. Chromium's own installability
check (the one Lighthouse ran before version 12) passes, the worker is registered
only after the page has loaded, and the file:// copy registers nothing.

The saved copy cannot be poisoned: a script that rewrites the saved scripts and
pages (the Cache API is open to every page of the site) gets none of them run,
neither now nor after a clean build is published, on any page; and a server
whose file differs from the build's list gets no worker installed.

The site is served from a folder of its own, with `Cache-Control: no-cache` as a
static host that has just published would answer, so that publishing is
replacing that folder's files.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from mbc_guide.checks import review_command
from mbc_guide.publish import web_app
from mbc_guide.tools.serve import serve
from tests.helpers import ROOT, build_site

OFFLINE_PAGES = ["treatment/chemotherapy/", "treatment/hormone-therapy/", "questions/", "glossary/",
                 "living/check-ups-and-scans/", "about/offline/", "whole-guide/"]
CHANGED_TEXT = "This sentence is new in the changed build."
WAIT_FOR_WORKER = """async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, {once: true}));
    }
    return navigator.serviceWorker.controller.scriptURL;
}"""
# The worker registered for this page's own folder (the Spanish edition's, es/sw.js), once it is active.
EDITION_WORKER = """async () => {
    for (;;) {
        const registration = await navigator.serviceWorker.getRegistration(location.href);
        if (registration && registration.scope === new URL('./', location.href).href && registration.active) {
            return registration.active.scriptURL;
        }
        await new Promise((done) => setTimeout(done, 100));
    }
}"""
CACHES = "async () => (await caches.keys()).filter((name) => name.startsWith('mbc-guide-'))"
# What a one-time injected script could do: rewrite, under the worker's own keys, every saved
# script (the poison first, then the real code) and every saved page. Returns the paths changed.
POISON = """async () => {
    const cache = await caches.open((await caches.keys()).find((name) => name.startsWith('mbc-guide-')));
    const changed = [];
    for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        let body;
        if (path.endsWith('.js')) body = "window.__pwned = 'script';\\n" + await (await cache.match(request)).text();
        else if (path.endsWith('.html')) body = "<!doctype html><title>Poisoned</title><script>window.__pwned = 'page';</script>";
        else continue;
        await cache.put(request, new Response(body, {headers: {'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'text/html'}}));
        changed.push(path);
    }
    return changed;
}"""
# The site's saved files: URL (without the worker's ?rev=...) -> sha256 of the saved bytes (hex).
SAVED_FILES = """async () => {
    const cache = await caches.open((await caches.keys()).find((name) => name.startsWith('mbc-guide-')));
    const saved = {};
    for (const request of await cache.keys()) {
        const digest = await crypto.subtle.digest('SHA-256', await (await cache.match(request)).arrayBuffer());
        saved[request.url.split('?')[0]] = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return saved;
}"""
# The state the site's worker ends in after installing, "activated" or "redundant" (registered as app.js does).
INSTALL_OUTCOME = """async () => {
    const registration = await navigator.serviceWorker.register('sw.js', {updateViaCache: 'none'});
    const worker = registration.installing || registration.waiting || registration.active;
    while (!['activated', 'redundant'].includes(worker.state)) {
        await new Promise((done) => worker.addEventListener('statechange', done, {once: true}));
    }
    return worker.state;
}"""


@pytest.fixture
def live_site(tmp_path, built_site):
    """A copy of the built site served on a free port, every answer saying not to cache it: yields (base URL,
    the folder served)."""
    folder = tmp_path / "live"
    shutil.copytree(built_site, folder)
    with serve(folder, no_cache=True) as base:
        yield base, folder


@pytest.fixture(scope="module")
def changed_build(tmp_path_factory) -> Path:
    """The site built again with one sentence added to the home page, as a new publication would be."""
    copy = tmp_path_factory.mktemp("changed") / "project"
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(ROOT / config, copy / config)
    home = copy / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{CHANGED_TEXT}\n", encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):  # its review, recorded as for any publication
        assert review_command.main(["index.md", "--note", "A sentence was added."], root=copy) == 0
    result = build_site(copy / "site", project=copy)
    assert result.returncode == 0, result.stderr
    return copy / "site"


def publish(site: Path, folder: Path) -> None:
    """Replace the served folder's files with the new build's."""
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(site, folder, dirs_exist_ok=True, copy_function=shutil.copy)  # new files, new times


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"uncaught exception: {e}"))
    yield context, page, problems
    context.close()


def wait_for_caches(page, done, timeout_ms: int = 30_000) -> list[str]:
    """Poll the site's caches until done(names) is true; return them."""
    for _ in range(timeout_ms // 250):
        names = page.evaluate(CACHES)
        if done(names):
            return names
        page.wait_for_timeout(250)
    raise AssertionError(f"the site's caches are still {names}")


def test_the_site_works_offline_after_the_first_visit_and_updates(phone, live_site, changed_build):
    context, page, problems = phone
    base, folder = live_site
    first_build = folder.parent / "first-build"
    shutil.copytree(folder, first_build)
    notice = page.locator("#mbc-app-notice")
    saved = page.locator('[data-mbc-notice="saved"]')
    update = page.locator('[data-mbc-notice="update"]')

    # First visit: the worker saves the site; the page came from the network, so no notice.
    page.goto(base)
    assert page.evaluate(WAIT_FOR_WORKER) == base + "sw.js"
    first_caches = page.evaluate(CACHES)
    assert len(first_caches) == 1
    expect(notice).to_be_hidden()

    # A changed build is published while the reader is online: the next page is fresh from the
    # network, and the newer worker saves that build and takes over quietly; the old cache goes.
    publish(changed_build, folder)
    page.goto(base)
    expect(page.locator("article")).to_contain_text(CHANGED_TEXT)
    wait_for_caches(page, lambda names: len(names) == 1 and names != first_caches)
    expect(notice).to_be_hidden()

    # No signal: six other pages, a search and a tooltip, each page saying it is the saved copy.
    context.set_offline(True)
    for path in OFFLINE_PAGES:
        page.goto(base + path)
        expect(page.locator("article h1").first).to_be_visible()
        expect(saved).to_be_visible()
        expect(saved).to_contain_text("saved on this device")
        expect(page.locator(".mbc-page-actions .mbc-needs-connection")).to_be_visible()
    page.goto(base + "treatment/chemotherapy/")
    term = page.locator("article a.mbc-term").first
    term.tap()
    expect(page.locator("#mbc-tooltip")).to_contain_text(term.get_attribute("data-definition") or "")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input[data-md-component=search-query]").press_sequentially("tamoxifen")
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("amoxifen")
    result.locator("a").first.click()  # the result's address ends in ?h=..., which the saved copy must still find
    expect(page.locator("article h1").first).to_be_visible()
    expect(saved).to_be_visible()
    page.goto(base)
    expect(page.locator("article")).to_contain_text(CHANGED_TEXT)
    expect(saved).to_be_visible()

    # Another build is published while the reader has no signal; when the signal returns, the
    # saved page offers to reload, the reload shows the newer build, and the old cache is gone.
    publish(first_build, folder)
    context.set_offline(False)
    expect(update).to_be_visible(timeout=30_000)
    expect(update).to_contain_text("A newer version of this guide is ready")
    with page.expect_event("load"):
        page.locator("#mbc-app-reload").click()
    expect(page.locator("article h1").first).to_be_visible()
    expect(page.locator("article")).not_to_contain_text(CHANGED_TEXT)
    wait_for_caches(page, lambda names: names == first_caches)  # the same files as the first build
    expect(notice).to_be_hidden()
    assert problems == []


def test_the_worker_is_registered_only_after_the_page_has_loaded(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    events: list[str] = []
    context.on("request", lambda request: events.append(request.url))
    # Before the site's own scripts: note when the load event starts and when the worker is registered.
    page.add_init_script("""
        window.mbcOrder = [];
        addEventListener('load', () => mbcOrder.push('load'));
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => { mbcOrder.push('register'); return register(...args); };
    """)
    page.goto(served_site)
    page.evaluate(WAIT_FOR_WORKER)
    order = page.evaluate("window.mbcOrder")
    context.close()
    assert order[:2] == ["load", "register"], f"the service worker must not compete with the first load: {order}"
    assert len(events) > events.index(served_site + "sw.js") + 20, "the worker saved too few files"


def test_chromium_finds_the_site_installable(browser, chromium_path, served_site, tmp_path):
    # Lighthouse 12 dropped its installability audit; this is the check it ran, Chromium's own.
    # A persistent profile, because Chromium never offers to install from an incognito one.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"])
    try:
        page = context.new_page()
        page.goto(served_site)
        page.evaluate(WAIT_FOR_WORKER)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"] == served_site + "manifest.webmanifest" and manifest["errors"] == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    finally:
        context.close()


def html_pages(site: Path) -> list[str]:
    """The address, from the site root, of every page the worker keeps ("", "glossary/", ...)."""
    return [path.removesuffix("index.html") for path in web_app.precache_paths(site) if path.endswith(".html")]


def test_a_poisoned_cache_is_gone_once_a_clean_build_is_published(phone, live_site, changed_build):
    context, page, problems = phone
    base, folder = live_site
    page.goto(base)
    page.evaluate(WAIT_FOR_WORKER)
    first_caches = page.evaluate(CACHES)
    changed = page.evaluate(POISON)
    assert any("/assets/javascripts/bundle." in path for path in changed), changed
    assert sum(path.endswith(".html") for path in changed) == len(html_pages(folder)), changed

    # A clean build is published; its worker saves it and takes over, and the old cache goes.
    publish(changed_build, folder)
    page.goto(base)
    expect(page.locator("article")).to_contain_text(CHANGED_TEXT)
    wait_for_caches(page, lambda names: len(names) == 1 and names != first_caches)
    expected = {base + path: hashlib.sha256((folder / path).read_bytes()).hexdigest()
                for path in web_app.precache_paths(folder)}
    assert page.evaluate(SAVED_FILES) == expected, "the saved files differ from the published build"

    # With no signal every page, visited before or not, comes from the saved copy: none runs the poison.
    context.set_offline(True)
    for path in html_pages(folder):
        page.goto(base + path)
        assert page.evaluate("window.__pwned") is None, f"the poison ran on {base + path}"
        expect(page.locator("article h1").first).to_be_visible()
        expect(page.locator('[data-mbc-notice="saved"]')).to_be_visible()
    assert problems == []


def test_a_poisoned_copy_is_never_served(phone, live_site):
    context, page, problems = phone
    base, folder = live_site
    page.goto(base)
    page.evaluate(WAIT_FOR_WORKER)
    page.evaluate(POISON)

    # Online, the theme bundle is served from the saved copy first: the poisoned one is refused
    # and the real one, from the network, runs (Material's bundle sets window.document$).
    page.goto(base + "glossary/")
    page.wait_for_function("() => window.document$ !== undefined")
    assert page.evaluate("window.__pwned") is None
    expect(page.locator("article h1").first).to_be_visible()
    assert problems == []

    # With no signal, a poisoned page is refused too: the browser shows its own "no connection" page.
    context.set_offline(True)
    for path in ("treatment/chemotherapy/", ""):
        with pytest.raises(PlaywrightError, match="net::ERR_FAILED"):
            page.goto(base + path)


def test_a_file_that_differs_from_the_build_stops_the_install(phone, live_site):
    context, page, problems = phone
    base, folder = live_site
    glossary = folder / "glossary" / "index.html"
    glossary.write_bytes(glossary.read_bytes() + b"<!-- changed after the build -->")
    page.goto(base)
    assert page.evaluate(INSTALL_OUTCOME) == "redundant", "a worker was installed with a file the build did not write"
    assert page.evaluate("navigator.serviceWorker.controller") is None


def test_each_edition_is_an_app_of_its_own_that_works_offline(phone, served_site):
    """The Spanish edition registers its own worker (es/sw.js), which keeps its pages and its search, stemmer
    included, beside the English app's: neither deletes the other's files."""
    context, page, problems = phone
    page.goto(served_site)
    assert page.evaluate(WAIT_FOR_WORKER) == served_site + "sw.js"
    page.goto(served_site + "es/")  # the English worker serves it first; the page registers the Spanish one
    assert page.evaluate(EDITION_WORKER) == served_site + "es/sw.js"
    page.reload()
    assert page.evaluate(WAIT_FOR_WORKER) == served_site + "es/sw.js"
    wait_for_caches(page, lambda names: len(names) == 2)

    context.set_offline(True)
    for path in ("es/treatment/chemotherapy/", "es/glossary/", "es/about/offline/", "treatment/chemotherapy/"):
        page.goto(served_site + path)
        expect(page.locator("article h1").first).to_be_visible()
    page.goto(served_site + "es/treatment/chemotherapy/")
    expect(page.locator('[data-mbc-notice="saved"]')).to_contain_text("guardada en este dispositivo")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input[data-md-component=search-query]").press_sequentially("nauseas")
    expect(page.locator(".md-search-result__item").first).to_contain_text("náuseas")
    assert len(page.evaluate(CACHES)) == 2
    assert not problems
