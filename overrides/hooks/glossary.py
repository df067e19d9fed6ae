"""Mark drug and term mentions with glossary tooltips, and list on the glossary page where each is mentioned.

Every page except the glossary itself gets its first mention of each glossary
entry wrapped in a link to that entry (see term_marker.py for the rules);
docs/assets/javascripts/glossary.js turns those links into tooltips. The
generated glossary page carries a "<!-- mentions:ANCHOR -->" marker under each
entry, which is filled with links once every page has been read.
"""
from __future__ import annotations

import functools
import html as html_lib
import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import sitedata
from term_marker import TermMarker

GLOSSARY_PAGE = "glossary.md"
_MENTIONS_MARKER = re.compile(r"<!-- mentions:([a-z0-9-]+) -->")

_mentions: dict[str, list] = {}  # entry anchor -> pages that mention it, in build order


def on_pre_build(*, config) -> None:
    """Start each build with an empty record of mentions."""
    _mentions.clear()


def on_page_content(html: str, *, page, config, files) -> str:
    """Mark the first mention of each glossary entry on the page."""
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    try:
        _, glossary = sitedata.site_data()
    except sitedata.DataError as err:
        raise PluginError(str(err)) from None
    glossary_file = files.get_file_from_path(GLOSSARY_PAGE)
    if glossary_file is None:
        raise PluginError(f"docs/{GLOSSARY_PAGE} is missing: the generated_pages hook must be listed before this one.")
    base = get_relative_url(glossary_file.url, page.url)
    html, entries = _marker(glossary).mark(html, lambda entry: f"{base}#{entry.anchor}")
    for entry in entries:
        _mentions.setdefault(entry.anchor, []).append(page)
    return html


def on_post_page(output: str, *, page, config) -> str:
    """On the glossary page, replace each mentions marker with links to the pages that mention it."""
    if page.file.src_uri != GLOSSARY_PAGE:
        return output

    def links(match: re.Match) -> str:
        pages = _mentions.get(match.group(1), [])
        if not pages:
            return '<p class="mbc-mentions">Not mentioned on other pages yet.</p>'
        items = "".join(f'<li><a href="{get_relative_url(p.url, page.url)}">{html_lib.escape(p.title or "")}</a></li>'
                        for p in pages)
        return f'<div class="mbc-mentions"><p>Mentioned on:</p><ul>{items}</ul></div>'

    return _MENTIONS_MARKER.sub(links, output)


@functools.lru_cache(maxsize=1)
def _marker(glossary: sitedata.Glossary) -> TermMarker:
    """One TermMarker per loaded glossary (rebuilt when the data file changes)."""
    return TermMarker(glossary.entries)
