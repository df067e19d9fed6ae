"""Accessibility (WCAG 2.2 AA, and AAA contrast) with axe-core in Chromium: every built page,
in the light and the dark palette, at desktop and a 360 px phone width, must have no violations,
including axe's color-contrast-enhanced rule (7:1, or 4.5:1 for large text).

One browser context per (palette, width), reused for every page. On each page
the first glossary term is focused first, so its tooltip and the focused term are
checked too. The tooltip sits over the text, where axe cannot work out its
background, so its contrast is also checked directly.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

# Every WCAG 2.0, 2.1 and 2.2 A/AA rule (target-size is only in wcag22aa), plus axe's best practices,
# plus the AAA contrast rule (color-contrast-enhanced).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"color-contrast-enhanced": {"enabled": True}},
    "resultTypes": ["violations"],
}
PALETTES = {"light": "default", "dark": "slate"}  # emulated color-scheme -> Material's data-md-color-scheme
WIDTHS = {"desktop": 1280, "mobile": 360}
COMBINATIONS = [(palette, width) for palette in PALETTES for width in WIDTHS]


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


def new_context(browser, palette: str, width: str, base: str, prefix: str):
    """A browser context for one combination. The 404 page links its assets under the
    published path (prefix); those requests are sent to the local server's root."""
    phone = width == "mobile"
    context = browser.new_context(color_scheme=palette, viewport={"width": WIDTHS[width], "height": 900},
                                  is_mobile=phone, has_touch=phone)
    if prefix != "/":
        origin = base.rstrip("/")
        context.route(f"{origin}{prefix}**", lambda route: route.continue_(
            url=base + route.request.url.removeprefix(origin + prefix)))
    return context


def settle(page) -> None:
    """Wait for running CSS transitions (the header and tabs fade when the page scrolls)."""
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter((a) => a.effect.getTiming().iterations !== Infinity).map((a) => a.finished))""")


@pytest.mark.parametrize(("palette", "width"), COMBINATIONS, ids=[f"{p}-{w}" for p, w in COMBINATIONS])
def test_every_page_has_no_axe_violations(browser, built_site, served_site, palette, width):
    pages = site_pages(built_site)
    assert len(pages) > 10, f"expected the whole site, found only {pages}"
    axe = Axe()
    context = new_context(browser, palette, width, served_site, site_prefix(built_site))
    page = context.new_page()
    problems = []
    try:
        for path in pages:
            page.goto(served_site + path)
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == PALETTES[palette], f"{path}: the {palette} palette is not applied (scheme {scheme!r})"
            page.evaluate("document.querySelector('article a.mbc-term')?.focus()")  # shows a tooltip
            settle(page)
            for rule in axe.run(page, options=AXE_OPTIONS).response["violations"]:
                for node in rule["nodes"]:
                    problems.append(f"{path or '/'}: {rule['id']} ({rule['impact']}) at "
                                    f"{' '.join(map(str, node['target']))}: {rule['help']}")
    finally:
        context.close()
    assert not problems, (f"{len(problems)} axe violation(s) in the {palette} palette at {width} width "
                          f"({len(pages)} pages):\n" + "\n".join(problems))


def _rgba(css: str) -> tuple[float, float, float, float]:
    r, g, b, *a = (float(x) for x in re.findall(r"[\d.]+", css))
    return r, g, b, a[0] if a else 1.0


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two computed CSS colours; a see-through fg is laid over bg."""
    *back, _ = _rgba(bg)
    *front, alpha = _rgba(fg)
    front = [alpha * f + (1 - alpha) * b for f, b in zip(front, back)]

    def luminance(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    high, low = sorted((luminance(front), luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", PALETTES)
def test_glossary_tooltip_text_has_enough_contrast(browser, served_site, palette):
    context = browser.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(served_site + "treatment/chemotherapy/")
        page.locator("article a.mbc-term").first.focus()
        page.locator("#mbc-tooltip").wait_for(state="visible")
        colours = page.evaluate("""() => {
            const style = (sel) => getComputedStyle(document.querySelector(sel));
            return {
                background: style('#mbc-tooltip').backgroundColor,
                term: style('.mbc-tooltip__term').color,
                definition: style('.mbc-tooltip__definition').color,
                link: style('.mbc-tooltip__more').color,
            };
        }""")
    finally:
        context.close()
    assert _rgba(colours["background"])[3] == 1.0, f"the tooltip must have a solid background: {colours}"
    for part in ("term", "definition", "link"):
        ratio = contrast(colours[part], colours["background"])
        assert ratio >= 7, f"tooltip {part} in the {palette} palette: contrast {ratio:.2f}:1 < 7:1 ({colours})"


def test_the_aaa_contrast_rule_is_run_and_can_fail(browser, served_site):
    """The rule the page test enables finds text at AA but below AAA (#666 on white, 5.7:1)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(served_site)
        page.evaluate("[...document.querySelectorAll('article p')].find(p => p.offsetParent).style.color = '#666'")
        found = {rule["id"] for rule in Axe().run(page, options=AXE_OPTIONS).response["violations"]}
    finally:
        context.close()
    assert "color-contrast-enhanced" in found
