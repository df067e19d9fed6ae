"""Make the build's messages say where: the file and line, and in GitHub Actions an annotation too.

MkDocs names the page of a broken link or nav entry but not its line; a filter on its page and nav loggers
puts "docs/PAGE.md:LINE:" in front and says what to do.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mbc_guide.html import content_policy
from mbc_guide.messages import workflow_annotations

_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link)"
                   r" '(?P<link>[^']+)'")
_NAV = re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration")
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" "
                         r"configuration:\n\s*- (?P<page>\S+)")
_WHERE = re.compile(r"^(?P<file>[\w./-]+\.(?:md|ya?ml))(?::(?P<line>\d+))?(?: \([^)]*\))?: ")
LINK_FIX = ("Fix the address on that line: link to a page's .md file by its path from this page "
            "(such as ../treatment/chemotherapy.md), and to an anchor one of its headings has.")


def attach(config) -> None:
    """Attach the filter and, in GitHub Actions, the annotation handler (once, however often the config loads)."""
    docs, config_file = Path(config.docs_dir), Path(config.config_file_path or "mkdocs.yml")
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        logger = logging.getLogger(name)
        logger.filters = [f for f in logger.filters if not isinstance(f, WhereFilter)]
        logger.addFilter(WhereFilter(docs, config_file))
    root = logging.getLogger("mkdocs")
    root.handlers = [h for h in root.handlers if not isinstance(h, AnnotationHandler)]
    if workflow_annotations.in_github_actions():
        root.addHandler(AnnotationHandler(logging.WARNING))


class WhereFilter(logging.Filter):
    """Puts the file and line in front of MkDocs' messages about links and the nav."""

    def __init__(self, docs: Path, config_file: Path) -> None:
        super().__init__()
        self.docs, self.config_file = docs, config_file

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno >= logging.WARNING and not _WHERE.match(message):
            where = self.where(message)
            if where:
                fix = f" {LINK_FIX}" if _LINK.match(message) else ""
                record.msg, record.args = f"{where}: {message}{fix}", ()
        return True

    def where(self, message: str) -> str | None:
        link = _LINK.match(message)
        if link:
            path = self.docs / link["page"]
            line = _line(path, link["link"])
            shown = f"{_shown(self.docs)}/{link['page']}"
            return f"{shown}:{line}" if line else shown
        omitted = _NOT_IN_NAV.match(message)
        if omitted:
            return f"{_shown(self.docs)}/{omitted['page']} (add it to nav: in {_shown(self.config_file)})"
        nav = _NAV.match(message)
        if nav:
            line = _line(self.config_file, nav["link"])
            shown = _shown(self.config_file)
            return f"{shown}:{line}" if line else shown
        return None


class AnnotationHandler(logging.Handler):
    """Prints each warning or error as a GitHub workflow error annotation, on the file and line it names."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        where = _WHERE.match(message)
        level = "error"  # the build is strict: a warning fails it
        if where:
            line = int(where["line"]) if where["line"] else None
            print(workflow_annotations.annotation(level, where["file"], line, message[where.end():]), flush=True)
        else:
            print(f"::{level}::{message}".replace("\n", "%0A"), flush=True)


def _line(path: Path, text: str) -> int | None:
    try:
        return content_policy.line_of(path.read_text(encoding="utf-8-sig"), text)
    except (OSError, UnicodeDecodeError):
        return None


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
