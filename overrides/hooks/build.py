"""MkDocs events that set up a build: its state, its messages, its data and its files."""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from mbc_guide.build import site_files, state
from mbc_guide.checks import coverage_figures, coverage_report, rendering, reviewed_text
from mbc_guide.data.errors import DataError
from mbc_guide.html import content_policy
from mbc_guide.messages import build_log
from mbc_guide.paths import display_path
from mbc_guide.publish import csp, offline_shim, web_app

log = get_plugin_logger(__name__)


def on_startup(*, command: str, dirty: bool) -> None:
    """Note which command runs: `mkdocs serve` gets no service worker, a failed `build` leaves no site."""
    state.note_command(command)


@event_priority(100)  # before Material's offline plugin reads extra.polyfills (priority 0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start the build's state from mkdocs.yml; point messages at files and lines; the offline shim."""
    build = state.start(config)
    build_log.attach(config)
    if build.offline:
        offline_shim.use_local_shim(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Load the data, then check coverage before any page is built (each gap fails the strict build)."""
    build = state.current()
    build.load_data()
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = build.words["permalink_title"]
    render = rendering.renderer(config.markdown_extensions, config.mdx_configs)
    try:
        build.coverage = coverage_report.check_site(Path(config.docs_dir), inventory=build.inventory,
                                                    glossary=build.glossary, render=render, all_pages=False)
    except DataError as err:
        raise PluginError(str(err)) from None
    for message in coverage_figures.gap_messages(build.coverage):
        log.warning(message)
    if build.reviews is not None:
        for problem in reviewed_text.site_problems(Path(config.docs_dir), build.inventory, build.glossary,
                                                   build.reviews, render):
            log.warning(f"{display_path(problem.file)}:{problem.line}: {problem.message}")
    if build.language != "en":  # a translated edition: each page against its English page
        for problem in build.check_translations(render):
            log.warning(f"{display_path(problem.file)}:{problem.line}: {problem.message}")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Keep only checked files of docs/, then add the generated pages and the files the published site needs."""
    build = state.current()
    docs = Path(config.docs_dir)
    for message in site_files.keep_checked_files(files, docs):
        log.warning(message)
    site_files.read_translations(files, docs, build.language)
    build.theme = content_policy.theme_ids(config.theme.dirs, docs)
    site_files.add_made_files(files, build)
    build.page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Keep the theme's templates for the page steps; give them what the installable app needs."""
    build = state.current()
    build.env = env
    build.script_partials = csp.script_partials(env)
    env.globals["mbc_text"] = build.words.interface  # the interface's words in the edition's language
    env.filters["mbc_date"] = build.words.date
    env.globals["mbc_app"] = web_app.template_globals(build.settings.app, build.date, manifest=build.hosted,
                                                      service_worker=build.service_worker)
    return env


def on_build_error(*, error: Exception) -> None:
    """After a failed build or deploy, remove what it had written, so nothing refused can be published."""
    build = state.current()
    if build.command in ("build", "gh-deploy"):
        shutil.rmtree(build.config.site_dir, ignore_errors=True)
        log.info(f"The build failed, so {build.config.site_dir} was removed: nothing from it can be published.")
