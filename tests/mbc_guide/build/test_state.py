"""One build's state: its date, and that every hook reads the build under way."""
from __future__ import annotations

import datetime as dt

import pytest
from mkdocs.exceptions import PluginError

from mbc_guide.build import state


def test_the_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795780800")  # 2026-11-27 12:00 UTC
    assert state.build_date() == dt.date(2026, 11, 27)


def test_without_a_build_the_hooks_are_told_which_hook_comes_first(monkeypatch):
    monkeypatch.setattr(state, "_current", [])
    with pytest.raises(PluginError, match="overrides/hooks/build.py must be the first hook"):
        state.current()
