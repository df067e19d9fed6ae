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


# Other editions: docs/<language>/ holds that language's pages, each at its English page's path (ARCHITECTURE.md).
TRANSLATIONS = ("es",)


def page_files(docs_dir: Path, language: str = "en") -> list[Path]:
    """The Markdown pages of one edition, sorted: docs/ without the translations' folders, or docs/<language>/."""
    if language != "en":
        return sorted((docs_dir / language).rglob("*.md"))
    others = [docs_dir / code for code in TRANSLATIONS]
    return sorted(path for path in docs_dir.rglob("*.md") if not any(folder in path.parents for folder in others))


def edition_folders(site_dir: Path) -> list[Path]:
    """The other editions' folders in a built site (site/es/), each a site of its own with its search and its app."""
    return [site_dir / code for code in TRANSLATIONS if (site_dir / code).is_dir()]
