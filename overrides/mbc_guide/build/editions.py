"""The site's other editions (extra.editions): each built, by the same hooks, into a folder of the English site."""
from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mbc_guide.build import state


def config_file(config: MkDocsConfig, language: str) -> Path:
    """An edition's settings, beside mkdocs.yml: mkdocs.es.yml for "es"."""
    return Path(config.config_file_path).parent / f"mkdocs.{language}.yml"


def site_dir(config: MkDocsConfig, language: str) -> Path:
    """Where an edition is written: a folder named after its language in the English site (site/es/)."""
    return Path(config.site_dir) / language


def build_edition(config: MkDocsConfig, language: str, command: str | None) -> None:
    """Build one edition into its folder, strict when the English build is; its warnings count in this build."""
    settings = config_file(config, language)
    if not settings.is_file():
        raise PluginError(f"mkdocs.yml: extra.editions lists {language!r}, but {settings.name} does not exist; "
                          "add it (mkdocs.es.yml shows how) or remove the language from the list.")
    edition = load_config(str(settings), site_dir=str(site_dir(config, language)), strict=config.strict)
    with state.edition_build():
        edition.plugins.on_startup(command=command or "build", dirty=False)
        try:
            build(edition, serve_url=None)
        finally:
            edition.plugins.on_shutdown()
