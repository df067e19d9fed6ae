"""Paths and commands shared by the tests (`from tests.helpers import ...`)."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from mbc_guide.html.tree import parse_document, parse_fragment, to_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the source documents and the own-words tool, beside the repository
SOURCE_TEXTS = SHARED / "sources"  # the source texts, never copied into the repository
READING_GRADES: dict[str, tuple[float, float]] = {}  # page -> (Flesch-Kincaid, SMOG), filled by test_content.py, printed at the end of the run


def build_site(site_dir: Path, project: Path = ROOT, *, strict: bool = True,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """Build a project's site in this process through MkDocs' own API, as `mkdocs build` would, and return
    what a finished `mkdocs build` process would: its exit code, what it printed and its log (never raises).

    The build runs in the project's folder, so messages name files as a contributor sees them.
    WHOLE_GUIDE_PDF is empty unless the test sets it, so a PDF left in dist/ by `make pdf` never
    changes what the tests build.
    """
    variables = {"NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": "", **(env or {})}
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    printed = io.StringIO()
    code = 0
    try:
        with contextlib.chdir(project), patched_environment(variables), contextlib.redirect_stdout(printed):
            config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as err:
        code = 1
        log.write(f"Error: {err}\n")
    except Exception:  # a traceback is a finding: tests assert there is none
        code = 1
        log.write(traceback.format_exc())
    finally:
        logger.removeHandler(handler)
    return subprocess.CompletedProcess(["mkdocs", "build"], code, printed.getvalue(), log.getvalue())


@contextlib.contextmanager
def patched_environment(variables: dict):
    """Set environment variables for the duration of a block, then put back what was there."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update({name: str(value) for name, value in variables.items()})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
