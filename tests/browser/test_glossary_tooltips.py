"""Glossary tooltips in Chromium, on the served site and on the offline copy from file://.

Mouse hover, keyboard focus and touch each show the definition; Esc hides it;
the pointer can move onto it; without JavaScript the term is a plain link.
"""
from __future__ import annotations

import re

import pytest

from mbc_guide.data.site import load_all

PAGE = "treatment/chemotherapy.md"
TOOLTIP = "#mbc-tooltip"


def first_term(page):
    return page.locator("article a.mbc-term").first


def test_hover_shows_the_definition_and_the_pointer_can_move_onto_it(page, site_url):
    page.goto(site_url(PAGE))
    term = first_term(page)
    definition = term.get_attribute("data-definition")
    term.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert definition in tooltip.inner_text()
    assert term.get_attribute("aria-describedby") == "mbc-tooltip"
    tooltip.hover()  # moving onto the tooltip keeps it open (WCAG 1.4.13 hoverable)
    page.wait_for_timeout(600)  # longer than the hide delay: it must still be there
    assert tooltip.is_visible()
    page.mouse.move(5, 5)  # leaving both hides it
    tooltip.wait_for(state="hidden")


def test_keyboard_focus_shows_it_and_escape_hides_it(page, site_url):
    page.goto(site_url(PAGE))
    term = first_term(page)
    term.focus()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert term.get_attribute("data-definition") in tooltip.inner_text()
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('mbc-term')"), "Esc must not move focus"


def test_tab_reaches_a_term(page, site_url):
    page.goto(site_url(PAGE))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mbc-term')"):
            break
    else:
        pytest.fail("no glossary term was reached with Tab")
    page.locator(TOOLTIP).wait_for(state="visible")


def test_tap_shows_it_on_a_touch_screen(mobile_page, site_url):
    mobile_page.goto(site_url(PAGE))
    term = first_term(mobile_page)
    term.scroll_into_view_if_needed()
    url = mobile_page.url
    term.tap()
    tooltip = mobile_page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert term.get_attribute("data-definition") in tooltip.inner_text()
    assert mobile_page.url == url, "the first tap shows the meaning instead of leaving the page"
    mobile_page.locator("article h1").tap()  # a tap elsewhere closes it
    tooltip.wait_for(state="hidden")


def test_without_javascript_a_term_links_to_its_glossary_entry(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url(PAGE))
        term = first_term(page)
        anchor = term.get_attribute("href").split("#")[1]
        term.click()
        page.wait_for_url(re.compile(rf"glossary.*#{anchor}$"))
        assert page.locator(f"[id='{anchor}']").is_visible()
    finally:
        context.close()


def test_every_glossary_entry_is_marked_on_some_page(built_site):
    _, glossary = load_all()
    marked = set()
    for html_file in built_site.rglob("*.html"):
        marked |= set(re.findall(r'<a class="mbc-term[^"]*" href="[^"]*#([a-z0-9-]+)"', html_file.read_text("utf-8")))
    missing = [e.term for e in glossary.entries if e.anchor not in marked]
    assert missing == [], f"never marked on any page: {missing}"


def test_glossary_page_lists_the_pages_that_mention_each_entry(built_site):
    html = (built_site / "glossary" / "index.html").read_text("utf-8")
    assert "<!-- mentions:" not in html
    assert re.search(r'id="tamoxifen".*?Mentioned on:</p><ul class="mbc-mentions__pages"><li>'
                     r'<a href="../treatment/hormone-therapy/">', html, re.DOTALL)
    assert 'class="mbc-term' not in html, "the glossary page marks nothing"


def test_second_tap_follows_the_link(mobile_page, site_url):
    mobile_page.goto(site_url(PAGE))
    term = first_term(mobile_page)
    anchor = term.get_attribute("href").split("#")[1]
    term.tap()
    mobile_page.locator(TOOLTIP).wait_for(state="visible")
    term.tap()
    mobile_page.wait_for_url(re.compile(rf"glossary.*#{anchor}$"))
