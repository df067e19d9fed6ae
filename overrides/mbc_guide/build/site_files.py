"""The files a build publishes: only checked files of docs/, never the build's own code, plus what the build makes."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from mbc_guide.build.state import Build
from mbc_guide.data.reviews import Reviews
from mbc_guide.html import content_policy
from mbc_guide.pages import generated_pages, whats_new, whole_guide
from mbc_guide.paths import REVIEWS_FILE
from mbc_guide.publish import feed, minify_assets, offline_shim, web_app

BUILD_ONLY = ("hooks/", "mbc_guide/")  # folders of overrides/ that hold build code, never published


def keep_checked_files(files: Files, docs: Path) -> list[str]:
    """Drop the build's code and every file of docs/ the content policy refuses; the messages for those refused."""
    refused = []
    for file in list(files):
        if file.src_uri.startswith(BUILD_ONLY) and not Path(file.abs_src_path or "").is_relative_to(docs):
            files.remove(file)
            continue
        if not file.abs_src_path:
            continue
        if os.path.islink(file.abs_src_path):
            raise PluginError(f"docs/{file.src_uri} is a symbolic link; put the real file in docs/ instead.")
        problem = Path(file.abs_src_path).is_relative_to(docs) and content_policy.file_problem(file.src_uri)
        if problem:
            refused.append(f"docs/{file.src_uri}: {problem}.")
            files.remove(file)
    return refused


def read_translations(files: Files, docs: Path, language: str) -> None:
    """In a translated edition, read each page from docs/<language>/ in place of its English one; leave out a page
    not yet translated, so a reader never gets an English page in its place (the reviewer's report lists it)."""
    if language == "en":
        return
    for file in files.documentation_pages():
        translated = docs / language / file.src_uri
        if translated.is_file():
            file.abs_src_path = str(translated)
        else:
            files.remove(file)


def robots_txt(site_url: str) -> str:
    """robots.txt for the hosted site: every page may be read, and where the sitemap is."""
    return ("# Every page may be read by search engines. Crawlers read robots.txt at the root of a host.\n"
            f"User-agent: *\nDisallow:\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n")


def add_made_files(files: Files, build: Build) -> None:
    """Add the generated pages, robots.txt, the PDF, the app's files and the offline shim; minify the site's own."""
    config = build.config
    made = generated_pages.generated(build.inventory, build.glossary, build.words)
    titles = whats_new.page_titles(Path(config.docs_dir), made, build.language)
    sources = [source.id for source in build.inventory.sources.values() if not source.names_only]
    reviews = build.reviews or Reviews({}, build.data_dir / REVIEWS_FILE.name)
    made.append((whats_new.WHATS_NEW_PAGE, whats_new.whats_new_markdown(reviews, titles, sources, build.words),
                 "data/reviews.yml"))
    for src_uri, content, data_file in made:
        if files.get_file_from_path(src_uri):
            raise PluginError(f"docs/{src_uri} is built from data; delete the hand-written file and edit {data_file}.")
        page = File.generated(config, src_uri, content=content)
        page.edit_uri = f"../{data_file}"
        files.append(page)
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    if build.language == "en":  # a translated edition's What's new points at the English notes: no feed of its own
        files.append(File.generated(config, whats_new.FEED, content=feed.atom_feed(
            reviews, titles, urls, config.site_url or "http://localhost/", config.site_name,
            urls[whats_new.WHATS_NEW_PAGE])))
    if config.site_url and build.hosted:
        files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    if build.offline:
        offline_shim.add_shim_files(files, config)
    if build.pdf:
        files.append(File.generated(config, whole_guide.PDF_PATH, abs_src_path=str(build.pdf)))
    web_app.add_app_files(files, config, build.settings.app, manifest=build.hosted,
                          service_worker=build.service_worker)
    minify_assets.minify(files, config)
