"""Offline build: serve the iframe-worker shim from the site itself, never from a CDN.

Material's `offline` plugin makes search work from file:// with the
`iframe-worker` shim, but adds it as https://unpkg.com/iframe-worker/shim
unless `extra.polyfills` already has a URL containing "iframe-worker". When
the offline plugin is enabled (OFFLINE=true, as scripts/offline.py sets), this
hook's on_config runs first and adds the local copy SHIM_PATH; on_files copies
node_modules/iframe-worker/shim/index.js (pinned in package.json, installed by
`npm ci`) there, with the package's MIT licence beside it. The normal build is
left untouched.

It also resolves raw-HTML links written as href="site:PATH" (e.g. the offline
zip, which MkDocs' link check cannot see because it is not in docs/): to a
page-relative URL online, and to the published URL (site_url + PATH) in the
offline copy, which does not contain the zip itself.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

import content_policy
from html_tree import elements, parse_fragment, to_html

SHIM_PATH = "assets/javascripts/iframe-worker/shim.js"
LICENSE_PATH = "assets/javascripts/iframe-worker/LICENSE"
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
MISSING_SHIM = ("node_modules/iframe-worker is missing; run `npm ci` in the repository root, "
                "then build the offline copy again.")


def offline_enabled(config) -> bool:
    """True when Material's offline plugin is configured and enabled."""
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.enabled)


def shim_source(config) -> Path:
    """Path of the installed shim, next to mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / SHIM_SOURCE


@event_priority(100)  # before the offline plugin's on_config (priority 0)
def on_config(config):
    """In offline mode, put the local shim in extra.polyfills so no CDN one is added."""
    if not offline_enabled(config):
        return config
    if not shim_source(config).is_file():
        raise PluginError(MISSING_SHIM)
    polyfills = list(config.extra.get("polyfills") or [])
    if SHIM_PATH not in polyfills:
        polyfills.append(SHIM_PATH)
    config.extra["polyfills"] = polyfills
    return config


def on_files(files, *, config):
    """In offline mode, add the shim and its licence from node_modules to the built site."""
    if offline_enabled(config):
        shim = shim_source(config)
        files.append(File.generated(config, SHIM_PATH, abs_src_path=str(shim)))
        files.append(File.generated(config, LICENSE_PATH, abs_src_path=str(shim.parents[1] / "LICENSE")))
    return files


def resolve_site_links(html: str, page_url: str, site_url: str | None, offline: bool) -> str:
    """Rewrite href="site:PATH" to PATH relative to the page, or to site_url + PATH offline.

    Only a plain path of this site is resolved (content_policy.site_path); any other site: address, which
    the content policy refuses, loses its href, so it can never become another address.
    """
    tree = parse_fragment(html)
    changed = False
    for link in elements(tree):
        href = link.attrs.get("href") or ""
        if link.tag == "a" and content_policy.url_scheme(href) == "site":
            path = content_policy.site_path(href)
            if path is None:
                del link.attrs["href"]
            else:
                link.attrs["href"] = (f"{site_url.rstrip('/')}/{path}" if offline and site_url
                                      else get_relative_url(path, page_url))
            changed = True
    return to_html(tree) if changed else html


def on_page_content(html: str, *, page, config, files) -> str:
    """Resolve the page's site: links."""
    return resolve_site_links(html, page.url, config.site_url, offline_enabled(config))
