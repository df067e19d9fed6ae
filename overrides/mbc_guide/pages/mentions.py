"""Mark drug and term mentions with glossary tooltips, and list on the glossary page where each is mentioned.

Every page except the glossary itself gets its first mention of each glossary
entry wrapped in a link to that entry (see term_marker.py for the rules);
docs/assets/javascripts/glossary.js turns those links into tooltips. The
generated glossary page carries a "<!-- mentions:ANCHOR -->" comment under each
entry, which is replaced (through the HTML parser) by a list of links to the
pages that mention it once every page has been read.
"""
from __future__ import annotations

from mbc_guide.html.tree import parse_fragment, to_html, walk

GLOSSARY_PAGE = "glossary.md"
MENTIONS_PREFIX = "mentions:"

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
