"""List, under each entry of the glossary page, the pages that mention it."""
from __future__ import annotations

from mbc_guide.html.tree import parse_fragment, to_html, walk

MENTIONS_PREFIX = "mentions:"


def fill_mentions(html: str, pages_for) -> str:
    """Replace every "<!-- mentions:ANCHOR -->" comment with the list of pages that mention it (titles escaped)."""
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
