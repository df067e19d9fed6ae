"""The one error a data problem raises."""
from __future__ import annotations

from pathlib import Path

from mbc_guide.paths import display_path


class DataError(Exception):
    """Unusable data: the message names the file, the line and what to do."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = Path(path), line, message
        where = f"{display_path(self.path)}:{line}" if line else display_path(self.path)
        super().__init__(f"{where}: {message}")
