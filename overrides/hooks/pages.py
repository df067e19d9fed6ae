"""MkDocs events for each page: its front matter, its Markdown, its body and its template context."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mbc_guide.build import pipeline, state
from mbc_guide.checks import coverage_figures, translation
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import (
    FRONT_MATTER,
    MAX_PAGE_BYTES,
    meta_line,
    own_templates,
    page_meta_problems,
    page_title,
    shown_meta,
    split_page,
)
from mbc_guide.pages import (
    generated_pages,
    mentions,
    page_record,
    report_link,
    share_metadata,
    whole_guide,
)
from mbc_guide.publish import csp

log = get_plugin_logger(__name__)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Refuse an oversized page, and read its front matter safely before MkDocs does."""
    path = page.file.abs_src_path
    if not path:
        return None
    size = os.path.getsize(path)
    if size > MAX_PAGE_BYTES:
        raise PluginError(f"{pipeline.page_source(page, Path(config.docs_dir))} is {size:,} bytes, over the limit "
                          f"of {MAX_PAGE_BYTES:,}; split it into shorter pages.")
    text = page.file.content_string
    try:
        split_page(page.file.src_uri, text, Path(path))
    except DataError as err:
        log.warning(str(err))
        match = FRONT_MATTER.match(text.removeprefix("\ufeff"))
        return text.removeprefix("\ufeff")[match.end():] if match else text  # MkDocs never reads it
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the front matter, give the theme only what passed, and fill the page's markers."""
    build = state.current()
    meta = page.meta
    if page.file.abs_src_path:  # a file in docs/ (generated pages are built from checked data)
        try:
            meta = split_page(page.file.src_uri, page.file.content_string, Path(page.file.abs_src_path)).meta
        except DataError:
            meta = {}  # reported by on_page_read_source
    editions, told = build.edition_links(page.file.src_uri, page.url), None
    if build.language != "en":  # a translated page says what it is, and takes its English page's review dates
        english_link = next((link for link in editions if link.language == "en"), None)
        status = build.translations.get(page.file.src_uri)
        if page.file.abs_src_path:
            told = translation.reader_record(meta, status, english_link)
            english = Path(config.docs_dir) / page.file.src_uri
            meta = translation.edition_meta(meta, split_page(page.file.src_uri,
                                                             english.read_text(encoding="utf-8")).meta)
        else:  # made from data: data/es.yml records when its words were brought up to date
            made = build.words.names.made_pages.get(page.file.src_uri)
            told = translation.reader_record({"translated": made.translated} if made else {}, status, english_link,
                                             made_from_data=True)
    templates = own_templates(Path(config.theme.custom_dir)) if config.theme.custom_dir else frozenset()
    errors, warnings = page_meta_problems(meta, build.inventory, dt.date.today(), templates)
    for message in errors:
        log.warning(f"{_where(page, meta, message.key, config)}: the page {message}")
    for message in warnings:
        log.info(f"{_where(page, meta, message.key, config)}: the page {message}")
    page.meta = shown_meta(meta, errors)
    # A translated page shows no English notes of what changed: the notice at its top says when its English page did.
    reviews = build.reviews and build.language == "en" and build.reviews.pages.get(page.file.src_uri)
    page.meta["page_record"] = page_record.page_record(meta, errors, warnings, build.inventory, reviews or None)
    if told:
        page.meta["translation"] = told
    page.meta["editions"] = editions
    reviewed = page.meta.get("reviewed")
    if isinstance(reviewed, dt.date):
        page.update_date = reviewed.isoformat()  # the sitemap's date
    if build.offline:
        page.canonical_url = share_metadata.hosted_url(page.file.src_uri, config.site_url)
    if page.file.src_uri == coverage_figures.ABOUT_PAGE:
        markdown, messages = coverage_figures.fill_about_page(markdown, build.coverage, build.words)
        for message in messages:
            log.warning(message)
    return whole_guide.fill_pdf_marker(markdown, page.file.src_uri, build.pdf, build.words)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Run the page steps (mbc_guide.build.pipeline) over the page body; report what they find."""
    html, messages = pipeline.run_steps(html, page, state.current(), files)
    for message in messages:
        log.warning(message)
    return html


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the templates the share tags and report link; fill the glossary's and whole guide's lists."""
    build = state.current()
    context["share"] = share_metadata.share_context(page, config, build.settings.metadata, build.inventory)
    if page.file.src_uri == generated_pages.GLOSSARY_PAGE:
        page.content = mentions.fill_mentions(page.content, lambda anchor: [
            (get_relative_url(p.url, page.url), page_title(p)) for p in build.mentions.get(anchor, [])])
    build.theme_scripts[page.file.src_uri] = csp.theme_scripts(build.env, build.script_partials, context)
    if config.repo_url:
        page.meta["report"] = report_link.report_for(page, config, offline=build.offline)
    if page.file.src_uri == whole_guide.GUIDE_PAGE:
        for message in whole_guide.fill_guide(page, nav.pages, config, build.env):
            log.warning(message)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """Note the theme's scripts for a page built from a template alone (404.html)."""
    build = state.current()
    build.theme_scripts[template_name] = csp.theme_scripts(build.env, build.script_partials, context)
    return context


def _where(page: Page, meta: dict, key: str, config: MkDocsConfig) -> str:
    line = meta_line(meta, key)
    return pipeline.page_source(page, Path(config.docs_dir)) + (f":{line}" if line else "")
