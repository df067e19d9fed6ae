"""The What's new page lists every note of what changed, newest first, under its date, linking to its page."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mbc_guide.checks import rendering
from mbc_guide.data.reviews import PageReviews, Review, Reviews
from mbc_guide.pages.whats_new import whats_new_markdown
from mbc_guide.paths import ROOT

RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))


def test_notes_newest_first_under_their_dates_with_links_and_escaped_text():
    reviews = Reviews({
        "treatment/index.md": PageReviews("treatment/index.md", (), (
            Review(dt.date(2026, 12, 6), "We now say <b>who</b> this is about.", 1),
            Review(dt.date(2026, 11, 21), None, 2)), 1),
        "questions.md": PageReviews("questions.md", (), (Review(dt.date(2026, 12, 7), "A new question.", 3),), 3),
    }, Path("data/reviews.yml"))
    markdown = whats_new_markdown(reviews, {"treatment/index.md": "Treatment", "questions.md": "Questions"},
                                  ["src-a"])
    assert "reviewed: 2026-12-07\nnext_review: 2027-12-07\n" in markdown
    body = rendering.visible_blocks(RENDER(markdown.split("---\n", 2)[2]))
    assert body.index("7 December 2026 ¶") < body.index("Questions . A new question.") \
        < body.index("6 December 2026 ¶") < body.index("Treatment . We now say <b>who</b> this is about.")
    assert "[Treatment](treatment/index.md)" in markdown
