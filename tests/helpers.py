"""Paths and commands shared by the tests (`from tests.helpers import ...`)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from mbc_guide.html.tree import parse_document, parse_fragment, to_html
from mbc_guide.tools import strict_build

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the source documents and the own-words tool, beside the repository
SOURCE_TEXTS = SHARED / "sources"  # the source texts, never copied into the repository
READING_GRADES: dict[str, tuple[float, float]] = {}  # page -> (Flesch-Kincaid, SMOG), filled by test_content.py, printed at the end of the run


EDITIONS_LINE = "  editions: [es]\n"  # mkdocs.yml's line that builds the Spanish edition with the English site


def with_editions(project: Path) -> Path:
    """Put the Spanish edition back into a copy's build (conftest.site_copy leaves it out)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  editions: []\n", EDITIONS_LINE, 1), encoding="utf-8")
    assert EDITIONS_LINE in config.read_text(encoding="utf-8"), "mkdocs.yml lists no editions where expected"
    return project


def build_site(site_dir: Path, project: Path = ROOT, *, strict: bool = True,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """Build a project's site in this process through MkDocs' own API (mbc_guide.tools.strict_build), as
    `mkdocs build` would from the project's folder, and return what a finished `mkdocs build` process would:
    its exit code, what it printed and its log (never raises).

    WHOLE_GUIDE_PDF is empty unless the test sets it, so a PDF left in dist/ by `make pdf` never
    changes what the tests build.
    """
    return strict_build.build_site(site_dir, project, strict=strict, env={"WHOLE_GUIDE_PDF": "", "WHOLE_GUIDE_PDF_ES": "", **(env or {})})


def need_npm_packages(package: str = "iframe-worker") -> None:
    """Skip a test that needs an npm package (`npm ci`; by default the offline copy's search shim), as `make check`
    runs without them; under REQUIRE_NPM=1 (`make test`, CI) a missing package fails it instead.
    `make check` sets WITHOUT_NPM=1 so that it runs the same tests, in the same time, with or without them."""
    if os.environ.get("WITHOUT_NPM") == "1":
        pytest.skip("make check runs without the npm packages; `make test` runs this test")
    if not (ROOT / "node_modules" / package).is_dir():
        reason = "the npm packages are not installed (run `npm ci`; `make test` does)"
        if os.environ.get("REQUIRE_NPM") == "1":
            pytest.fail(f"REQUIRE_NPM=1 but {reason}")
        pytest.skip(reason)


def need_source_texts() -> Path:
    """The source-texts folder; a test without it is skipped, or fails when REQUIRE_SOURCES=1 (CI)."""
    if not SOURCE_TEXTS.is_dir():
        reason = f"the source texts are not at {SOURCE_TEXTS}"
        if os.environ.get("REQUIRE_SOURCES") == "1":
            pytest.fail(f"REQUIRE_SOURCES=1 but {reason}")
        pytest.skip(reason)
    return SOURCE_TEXTS


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`; fail when the file no longer holds `old`."""
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def load_data(data: Path):
    """The inventory and glossary of a data folder (sources.yml and glossary.yml)."""
    from mbc_guide.data.site import load_all
    return load_all(data / "sources.yml", data / "glossary.yml")


def on_fragment(change, html: str, *args):
    """Parse an HTML fragment, apply a change to the tree, and return (the fragment as HTML, what the change returned)."""
    tree = parse_fragment(html)
    result = change(tree, *args)
    return to_html(tree), result


def on_document(change, html: str, *args):
    """Parse a whole page, apply a change to the tree, and return (the page as HTML, what the change returned)."""
    tree = parse_document(html)
    result = change(tree, *args)
    return to_html(tree), result


def as_parsed(html: str, document: bool = False) -> str:
    """HTML as the parser writes it back, unchanged in meaning: what a step that changes nothing returns."""
    return to_html(parse_document(html) if document else parse_fragment(html))
