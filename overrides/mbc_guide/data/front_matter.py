"""A page's front matter: the keys a page may have, read as MkDocs reads them and checked."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markupsafe
from mkdocs.utils import meta as mkdocs_meta

from mbc_guide.data.errors import DataError
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.yaml_lines import YamlMapping, parse_yaml
from mbc_guide.paths import OVERRIDES_DIR
from mbc_guide.text.characters import invisible_characters

# Front matter as MkDocs finds it (mkdocs.utils.meta): "---", YAML lines, then "---" or "...".
FRONT_MATTER = mkdocs_meta.YAML_RE
OPENING = re.compile(r"---[ \t]*\n")
MAX_PAGE_BYTES = 500_000  # a page; the longest today is about 6 kB


@dataclass(frozen=True)
class Page:
    """A Markdown page: its path inside docs/, front matter and body."""

    path: str
    meta: dict
    body: str
    body_line: int = 1  # the line of the file the body starts on


def read_page(docs_dir: Path, path: Path) -> Page:
    """Read a page and its front matter, as MkDocs does (UTF-8, a byte-order mark ignored)."""
    rel = path.relative_to(docs_dir).as_posix()
    if path.is_symlink():
        raise DataError(path, None, "the page is a symbolic link; put the real file in docs/ instead.")
    if not path.is_file():
        raise DataError(path, None, "this is a folder, not a page, but its name ends in .md; rename the folder.")
    if path.stat().st_size > MAX_PAGE_BYTES:
        raise DataError(path, None, f"the page is {path.stat().st_size:,} bytes, over the limit of "
                        f"{MAX_PAGE_BYTES:,}; split it into shorter pages.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[:err.start].count(b"\n") + 1
        raise DataError(path, line, "the page is not UTF-8 text; save it as UTF-8 in your editor.") from None
    except OSError as err:
        raise DataError(path, None, f"cannot read the page ({err.strerror}); check the file.") from None
    return split_page(rel, text, path)


def split_page(rel_path: str, text: str, path: Path | None = None) -> Page:
    """Split Markdown text into front matter and body, finding the block as MkDocs does."""
    where = path or Path(rel_path)
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        if OPENING.match(text):
            lines = text.splitlines()[1:]
            if any(line.rstrip() in ("---", "...") for line in lines):
                raise DataError(where, 1, "the front matter block is empty; write its sources, reviewed and "
                                "next_review lines between the two --- lines.")
            raise DataError(where, 1, "the front matter block that starts here is never closed; "
                            "add a line with only --- after its last line.")
        return Page(rel_path, {}, text)
    meta = parse_yaml(match.group(1), where, first_line=2)
    if meta is None:
        meta = YamlMapping()
        meta.line = 0
    if not isinstance(meta, dict):
        raise DataError(where, 2, "front matter must be key: value lines.")
    return Page(rel_path, meta, text[match.end():], text.count("\n", 0, match.end()) + 1)


class MetaProblem(str):
    """A message about a page's front matter, which remembers the front matter key it concerns."""

    key: str

    def __new__(cls, key: str, message: str) -> MetaProblem:
        problem = super().__new__(cls, message)
        problem.key = key
        return problem


# Every front matter key a page may use, and what it holds: stated once, checked by the validator and
# the build alike. Anything else is refused, so nothing a pull request writes there reaches the theme
# unchecked (Material prints `subtitle`, `author` and others as raw HTML, and honours `template`).
FRONT_MATTER_KEYS = {
    "title": "the page's title: plain text",
    "description": "one plain sentence for search engines and share cards",
    "sources": "the ids of the page's sources in data/sources.yml, as a list",
    "reviewed": "the date the page was last checked against its sources (YYYY-MM-DD)",
    "next_review": "the date its next review is due (YYYY-MM-DD), at most two years after `reviewed`",
    "search": "search settings: `boost:` a number from 0.1 to 10, or `exclude: true`",
    "hide": "parts of the page to hide: a list of navigation, toc, footer",
    "template": "one of the site's own page templates in overrides/",
}
TEXT_LIMITS = {"title": 120, "description": 300}  # characters
HIDEABLE = ("navigation", "toc", "footer")
SEARCH_BOOST = (0.1, 10)
MAX_REVIEW_GAP_YEARS = 2
MARKUP_CHARACTERS = "<>"  # a title or description is plain text


def own_templates(overrides: Path = OVERRIDES_DIR) -> frozenset[str]:
    """The page templates the site itself ships (the .html files at the top of overrides/)."""
    return frozenset(path.name for path in overrides.glob("*.html"))


def page_meta_problems(meta: dict, inventory: Inventory, today: dt.date,
                       templates: frozenset[str] | None = None) -> tuple[list[MetaProblem], list[MetaProblem]]:
    """Return (errors, warnings) about a page's front matter, each with its fix."""
    errors: list[MetaProblem] = []
    warnings: list[MetaProblem] = []
    templates = own_templates() if templates is None else templates
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            errors.append(MetaProblem(key, f"has the front matter key {str(key)[:40]!r}, which this site does not use; "
                                      f"remove it (the keys a page may have: {', '.join(FRONT_MATTER_KEYS)})."))
    for key in TEXT_LIMITS:
        if key in meta:
            problem = _text_problem(key, meta[key])
            if problem:
                errors.append(MetaProblem(key, problem))
    errors += _source_problems(meta, inventory)
    dates = {}
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if isinstance(value, str):
            errors.append(MetaProblem(key, f"has its `{key}` date in quotes ({value[:40]!r}), which makes it text; "
                                      "write it as YYYY-MM-DD with no quotes."))
        elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            shown = "missing" if value is None else f"unusable ({str(value)[:40]!r})"
            errors.append(MetaProblem(key, f"has a {shown} `{key}` date; write it as YYYY-MM-DD in the front matter."))
        else:
            dates[key] = value
    if len(dates) == 2:
        date_errors, date_warnings = _date_problems(dates["reviewed"], dates["next_review"], meta, inventory, today)
        errors += date_errors
        warnings += date_warnings
    if "search" in meta and not _search_ok(meta["search"]):
        errors.append(MetaProblem("search", f"has unusable search settings; write {FRONT_MATTER_KEYS['search']}."))
    if "hide" in meta and not (isinstance(meta["hide"], list) and all(v in HIDEABLE for v in meta["hide"])):
        errors.append(MetaProblem("hide", f"has unusable `hide` settings; write {FRONT_MATTER_KEYS['hide']}."))
    if "template" in meta and meta["template"] not in templates:
        errors.append(MetaProblem("template", f"asks for the template {str(meta['template'])[:40]!r}, which is not one "
                                  f"of the site's own; remove the `template` line (the site's own: "
                                  f"{', '.join(sorted(templates))})."))
    return errors, warnings


def _text_problem(key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"has an unusable `{key}` ({str(value)[:40]!r}); write {FRONT_MATTER_KEYS[key]}."
    if len(value) > TEXT_LIMITS[key]:
        return (f"has a `{key}` of {len(value)} characters; shorten it to {TEXT_LIMITS[key]} at most "
                "(plain text).")
    hidden = invisible_characters(value)
    if hidden:
        return f"has invisible or control characters ({', '.join(hidden[:3])}) in its `{key}`; delete them."
    if any(c in value for c in MARKUP_CHARACTERS):
        return f"has '<' or '>' in its `{key}`, which must be plain text; write it without HTML."
    return None


def _source_problems(meta: dict, inventory: Inventory) -> list[MetaProblem]:
    ids = ", ".join(inventory.sources)
    sources = meta.get("sources")
    if not sources or not isinstance(sources, list):
        return [MetaProblem("sources", f"names no source; add `sources: [id, ...]` to its front matter (ids: {ids}).")]
    problems = []
    for sid in sources:
        if not isinstance(sid, str):
            problems.append(MetaProblem("sources", f"names the source {str(sid)[:40]!r}, which is not an id; write "
                                        f"`sources: [id, ...]` with ids from data/sources.yml ({ids})."))
        elif sid not in inventory.sources:
            problems.append(MetaProblem("sources", f"names the unknown source '{sid[:40]}'; use one of {ids} "
                                        "or register it in data/sources.yml."))
    return problems


def _date_problems(reviewed: dt.date, next_review: dt.date, meta: dict, inventory: Inventory,
                   today: dt.date) -> tuple[list[MetaProblem], list[MetaProblem]]:
    errors, warnings = [], []
    sources = meta.get("sources") if isinstance(meta.get("sources"), list) else []
    source_dates = [d for sid in sources if isinstance(sid, str) and sid in inventory.sources
                    if (d := inventory.sources[sid].reviewed or inventory.sources[sid].accessed)]
    if reviewed > today:
        errors.append(MetaProblem("reviewed", f"says it was reviewed on {reviewed}, which is in the future; "
                                  "use the real date."))
    elif source_dates and reviewed < min(source_dates):
        errors.append(MetaProblem("reviewed", f"says it was reviewed on {reviewed}, before any of its sources was "
                                  f"dated or read (the earliest: {min(source_dates)}); use the date you checked it "
                                  "against them."))
    if next_review <= reviewed:
        errors.append(MetaProblem("next_review", f"has next_review {next_review} on or before reviewed "
                                  f"{reviewed}; set next_review after it (usually a year later)."))
    elif next_review > _years_after(reviewed, MAX_REVIEW_GAP_YEARS):
        errors.append(MetaProblem("next_review", f"has next_review {next_review}, more than "
                                  f"{MAX_REVIEW_GAP_YEARS} years after reviewed {reviewed}; set it within "
                                  f"{MAX_REVIEW_GAP_YEARS} years (usually one)."))
    elif next_review < today:
        warnings.append(MetaProblem("next_review", f"was due for review on {next_review}; check it "
                                    "against its sources, then update `reviewed` and `next_review`."))
    return errors, warnings


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, or past year 9999
        return dt.date.max if day.year + years > dt.MAXYEAR else day.replace(year=day.year + years, day=28)


def _search_ok(value: Any) -> bool:
    if not isinstance(value, dict) or not value or any(k not in ("boost", "exclude") for k in value):
        return False
    boost = value.get("boost", 1)
    return (isinstance(boost, (int, float)) and not isinstance(boost, bool)
            and SEARCH_BOOST[0] <= boost <= SEARCH_BOOST[1] and isinstance(value.get("exclude", False), bool))


def page_title(page) -> str:
    """A page's title (as the navigation names it) as plain text; the theme's copy is escaped HTML."""
    title = page.title or ""
    return title.unescape() if isinstance(title, markupsafe.Markup) else str(title)


def shown_meta(meta: dict, problems: list[MetaProblem]) -> dict:
    """The front matter the theme may see: the allowed keys without problems, text escaped as HTML."""
    refused = {problem.key for problem in problems}
    shown = {}
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS or key in refused:
            continue
        if isinstance(value, str):
            value = markupsafe.escape(value)
        elif isinstance(value, dict):
            value = dict(value)  # plain copies: the checked values inside are ids, numbers and true/false
        elif isinstance(value, list):
            value = list(value)
        shown[key] = value
    return shown


def meta_line(meta: dict, key: str) -> int | None:
    """The line of the page's file that holds a front matter key (from split_page; None when unknown)."""
    return meta.line_of(key) + 1 if isinstance(meta, YamlMapping) else None
