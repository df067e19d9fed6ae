"""Every page of the served site, in the light and the dark palette, at desktop (1280 px) and a
360 px phone width, visited once per combination and checked on that visit (page_checks.py):

- axe: no violation of WCAG 2.0 to 2.2 A/AA or axe's best practices, nor of AAA contrast (7:1, or 4.5:1
  for large text; color-contrast-enhanced);
- text size: reading text at least 16 px, small print (sources, menus, footer) at least 14 px;
- targets: every control, and every link that stands alone, at least 44 x 44 px (at desktop,
  in the header and the page content);
- landmarks: every navigation landmark, and any repeated landmark, has a name in Chromium's
  accessibility tree.

On each page the first glossary term is focused first, so its tooltip and the focused term are
checked too.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.page_checks import (
    AXE_OPTIONS,
    COMBINATIONS,
    IDS,
    PALETTES,
    READING_PX,
    SCOPES,
    SMALL_PRINT,
    SMALL_PRINT_PX,
    SMALL_TARGETS,
    SMALL_TEXT,
    TARGET_PX,
    new_context,
    settle,
    site_pages,
    site_prefix,
    unnamed_landmarks,
)


def problems_on(page, axe: Axe, width: str) -> dict[str, list[str]]:
    """What each check finds on the open page."""
    return {
        "axe violations": [f"{rule['id']} ({rule['impact']}) at {' '.join(map(str, node['target']))}: {rule['help']}"
                           for rule in axe.run(page, options=AXE_OPTIONS).response["violations"]
                           for node in rule["nodes"]],
        "text size: below full size ([px, needed px, element, text])":
            list(map(str, page.evaluate(SMALL_TEXT, [READING_PX, SMALL_PRINT_PX, SMALL_PRINT]))),
        "targets: under 44 x 44 px ([w, h, element])":
            list(map(str, page.evaluate(SMALL_TARGETS, [TARGET_PX, SCOPES[width]]))),
        "landmarks: without a name": unnamed_landmarks(page),
    }


@pytest.mark.parametrize(("palette", "width"), COMBINATIONS, ids=IDS)
def test_every_page_in_each_palette_and_width(browser, built_site, served_site, palette, width):
    pages = site_pages(built_site)
    assert len(pages) > 10, f"expected the whole site, found only {pages}"
    axe = Axe()
    context = new_context(browser, palette, width, served_site, site_prefix(built_site))
    page = context.new_page()
    found: dict[str, list[str]] = {}
    try:
        for path in pages:
            page.goto(served_site + path)
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == PALETTES[palette], f"{path}: the {palette} palette is not applied (scheme {scheme!r})"
            page.evaluate("document.querySelector('article a.mbc-term')?.focus()")  # shows a tooltip
            settle(page)
            for check, problems in problems_on(page, axe, width).items():
                found.setdefault(check, []).extend(f"{path or '/'}: {problem}" for problem in problems)
    finally:
        context.close()
    report = [f"{check} ({len(problems)}):\n" + "\n".join(problems) for check, problems in found.items() if problems]
    assert not report, f"in the {palette} palette at {width} width ({len(pages)} pages):\n\n" + "\n\n".join(report)
