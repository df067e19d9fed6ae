"""Keyboard use: Tab from the top of a treatment page reaches every interactive element
in the main content, glossary terms included, and each shows a visible focus indicator."""
from __future__ import annotations

PAGE = "treatment/chemotherapy/"
CONTENT = "article.md-content__inner"
MAX_TABS = 500

# Marks each focusable, visible element in the content with data-kb (its order) and lists them.
LIST_CONTENT_TARGETS = """(content) => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const targets = [...document.querySelector(content).querySelectorAll(selector)].filter((el) =>
        !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
    return targets.map((el, i) => {
        el.dataset.kb = String(i);
        return {id: String(i), html: el.outerHTML.slice(0, 120)};
    });
}"""

# What has focus now, and whether it shows a focus indicator (outline or box shadow).
DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const clear = (colour) => /rgba\\(.*,\\s*0\\)$/.test(colour) || colour === 'transparent';
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !clear(s.outlineColor);
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    return {
        id: el.dataset.kb || null,
        inFooter: !!el.closest('.md-footer'),  // the site's footer; a page's own <footer> is content
        visible: outline || shadow,
        style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`,
        html: el.outerHTML.slice(0, 120),
    };
}"""


def test_tab_reaches_every_content_control_with_a_visible_focus_indicator(page, served_site):
    page.goto(served_site + PAGE)
    targets = {t["id"]: t["html"] for t in page.evaluate(LIST_CONTENT_TARGETS, CONTENT)}
    assert len(targets) > 10, "expected links and glossary terms in the page content"
    assert any('class="mbc-term"' in html for html in targets.values()), "expected glossary terms on the page"

    reached, no_indicator = set(), []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        if focus is None or focus["inFooter"]:
            break  # past the content
        if focus["id"] is not None:
            reached.add(focus["id"])
            if not focus["visible"]:
                no_indicator.append(f"{focus['html']} ({focus['style']})")

    missed = [html for i, html in targets.items() if i not in reached]
    assert not missed, f"{len(missed)} of {len(targets)} content elements never got focus with Tab:\n" + "\n".join(missed)
    assert not no_indicator, "focused without a visible focus indicator:\n" + "\n".join(no_indicator)
