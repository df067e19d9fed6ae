"""Contrast in Chromium, beside the axe-core run on every page (test_every_page.py): the AAA rule
that run enables (color-contrast-enhanced) finds text below 7:1, and the glossary tooltip, which
sits over the text where axe cannot work out its background, has 7:1 contrast in both palettes.
"""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.page_checks import AXE_OPTIONS, PALETTES


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
    """The rule the every-page run enables finds text at AA but below AAA (#666 on white, 5.7:1)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(served_site)
        page.evaluate("[...document.querySelectorAll('article p:not(.mbc-language)')].find(p => p.offsetParent).style.color = '#666'")
        found = {rule["id"] for rule in Axe().run(page, options=AXE_OPTIONS).response["violations"]}
    finally:
        context.close()
    assert "color-contrast-enhanced" in found
