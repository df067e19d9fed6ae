"""MkDocs events for each finished page: one parse for the theme's fixes and the Content-Security-Policy."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mbc_guide.build import state
from mbc_guide.build.document import finish_page


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Finish every page built from Markdown."""
    return finish_page(output, state.current(), page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Finish the pages built from a theme template alone (404.html); the sitemap is not HTML."""
    if not template_name.endswith(".html"):
        return output_content
    return finish_page(output_content, state.current(), template_name)
