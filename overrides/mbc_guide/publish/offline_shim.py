"""The offline copy's iframe-worker shim, served from the site itself, never from a CDN; and site: links resolved.

Material's offline plugin adds the shim from unpkg.com unless `extra.polyfills` already names an iframe-worker,
so the copy installed by `npm ci` goes there.
"""
from __future__ import annotations

import functools
import json
import shutil
import string
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html import content_policy
from mbc_guide.html.tree import elements, parse_document

SHIM_PATH = "assets/javascripts/iframe-worker/shim.js"
LICENSE_PATH = "assets/javascripts/iframe-worker/LICENSE"
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
MISSING_SHIM = ("node_modules/iframe-worker is missing; run `npm ci` in the repository root, "
                "then build the offline copy again.")
FRAME_WRITER = Path(__file__).with_name("shim_frame.js")
# The shim pastes the worker's URL into its frame's script unescaped, inside a "..." string.
WORKER_URL_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~/#")
NO_NODE = ("Node.js is needed to build the offline copy (it reads the script the iframe-worker shim writes, "
           "to allow it by hash); install Node.js, which `npm ci` needs too, then build again.")


def use_local_shim(config) -> None:
    """Put the local shim in extra.polyfills, so Material's offline plugin adds no CDN one."""
    if not shim_source(config).is_file():
        raise PluginError(MISSING_SHIM)
    polyfills = list(config.extra.get("polyfills") or [])
    if SHIM_PATH not in polyfills:
        polyfills.append(SHIM_PATH)
    config.extra["polyfills"] = polyfills


def add_shim_files(files: Files, config) -> None:
    """Add the shim and its licence, from node_modules, to the offline copy."""
    shim = shim_source(config)
    files.append(File.generated(config, SHIM_PATH, abs_src_path=str(shim)))
    files.append(File.generated(config, LICENSE_PATH, abs_src_path=str(shim.parents[1] / "LICENSE")))


def shim_source(config) -> Path:
    """Path of the installed shim, next to mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / SHIM_SOURCE


def resolve_site_links(tree: LexborHTMLParser, page_url: str, site_url: str | None, offline: bool) -> None:
    """Rewrite href="site:PATH" to PATH relative to the page, or to site_url + PATH offline.

    Any site: address that is not a plain path loses its href, so it can never become another address.
    """
    for link in elements(tree):
        href = link.attrs.get("href") or ""
        if link.tag == "a" and content_policy.url_scheme(href) == "site":
            path = content_policy.site_path(href)
            if path is None:
                del link.attrs["href"]
            else:
                link.attrs["href"] = (f"{site_url.rstrip('/')}/{path}" if offline and site_url
                                      else get_relative_url(path, page_url))


@functools.cache
def frame_script(shim: Path, worker: str) -> str:
    """The inline script the shim writes into its frame for this worker, exactly: the shim is run with Node.js."""
    if not worker or not set(worker) <= WORKER_URL_CHARACTERS:
        raise PluginError(f"the theme's __config names the search worker {worker!r}, which the iframe-worker "
                          "shim would paste into a script as it is: it may hold only letters, digits and -._~/#. "
                          "Check overrides/main.html ({% block config %}).")
    node = shutil.which("node")
    if node is None:
        raise PluginError(NO_NODE)
    run = subprocess.run([node, str(FRAME_WRITER), str(shim), worker], capture_output=True, text=True, timeout=60)
    try:
        documents = json.loads(run.stdout) if run.returncode == 0 else []
    except ValueError:
        documents = []
    scripts = [script.text(deep=True) for document in documents
               for script in parse_document(document).css("script:not([src])")]
    if len(scripts) != 1:
        problem = run.stderr.strip().splitlines()[-1:] or ["no script found"]
        raise PluginError(f"{SHIM_SOURCE} no longer writes one inline script into its frame ({problem[0]}); check "
                          "overrides/mbc_guide/publish/shim_frame.js against the iframe-worker version in package.json.")
    return scripts[0]
