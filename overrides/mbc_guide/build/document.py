"""The finished page, parsed once: the theme's HTML fixed, search marks removed, its setup noted, the CSP added."""
from __future__ import annotations

from mbc_guide.build.state import Build
from mbc_guide.html.screen_reader_text import remove_search_marks
from mbc_guide.html.theme_html import fix_theme_html
from mbc_guide.html.tree import parse_document, to_html
from mbc_guide.publish.csp import add_policy
from mbc_guide.search.search_index import config_search


def finish_page(html: str, build: Build, key: str) -> str:
    """The built page (key: its src_uri, or a template's name) ready to publish."""
    tree = parse_document(html)
    fix_theme_html(tree)
    remove_search_marks(tree)
    if build.search_config is None:
        build.search_config = config_search(tree)
    add_policy(tree, build.theme_scripts.pop(key, frozenset()), build.shim)
    return to_html(tree)
