"""The one strict build: MkDocs' own build of a mkdocs.yml, in this process, stopping at the first warning."""
from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from mbc_guide.paths import ROOT

CONFIG_FILE = ROOT / "mkdocs.yml"


def strict_build(site_dir: Path, *, config_file: Path = CONFIG_FILE, **env: str) -> str | None:
    """Build the site of config_file strictly into site_dir, as `mkdocs build --strict` does, from the config
    file's folder and with these environment variables set meanwhile (mkdocs.yml reads OFFLINE and
    WHOLE_GUIDE_PDF); None when it built, else MkDocs' warnings and errors as text."""
    site_dir, config_file = Path(site_dir).absolute(), Path(config_file).absolute()
    messages = io.StringIO()
    with _environment({"NO_MKDOCS_2_WARNING": "1", **env}), contextlib.chdir(config_file.parent), \
            _mkdocs_messages_to(messages):
        try:
            config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as err:
            messages.write(f"{err.format_message()}\n")
            return messages.getvalue()
    return None


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """os.environ with these values for the block, then as it was."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _mkdocs_messages_to(stream: io.StringIO) -> Iterator[None]:
    """MkDocs' warnings and errors (its logger and the plugins' and hooks' below it) written to the stream only."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
