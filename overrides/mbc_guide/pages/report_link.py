"""The "Report a problem with this page" link: a new issue from the repository's form, the page's details filled in.

Made at build time, so the page runs no script for it and nothing is sent until the reader follows it.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

from mbc_guide.data.front_matter import page_title

FORM = "report-a-problem.yml"
# The issue form's field ids (`id:` in the form) that the link fills in.
FIELDS = ("page-title", "page-address", "reviewed")


def report_url(repo_url: str, title: str, address: str, reviewed: str) -> str:
    """The new-issue address for a page, every value percent-encoded."""
    query = urlencode({"template": FORM, "page-title": title, "page-address": address, "reviewed": reviewed},
                      quote_via=quote)
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def report_for(page, config, *, offline: bool) -> dict:
    """The page's report link, and whether it needs a note that it works only online."""
    reviewed = page.meta.get("reviewed")
    title = (page.meta.get("page_record") or {}).get("title") or page_title(page) or config.site_name
    url = report_url(config.repo_url, str(title), page.canonical_url or page.url,
                     reviewed.isoformat() if hasattr(reviewed, "isoformat") else str(reviewed or ""))
    return {"url": url, "needs_note": offline}
