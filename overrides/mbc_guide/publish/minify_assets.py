"""Serve the site's own stylesheet and scripts minified, so a first visit downloads less.

docs/assets/ keeps the readable, commented files; in the build each of the
site's own .css and .js files (those in docs/, not the theme's, which come
minified, nor generated ones such as the offline shim) is replaced by its
minified text, made by rcssmin and rjsmin (pinned in requirements.txt). The
minifiers only drop comments and spaces, so the code that runs is the same.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import File, Files

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify(files: Files, config) -> None:
    """Swap each of the site's own stylesheets and scripts (under docs/) for a minified copy."""
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        minifier = MINIFIERS.get(Path(file.src_uri).suffix)
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if minifier is None or source is None or not source.is_relative_to(docs):
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minifier(source.read_text(encoding="utf-8"))))
