"""Check each page's front matter and hand its sources and review dates to the theme.

Every page names its sources and its `reviewed` / `next_review` dates in front
matter; overrides/partials/page-meta.html shows them under the page. A page
without them, or with an unknown source or a bad date, fails the strict build.
An overdue review is reported, without failing the build.

The front matter is read again with sitedata.split_page, the reader the
validator uses, so a YAML mistake is reported with its line (MkDocs itself
drops a front matter block it cannot read). The template gets only checked
values in page.meta["page_record"]: source records and real dates.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

import sitedata

log = get_plugin_logger(__name__)


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    """Check the page's front matter and attach its checked record for the template."""
    inventory, _ = sitedata.site_data_or_abort()
    meta = page.meta
    if page.file.abs_src_path:  # a file in docs/ (generated pages are built from checked data)
        try:
            meta = sitedata.split_page(page.file.src_uri, page.file.content_string,
                                       Path(page.file.abs_src_path)).meta
        except sitedata.DataError as err:
            log.warning(str(err))
            meta = {}
    errors, warnings = sitedata.page_meta_problems(meta, inventory, dt.date.today())
    for message in errors:
        log.warning(f"{_where(page, meta, message.key)}: the page {message}")
    for message in warnings:
        log.info(f"{_where(page, meta, message.key)}: the page {message}")
    page.meta["page_record"] = page_record(meta, inventory)
    return markdown


def _where(page, meta: dict, key: str) -> str:
    line = sitedata.meta_line(meta, key)
    return f"docs/{page.file.src_uri}" + (f":{line}" if line else "")


def page_record(meta: dict, inventory: sitedata.Inventory) -> dict:
    """What the template shows: the page's known sources and its real review dates (others left out)."""
    sources = meta.get("sources")
    records = [inventory.sources[s] for s in sources if isinstance(s, str) and s in inventory.sources] \
        if isinstance(sources, list) else []
    dates = {key: value for key in ("reviewed", "next_review")
             if isinstance(value := meta.get(key), dt.date) and not isinstance(value, dt.datetime)}
    return {"sources": records, **dates}
