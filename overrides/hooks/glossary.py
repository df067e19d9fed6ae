"""Mark drug and term mentions with glossary tooltips, and list on the glossary page where each is mentioned.

Every page except the glossary itself gets its first mention of each glossary
entry wrapped in a link to that entry (see term_marker.py for the rules);
docs/assets/javascripts/glossary.js turns those links into tooltips. The
generated glossary page carries a "<!-- mentions:ANCHOR -->" comment under each
entry, which is replaced (through the HTML parser) by a list of links to the
pages that mention it once every page has been read.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import sitedata
from html_tree import parse_fragment, to_html, walk
from term_marker import TermMarker

GLOSSARY_PAGE = "glossary.md"
MENTIONS_PREFIX = "mentions:"

_mentions: dict[str, list] = {}  # entry anchor -> pages that mention it, in build order
_marker: dict[str, object] = {}  # the loaded glossary and its TermMarker, rebuilt when the data changes


def on_pre_build(*, config) -> None:
    """Start each build with an empty record of mentions."""
    _mentions.clear()


def on_page_content(html: str, *, page, config, files) -> str:
    """Mark the first mention of each glossary entry on the page."""
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    _, glossary = sitedata.site_data_or_abort()
    glossary_file = files.get_file_from_path(GLOSSARY_PAGE)
    if glossary_file is None:
        raise PluginError(f"docs/{GLOSSARY_PAGE} is missing: the generated_pages hook must be listed before this one.")
    base = get_relative_url(glossary_file.url, page.url)
    html, entries = marker_for(glossary).mark(html, lambda entry: f"{base}#{entry.anchor}")
    for entry in entries:
        _mentions.setdefault(entry.anchor, []).append(page)
    return html


def on_page_context(context, *, page, config, nav):
    """On the glossary page, replace each mentions comment with links to the pages that mention it."""
    if page.file.src_uri == GLOSSARY_PAGE:
        page.content = fill_mentions(page.content, lambda anchor: [
            (get_relative_url(p.url, page.url), sitedata.page_title(p)) for p in _mentions.get(anchor, [])])
    return context


def fill_mentions(html: str, pages_for) -> str:
    """Replace every "<!-- mentions:ANCHOR -->" comment with the list of pages that mention it (titles escaped).

    The pages are a list of links, each a large target (extra.css), after the words "Mentioned on:".
    """
    tree = parse_fragment(html)
    for node in [n for n in walk(tree) if n.is_comment_node]:
        text = (node.comment_content or "").strip()
        if not text.startswith(MENTIONS_PREFIX):
            continue
        pages = pages_for(text.removeprefix(MENTIONS_PREFIX))
        label = tree.create_node("p")
        label.attrs["class"] = "mbc-mentions"
        label.insert_child("Mentioned on:" if pages else "Not mentioned on other pages yet.")
        node.insert_before(label)
        if pages:
            items = tree.create_node("ul")
            items.attrs["class"] = "mbc-mentions__pages"
            for url, title in pages:
                item = tree.create_node("li")
                link = tree.create_node("a")
                link.attrs["href"] = url
                link.insert_child(title)
                item.insert_child(link)
                items.insert_child(item)
            node.insert_before(items)
        node.decompose()
    return to_html(tree)


def marker_for(glossary: sitedata.Glossary) -> TermMarker:
    """The TermMarker for this glossary, built once per loaded glossary (not hashed: it can be large)."""
    if _marker.get("glossary") is not glossary:
        _marker.update(glossary=glossary, marker=TermMarker(glossary.entries))
    return _marker["marker"]
