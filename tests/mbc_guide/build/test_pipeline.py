"""The page steps: their order is checked, and one parse of a page runs them all."""
from __future__ import annotations

import pytest

from mbc_guide.build import pipeline
from mbc_guide.build.pipeline import PAGE_STEPS, Step, StepOrderError, check_order


def test_the_sites_steps_are_in_a_working_order():
    check_order(PAGE_STEPS)


def test_a_step_listed_before_one_it_needs_is_refused_with_the_fix():
    reordered = (PAGE_STEPS[1], PAGE_STEPS[0], *PAGE_STEPS[2:])
    with pytest.raises(StepOrderError, match="'mark glossary names' must come after 'check content'; move it below"):
        check_order(reordered)


def test_a_step_after_an_unknown_step_is_refused():
    with pytest.raises(StepOrderError, match="must come after 'nothing'"):
        check_order((Step("first", lambda body: None, after=("nothing",)),))


def test_every_step_says_what_it_does():
    assert all(step.run.__doc__ for step in PAGE_STEPS)
    assert len({step.name for step in PAGE_STEPS}) == len(PAGE_STEPS)


def test_the_body_is_parsed_once_and_every_step_sees_the_same_tree(monkeypatch):
    parses = []
    real = pipeline.parse_fragment
    monkeypatch.setattr(pipeline, "parse_fragment", lambda html: parses.append(html) or real(html))
    seen = []
    steps = (Step("a", lambda body: seen.append(body.tree) or ["a said"]),
             Step("b", lambda body: seen.append(body.tree), after=("a",)))
    html, messages = pipeline.run_steps("<p>x</p>", page=None, build=None, files=None, steps=steps)
    assert len(parses) == 1 and seen[0] is seen[1]
    assert html == "<p>x</p>" and messages == ["a said"]
