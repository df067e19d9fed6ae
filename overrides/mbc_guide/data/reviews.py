"""data/reviews.yml: each page's recorded reviews, with what changed for readers and the text reviewed."""
from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.schema import REVIEWS_SCHEMA, as_date, read_data_file
from mbc_guide.paths import REVIEWS_FILE

NOTE_WORDS = 25  # a note's longest, as for any sentence of the site
HEADER = """\
# yaml-language-server: $schema=../schemas/reviews.schema.json
# Each page's reviews, newest first: when a maintainer checked the page
# against its sources, and what changed for readers (a note of 25 words at
# most, shown under the page's review date, on the What's new page and in
# feed.xml). `text` is a fingerprint of each block of the text a reader saw
# at the latest review: the validator and the build fail when the text
# changes after it. Written by scripts/review.py; do not edit by hand.
"""


@dataclass(frozen=True)
class Review:
    """One recorded review of a page: its date, what changed for readers, and its line in data/reviews.yml."""

    date: dt.date
    note: str | None
    line: int


@dataclass(frozen=True)
class PageReviews:
    """A page's reviews, newest first, and the fingerprints of the text last reviewed."""

    page: str
    text: tuple[str, ...]
    reviews: tuple[Review, ...]
    line: int

    @property
    def latest(self) -> Review:
        return self.reviews[0]


@dataclass(frozen=True)
class Reviews:
    """Every page's recorded reviews."""

    pages: dict[str, PageReviews]
    path: Path

    @property
    def newest(self) -> dt.date | None:
        """The date of the latest review of any page (None with no reviews)."""
        return max((review.date for record in self.pages.values() for review in record.reviews), default=None)

    def changes(self) -> list[tuple[str, Review]]:
        """Every review that says what changed, newest first: (page, review)."""
        found = [(page, review) for page, record in self.pages.items() for review in record.reviews if review.note]
        return sorted(found, key=lambda pair: (-pair[1].date.toordinal(), pair[0]))


def load_reviews(path: Path = REVIEWS_FILE) -> Reviews:
    """Read and check data/reviews.yml; DataError names the file and line of the first problem."""
    data = read_data_file(path, REVIEWS_SCHEMA)
    pages = {}
    for page, record in data["pages"].items():
        items = record["reviews"]
        reviews = tuple(Review(as_date(item["date"]), item.get("note"), items.line_of(at))
                        for at, item in enumerate(items))
        for newer, older in zip(reviews, reviews[1:]):
            if newer.date <= older.date:
                raise DataError(path, older.line, f"the reviews of {page} must be newest first, one a day; "
                                "put this one below the later one or remove it.")
        for review in reviews:
            if review.note and len(review.note.split()) > NOTE_WORDS:
                raise DataError(path, review.line, f"the note says what changed in {len(review.note.split())} "
                                f"words; say it in {NOTE_WORDS} or fewer.")
        pages[page] = PageReviews(page, tuple(record["text"]), reviews, data["pages"].line_of(page))
    return Reviews(pages, path)


def a_year_after(date: dt.date) -> dt.date:
    """The date a year later (28 February for 29 February): when the next review is due."""
    return date.replace(year=date.year + 1, day=28 if (date.month, date.day) == (2, 29) else date.day)


def reviews_yaml(pages: dict[str, PageReviews]) -> str:
    """The file's text for these records: the header, then each page in path order."""
    lines = [HEADER, "pages:"]
    for page in sorted(pages):
        record = pages[page]
        lines.append(f"  {page}:")
        lines.append("    reviews:")
        for review in record.reviews:
            note = f", note: {json.dumps(review.note, ensure_ascii=False)}" if review.note else ""
            lines.append(f"      - {{date: {review.date.isoformat()}{note}}}")
        lines.extend(textwrap.wrap(f"text: [{', '.join(map(json.dumps, record.text))}]", width=110,
                                   initial_indent="    ", subsequent_indent="      "))
    return "\n".join(lines) + "\n"
