"""Review dates bound to the text: each page's visible text is the text its latest recorded review saw.

A page's text is fingerprinted block by block (paragraph, heading, list item, table row), from the page
rendered with the site's own settings, so a change to markup alone (a link's address) needs no review.
Generated pages are fingerprinted the same way, from the Markdown their data makes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from mbc_guide.checks.rendering import visible_blocks
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import Page, meta_line, read_page, split_page
from mbc_guide.data.reviews import NOTE_WORDS, PageReviews, Review, Reviews, a_year_after, reviews_yaml
from mbc_guide.pages import generated_pages
from mbc_guide.paths import display_path, page_files

RECORD_COMMAND = ".venv/bin/python scripts/review.py"
DATE_LINE = re.compile(r"^(reviewed|next_review):[ \t]*\S+([ \t]+#.*)?[ \t]*$", re.M)  # a comment may follow


@dataclass(frozen=True)
class ReviewProblem:
    """Text a reader sees that no recorded review saw, or a review date that does not match the record."""

    page: str  # its path in docs/
    file: Path  # the file to look at: the page, or the data file a generated page is made from
    line: int | None
    message: str


@dataclass(frozen=True)
class ReviewedPage:
    """A page as the check reads it: its path, the file its text is written in, its Markdown and review date."""

    page: str
    file: Path
    markdown: str  # the body, without front matter
    first_line: int  # the line of `file` the text starts on, when it is the page itself
    reviewed: object
    date_line: int | None


def fingerprint(text: str) -> str:
    """A short fingerprint of one block of text (the first 12 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def blocks(markdown: str, render: Callable[[str], str]) -> list[str]:
    """The text a reader sees in each block of a page."""
    return list(visible_blocks(render(markdown)))


def reviewed_pages(docs_dir: Path, pages: dict[str, Page], generated: Iterable[tuple[str, str, str]],
                   root: Path) -> list[ReviewedPage]:
    """Every page that needs a review: the pages in docs/, then the pages made from data."""
    found = [ReviewedPage(rel, docs_dir / rel, page.body, page.body_line, page.meta.get("reviewed"),
                          meta_line(page.meta, "reviewed")) for rel, page in pages.items()]
    for rel, markdown, data_file in generated:
        made = split_page(rel, markdown)
        data_path = root / data_file
        found.append(ReviewedPage(rel, data_path, made.body, 0, made.meta.get("reviewed"),
                                  _date_line(data_path)))
    return found


def review_problems(reviewed: list[ReviewedPage], reviews: Reviews, render: Callable[[str], str]) -> list[ReviewProblem]:
    """Every page whose visible text or review date differs from its latest recorded review."""
    problems = []
    for page in reviewed:
        record = reviews.pages.get(page.page)
        if record is None:
            problems.append(ReviewProblem(page.page, page.file, page.date_line or 1, (
                f"{page.page} has no recorded review. A maintainer checks it against its sources, then records "
                f"it: {RECORD_COMMAND} {page.page} --note \"What is new, for readers\"")))
            continue
        texts = blocks(page.markdown, render)
        at = first_change(record.text, [fingerprint(text) for text in texts])
        if at is not None:
            where = texts[at] if at < len(texts) else texts[-1] if texts else ""
            problems.append(ReviewProblem(page.page, page.file, _line_of(where, page) or page.date_line, (
                f"the text a reader sees on {page.page} changed here after its review of "
                f"{record.latest.date.isoformat()}. Check the change against the sources, then record the review: "
                f"{RECORD_COMMAND} {page.page} --note \"What changed, for readers\"")))
        if page.reviewed != record.latest.date:
            problems.append(ReviewProblem(page.page, page.file, page.date_line, (
                f"{page.page} says it was reviewed on {page.reviewed}, but its latest recorded review "
                f"({display_path(reviews.path)}:{record.latest.line}) is of {record.latest.date.isoformat()}. "
                f"{RECORD_COMMAND} sets both.")))
    known = {page.page for page in reviewed}
    problems += [ReviewProblem(rel, reviews.path, record.line, f"there is no page {rel}; remove its reviews.")
                 for rel, record in reviews.pages.items() if rel not in known]
    return problems


def site_problems(docs_dir: Path, inventory, glossary, reviews: Reviews,
                  render: Callable[[str], str]) -> list[ReviewProblem]:
    """review_problems() for every page of the site beside docs_dir, its own and those made from its data."""
    pages = {}
    for path in page_files(docs_dir):
        try:
            pages[path.relative_to(docs_dir).as_posix()] = read_page(docs_dir, path)
        except DataError:
            continue  # an unreadable page is reported, with its reason, by the checks that read it
    return review_problems(reviewed_pages(docs_dir, pages, generated_pages.generated(inventory, glossary),
                                          docs_dir.parent), reviews, render)


def first_change(reviewed: Iterable[str], current: list[str]) -> int | None:
    """The block where the text first differs from the text reviewed (added, changed, or after removed text)."""
    for tag, _, _, start, _ in SequenceMatcher(a=list(reviewed), b=current, autojunk=False).get_opcodes():
        if tag != "equal":
            return start
    return None


def record_review(page: ReviewedPage, reviews: dict[str, PageReviews], render: Callable[[str], str],
                  date: dt.date, note: str | None) -> PageReviews:
    """The page's records with a review of its current text on `date`; DataError when a change has no note."""
    old = reviews.get(page.page)
    text = tuple(fingerprint(block) for block in blocks(page.markdown, render))
    if note is not None and (len(note.split()) > NOTE_WORDS or not note.strip()):
        raise DataError(page.file, None, f"say what changed for readers in 1 to {NOTE_WORDS} words.")
    if old and old.text != text and not note:
        raise DataError(page.file, None, "the text a reader sees has changed since its last review: say what "
                        "changed for readers with --note \"...\" (a typo fix may say so).")
    if old and old.latest.date > date:
        raise DataError(page.file, None, f"it already has a review of {old.latest.date}, after {date}.")
    earlier = old.reviews if old else ()
    if earlier and earlier[0].date == date:  # a second look on the same day: one review, the newest note
        note, earlier = note or earlier[0].note, earlier[1:]
    return PageReviews(page.page, text, (Review(date, note, 0), *earlier), old.line if old else 0)


def write_review_dates(page: ReviewedPage, date: dt.date) -> None:
    """Set the `reviewed` date, and `next_review` a year on, where the page's dates are written."""
    text = page.file.read_text(encoding="utf-8")
    dates = {"reviewed": date, "next_review": a_year_after(date)}
    found = set()

    def replace(match: re.Match) -> str:
        key = match[1]
        if key in found:
            return match[0]
        found.add(key)
        return f"{key}: {dates[key].isoformat()}{match[2] or ''}"
    changed = DATE_LINE.sub(replace, text)
    if found != set(dates):
        raise DataError(page.file, None, "found no `reviewed:` and `next_review:` lines to set; add them.")
    page.file.write_text(changed, encoding="utf-8")


def write_reviews(path: Path, pages: dict[str, PageReviews]) -> None:
    """Write data/reviews.yml."""
    path.write_text(reviews_yaml(pages), encoding="utf-8")


def _date_line(data_file: Path) -> int | None:
    text = data_file.read_text(encoding="utf-8") if data_file.is_file() else ""
    match = DATE_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_of(text: str, page: ReviewedPage) -> int | None:
    """The line of the file where a block's first words are written (markup between the words allowed)."""
    words = re.findall(r"\w+", text)[:4]
    if not words or not page.file.is_file():
        return None
    lines = page.file.read_text(encoding="utf-8").splitlines()
    start = page.first_line - 1 if page.first_line else 0
    for count in range(len(words), 0, -1):
        pattern = re.compile(r"\W+".join(map(re.escape, words[:count])) + r"\b", re.I)
        for number in range(start, len(lines)):
            if pattern.search(lines[number]):
                return number + 1
    return None
