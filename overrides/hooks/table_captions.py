"""Give every table a caption, written in Markdown as a "Table: ..." line just above it.

Python-Markdown's tables have no caption syntax, so pages write one the way
Pandoc does:

    Table: What each test result can mean

    | Result | What it can mean |
    ...

This hook moves that paragraph into the table as its <caption>, which screen
readers announce with the table. A table without one is a warning, so the
strict build fails and names the page. The HTML is read with html_edit's parser.
"""
from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from html_edit import scan, splice

log = get_plugin_logger(__name__)
PREFIX = "Table:"


def add_captions(html: str) -> tuple[str, int]:
    """Move each "Table: ..." paragraph that comes just before a table into it; return (html, tables left without one)."""
    tokens = scan(html)
    edits, uncaptioned = [], 0
    for index, token in enumerate(tokens):
        if token.kind != "start" or token.tag != "table":
            continue
        caption = _caption_before(tokens, index, html)
        if caption is None:
            uncaptioned += 1
            continue
        paragraph_start, paragraph_end, inner = caption
        edits.append((paragraph_start, paragraph_end, ""))
        edits.append((token.end, token.end, f"<caption>{inner}</caption>"))
    return splice(html, edits), uncaptioned


def _caption_before(tokens, index, html):
    """(start, end, caption HTML) of the "Table: ..." paragraph right before tokens[index], or None."""
    before = index - 1
    while before >= 0 and tokens[before].kind == "text" and not tokens[before].text.strip():
        before -= 1
    if before < 0 or tokens[before].kind != "end" or tokens[before].tag != "p":
        return None
    opening = before - 1
    while opening >= 0 and not (tokens[opening].kind == "start" and tokens[opening].tag == "p"):
        opening -= 1
    if opening < 0:
        return None
    inner = html[tokens[opening].end:tokens[before].start].strip()
    if not inner.startswith(PREFIX):
        return None
    return tokens[opening].start, tokens[before].end, inner.removeprefix(PREFIX).strip()


def on_page_content(html: str, *, page, config, files) -> str:
    """Caption the page's tables; warn (failing the strict build) about any table without a caption."""
    html, uncaptioned = add_captions(html)
    if uncaptioned:
        log.warning(f"docs/{page.file.src_uri}: {uncaptioned} table(s) without a caption; write "
                    f"'{PREFIX} what the table shows' on its own line just above each table, with a blank line between.")
    return html
