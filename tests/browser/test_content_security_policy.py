"""The Content-Security-Policy in a real Chromium: the site's own scripts work, nothing else runs.

Every page is loaded with a listener for `securitypolicyviolation` installed
before any script runs, in the page and in any frame (offline search runs in
one). Reading, search, tooltips and the palette toggle must cause no violation
at a desktop and a phone width, on the hosted site and on the offline copy from
file://; a script or event handler injected into a page of either must be
blocked and reported.
"""
from __future__ import annotations

import pytest

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""
PAGES = ["index.md", "treatment/chemotherapy.md", "about/index.md", "questions.md", "glossary.md"]


@pytest.fixture(params=[(1280, 900, False), (360, 740, True)], ids=["desktop", "phone"])
def csp_page(request, browser):
    width, height, mobile = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.errors = errors
    yield page
    context.close()


def violations(page) -> list[str]:
    """The violations reported in the page and in its frames."""
    return [v for frame in page.frames for v in frame.evaluate("window.__violations || []")]


def test_pages_work_with_no_violation(csp_page, site_url):
    page = csp_page
    found = {}
    for src in PAGES:
        page.goto(site_url(src))
        page.wait_for_load_state("load")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, src
        term = page.locator("a.mbc-term").first
        if term.count():
            term.focus()
            page.wait_for_selector("#mbc-tooltip:not([hidden])")
        page.evaluate("document.querySelector('label[for=__palette_1], label[for=__palette_0]')?.click()")
        found[src] = violations(page) + page.errors
        page.errors.clear()
    assert found == {src: [] for src in PAGES}


def test_search_works_with_no_violation(csp_page, site_url):
    page = csp_page
    page.goto(site_url("index.md"))
    page.evaluate("document.querySelector('label[for=__search]').click()")
    box = page.locator("input.md-search__input")
    box.fill("tamoxifen")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_selector(".md-search-result__item")
    assert violations(page) == [] and page.errors == []


def test_injected_inline_script_is_blocked(csp_page, site_url):
    page = csp_page
    page.goto(site_url("treatment/chemotherapy.md"))
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
        const i = document.createElement('img');
        i.setAttribute('onerror', 'window.__handler = true');
        i.src = 'no-such-image.png';
        document.body.appendChild(i);
    }""")
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__handler") is None
    assert all(v.startswith("script-src") for v in violations(page)), violations(page)


@pytest.mark.parametrize("site_url", ["http"], indirect=True)
def test_scripts_from_other_hosts_are_blocked(csp_page, site_url):
    page = csp_page
    page.route("**/*", lambda route: route.abort() if "example.org" in route.request.url else route.continue_())
    page.goto(site_url("index.md"))
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.src = 'https://example.org/tracker.js';
        document.body.appendChild(s);
    }""")
    page.wait_for_function("window.__violations.length >= 1")
    assert violations(page)[0].startswith("script-src-elem https://example.org")
