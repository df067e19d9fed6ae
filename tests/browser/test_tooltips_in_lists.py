"""Glossary tooltips in lists of drugs, on the real chemotherapy page, served and from file://.

Moving the mouse down each list opens each drug's own tooltip, and an open tooltip never
covers another glossary term; the pointer can still cross to a tooltip placed beside its term;
after Esc no tooltip opens under a pointer that has not moved. On a phone, tapping down the
list does the same. (Hover, focus, touch and Esc on their own: test_glossary_tooltips.py.)
"""
from __future__ import annotations

import pytest

PAGE = "treatment/chemotherapy.md"
TOOLTIP = "#mbc-tooltip"
LIST_TERMS = "article li a.mbc-term"

# The open tooltip: which term it explains, and every other glossary term it covers on screen.
OPEN_TOOLTIP = """() => {
  const tip = document.getElementById("mbc-tooltip");
  if (!tip || tip.hidden) return null;
  const box = tip.getBoundingClientRect();
  const covered = [...document.querySelectorAll("a.mbc-term")].filter((term) =>
    term.getAttribute("aria-describedby") !== "mbc-tooltip" &&
    [...term.getClientRects()].some((r) => r.left < box.right && box.left < r.right &&
                                           r.top < box.bottom && box.top < r.bottom));
  return { term: tip.querySelector(".mbc-tooltip__term").textContent, covered: covered.map((t) => t.textContent) };
}"""


def centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def show_lists(page) -> list:
    """The page's lists that hold glossary terms, each scrolled to the middle of the window in turn."""
    lists = page.locator("article ul:has(a.mbc-term)")
    assert lists.count() >= 1
    return [lists.nth(i) for i in range(lists.count())]


def open_tooltip(page, term_text: str) -> dict:
    page.wait_for_function(f"""() => {{ const t = document.getElementById("mbc-tooltip");
        return t && !t.hidden && t.querySelector(".mbc-tooltip__term").textContent === {term_text!r}; }}""",
                           timeout=3000)
    return page.evaluate(OPEN_TOOLTIP)


def test_moving_down_a_list_opens_each_drugs_own_tooltip(page, site_url):
    page.goto(site_url(PAGE))
    checked = 0
    for drug_list in show_lists(page):
        drug_list.evaluate("(list) => list.scrollIntoView({block: 'center'})")
        terms = drug_list.locator("a.mbc-term")
        x, y = centre(terms.first)
        page.mouse.move(x - 200, y - 60)  # start above and left of the list, off every term
        for i in range(terms.count()):
            term = terms.nth(i)
            x, y = centre(term)
            page.mouse.move(x, y, steps=12)  # a real path down the list, over whatever is in the way
            shown = open_tooltip(page, term.get_attribute("data-term"))
            assert shown["covered"] == [], f"the tooltip of {shown['term']} covers {shown['covered']}"
            checked += 1
    assert checked >= 9, "the chemotherapy page lists at least nine drugs"


def test_the_pointer_can_cross_to_a_tooltip_beside_its_term(page, site_url):
    page.goto(site_url(PAGE))
    show_lists(page)[0].evaluate("(list) => list.scrollIntoView({block: 'center'})")
    term = page.locator(LIST_TERMS, has_text="eribulin")
    x, y = centre(term)
    page.mouse.move(x, y)
    open_tooltip(page, "eribulin")
    tooltip = page.locator(TOOLTIP)
    tip = tooltip.bounding_box()
    target_x, target_y = tip["x"] + 20, min(max(y, tip["y"] + 5), tip["y"] + tip["height"] - 5)
    for step in range(1, 21):  # slowly: about a second, much longer than the hide delay
        page.mouse.move(x + (target_x - x) * step / 20, y + (target_y - y) * step / 20)
        page.wait_for_timeout(50)
    page.wait_for_timeout(500)
    assert tooltip.is_visible(), "the tooltip closed while the pointer crossed to it"
    assert page.evaluate(OPEN_TOOLTIP)["term"] == "eribulin"


def test_after_escape_nothing_opens_under_a_still_pointer(page, site_url):
    page.goto(site_url(PAGE))
    drug_list = show_lists(page)[0]
    drug_list.evaluate("(list) => list.scrollIntoView({block: 'center'})")
    terms = drug_list.locator("a.mbc-term")
    x, y = centre(terms.first)
    page.mouse.move(x, y, steps=4)
    open_tooltip(page, terms.first.get_attribute("data-term"))
    page.keyboard.press("Escape")
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="hidden")
    # The page moves under the pointer: each drug below passes under it, the pointer stays put.
    for _ in range(4):
        page.mouse.wheel(0, 34)
        page.wait_for_timeout(150)
    page.wait_for_timeout(400)
    assert not tooltip.is_visible(), "a tooltip opened under a pointer that had not moved"
    # Once the pointer moves onto a term again, hover works as before.
    second = terms.nth(1)
    page.mouse.move(*centre(second), steps=6)
    open_tooltip(page, second.get_attribute("data-term"))


def test_tapping_down_a_list_on_a_phone(mobile_page, site_url):
    mobile_page.goto(site_url(PAGE))
    url = mobile_page.url
    checked = 0
    for drug_list in show_lists(mobile_page):
        terms = drug_list.locator("a.mbc-term")
        for i in range(terms.count()):
            term = terms.nth(i)
            term.tap()
            shown = open_tooltip(mobile_page, term.get_attribute("data-term"))
            assert shown["covered"] == [], f"the tooltip of {shown['term']} covers {shown['covered']}"
            checked += 1
    assert mobile_page.url == url, "a first tap shows the meaning and stays on the page"
    assert checked >= 9


@pytest.mark.parametrize("width", [1280, 390])
def test_no_tooltip_on_the_page_covers_another_term(browser, site_url, width):
    """Every marked term on the chemotherapy page, opened by keyboard focus at desktop and phone widths."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url(PAGE))
        terms = page.locator("article a.mbc-term")
        for i in range(terms.count()):
            terms.nth(i).focus()
            shown = open_tooltip(page, terms.nth(i).get_attribute("data-term"))
            assert shown["covered"] == [], f"the tooltip of {shown['term']} covers {shown['covered']}"
    finally:
        context.close()
