"""The theme's invalid attributes are fixed and section toggles named, through the parser."""
from mbc_guide.html import theme_html
from mbc_guide.html.tree import parse_document
from tests.helpers import as_parsed, on_document


def fix_theme_html(html: str) -> str:
    return on_document(theme_html.fix_theme_html, html)[0]

SECTION = ('<li><input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_4" checked>'
           '<div class="md-nav__link md-nav__container"><a href="../" class="md-nav__link">Treatment</a>'
           '<label class="md-nav__link " for="__nav_4" id="__nav_4_label" tabindex="">\n'
           '<span class="md-nav__icon md-icon"></span></label></div>'
           '<nav class="md-nav" aria-labelledby="__nav_4_label"><label class="md-nav__title" for="__nav_4">'
           '<span class="md-nav__icon md-icon"></span>\n  Tests &amp; <b>scans</b>\n</label></nav></li>')


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>{body}</body></html>'


def fixed(body: str):
    return parse_document(fix_theme_html(page(body)))


def test_drawer_and_search_boxes_lose_autocomplete():
    box = fixed('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">').css_first("input")
    assert "autocomplete" not in box.attributes and box.attributes["id"] == "__drawer"


def test_text_inputs_keep_autocomplete_and_a_valid_page_is_left_as_it_was():
    html = page('<input type="text" class="md-search__input" autocomplete="off" required>')
    assert fix_theme_html(html) == as_parsed(html, document=True)


def test_the_open_section_toggle_is_named_and_loses_its_empty_tabindex():
    toggle = fixed(SECTION).css_first("#__nav_4_label")
    assert "tabindex" not in toggle.attributes
    hidden = toggle.css_first("span.mbc-visually-hidden")
    assert hidden is not None and hidden.text() == "Tests & scans"


def test_a_closed_section_toggle_keeps_its_tabindex_and_is_named():
    toggle = fixed(SECTION.replace('tabindex=""', 'tabindex="0"')).css_first("#__nav_4_label")
    assert toggle.attributes["tabindex"] == "0"
    assert toggle.css_first("span.mbc-visually-hidden").text() == "Tests & scans"


def test_a_toggle_that_has_text_gets_no_second_name():
    toggle = fixed(SECTION.replace('tabindex="">', 'tabindex="0">Treatment')).css_first("#__nav_4_label")
    assert toggle.css_first("span.mbc-visually-hidden") is None


def test_a_label_for_a_missing_control_loses_its_for():
    label = fixed('<nav><label class="md-nav__title" for="__toc">Table of contents</label></nav>').css_first("label")
    assert "for" not in label.attributes and label.text() == "Table of contents"
    kept = fixed('<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">T</label>')
    assert kept.css_first("label").attributes["for"] == "__toc"


def test_script_text_that_looks_like_tags_is_not_touched():
    script = '{"a": "<input type=\\"checkbox\\" autocomplete=\\"off\\">"}'
    html = page(f'<script type="application/json">{script}</script><p title="<label for=x>">x</p>')
    assert fix_theme_html(html) == as_parsed(html, document=True)


def test_search_dialog_is_named_and_body_scripts_are_deferred():
    page = ('<!doctype html><html><head><script src="shim.js"></script></head><body>'
            '<div data-md-component="search" role="dialog"></div>'
            '<script src="bundle.js"></script><script src="app.js" async></script>'
            '<script id="__config" type="application/json">{}</script></body></html>')
    tree = parse_document(fix_theme_html(page))
    assert tree.css_first('[role="dialog"]').attributes["aria-label"] == "Search"
    assert "defer" in tree.css_first('script[src="bundle.js"]').attributes
    assert "defer" not in tree.css_first('script[src="shim.js"]').attributes  # the head is left alone
    assert "defer" not in tree.css_first('script[src="app.js"]').attributes  # already async
