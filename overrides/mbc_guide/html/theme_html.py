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

Two more changes to the theme's output:
- Material's search dialog has no accessible name: it gets aria-label="Search".
- Speed: the scripts at the end of the page (Material's bundle, then extra_javascript)
  load with `defer`, so downloading them never holds up the first paint. They still run
  in the same order once the page is parsed, before DOMContentLoaded, as Material expects.
  Scripts in <head> (the offline copy's search shim) are left as they are.

All of it is done through the HTML parser (html_tree), on every page and the 404 page.
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


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
            hidden.attrs["class"] = "mbc-visually-hidden"
            hidden.insert_child(name)
            toggle.insert_child(hidden)
