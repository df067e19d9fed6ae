"""Make the theme's own HTML valid and name every navigation landmark.

Material 9.8.1 writes a few things the W3C Nu Html Checker rejects, in places
no template block reaches:
- `autocomplete="off"` on the drawer and search checkboxes (allowed only on
  text-like inputs). Material unticks both boxes on every page load itself, so
  a browser that restores form state cannot leave them open.
- `tabindex=""` on the open section's toggle (navigation.sections); an empty
  tabindex is ignored by browsers, so dropping it changes nothing.
- `<label for="__toc">` on section index pages (navigation.indexes), where
  there is no `__toc` box; the `for` points nowhere, so it is dropped.

With navigation.indexes a section's toggle is a label holding only an icon,
and the section's menu (`<nav aria-labelledby=...>`) is named by it. Each such
label gets the section's name as visually hidden text (aria-label is not
allowed on a <label>), so the toggle and the menu landmark both have a name.

All of it is done through html_edit's parser, on every page and the 404 page.
"""
from __future__ import annotations

import html

from html_edit import Token, scan, splice, start_tag, text_of

HIDDEN_NAME = '<span class="mbc-visually-hidden">{}</span>'


def fix_theme_html(source: str) -> str:
    """Return the page with the theme's invalid attributes fixed and its section toggles named."""
    tokens = scan(source)
    starts = [t for t in tokens if t.kind == "start"]
    ids = {t.attrs["id"] for t in starts if t.attrs.get("id")}
    section_names = {t.attrs["for"]: text_of(tokens, i) for i, t in enumerate(tokens)
                     if t.kind == "start" and t.tag == "label" and t.has_class("md-nav__title") and t.attrs.get("for")}
    edits = []
    for index, token in enumerate(tokens):
        if token.kind != "start":
            continue
        attrs = _valid_attrs(token, ids)
        after = ""
        if _is_unnamed_section_toggle(token, tokens, index):
            name = section_names.get(token.attrs["id"].removesuffix("_label"))
            after = HIDDEN_NAME.format(html.escape(name)) if name else ""
        if attrs != token.attrs or after:
            edits.append((token.start, token.end, start_tag(token.tag, attrs) + after))
    return splice(source, edits)


def _valid_attrs(token: Token, ids: set[str]) -> dict[str, str | None]:
    """The tag's attributes without the three the theme writes invalidly."""
    attrs = dict(token.attrs)
    if token.tag == "input" and attrs.get("type") == "checkbox":
        attrs.pop("autocomplete", None)
    if attrs.get("tabindex") == "":
        attrs.pop("tabindex")
    if token.tag == "label" and "for" in attrs and attrs["for"] not in ids:
        attrs.pop("for")
    return attrs


def _is_unnamed_section_toggle(token: Token, tokens: list[Token], index: int) -> bool:
    return (token.tag == "label" and token.has_class("md-nav__link")
            and (token.attrs.get("id") or "").endswith("_label") and not text_of(tokens, index))


def on_post_page(output: str, *, page, config) -> str:
    """Fix every page."""
    return fix_theme_html(output)


def on_post_template(output_content: str, *, template_name: str, config) -> str:
    """Fix the 404 page too (the sitemap and other templates are not HTML)."""
    return fix_theme_html(output_content) if template_name.endswith(".html") else output_content
