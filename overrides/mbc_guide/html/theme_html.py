"""Make the theme's own HTML valid, name its search dialog and section menus, and defer its page-end scripts.

Material 9.8.1 writes, where no template block reaches, what the W3C Nu Html Checker rejects: autocomplete on
checkboxes (Material unticks them on load itself), tabindex="" (ignored by browsers) and <label for="__toc">
with no __toc box. A section toggle holding only an icon names its menu, so it gets the section's name as
hidden text (aria-label is not allowed on a <label>). Deferred scripts still run in order before
DOMContentLoaded, as Material expects; scripts in <head> are left as they are.
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.screen_reader_text import CLASS as SCREEN_READER_ONLY


def fix_theme_html(tree: LexborHTMLParser) -> None:
    """Fix the theme's invalid attributes in a parsed page and name its section toggles."""
    for box in tree.css('input[type="checkbox"][autocomplete]'):
        del box.attrs["autocomplete"]
    for element in tree.css('[tabindex=""]'):
        del element.attrs["tabindex"]
    ids = {element.attributes["id"] for element in tree.css("[id]")}
    for label in tree.css("label[for]"):
        if label.attributes["for"] not in ids:
            del label.attrs["for"]
    for dialog in tree.css('[data-md-component="search"][role="dialog"]:not([aria-label])'):
        dialog.attrs["aria-label"] = "Search"
    for script in tree.css("body script[src]:not([defer]):not([async])"):
        script.attrs["defer"] = ""
    section_names = {label.attributes["for"]: " ".join(label.text(deep=True).split())
                     for label in tree.css("label.md-nav__title[for]")}
    for toggle in tree.css("label.md-nav__link[id]"):
        name = section_names.get((toggle.attributes["id"] or "").removesuffix("_label"))
        if toggle.attributes["id"].endswith("_label") and name and not toggle.text(deep=True).strip():
            hidden = tree.create_node("span")
            hidden.attrs["class"] = SCREEN_READER_ONLY
            hidden.insert_child(name)
            toggle.insert_child(hidden)
