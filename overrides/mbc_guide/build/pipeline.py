"""The changes made to every page body, as one ordered list of steps over one parse of the page."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from selectolax.lexbor import LexborHTMLParser

from mbc_guide.build.state import Build
from mbc_guide.html import (
    content_policy,
    external_links,
    screen_reader_text,
    standalone_links,
    table_captions,
    task_list,
)
from mbc_guide.html.tree import parse_fragment, to_html
from mbc_guide.pages.generated_pages import GLOSSARY_PAGE
from mbc_guide.publish.offline_shim import resolve_site_links


def page_source(page: Page, docs_dir: Path) -> str:
    """A page's file, as messages name it: docs/es/... for a translated page, which is read from there."""
    source = page.file.abs_src_path
    if source and Path(source).is_relative_to(docs_dir):
        return f"docs/{Path(source).relative_to(docs_dir).as_posix()}"
    return f"docs/{page.file.src_uri}"


@dataclass(frozen=True)
class PageBody:
    """The page a step works on, with its parsed body, its source and the build it belongs to."""

    page: Page
    tree: LexborHTMLParser
    build: Build
    files: Files

    @property
    def where(self) -> str:
        """The page's file, as messages name it."""
        return page_source(self.page, Path(self.build.config.docs_dir))


@dataclass(frozen=True)
class Step:
    """One change to every page body, and the steps that must have run before it."""

    name: str
    run: Callable[[PageBody], list[str] | None]
    after: tuple[str, ...] = ()


class StepOrderError(Exception):
    """The steps are listed in an order that breaks what one of them needs."""


def check_content(body: PageBody) -> list[str]:
    """Refuse what the content policy does not allow, naming the page and line (see SECURITY.md)."""
    source = body.page.file.content_string if body.page.file.abs_src_path else ""
    messages = []
    for violation in content_policy.check_tree(body.tree, body.build.theme):
        line = content_policy.line_of(source, violation.clue) if source else None
        where = body.where + (f":{line}" if line else "")
        messages.append(f"{where}: {violation.what} is not allowed on a page; remove it. "
                        f"{content_policy.ALLOWED_SUMMARY[0].upper()}{content_policy.ALLOWED_SUMMARY[1:]} "
                        "(see SECURITY.md).")
    return messages


def mark_glossary_names(body: PageBody) -> None:
    """Link each glossary entry's first mention to its entry, and note the page as mentioning it."""
    if body.page.file.src_uri == GLOSSARY_PAGE:
        return
    glossary_file = body.files.get_file_from_path(GLOSSARY_PAGE)
    base = get_relative_url(glossary_file.url, body.page.url)
    for entry in body.build.marker.mark(body.tree, lambda entry: f"{base}#{entry.anchor}"):
        body.build.mentions.setdefault(entry.anchor, []).append(body.page)


def resolve_site_addresses(body: PageBody) -> None:
    """Turn href="site:PATH" into the address of that file of the site."""
    resolve_site_links(body.tree, body.page.url, body.build.config.site_url, body.build.offline)


def open_external_links_safely(body: PageBody) -> None:
    """Give links to other hosts rel="noopener noreferrer"."""
    external_links.add_rel(body.tree)


def hide_checklist_boxes(body: PageBody) -> None:
    """Hide the paper checklist's tick boxes from screen readers."""
    task_list.hide_boxes(body.tree)


def keep_screen_reader_text_out_of_search(body: PageBody) -> None:
    """Leave text for screen readers only (how to say a name) out of the search index and its result snippets."""
    screen_reader_text.keep_out_of_search(body.tree)


def caption_tables(body: PageBody) -> list[str]:
    """Make each "Table: ..." line the caption of the table below it; report tables without one."""
    uncaptioned = table_captions.add_captions(body.tree)
    if not uncaptioned:
        return []
    return [f"{body.where}: {uncaptioned} table(s) without a caption; write '{table_captions.PREFIX} what the table "
            "shows' on its own line just above each table, with a blank line between."]


def mark_standalone_links(body: PageBody) -> None:
    """Mark links that stand alone in a list item or paragraph, for a 44 px target."""
    standalone_links.mark(body.tree)


PAGE_STEPS = (
    Step("check content", check_content),
    Step("mark glossary names", mark_glossary_names, after=("check content",)),
    Step("resolve site addresses", resolve_site_addresses, after=("check content",)),
    Step("open external links safely", open_external_links_safely, after=("resolve site addresses",)),
    Step("hide checklist boxes", hide_checklist_boxes, after=("check content",)),
    Step("keep screen-reader text out of search", keep_screen_reader_text_out_of_search, after=("check content",)),
    Step("caption tables", caption_tables, after=("check content",)),
    Step("mark standalone links", mark_standalone_links, after=("mark glossary names", "resolve site addresses")),
)


def check_order(steps: tuple[Step, ...]) -> None:
    """Refuse steps listed before a step they must come after."""
    seen: set[str] = set()
    for step in steps:
        missing = [name for name in step.after if name not in seen]
        if missing:
            raise StepOrderError(f"the page step '{step.name}' must come after '{missing[0]}'; "
                                 f"move it below '{missing[0]}' in PAGE_STEPS (mbc_guide/build/pipeline.py).")
        seen.add(step.name)


def run_steps(html: str, page: Page, build: Build, files: Files,
              steps: tuple[Step, ...] = PAGE_STEPS) -> tuple[str, list[str]]:
    """The page body after every step, parsed once, and the steps' messages."""
    check_order(steps)
    body = PageBody(page, parse_fragment(html), build, files)
    messages: list[str] = []
    for step in steps:
        messages += step.run(body) or []
    return to_html(body.tree), messages
