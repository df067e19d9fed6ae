"""Easy to see, to tap and to say, in Chromium. Full-size text and large targets are checked on
every page by test_every_page.py (the checks are in page_checks.py); here:

- Large targets in the phone menu and in search, open at 360 px.
- The text-size and target checks find what they look for (and leave out a link inside a sentence).
- Tables fit or scroll sideways at 320 px, with nothing cut off.
- How to say a drug name: shown in the glossary, in the tooltip and on paper; screen
  readers get plain syllables (checked in Chromium's accessibility tree), never the
  capitals and hyphens.
"""
from __future__ import annotations

import pytest

from tests.browser.page_checks import (
    PALETTES,
    READING_PX,
    SMALL_PRINT,
    SMALL_PRINT_PX,
    SMALL_TARGETS,
    SMALL_TEXT,
    TARGET_PX,
    settle,
    site_pages,
)


def test_the_phone_menu_and_search_have_44px_targets(browser, served_site):
    """Sizes do not depend on the palette: one is enough."""
    context = browser.new_context(viewport={"width": 360, "height": 800},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(served_site + "treatment/chemotherapy/")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary").wait_for(state="visible")
        settle(page)
        menu = page.evaluate(SMALL_TARGETS, [TARGET_PX, ".md-sidebar--primary"])
        page.keyboard.press("Escape")
        page.goto(served_site + "treatment/chemotherapy/")
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("eribulin")
        box.press("End")  # Material reads the box on keyup
        page.locator(".md-search-result__item a.md-search-result__link").first.wait_for(state="visible")
        settle(page)
        search = page.evaluate(SMALL_TARGETS, [TARGET_PX, ".md-search"])
    finally:
        context.close()
    assert menu == [] and search == [], f"menu: {menu}\nsearch: {search}"


def test_the_target_check_can_fail(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(served_site + "diagnosis/tumour-testing/")
        assert page.evaluate(SMALL_TARGETS, [TARGET_PX, "article"]) == []
        page.evaluate("document.querySelectorAll('a.mbc-alone').forEach((a) => a.classList.remove('mbc-alone'))")
        small = page.evaluate(SMALL_TARGETS, [TARGET_PX, "article"])
        in_sentence = page.evaluate("""() => { const p = document.createElement('p');
            p.innerHTML = 'Read about <a href="#">this</a> here.'; document.querySelector('article').append(p);
            return p.querySelector('a').getBoundingClientRect().height; }""")
        still = page.evaluate(SMALL_TARGETS, [TARGET_PX, "article"])
    finally:
        context.close()
    assert any("Chemotherapy" in what for _, _, what in small), small
    assert in_sentence < TARGET_PX and len(still) == len(small), "a link inside a sentence is exempt"


TABLES = """() => {
    const cut = [];
    for (const table of document.querySelectorAll('article table')) {
        const frame = table.closest('.md-typeset__scrollwrap') || table.parentElement;
        const style = getComputedStyle(frame);
        const fits = table.getBoundingClientRect().width <= frame.clientWidth + 1;
        const scrolls = ['auto', 'scroll'].includes(style.overflowX) && frame.scrollWidth > frame.clientWidth;
        if (!fits && !scrolls) cut.push('table ' + table.rows[0].textContent.trim().slice(0, 30));
        for (const cell of table.querySelectorAll('td, th')) {
            if (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)
                cut.push('cell ' + cell.textContent.trim().slice(0, 30));
        }
    }
    return {cut, tables: document.querySelectorAll('article table').length,
            page: document.documentElement.scrollWidth, width: innerWidth};
}"""


def test_tables_fit_or_scroll_at_320px_with_nothing_cut_off(browser, built_site, served_site):
    """Sizes do not depend on the palette: one is enough."""
    context = browser.new_context(viewport={"width": 320, "height": 700},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    tables, problems = 0, []
    try:
        for path in site_pages(built_site):
            if path == "404.html":  # links its assets under the published path (see new_context); it has no table
                continue
            page.goto(served_site + path)
            found = page.evaluate(TABLES)
            tables += found["tables"]
            problems += [f"{path}: {c}" for c in found["cut"]]
            if found["page"] > found["width"]:
                problems.append(f"{path}: the page is {found['page']} px wide at 320 px")
    finally:
        context.close()
    assert tables >= 2, "expected the site's tables"
    assert problems == []


# --- How to say a drug name ------------------------------------------------------------------------


def ax_node(page, role: str, name: str) -> dict:
    """The node of Chromium's accessibility tree with this role and name: {'name': ..., 'description': ...}."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    for node in nodes:
        if node.get("role", {}).get("value") == role and node.get("name", {}).get("value") == name:
            return {"name": name, "description": node.get("description", {}).get("value", "")}
    raise AssertionError(f"no {role} named {name!r} in the accessibility tree")


def test_the_glossary_shows_how_to_say_a_drug_and_screen_readers_hear_syllables(page, site_url):
    page.goto(site_url("glossary.md"))
    say = page.locator("#pertuzumab ~ p .mbc-say").first
    assert say.inner_text().startswith("Say it: per-TOO-zoo-mab")
    assert say.locator(".mbc-visually-hidden").bounding_box()["width"] <= 1, "the spoken form is for screen readers only"
    spoken = say.aria_snapshot()
    assert "per too zoo mab, stress on too" in spoken and "TOO" not in spoken, spoken


def test_the_tooltip_shows_how_to_say_it_and_describes_it_in_syllables(page, site_url):
    page.goto(site_url("treatment/targeted-therapy.md"))
    term = page.locator("article a.mbc-term[data-term=pertuzumab]")
    term.focus()
    tooltip = page.locator("#mbc-tooltip")
    tooltip.wait_for(state="visible")
    assert "Say it: per-TOO-zoo-mab" in tooltip.inner_text()
    description = ax_node(page, "link", term.inner_text())["description"]
    assert "Say it: per too zoo mab, stress on too." in description, description
    assert "per-TOO" not in description and "TOO" not in description


def test_a_term_without_a_respelling_shows_no_say_line(page, served_site):
    page.goto(served_site + "understanding/")
    term = page.locator("article a.mbc-term:not([data-say])").first
    term.focus()
    page.locator("#mbc-tooltip").wait_for(state="visible")
    assert not page.locator(".mbc-tooltip__say").is_visible()
    assert "Say it" not in ax_node(page, "link", term.inner_text())["description"]


@pytest.mark.parametrize("palette", PALETTES)
def test_the_printed_page_says_how_to_say_each_drug(browser, served_site, palette):
    context = browser.new_context(color_scheme=palette)
    page = context.new_page()
    try:
        page.goto(served_site + "treatment/targeted-therapy/")
        page.emulate_media(media="print", color_scheme=palette)
        after = page.evaluate("""() => getComputedStyle(
            document.querySelector('article a.mbc-term[data-term=pertuzumab]'), '::after').content""")
    finally:
        context.close()
    assert after.startswith('" (say it: per-TOO-zoo-mab. A targeted drug.'), after


def test_the_text_size_check_can_fail(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(served_site + "treatment/chemotherapy/")
        assert page.evaluate(SMALL_TEXT, [READING_PX, SMALL_PRINT_PX, SMALL_PRINT]) == []
        page.evaluate("document.querySelector('article .admonition').style.fontSize = '0.64rem'")  # Material's size
        small = page.evaluate(SMALL_TEXT, [READING_PX, SMALL_PRINT_PX, SMALL_PRINT])
    finally:
        context.close()
    assert small and all(size == 12.8 for size, *_ in small), small
