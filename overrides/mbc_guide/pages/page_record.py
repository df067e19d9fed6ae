"""Check each page's front matter and hand the theme only checked, escaped values.

Every page names its sources and its `reviewed` / `next_review` dates in front
matter; overrides/partials/page-meta.html shows them under the page. The keys a
page may use are stated once (FRONT_MATTER_KEYS): an unknown key, a
template that is not the site's own, markup or invisible characters in a title,
an unknown source or an implausible date fails the strict build, naming the
page and line. The theme then sees only the allowed keys that passed, with text
escaped, so nothing written in front matter can become HTML on any page.

A page over MAX_PAGE_BYTES, or front matter with YAML aliases or deep nesting,
stops the build before MkDocs reads it. An overdue review is reported without
failing the build (CI runs the validator with --fail-overdue), and the page
shows readers a note saying its review is overdue.
"""
from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from mbc_guide.data.front_matter import (
    meta_line,
)
from mbc_guide.data.inventory import Inventory

log = get_plugin_logger(__name__)


def _where(page, meta: dict, key: str) -> str:
    line = meta_line(meta, key)
    return f"docs/{page.file.src_uri}" + (f":{line}" if line else "")


def page_record(meta: dict, errors: list, warnings: list, inventory: Inventory) -> dict:
    """What the templates and hooks use: the page's checked text, known sources and real review dates."""
    refused = {problem.key for problem in errors}
    sources = meta.get("sources")
    records = [inventory.sources[s] for s in sources if isinstance(s, str) and s in inventory.sources] \
        if isinstance(sources, list) else []
    kept = {key: meta[key] for key in ("title", "description", "reviewed", "next_review")
            if key in meta and key not in refused}
    overdue = any(problem.key == "next_review" for problem in warnings)
    return {"sources": records, **kept, "overdue": overdue}
