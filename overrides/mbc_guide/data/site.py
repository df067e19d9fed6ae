"""The site's checked data, loaded once per change of its files."""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import Glossary, load_glossary
from mbc_guide.data.inventory import Inventory, load_inventory
from mbc_guide.paths import DATA_DIR, GLOSSARY_FILE, SOURCES_FILE


def load_all(sources: Path = SOURCES_FILE, glossary: Path = GLOSSARY_FILE) -> tuple[Inventory, Glossary]:
    """The inventory and the glossary, both checked."""
    inventory = load_inventory(sources)
    return inventory, load_glossary(inventory, glossary)


def site_data(data_dir: Path = DATA_DIR) -> tuple[Inventory, Glossary]:
    """The checked inventory and glossary in a data folder, parsed again only when a file changes."""
    sources, glossary = data_dir / SOURCES_FILE.name, data_dir / GLOSSARY_FILE.name
    try:
        stamps = (sources.stat().st_mtime_ns, glossary.stat().st_mtime_ns)
    except FileNotFoundError as err:
        raise DataError(err.filename, None, "file not found; restore it from git.") from None
    return _site_data(sources, glossary, *stamps)


def site_data_or_abort(data_dir: Path = DATA_DIR) -> tuple[Inventory, Glossary]:
    """site_data() for the build: a data problem stops it with its message, not a traceback."""
    try:
        return site_data(data_dir)
    except DataError as err:
        raise PluginError(str(err)) from None


@functools.lru_cache(maxsize=1)
def _site_data(sources: Path, glossary: Path, _sources_stamp: int, _glossary_stamp: int) -> tuple[Inventory, Glossary]:
    return load_all(sources, glossary)
