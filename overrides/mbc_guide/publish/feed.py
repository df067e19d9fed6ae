"""feed.xml: the What's new notes as an Atom feed (RFC 4287), for feed readers."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

from mbc_guide.data.reviews import Reviews

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(reviews: Reviews, titles: dict[str, str], urls: dict[str, str], site_url: str, site_name: str,
              whats_new_url: str) -> str:
    """The feed's XML: one entry for each review that says what changed, newest first, linking to its page."""
    changes = reviews.changes()
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _add(feed, "title", f"{site_name}: what's new")
    _add(feed, "subtitle", "What changed on the guide's pages each time they were checked against their sources.")
    _add(feed, "id", urljoin(site_url, "feed.xml"))
    _add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(site_url, "feed.xml"))
    _add(feed, "link", rel="alternate", type="text/html", href=urljoin(site_url, whats_new_url))
    _add(feed, "updated", _timestamp(reviews.newest or dt.date(2026, 1, 1)))
    _add(_add(feed, "author"), "name", f"The maintainers of {site_name}")
    host = urlsplit(site_url).hostname or "localhost"
    for page, review in changes:
        entry = _add(feed, "entry")
        title = titles.get(page, page)
        _add(entry, "title", f"{title}: what changed on {review.date.strftime('%-d %B %Y')}")
        _add(entry, "id", f"tag:{host},{review.date.isoformat()}:{page}")
        _add(entry, "link", rel="alternate", type="text/html", href=urljoin(site_url, urls.get(page, "")))
        _add(entry, "updated", _timestamp(review.date))
        _add(entry, "summary", review.note or "")
    ET.indent(feed)
    return "<?xml version='1.0' encoding='utf-8'?>\n" + ET.tostring(feed, encoding="unicode") + "\n"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
