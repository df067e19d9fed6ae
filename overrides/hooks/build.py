"""MkDocs events that set up a build: its state, its messages, its data and its files."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from mbc_guide.build import state
from mbc_guide.checks import coverage_report, rendering
from mbc_guide.data.errors import DataError
from mbc_guide.html import content_policy
from mbc_guide.messages import build_log
from mbc_guide.pages import generated_pages, whole_guide
from mbc_guide.publish import minify_assets, offline_shim, web_app

log = get_plugin_logger(__name__)
BUILD_ONLY = ("hooks/", "mbc_guide/")  # folders of overrides/ that hold build code, never published


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
    render = rendering.renderer(config.markdown_extensions, config.mdx_configs)
    try:
        build.coverage = coverage_report.check_site(Path(config.docs_dir), inventory=build.inventory,
                                                    glossary=build.glossary, render=render, all_pages=False)
    except DataError as err:
        raise PluginError(str(err)) from None
    for finding in build.coverage.errors:
        if finding.kind in ("coverage", "respelling", "brand"):
            where = finding.file or f"docs/{finding.page}"
            log.warning(f"{where}{f':{finding.line}' if finding.line else ''}: coverage gap on {finding.page}: "
                        f"{finding.message}; fix: {finding.fix} (run `make validate` for the full report)")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check docs/ files, then add the generated pages and the files the published site needs."""
    build = state.current()
    docs = Path(config.docs_dir)
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
            log.warning(f"docs/{file.src_uri}: {problem}.")
            files.remove(file)
    build.theme = content_policy.theme_ids(config.theme.dirs, docs)
    for src_uri, content, data_file in generated_pages.generated(build.inventory, build.glossary):
        if files.get_file_from_path(src_uri):
            raise PluginError(f"docs/{src_uri} is built from data; delete the hand-written file and edit {data_file}.")
        page = File.generated(config, src_uri, content=content)
        page.edit_uri = f"../{data_file}"
        files.append(page)
    if config.site_url and build.hosted:
        files.append(File.generated(config, "robots.txt", content=(
            "# Every page may be read by search engines. Crawlers read robots.txt at the root of a host.\n"
            f"User-agent: *\nDisallow:\n\nSitemap: {urljoin(config.site_url, 'sitemap.xml')}\n")))
    build.page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    if build.offline:
        offline_shim.add_shim_files(files, config)
    if build.pdf:
        files.append(File.generated(config, whole_guide.PDF_PATH, abs_src_path=str(build.pdf)))
    web_app.add_app_files(files, config, build.settings.app, manifest=build.hosted,
                          service_worker=build.service_worker)
    minify_assets.minify(files, config)
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Keep the theme's templates for the page steps; give them what the installable app needs."""
    build = state.current()
    build.env = env
    env.globals["mbc_app"] = web_app.template_globals(build.settings.app, build.date, manifest=build.hosted,
                                                      service_worker=build.service_worker)
    return env


def on_build_error(*, error: Exception) -> None:
    """After a failed build or deploy, remove what it had written, so nothing refused can be published."""
    build = state.current()
    if build.command in ("build", "gh-deploy"):
        shutil.rmtree(build.config.site_dir, ignore_errors=True)
        log.info(f"The build failed, so {build.config.site_dir} was removed: nothing from it can be published.")
