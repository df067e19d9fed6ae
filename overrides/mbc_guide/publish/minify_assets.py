"""Publish the site's own stylesheets and scripts (those in docs/) minified; docs/assets/ keeps the readable ones."""
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
