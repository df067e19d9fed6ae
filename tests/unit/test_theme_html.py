"""The theme's invalid attributes are fixed and section toggles named, through a parser; nothing else changes."""
from html_edit import scan, splice, start_tag, text_of
from theme_html import fix_theme_html

SECTION = ('<li><input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_4" checked>'
           '<div class="md-nav__link md-nav__container"><a href="../" class="md-nav__link">Treatment</a>'
           '<label class="md-nav__link " for="__nav_4" id="__nav_4_label" tabindex="">\n'
           '<span class="md-nav__icon md-icon"></span></label></div>'
           '<nav class="md-nav" aria-labelledby="__nav_4_label"><label class="md-nav__title" for="__nav_4">'
           '<span class="md-nav__icon md-icon"></span>\n  Tests &amp; <b>scans</b>\n</label></nav></li>')


def test_drawer_and_search_boxes_lose_autocomplete():
    html = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    assert fix_theme_html(html) == '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'


def test_text_inputs_keep_autocomplete():
    html = '<input type="text" class="md-search__input" autocomplete="off" required>'
    assert fix_theme_html(html) == html


def test_the_open_section_toggle_is_named_and_loses_its_empty_tabindex():
    fixed = fix_theme_html(SECTION)
    assert ('<label class="md-nav__link " for="__nav_4" id="__nav_4_label">'
            '<span class="mbc-visually-hidden">Tests &amp; scans</span>\n') in fixed
    assert 'tabindex=""' not in fixed


def test_a_closed_section_toggle_keeps_its_tabindex_and_is_named():
    fixed = fix_theme_html(SECTION.replace('tabindex=""', 'tabindex="0"'))
    assert 'id="__nav_4_label" tabindex="0"><span class="mbc-visually-hidden">Tests &amp; scans</span>' in fixed


def test_a_toggle_that_has_text_is_left_alone():
    html = SECTION.replace('tabindex="">', 'tabindex="0">Treatment')
    assert fix_theme_html(html) == html


def test_a_label_for_a_missing_control_loses_its_for():
    html = '<nav><label class="md-nav__title" for="__toc">Table of contents</label></nav>'
    assert fix_theme_html(html) == '<nav><label class="md-nav__title">Table of contents</label></nav>'
    present = '<input type="checkbox" id="__toc">' + html
    assert fix_theme_html(present) == present


def test_script_text_and_attributes_that_look_like_tags_are_not_touched():
    html = ('<script type="application/json">{"a": "<input type=\\"checkbox\\" autocomplete=\\"off\\">"}</script>'
            '<p title="<label for=x>">label for=x</p>')
    assert fix_theme_html(html) == html


def test_scan_places_tokens_exactly():
    html = 'a\n<p class="x">b &amp; c</p>\n<br/>'
    tokens = scan(html)
    assert [html[t.start:t.end] for t in tokens] == ["a\n", '<p class="x">', "b ", "&amp;", " c", "</p>", "\n", "<br/>"]
    assert text_of(tokens, 1) == "b & c"
    assert splice(html, [(tokens[1].start, tokens[1].end, start_tag("p", {"title": 'say "hi" & <go>'}))]) == \
        'a\n<p title="say &quot;hi&quot; &amp; &lt;go&gt;">b &amp; c</p>\n<br/>'
