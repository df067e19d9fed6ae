"""The one build run from Python: MkDocs' own API, in this process, as `mkdocs build --strict` runs it."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import traceback
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from mbc_guide.paths import ROOT


def build_site(site_dir: Path, project: Path = ROOT, *, strict: bool = True,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build project/mkdocs.yml into site_dir as `mkdocs build` does, env set; exit code and output (never raises)."""
    site_dir = Path(site_dir).absolute()
    log = io.StringIO()
    printed = io.StringIO()
    code = 0
    try:
        with environment({"NO_MKDOCS_2_WARNING": "1", **(env or {})}), contextlib.chdir(project), \
                _mkdocs_log_to(log), contextlib.redirect_stdout(printed):
            config = load_config(str(Path(project) / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as err:
        code = 1
        log.write(f"Error: {err}\n")
    except Exception:  # noqa: BLE001 - as the command would, the traceback is the message
        code = 1
        log.write(traceback.format_exc())
    return subprocess.CompletedProcess(["mkdocs", "build", *(["--strict"] if strict else [])], code,
                                       printed.getvalue(), log.getvalue())


def strict_build(site_dir: Path, project: Path = ROOT, **env: str) -> str | None:
    """build_site(), strict, for the scripts: None when the site was built, else MkDocs' messages."""
    result = build_site(site_dir, project, env=env)
    return None if result.returncode == 0 else result.stdout + result.stderr


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """os.environ with these values for the block, then as it was."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update({name: str(value) for name, value in values.items()})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _mkdocs_log_to(stream: io.StringIO) -> Iterator[None]:
    """MkDocs' warnings and errors written to the stream only, as the command writes them ("WARNING -  ...")."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
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
