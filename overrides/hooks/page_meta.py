"""Check each page's front matter and hand the theme only checked, escaped values.

Every page names its sources and its `reviewed` / `next_review` dates in front
matter; overrides/partials/page-meta.html shows them under the page. The keys a
page may use are stated once (sitedata.FRONT_MATTER_KEYS): an unknown key, a
template that is not the site's own, markup or invisible characters in a title,
an unknown source or an implausible date fails the strict build, naming the
page and line. The theme then sees only the allowed keys that passed, with text
escaped, so nothing written in front matter can become HTML on any page.

A page over sitedata.MAX_PAGE_BYTES, or front matter with YAML aliases or deep nesting,
stops the build before MkDocs reads it. An overdue review is reported without
failing the build (CI runs the validator with --fail-overdue), and the page
shows readers a note saying its review is overdue.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import sitedata

log = get_plugin_logger(__name__)


def on_page_read_source(page, config) -> str | None:
    """Refuse an oversized page, and read its front matter safely before MkDocs does."""
    path = page.file.abs_src_path
    if not path:
        return None
    size = os.path.getsize(path)
    if size > sitedata.MAX_PAGE_BYTES:
        raise PluginError(f"docs/{page.file.src_uri} is {size:,} bytes, over the limit of {sitedata.MAX_PAGE_BYTES:,}; "
                          "split it into shorter pages.")
    text = page.file.content_string
    try:
        sitedata.split_page(page.file.src_uri, text, Path(path))
    except sitedata.DataError as err:
        log.warning(str(err))
        match = sitedata.FRONT_MATTER.match(text.removeprefix("\ufeff"))
        return text.removeprefix("\ufeff")[match.end():] if match else text  # MkDocs never reads it
    return None


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    """Check the page's front matter; give the theme only what passed, and the record for page-meta.html."""
    inventory, _ = sitedata.site_data_or_abort()
    meta = page.meta
    if page.file.abs_src_path:  # a file in docs/ (generated pages are built from checked data)
        try:
            meta = sitedata.split_page(page.file.src_uri, page.file.content_string,
                                       Path(page.file.abs_src_path)).meta
        except sitedata.DataError:
            meta = {}  # reported by on_page_read_source
    templates = sitedata.own_templates(Path(config.theme.custom_dir)) if config.theme.custom_dir else frozenset()
    errors, warnings = sitedata.page_meta_problems(meta, inventory, dt.date.today(), templates)
    for message in errors:
        log.warning(f"{_where(page, meta, message.key)}: the page {message}")
    for message in warnings:
        log.info(f"{_where(page, meta, message.key)}: the page {message}")
    page.meta = sitedata.shown_meta(meta, errors)
    page.meta["page_record"] = page_record(meta, errors, warnings, inventory)
    return markdown


def _where(page, meta: dict, key: str) -> str:
    line = sitedata.meta_line(meta, key)
    return f"docs/{page.file.src_uri}" + (f":{line}" if line else "")


def page_record(meta: dict, errors: list, warnings: list, inventory: sitedata.Inventory) -> dict:
    """What the templates and hooks use: the page's checked text, known sources and real review dates."""
    refused = {problem.key for problem in errors}
    sources = meta.get("sources")
    records = [inventory.sources[s] for s in sources if isinstance(s, str) and s in inventory.sources] \
        if isinstance(sources, list) else []
    kept = {key: meta[key] for key in ("title", "description", "reviewed", "next_review")
            if key in meta and key not in refused}
    overdue = any(problem.key == "next_review" for problem in warnings)
    return {"sources": records, **kept, "overdue": overdue}
