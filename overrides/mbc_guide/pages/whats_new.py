"""The What's new page: what changed for readers at each review, across the site, newest first (data/reviews.yml)."""
from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from mbc_guide.data.front_matter import read_page, split_page
from mbc_guide.data.reviews import Reviews, a_year_after
from mbc_guide.pages.generated_pages import front_matter
from mbc_guide.paths import page_files
from mbc_guide.text.markdown_escape import md_text as text

WHATS_NEW_PAGE = "whats-new.md"
FEED = "feed.xml"


def page_titles(docs_dir: Path, generated: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each page's title from its front matter, the pages made from data included."""
    titles = {rel: split_page(rel, markdown).meta.get("title") for rel, markdown, _ in generated}
    for path in page_files(docs_dir):
        titles[path.relative_to(docs_dir).as_posix()] = read_page(docs_dir, path).meta.get("title")
    return {rel: str(title) for rel, title in titles.items() if title}


def whats_new_markdown(reviews: Reviews, titles: dict[str, str], sources: list[str]) -> str:
    """The page's Markdown: a heading per review date, each change under it with a link to its page."""
    changes = reviews.changes()
    newest = reviews.newest or dt.date(2026, 1, 1)
    lines = [front_matter("What's new", "What changed on the pages of this guide, newest first.", sources, newest,
                          a_year_after(newest)),
             "# What's new\n",
             "Each time we check a page against its sources and change what it says, we note here what changed "
             "for you. The newest changes come first. Each page also lists its own changes under its review date.\n",
             f"A feed reader can follow these notes too: [the feed]({FEED}).\n"]
    if not changes:
        lines.append("No page has changed since it was first reviewed.\n")
    shown = None
    for page, review in changes:
        if review.date != shown:
            shown = review.date
            lines.append(f"## {review.date.strftime('%-d %B %Y')}\n")
        lines.append(f"- [{text(titles.get(page, page))}]({posixpath.normpath(page)}). {text(review.note or '')}")
        lines.append("")
    return "\n".join(lines)
