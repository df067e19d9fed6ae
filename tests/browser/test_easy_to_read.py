"""Easy to see, to tap and to say, in Chromium: every page, light and dark, at desktop and a 360 px phone.

- Full-size text: reading text (summary boxes, tables, lists, definitions) at least
  16 px; small print (sources and review dates, "Mentioned on", menus, footer) at least 14 px.
- Large targets: every control, and every link that stands alone (not inside a
  sentence), at least 44 x 44 px at 360 px, with the phone menu and search open too;
  at desktop, the header and the page content.
- Tables fit or scroll sideways at 320 px, with nothing cut off.
- How to say a drug name: shown in the glossary, in the tooltip and on paper; screen
  readers get plain syllables (checked in Chromium's accessibility tree), never the
  capitals and hyphens.
(AAA contrast is checked on every page by test_accessibility.py.)
"""
from __future__ import annotations

import pytest

from tests.browser.test_accessibility import PALETTES, settle, site_pages

WIDTHS = {"desktop": 1280, "phone": 360}
COMBINATIONS = [(palette, width) for palette in PALETTES for width in WIDTHS]
IDS = [f"{p}-{w}" for p, w in COMBINATIONS]
READING_PX, SMALL_PRINT_PX, TARGET_PX = 16, 14, 44
# Small print: allowed at 14 px. Everything else in the page content is reading text.
SMALL_PRINT = (".mbc-page-meta, .mbc-mentions, .mbc-mentions__pages, .md-footer, .md-nav, .md-header, .md-tabs, "
               ".md-search, .md-source, .md-top, .headerlink")

# Every visible piece of text whose font is too small: [size, needed, where, text].
SMALL_TEXT = """([reading, small, smallPrint]) => {
    const shown = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || el.closest('[hidden], .mbc-visually-hidden')) return false;
        for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') return false;
        }
        return box.right > 0 && box.left < innerWidth;
    };
    const out = [], seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
        seen.add(el);
        if (!shown(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const needed = el.closest('article') && !el.closest(smallPrint) ? reading : small;
        if (size < needed - 0.01) out.push([size, needed, el.tagName + '.' + el.className,
                                           walker.currentNode.textContent.trim().slice(0, 40)]);
    }
    return out;
}"""

# Every control and every link that stands alone, smaller than the target: [w, h, what].
# A link stands alone when its list item, paragraph or cell has no other words than its own
# (a note in brackets aside); a link inside a sentence is exempt (WCAG 2.5.5).
SMALL_TARGETS = """([target, scope]) => {
    const hit = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || box.right <= 0 || box.left >= innerWidth) return false;
        for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') return false;
        }
        return true;
    };
    const inSentence = (el) => {
        if (el.tagName !== 'A') return false;
        const block = el.parentElement.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption, div');
        if (!block) return false;
        const rest = block.textContent.replace(el.textContent, '').replace(/\\([^()]*\\)/g, '');
        return /\\w/.test(rest);
    };
    const out = [];
    const controls = 'a[href], button, label[for], summary, select, textarea, [role=button], '
        + 'input:not([type=hidden]):not([disabled])';
    for (const el of document.querySelectorAll(scope)) {
        for (const c of [el, ...el.querySelectorAll(controls)]) {
            if (!c.matches(controls) || c.matches('.md-skip') || !hit(c) || inSentence(c)) continue;
            const box = c.getBoundingClientRect();
            if (box.width < target - 0.5 || box.height < target - 0.5)
                out.push([Math.round(box.width), Math.round(box.height), c.tagName + '.' + c.className + ' '
                          + (c.textContent.trim() || c.getAttribute('aria-label') || c.title || '').slice(0, 30)]);
        }
    }
    return [...new Set(out.map(JSON.stringify))].map(JSON.parse);
}"""
# At desktop the side menus are lists of links sized for a mouse; the header and content are checked.
SCOPES = {"phone": "body", "desktop": ".md-header, .md-content"}


def each_page(browser, built_site, served_site, palette, width, check):
    """Run check(page, path) on every page in one browser context; return every problem found."""
    phone = width == "phone"
    context = browser.new_context(color_scheme=palette, viewport={"width": WIDTHS[width], "height": 800},
                                  is_mobile=phone, has_touch=phone)
    page = context.new_page()
    problems = []
    try:
        for path in site_pages(built_site):
            if path == "404.html":  # links its assets under the published path; test_accessibility covers it
                continue
            page.goto(served_site + path)
            page.evaluate("document.querySelector('article a.mbc-term')?.focus()")  # shows a tooltip
            settle(page)
            problems += [f"{path or '/'}: {problem}" for problem in check(page)]
    finally:
        context.close()
    return problems


@pytest.mark.parametrize(("palette", "width"), COMBINATIONS, ids=IDS)
def test_reading_text_is_16px_and_small_print_14px(browser, built_site, served_site, palette, width):
    problems = each_page(browser, built_site, served_site, palette, width,
                         lambda page: page.evaluate(SMALL_TEXT, [READING_PX, SMALL_PRINT_PX, SMALL_PRINT]))
    assert not problems, "text below full size ([px, needed px, element, text]):\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize(("palette", "width"), COMBINATIONS, ids=IDS)
def test_controls_and_links_that_stand_alone_are_44px(browser, built_site, served_site, palette, width):
    problems = each_page(browser, built_site, served_site, palette, width,
                         lambda page: page.evaluate(SMALL_TARGETS, [TARGET_PX, SCOPES[width]]))
    assert not problems, "targets under 44 x 44 px ([w, h, element]):\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("palette", PALETTES)
def test_the_phone_menu_and_search_have_44px_targets(browser, served_site, palette):
    context = browser.new_context(color_scheme=palette, viewport={"width": 360, "height": 800},
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


@pytest.mark.parametrize("palette", PALETTES)
def test_tables_fit_or_scroll_at_320px_with_nothing_cut_off(browser, built_site, served_site, palette):
    context = browser.new_context(color_scheme=palette, viewport={"width": 320, "height": 700},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    tables, problems = 0, []
    try:
        for path in site_pages(built_site):
            if path == "404.html":
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
