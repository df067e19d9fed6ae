"""Fail the strict build when a page carries HTML the content policy refuses, or docs/ holds an unchecked file.

Every page's rendered HTML, generated pages included, is parsed and checked
against the allowlist in content_policy.py before any other hook changes it
(so this hook is listed first among those that read page content). Each
problem is a warning naming the page and line, so `mkdocs build --strict` fails.
Symbolic links in docs/ stop the build; any other file of docs/ that the policy
does not allow (content_policy.file_problem: an .html, .svg or .js file that is
not one of the site's own listed assets, ...) is a warning and is left out of
the site, so even a build that is not strict never publishes it.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import content_policy

log = get_plugin_logger(__name__)
_state: dict = {}


def on_files(files, *, config):
    """Refuse symbolic links in docs/ and files a browser would run unchecked; learn the theme's ids."""
    docs = Path(config.docs_dir)
    for file in list(files):
        if not file.abs_src_path:
            continue
        if os.path.islink(file.abs_src_path):
            raise PluginError(f"docs/{file.src_uri} is a symbolic link; put the real file in docs/ instead.")
        problem = Path(file.abs_src_path).is_relative_to(docs) and content_policy.file_problem(file.src_uri)
        if problem:
            log.warning(f"docs/{file.src_uri}: {problem}.")
            files.remove(file)
    _state["theme"] = content_policy.theme_ids(config.theme.dirs, docs)
    return files


def on_page_content(html: str, *, page, config, files) -> str:
    """Check the page's HTML; report each refused element, attribute, address or comment."""
    violations = content_policy.check_html(html, _state["theme"])
    if violations:
        source = page.file.content_string if page.file.abs_src_path else ""
        for violation in violations:
            line = content_policy.line_of(source, violation.clue) if source else None
            where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
            log.warning(f"{where}: {violation.what} is not allowed on a page; remove it. "
                        f"{content_policy.ALLOWED_SUMMARY[0].upper()}{content_policy.ALLOWED_SUMMARY[1:]} "
                        "(see SECURITY.md).")
    return html
