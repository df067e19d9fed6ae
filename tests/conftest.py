"""Shared fixtures: paths, and the site built once per test run (online and offline)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings

from tests.helpers import EDITIONS_LINE, READING_GRADES, ROOT, build_site, need_npm_packages

# The property-based tests (tests/mbc_guide/checks/test_validator_property.py): 200 examples each in the full suite;
# `make check`, the quick check, sets HYPOTHESIS_PROFILE=quick for 25.
settings.register_profile("full", max_examples=200)
settings.register_profile("quick", max_examples=25)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))


def built_once(tmp_path_factory, name: str, build) -> Path:
    """A folder made once per test run, also when pytest-xdist runs the tests in several processes
    (`make check`): the first process builds it under a lock, the others wait and read it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # one folder for all the processes of this run
    folder = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        if not (folder / ".built").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once with `mkdocs build --strict`, as served by a web host; its log beside it (build.log)."""
    def build(folder: Path) -> None:
        result = build_site(folder / "site")
        (folder / "build.log").write_text(result.stderr, encoding="utf-8")
        assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return built_once(tmp_path_factory, "built-site", build) / "site"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline copy, built once with scripts/offline.py, for opening from file://."""
    need_npm_packages()

    def build(out: Path) -> None:
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--site-dir",
                                 str(out / "site"), "--zip", str(out / "site.zip")], cwd=ROOT, capture_output=True,
                                text=True, timeout=300,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": "", "WHOLE_GUIDE_PDF_ES": ""})
        assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return built_once(tmp_path_factory, "offline-site", build) / "site"


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of data/sources.yml and data/glossary.yml."""
    for name in ("sources.yml", "glossary.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the project (config, docs, data, theme and hooks) to break on purpose. Its build is the
    English site alone (extra.editions emptied), which halves its time; a test of the Spanish edition's build puts
    it back with tests.helpers.with_editions.

    The library is not copied: builds and checks of the copy import the installed one."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "mkdocs.es.yml", "docs", "data", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "mbc_guide"))
        else:
            shutil.copy(source, copy / name)
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(EDITIONS_LINE, "  editions: []\n", 1), encoding="utf-8")
    return copy



def pytest_collection_modifyitems(items):
    """The longest tests first (a contributor's steps end to end, then the browser tests), so that the cores
    finish at about the same time instead of one running the longest test alone at the end."""
    items.sort(key=lambda item: 0 if item.get_closest_marker("slow") else 1 if "/browser/" in item.nodeid else 2)


def pytest_terminal_summary(terminalreporter):
    """Print each page's reading grades (measured by tests/test_content.py)."""
    if READING_GRADES:
        terminalreporter.section("reading grades per page (Flesch-Kincaid, limit 8; SMOG with known words, limit 8)")
        for page, (grade, smog) in sorted(READING_GRADES.items()):
            terminalreporter.write_line(f"FK {grade:5.1f}  SMOG {smog:5.1f}  {page}")
