"""Check each page's front matter and hand its sources and review dates to the theme.

Every page names its sources and its `reviewed` / `next_review` dates in front
matter; overrides/partials/page-meta.html shows them under the page. A page
without them, or with an unknown source or a bad date, fails the strict build.
An overdue review is reported, without failing the build.
"""
from __future__ import annotations

import datetime as dt

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import sitedata

log = get_plugin_logger(__name__)


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    """Check the page's front matter and attach its source records for the template."""
    try:
        inventory, _ = sitedata.site_data()
    except sitedata.DataError as err:
        raise PluginError(str(err)) from None
    where = page.file.src_uri
    errors, warnings = sitedata.page_meta_problems(page.meta, inventory, dt.date.today())
    for message in errors:
        log.warning(f"docs/{where}: the page {message}")
    for message in warnings:
        log.info(f"docs/{where}: the page {message}")
    page.meta["source_records"] = [inventory.sources[s] for s in page.meta.get("sources") or []
                                   if isinstance(s, str) and s in inventory.sources]
    return markdown
