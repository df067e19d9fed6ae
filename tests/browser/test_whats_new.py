"""What changed, for readers: a page's notes under its review date lead to the What's new page, which lists
them newest first and links to the feed; the hosted site names the feed in every page's head (a feed reader
cannot follow a file:// copy), and the feed is there, served and from file://."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from mbc_guide.data.reviews import load_reviews

CHANGES = load_reviews().changes()


@pytest.fixture(params=[1280, 360], ids=["desktop", "phone"])
def width(request) -> int:
    return request.param


def test_a_changed_page_says_what_changed_and_leads_to_whats_new(browser, site_url, width):
    assert CHANGES, "data/reviews.yml records no note of what changed"
    page_src, review = CHANGES[0]
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page = context.new_page()
    try:
        page.goto(site_url(page_src))
        changes = page.locator(".mbc-page-meta__changes li")
        assert review.note in changes.first.inner_text()
        assert changes.first.locator("time").get_attribute("datetime") == review.date.isoformat()
        assert changes.first.is_visible()
        page.locator(".mbc-page-meta__news").get_by_role("link", name="What's new").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().startswith("What's new")
        dates = page.locator("article h2").all_inner_texts()
        assert dates and dates[0].startswith(review.date.strftime("%-d %B %Y"))
        article = page.locator("article").inner_text()
        for _, change in CHANGES:
            assert change.note in article
        assert page.locator("article a[href$='feed.xml']").count() == 1
    finally:
        context.close()


def test_the_feed_is_published_and_the_hosted_pages_name_it(page, site_url):
    page.goto(site_url("whats-new.md"))
    href = page.locator("article a[href$='feed.xml']").evaluate("a => a.href")
    named = page.locator("head link[rel=alternate][type='application/atom+xml']")
    if href.startswith("file:"):  # the offline copy: the file beside the pages (a browser shows it as XML)
        assert named.count() == 0
        text = Path(url2pathname(urlsplit(href).path)).read_text(encoding="utf-8")
    else:
        assert named.evaluate("link => link.href") == href
        response = page.goto(href)
        assert response.ok
        text = response.text()
    assert text.startswith("<?xml") and "<feed xmlns=\"http://www.w3.org/2005/Atom\"" in text
    assert all(change.note.split()[0] in text for _, change in CHANGES)
