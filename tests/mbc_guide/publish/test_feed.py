"""feed.xml is a valid Atom feed (RFC 4287) of the What's new notes, newest first, each linking to its page."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mbc_guide.data.reviews import PageReviews, Review, Reviews
from mbc_guide.publish.feed import atom_feed

A = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/guide/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def reviews() -> Reviews:
    return Reviews({
        "index.md": PageReviews("index.md", (), (Review(dt.date(2026, 12, 6), "We say <more> & clearer.", 1),
                                                 Review(dt.date(2026, 11, 21), None, 2)), 1),
        "questions.md": PageReviews("questions.md", (), (Review(dt.date(2026, 12, 1), "A new question.", 3),), 3),
    }, Path("data/reviews.yml"))


def feed() -> ET.Element:
    xml = atom_feed(reviews(), {"index.md": "Home", "questions.md": "Questions & answers"},
                    {"index.md": "", "questions.md": "questions/"}, SITE, "A Guide", "whats-new/")
    assert xml.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(xml.split("\n", 1)[1])


def test_the_feed_has_what_atom_requires():
    root = feed()
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1 and root.find(f"{A}{name}").text
    assert root.find(f"{A}author/{A}name").text == "The maintainers of A Guide"
    assert RFC3339.match(root.find(f"{A}updated").text) and root.find(f"{A}updated").text == "2026-12-06T00:00:00Z"
    self_link = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_link] == [SITE + "feed.xml"]
    entries = root.findall(f"{A}entry")
    ids = [entry.find(f"{A}id").text for entry in entries]
    assert len(ids) == len(set(ids)) == 2 and all(i.startswith("tag:example.org,2026-") for i in ids)
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{name}")) == 1 and entry.find(f"{A}{name}").text
        assert RFC3339.match(entry.find(f"{A}updated").text)
        assert entry.find(f"{A}link").get("rel") == "alternate"


def test_entries_are_the_notes_newest_first_linking_to_their_pages_with_text_escaped():
    entries = feed().findall(f"{A}entry")
    assert [(e.find(f"{A}link").get("href"), e.find(f"{A}summary").text) for e in entries] == [
        (SITE, "We say <more> & clearer."), (SITE + "questions/", "A new question.")]
    assert entries[1].find(f"{A}title").text == "Questions & answers: what changed on 1 December 2026"
