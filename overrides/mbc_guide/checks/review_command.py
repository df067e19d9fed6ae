"""Record a review: after a maintainer has checked a page's change against its sources (scripts/review.py)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from mbc_guide.checks import rendering, reviewed_text
from mbc_guide.checks.coverage_report import read_pages
from mbc_guide.data.errors import DataError
from mbc_guide.data.reviews import NOTE_WORDS, load_reviews
from mbc_guide.data.site import site_data
from mbc_guide.pages import generated_pages
from mbc_guide.paths import ROOT, display_path

DESCRIPTION = """Record that you checked these pages against their sources today: their `reviewed` date moves to
today (`next_review` a year on), data/reviews.yml keeps the note and a fingerprint of the text you checked, and
the note is shown under the page's review date, on the What's new page and in feed.xml."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: the pages, the note, and the date."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("pages", nargs="+", help="pages by their path in docs/ (treatment/chemotherapy.md or "
                        "docs/treatment/chemotherapy.md); glossary.md and treatment/side-effects.md for the pages "
                        "made from data/glossary.yml and data/sources.yml")
    parser.add_argument("--note", help=f"what changed for readers, in plain words ({NOTE_WORDS} words "
                        "at most); needed when the text a reader sees changed")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="the review's date "
                        "(YYYY-MM-DD; today when not given)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Record the reviews; print what was recorded; the exit status (2 on unusable input, nothing written)."""
    args = parse_args(argv)
    docs, reviews_file = root / "docs", root / "data" / "reviews.yml"
    try:
        inventory, glossary = site_data(root / "data")
        reviews = load_reviews(reviews_file)
        render = rendering.renderer(*rendering.markdown_settings(root / "mkdocs.yml"))
        known = {page.page: page for page in reviewed_text.reviewed_pages(
            docs, read_pages(docs), generated_pages.generated(inventory, glossary), root)}
        wanted = [name.removeprefix("docs/") for name in args.pages]
        unknown = [name for name in wanted if name not in known]
        if unknown:
            raise DataError(docs, None, f"no page {', '.join(unknown)}; name pages by their path in docs/.")
        records = dict(reviews.pages)
        for name in wanted:
            if known[name].date_line is None:
                raise DataError(known[name].file, None, "found no `reviewed:` line to set; add one.")
            records[name] = reviewed_text.record_review(known[name], records, render, args.date, args.note)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for name in wanted:
        reviewed_text.write_review_dates(known[name], args.date)
    reviewed_text.write_reviews(reviews_file, records)
    for name in wanted:
        print(f"Recorded the review of {name} on {args.date.isoformat()} "
              f"(dates in {display_path(known[name].file)}).")
    return 0
