"""The served site in the light and the dark palette, at desktop (1280 px) and a 360 px phone width: every
English page light at desktop, every Spanish page (each with its English page's structure) dark at phone width,
and one page of each kind in all four (page_checks.ENGLISH_PAGES_IN, TRANSLATED_PAGES_IN, FRAME_PAGES), each
checked on that visit (page_checks.py):

- axe: no violation of WCAG 2.0 to 2.2 A/AA or axe's best practices, nor of AAA contrast (7:1, or 4.5:1
  for large text; color-contrast-enhanced); the theme's frame is checked on the pages of each kind, and
  the whole guide, which repeats every page, at desktop;
- privacy and soundness: no request to another host (each is blocked), no failed request, HTTP error,
  console error, uncaught exception or broken image;
- text size: reading text at least 16 px, small print (sources, menus, footer) at least 14 px;
- targets: every control, and every link that stands alone, at least 44 x 44 px (at desktop,
  in the header and the page content);
- landmarks: every navigation landmark, and any repeated landmark, has a name in Chromium's
  accessibility tree.
- language switch: on each page of either edition, clicked, it leads to the same page in the other
  edition, named in that language; it is there exactly when the other edition has the page.

On each page the first glossary term is focused first, so its tooltip and the focused term are
checked too.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.page_checks import (
    AXE_OPTIONS,
    BROKEN_IMAGES,
    COMBINATIONS,
    ENGLISH_PAGES_IN,
    FRAME_PAGES,
    IDS,
    PALETTES,
    READING_PX,
    SCOPES,
    SMALL_PRINT,
    SMALL_PRINT_PX,
    SMALL_TARGETS,
    SMALL_TEXT,
    SWITCH,
    TARGET_PX,
    TRANSLATED_PAGES_IN,
    axe_context,
    new_context,
    pages_to_visit,
    record_problems,
    settle,
    site_pages,
    site_prefix,
    taken,
    unnamed_landmarks,
)


def problems_on(page, axe: Axe, path: str, width: str) -> dict[str, list[str]]:
    """What each check finds on the open page."""
    context = axe_context(path, width)
    violations = [] if context is False else axe.run(page, context=context, options=AXE_OPTIONS).response["violations"]
    return {
        "axe violations": [f"{rule['id']} ({rule['impact']}) at {' '.join(map(str, node['target']))}: {rule['help']}"
                           for rule in violations for node in rule["nodes"]],
        "broken images": page.evaluate(BROKEN_IMAGES),
        "text size: below full size ([px, needed px, element, text])":
            list(map(str, page.evaluate(SMALL_TEXT, [READING_PX, SMALL_PRINT_PX, SMALL_PRINT]))),
        "targets: under 44 x 44 px ([w, h, element])":
            list(map(str, page.evaluate(SMALL_TARGETS, [TARGET_PX, SCOPES[width]]))),
        "landmarks: without a name": unnamed_landmarks(page),
    }


def switch_problems(page, served_site: str, path: str, every_page: list[str]) -> list[str]:
    """Click the page's language switch: the browser must set off for the same page in the other edition (that
    page is visited on its own; the next visit cuts this one short), named in that edition's language; the switch
    is there exactly when the other edition has the page."""
    if path.endswith("404.html"):  # built from a template alone, for any address: no page to switch to
        return []
    other = path.removeprefix("es/") if path.startswith("es/") else "es/" + path
    link = page.locator(SWITCH)
    if other not in every_page:
        return [f"a language switch, but the other edition has no {other}"] if link.count() else []
    if link.count() != 1:
        return [f"{link.count()} language switches, where one should lead to {other}"]
    language = "es" if other.startswith("es/") else "en"
    said = (link.get_attribute("hreflang"), link.get_attribute("lang"))
    with page.expect_navigation(wait_until="commit"):
        link.click()
    landed = page.url.removeprefix(served_site)
    return [] if (landed, said) == (other, (language, language)) else \
        [f"the language switch led to {landed} (hreflang and lang {said}), not to {other} ({language})"]


@pytest.mark.parametrize(("palette", "width"), COMBINATIONS, ids=IDS)
def test_every_page_in_each_palette_and_width(browser, built_site, served_site, palette, width):
    every_page = site_pages(built_site)
    assert len(every_page) > 10, f"expected the whole site, found only {every_page}"
    assert set(FRAME_PAGES) <= set(every_page), f"page_checks.FRAME_PAGES names pages the site no longer has: {every_page}"
    pages = pages_to_visit(every_page, palette, width)
    axe = Axe()
    context = new_context(browser, palette, width, served_site, site_prefix(built_site))
    context.route(lambda url: not url.startswith(served_site), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    recorded = record_problems(page, served_site)
    found: dict[str, list[str]] = {}
    try:
        for path in pages:
            page.goto(served_site + path)
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == PALETTES[palette], f"{path}: the {palette} palette is not applied (scheme {scheme!r})"
            page.evaluate("document.querySelector('article a.mbc-term')?.focus()")  # shows a tooltip
            settle(page)
            checks = {**problems_on(page, axe, path, width), "requests, console and errors": taken(recorded)}
            if (palette, width) in (ENGLISH_PAGES_IN, TRANSLATED_PAGES_IN):
                checks["language switch"] = switch_problems(page, served_site, path, every_page)
            for check, problems in checks.items():
                found.setdefault(check, []).extend(f"{path or '/'}: {problem}" for problem in problems)
    finally:
        context.close()
    report = [f"{check} ({len(problems)}):\n" + "\n".join(problems) for check, problems in found.items() if problems]
    assert not report, f"in the {palette} palette at {width} width ({len(pages)} pages):\n\n" + "\n\n".join(report)
