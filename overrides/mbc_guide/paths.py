"""Where the repository's folders and data files are."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
SOURCES_FILE = DATA_DIR / "sources.yml"
GLOSSARY_FILE = DATA_DIR / "glossary.yml"
REVIEWS_FILE = DATA_DIR / "reviews.yml"
OVERRIDES_DIR = ROOT / "overrides"


def display_path(path: Path) -> str:
    """A path as a message shows it: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
