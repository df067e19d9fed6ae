"""The What's new page: what changed for readers at each review, across the site, newest first (data/reviews.yml)."""
from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from mbc_guide.data.front_matter import read_page, split_page
from mbc_guide.data.reviews import Reviews, a_year_after
from mbc_guide.pages.generated_pages import front_matter, with_value
from mbc_guide.pages.page_words import PageWords, english
from mbc_guide.paths import page_files
from mbc_guide.text.markdown_escape import md_text as text

WHATS_NEW_PAGE = "whats-new.md"
FEED = "feed.xml"


def page_titles(docs_dir: Path, generated: list[tuple[str, str, str]], language: str = "en") -> dict[str, str]:
    """Each page's title from its front matter, the pages made from data included; in a translated edition, each
    translated page's title (a page not yet translated has none)."""
    titles = {rel: split_page(rel, markdown).meta.get("title") for rel, markdown, _ in generated}
    edition = docs_dir / language if language != "en" else docs_dir
    for path in page_files(docs_dir, language):
        titles[path.relative_to(edition).as_posix()] = read_page(edition, path).meta.get("title")
    return {rel: str(title) for rel, title in titles.items() if title}


def whats_new_markdown(reviews: Reviews, titles: dict[str, str], sources: list[str],
                       words: PageWords | None = None) -> str:
    """The page's Markdown: a heading per review date, each change under it with a link to its page. A translated
    edition says which English pages changed (the notes are English) and has no feed of its own."""
    words = words or english()
    changes = reviews.changes()
    newest = reviews.newest or dt.date(2026, 1, 1)
    lines = [front_matter(words["whats_new_title"], words["whats_new_description"], sources, newest,
                          a_year_after(newest)),
             f"# {text(words['whats_new_title'])}\n",
             text(words["whats_new_intro"]) + "\n"]
    if words.language == "en":
        lines.append(with_value(words["whats_new_feed"], link=f"[{text(words['the_feed'])}]({FEED})") + "\n")
    if not changes:
        lines.append(text(words["whats_new_none"]) + "\n")
    shown = None
    for page, review in changes:
        if review.date != shown:
            shown = review.date
            lines.append(f"## {text(words.date(review.date))}\n")
        if page not in titles:  # a page this edition has no translation of yet
            continue
        note = (review.note or "") if words.language == "en" else words["whats_new_change"]
        lines.append(f"- [{text(titles.get(page, page))}]({posixpath.normpath(page)}). {text(note)}")
        lines.append("")
    return "\n".join(lines)
