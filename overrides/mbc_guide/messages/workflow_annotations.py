"""GitHub Actions annotations (`::error file=docs/index.md,line=14::message`), escaped as GitHub's own toolkit does."""
from __future__ import annotations

import os


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(level: str, file: str, line: int | None, message: str) -> str:
    """One workflow command: level is "error" or "warning"; file is the path from the repository's root."""
    where = f"file={_property(file)}" + (f",line={line}" if line else "")
    return f"::{level} {where}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
