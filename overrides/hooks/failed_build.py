"""A build that fails leaves no site behind, so nothing it refused can be published by mistake.

`mkdocs build --strict` writes every page before it counts the warnings and
stops; without this hook the refused pages would stay in site/. `mkdocs serve`
keeps its own temporary folder and is left alone.
"""
from __future__ import annotations

import shutil

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)
_run: dict = {}  # the command that started this run, and the folder it builds into


def on_startup(*, command: str, dirty: bool) -> None:
    """Note which command is running (build, gh-deploy or serve)."""
    _run["command"] = command


def on_config(config):
    """Note the folder the site is built into."""
    _run["site_dir"] = config.site_dir
    return config


def on_build_error(*, error: Exception) -> None:
    """After a failed build or deploy, remove what it had written."""
    site_dir = _run.get("site_dir")
    if _run.get("command") in ("build", "gh-deploy") and site_dir:
        shutil.rmtree(site_dir, ignore_errors=True)
        log.info(f"The build failed, so {site_dir} was removed: nothing from it can be published.")
