"""What the browser tests check on every page, and how they open each (palette, width).

The checks: axe-core's rules (AXE_OPTIONS), full-size text (SMALL_TEXT), large targets
(SMALL_TARGETS) and named landmarks (unnamed_landmarks). test_every_page.py runs them all
on one visit of each page; test_accessibility.py, test_easy_to_read.py and test_landmarks.py
show that each can fail.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

from mbc_guide.paths import TRANSLATIONS as EDITIONS

PALETTES = {"light": "default", "dark": "slate"}  # emulated color-scheme -> Material's data-md-color-scheme
WIDTHS = {"desktop": 1280, "phone": 360}
COMBINATIONS = [(palette, width) for palette in PALETTES for width in WIDTHS]
IDS = [f"{p}-{w}" for p, w in COMBINATIONS]

# --- axe-core ---------------------------------------------------------------------------------------

# Every WCAG 2.0, 2.1 and 2.2 A/AA rule (target-size is only in wcag22aa), plus axe's best practices,
# plus the AAA contrast rule (color-contrast-enhanced).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"color-contrast-enhanced": {"enabled": True}},
    "resultTypes": ["violations"],
}
# Colours come from the palette and sizes from the width; the theme's frame (header, tabs, side menus, footer)
# changes with both, and comes from one template on every page. Each page's structure is in both editions (a
# Spanish page keeps its English page's headings, lists, boxes, tables and links): every English page is visited
# light at desktop and every Spanish page (es/) dark at phone width, so that each structure is seen in both palettes
# and at both widths, and the pages of FRAME_PAGES, one of each kind, in all four; axe checks the frame on those
# pages, and everything else on every page.
ENGLISH_PAGES_IN = ("light", "desktop")
SWITCH = "p.mbc-language a"  # the language switch (overrides/partials/language-switch.html)
TRANSLATED_PAGES_IN = ("dark", "phone")
FRAME_PAGES = ("", "treatment/chemotherapy/", "404.html", "es/")  # home, a page of a section, 404, Spanish home
NOT_THE_FRAME = {"exclude": [[".md-header"], [".md-tabs"], [".md-sidebar"], [".md-footer"]]}
# The whole guide holds every other page's text, checked in both palettes: axe reads it at desktop only.
WHOLE_GUIDE = "whole-guide/"
TRANSLATIONS = tuple(f"{language}/" for language in EDITIONS)


def pages_to_visit(pages: list[str], palette: str, width: str) -> list[str]:
    """The pages visited in this combination (see ENGLISH_PAGES_IN, TRANSLATED_PAGES_IN): a translated edition's
    whole guide is left out, as its text is its other pages' and its frame theirs."""
    translated = (palette, width) == TRANSLATED_PAGES_IN
    return [path for path in pages if path in FRAME_PAGES
            or ((palette, width) == ENGLISH_PAGES_IN and not path.startswith(TRANSLATIONS))
            or (translated and path.startswith(TRANSLATIONS) and not path.endswith(WHOLE_GUIDE))]


def axe_context(path: str, width: str) -> dict | None | bool:
    """What axe checks on the page at path: everything but the frame, the whole page (None), or nothing (False)."""
    if path.endswith(WHOLE_GUIDE) and width != "desktop":
        return False
    return None if path in FRAME_PAGES else NOT_THE_FRAME


# --- Full-size text and large targets ---------------------------------------------------------------

READING_PX, SMALL_PRINT_PX, TARGET_PX = 16, 14, 44
# Small print: allowed at 14 px. Everything else in the page content is reading text.
SMALL_PRINT = (".mbc-page-meta, .mbc-mentions, .mbc-mentions__pages, .md-footer, .md-nav, .md-header, .md-tabs, "
               ".md-search, .md-source, .md-top, .headerlink")

# Every visible piece of text whose font is too small: [size, needed, where, text].
SMALL_TEXT = """([reading, small, smallPrint]) => {
    const shown = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || el.closest('[hidden], .mbc-visually-hidden')) return false;
        for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') return false;
        }
        return box.right > 0 && box.left < innerWidth;
    };
    const out = [], seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
        seen.add(el);
        if (!shown(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const needed = el.closest('article') && !el.closest(smallPrint) ? reading : small;
        if (size < needed - 0.01) out.push([size, needed, el.tagName + '.' + el.className,
                                           walker.currentNode.textContent.trim().slice(0, 40)]);
    }
    return out;
}"""

# Every control and every link that stands alone, smaller than the target: [w, h, what].
# A link stands alone when its list item, paragraph or cell has no other words than its own
# (a note in brackets aside); a link inside a sentence is exempt (WCAG 2.5.5).
SMALL_TARGETS = """([target, scope]) => {
    const hit = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || box.right <= 0 || box.left >= innerWidth) return false;
        for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') return false;
        }
        return true;
    };
    const inSentence = (el) => {
        if (el.tagName !== 'A') return false;
        const block = el.parentElement.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption, div');
        if (!block) return false;
        const rest = block.textContent.replace(el.textContent, '').replace(/\\([^()]*\\)/g, '');
        return /\\w/.test(rest);
    };
    const out = [];
    const controls = 'a[href], button, label[for], summary, select, textarea, [role=button], '
        + 'input:not([type=hidden]):not([disabled])';
    for (const el of document.querySelectorAll(scope)) {
        for (const c of [el, ...el.querySelectorAll(controls)]) {
            if (!c.matches(controls) || c.matches('.md-skip') || !hit(c) || inSentence(c)) continue;
            const box = c.getBoundingClientRect();
            if (box.width < target - 0.5 || box.height < target - 0.5)
                out.push([Math.round(box.width), Math.round(box.height), c.tagName + '.' + c.className + ' '
                          + (c.textContent.trim() || c.getAttribute('aria-label') || c.title || '').slice(0, 30)]);
        }
    }
    return [...new Set(out.map(JSON.stringify))].map(JSON.parse);
}"""
# At desktop the side menus are lists of links sized for a mouse; the header and content are checked.
SCOPES = {"phone": "body", "desktop": ".md-header, .md-content"}

# --- Named landmarks --------------------------------------------------------------------------------

LANDMARKS = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


def landmarks(page) -> list[tuple[str, str]]:
    """(role, accessible name) of each landmark in Chromium's accessibility tree, in tree order."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [((n.get("role") or {}).get("value"), ((n.get("name") or {}).get("value") or "").strip())
            for n in nodes if not n.get("ignored") and (n.get("role") or {}).get("value") in LANDMARKS]


def unnamed_landmarks(page) -> list[str]:
    """The landmarks a screen reader would announce with no name: any navigation, or a repeated other role."""
    found = landmarks(page)
    roles = [role for role, _ in found]
    # An unnamed <form> is not a landmark, and the one search landmark needs no name.
    return [role for role, name in found
            if not name and (role == "navigation" or (role != "form" and roles.count(role) > 1))]


# --- What a page asks of the network, and what goes wrong ---------------------------------------------

LOCAL_SCHEMES = ("data:", "blob:", "about:")
BROKEN_IMAGES = "[...document.images].filter(i => i.loading !== 'lazy' && !(i.complete && i.naturalWidth))" \
                ".map(i => i.src)"


def record_problems(page, base: str) -> list[str]:
    """A list that fills with each request to another host, failed request, HTTP error, console error
    and uncaught exception of the page; base is the site's own address (http://127.0.0.1:PORT/ or file:///…/)."""
    problems: list[str] = []

    def is_local(url: str) -> bool:
        return url.startswith(base) or url.startswith(LOCAL_SCHEMES)

    def failed(request) -> None:
        # Chromium cancels a page's unfinished requests (such as the favicon) when it navigates away:
        # net::ERR_ABORTED on a local file is that, not a failure.
        if not (request.failure == "net::ERR_ABORTED" and is_local(request.url)):
            problems.append(f"request failed: {request.url} ({request.failure})")

    page.on("request", lambda r: is_local(r.url) or problems.append(f"request to another host: {r.url}"))
    page.on("requestfailed", failed)
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"uncaught exception: {e}"))
    return problems


def taken(problems: list[str]) -> list[str]:
    """What the recorder found since the last call; it starts again empty."""
    found = list(problems)
    problems.clear()
    return found


# --- Opening the pages ------------------------------------------------------------------------------


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page in the build ("", "treatment/chemotherapy/", "404.html")."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if not rel.startswith("assets/"):
            paths.append(rel.removesuffix("index.html"))
    return paths


def site_prefix(site: Path) -> str:
    """The path the site is published under ("/mbc-plain-guide/"), from the sitemap."""
    loc = ET.parse(site / "sitemap.xml").getroot().find("{*}url/{*}loc")
    return urlparse(loc.text.strip()).path


def new_context(browser, palette: str, width: str, base: str | None = None, prefix: str = "/"):
    """A browser context for one (palette, width); with the served site's base, its published path goes to its root."""
    phone = width == "phone"
    context = browser.new_context(color_scheme=palette, viewport={"width": WIDTHS[width], "height": 900},
                                  is_mobile=phone, has_touch=phone)
    if base and prefix != "/":  # the 404 page links its assets under the published path (prefix)
        origin = base.rstrip("/")
        context.route(f"{origin}{prefix}**", lambda route: route.continue_(
            url=base + route.request.url.removeprefix(origin + prefix)))
    return context


def settle(page) -> None:
    """Let the page handle its scroll (two frames), then end running CSS transitions (header fades) at once."""
    page.evaluate("""async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        document.getAnimations().filter((a) => a.effect.getTiming().iterations !== Infinity).forEach((a) => a.finish());
    }""")
