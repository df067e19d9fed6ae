"""Every navigation landmark has a name a screen reader announces: read from Chromium's accessibility tree.

Each node of the full accessibility tree (Accessibility.getFullAXTree, over the DevTools protocol)
with the role navigation must have a non-empty accessible name; so must any other landmark that
appears more than once on a page (a reader needs the name to tell them apart). axe-core and
HTML_CodeSniffer do not catch a nav named by an empty label; the accessibility tree does.
The served site is checked on every page by test_every_page.py; here, every page of the offline
copy from file://, at desktop and phone widths, the name of the open section menu, and that
the check finds a nav named by an empty label and a repeated landmark with no name.
(An unnamed <form> is not a landmark, and the one search landmark needs no name.)
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.page_checks import WIDTHS, landmarks, new_context, unnamed_landmarks


def html_files(site: Path) -> list[str]:
    """Paths of every page of a build, from its root ("index.html", "treatment/chemotherapy.html" offline)."""
    return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("assets/")]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_navigation_landmark_of_the_offline_copy_has_a_name(browser, offline_site, file_site, width):
    context = new_context(browser, "light", width)
    page = context.new_page()
    problems, checked = [], 0
    try:
        for path in html_files(offline_site):
            page.goto(file_site + path)
            checked += 1
            problems += [f"{path}: unnamed {landmark}" for landmark in unnamed_landmarks(page)]
    finally:
        context.close()
    assert checked > 10, "expected the whole offline copy"
    assert problems == [], "\n".join(problems)


def test_the_open_section_menu_is_named_after_its_section(page, site_url):
    page.goto(site_url("treatment/chemotherapy.md"))
    assert ("navigation", "Treatment") in landmarks(page)


def test_the_landmark_check_can_fail(page, served_site):
    page.goto(served_site + "treatment/chemotherapy/")
    assert unnamed_landmarks(page) == []
    page.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<nav aria-label=""><a href="#">Next</a></nav><aside>One</aside><aside>Two</aside>')""")
    assert unnamed_landmarks(page) == ["navigation", "complementary", "complementary"]
