"""MkDocs events once every file is written: the search index's readers' words, then the service worker."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from mbc_guide.build import state
from mbc_guide.publish import web_app
from mbc_guide.search.readers_words import search_words_file
from mbc_guide.search.search_index import enrich_site_index


@event_priority(-50)  # after Material's search plugin (0) writes the index, before the offline plugin (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Add readers' words to the search index; then list every file, with its hash, in the service worker."""
    build = state.current()
    site = Path(config.site_dir)
    enrich_site_index(site, build.search_config, build.inventory, build.words.entries(build.glossary),
                      build.page_urls, build.data_dir / search_words_file(build.language), build.language,
                      {note: build.words[f"search_{note}"] for note in ("showing", "none", "maybe", "pages")})
    if build.service_worker:
        web_app.write_service_worker(site, build.date, build.language)
