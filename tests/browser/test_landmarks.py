"""Every navigation landmark has a name a screen reader announces: read from Chromium's accessibility tree.

Each node of the full accessibility tree (Accessibility.getFullAXTree, over the DevTools protocol)
with the role navigation must have a non-empty accessible name; so must any other landmark that
appears more than once on a page (a reader needs the name to tell them apart). axe-core and
HTML_CodeSniffer do not catch a nav named by an empty label; the accessibility tree does.
Every page is checked, served by test_every_page.py and from file:// by test_every_offline_page.py;
here, the name of the open section menu, and that the check finds a nav named by an empty label and a
repeated landmark with no name.
(An unnamed <form> is not a landmark, and the one search landmark needs no name.)
"""
from __future__ import annotations

from tests.browser.page_checks import landmarks, unnamed_landmarks


def test_the_open_section_menu_is_named_after_its_section(page, site_url):
    page.goto(site_url("treatment/chemotherapy.md"))
    assert ("navigation", "Treatment") in landmarks(page)


def test_the_landmark_check_can_fail(page, served_site):
    page.goto(served_site + "treatment/chemotherapy/")
    assert unnamed_landmarks(page) == []
    page.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<nav aria-label=""><a href="#">Next</a></nav><aside>One</aside><aside>Two</aside>')""")
    assert unnamed_landmarks(page) == ["navigation", "complementary", "complementary"]
