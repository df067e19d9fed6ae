"""MkDocs event once the English site is written: build each other edition into its folder of it."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from mbc_guide.build import editions, state


@event_priority(-200)  # last: after the English site's search index, service worker and offline copy
def on_post_build(*, config: MkDocsConfig) -> None:
    """Build each edition of extra.editions (mkdocs.es.yml for "es") into site/es/."""
    build = state.current()
    for language in build.settings.editions:
        editions.build_edition(config, language, build.command)
