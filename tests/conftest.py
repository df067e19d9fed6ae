"""Shared fixtures: paths, and the site built once per test run (online and offline)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import READING_GRADES, ROOT, need_npm_packages, run_mkdocs


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once with `mkdocs build --strict`, as served by a web host."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline copy, built once with scripts/offline.py, for opening from file://."""
    need_npm_packages()
    out = tmp_path_factory.mktemp("offline")
    site, bundle = out / "site", out / "site.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--site-dir", str(site),
                             "--zip", str(bundle)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": ""})
    assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the project (config, docs, data, overrides) to break on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "data", "overrides", "scripts"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    return copy



def pytest_terminal_summary(terminalreporter):
    """Print each page's reading grade (measured by tests/test_content.py)."""
    if READING_GRADES:
        terminalreporter.section("reading grade per page (Flesch-Kincaid, limit 8)")
        for page, grade in sorted(READING_GRADES.items()):
            terminalreporter.write_line(f"{grade:5.1f}  {page}")
