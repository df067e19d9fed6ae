"""Unit-test fixtures."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of data/sources.yml and data/glossary.yml."""
    for name in ("sources.yml", "glossary.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    return tmp_path
