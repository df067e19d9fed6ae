"""Every navigation landmark has a name a screen reader announces: read from Chromium's accessibility tree.

On every page, served over HTTP and opened from file://, at desktop and phone widths, each
node of the full accessibility tree (Accessibility.getFullAXTree, over the DevTools protocol)
with the role navigation has a non-empty accessible name; so does any other landmark that
appears more than once on a page (a reader needs the name to tell them apart). axe-core and
HTML_CodeSniffer do not catch a nav named by an empty label; the accessibility tree does.
(An unnamed <form> is not a landmark, and the one search landmark needs no name.)
"""
from __future__ import annotations

from pathlib import Path

import pytest

WIDTHS = {"desktop": 1280, "mobile": 390}
LANDMARKS = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


def html_files(site: Path) -> list[str]:
    """Paths of every page of a build, from its root ("index.html", "treatment/chemotherapy/index.html")."""
    return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("assets/")]


def landmarks(page) -> list[tuple[str, str]]:
    """(role, accessible name) of each landmark in the page's accessibility tree, in tree order."""
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
    return [role for role, name in found
            if not name and (role == "navigation" or (role != "form" and roles.count(role) > 1))]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_navigation_landmark_has_a_name(browser, built_site, offline_site, served_site, file_site, width):
    phone = width == "mobile"
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    problems, checked = [], 0
    try:
        for base, site in ((served_site, built_site), (file_site, offline_site)):
            for path in html_files(site):
                page.goto(base + path)
                checked += 1
                problems += [f"{base}{path}: unnamed {landmark}" for landmark in unnamed_landmarks(page)]
    finally:
        context.close()
    assert checked > 30
    assert problems == [], "\n".join(problems)


def test_the_open_section_menu_is_named_after_its_section(page, site_url):
    page.goto(site_url("treatment/chemotherapy.md"))
    assert ("navigation", "Treatment") in landmarks(page)
