"""The About page's coverage figures: written where the marker is, and a lost marker is named."""
from __future__ import annotations

from mbc_guide.checks import coverage_figures
from mbc_guide.checks.coverage_report import Report


def test_a_lost_marker_is_named_and_the_page_left_as_it_is():
    page, messages = coverage_figures.fill_about_page("## Coverage\n", Report())
    assert page == "## Coverage\n"
    assert messages == ["docs/about/index.md has lost its '<!-- coverage-report -->' line; put it back under "
                        "'## Coverage'."]


def test_the_figures_take_the_markers_place():
    page, messages = coverage_figures.fill_about_page(f"## Coverage\n\n{coverage_figures.MARKER}\n", Report())
    assert messages == [] and coverage_figures.MARKER not in page and "Our sources name" in page
