"""Checks on one field of a YAML block, each error naming the file and line."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.yaml_lines import YamlMapping


def checked(block: YamlMapping, key: str, kind: type | tuple, path: Path, what: str, *, required: bool = True):
    """Return block[key] after checking its type; name the block and line on failure."""
    line = block.line_of(key) if isinstance(block, YamlMapping) else None
    if key not in block or block[key] is None:
        if required:
            raise DataError(path, line, f"{what} has no '{key}'; add it.")
        return None
    value = block[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        wanted = " or ".join(_type_name(k) for k in kinds)
        raise DataError(path, line, f"{what}: '{key}' must be {wanted}, not {_type_name(type(value))}.")
    if isinstance(value, str) and not value.strip():
        raise DataError(path, line, f"{what}: '{key}' is empty; write a value.")
    return value


def strings(block: YamlMapping, key: str, path: Path, what: str) -> tuple[str, ...]:
    """An optional list of non-empty strings."""
    values = checked(block, key, list, path, what, required=False) or []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise DataError(path, block.line_of(key), f"{what}: every item of '{key}' must be non-empty text.")
    return tuple(v.strip() for v in values)


def unknown_keys(block: YamlMapping, allowed: set[str], path: Path, what: str) -> None:
    extra = sorted((key for key in block if key not in allowed), key=str)
    if extra:
        raise DataError(path, block.line_of(extra[0]), f"{what}: unknown key '{extra[0]}'; "
                        f"allowed: {', '.join(sorted(allowed))}.")


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def ids(block: YamlMapping, key: str, path: Path, what: str):
    """Yield (id, value, line) for each entry of the mapping block[key]; ids are lower-case words with hyphens."""
    mapping = checked(block, key, dict, path, what)
    for ident, value in mapping.items():
        line = mapping.line_of(ident)
        if not isinstance(ident, str) or not _ID.fullmatch(ident):
            raise DataError(path, line, f"'{ident}' under '{key}' is not a usable id; write an id in lower-case "
                            "letters, digits and hyphens, such as 'hormone-therapy'.")
        yield ident, value, line


def web_address(block: YamlMapping, key: str, path: Path, what: str) -> str:
    """A URL from data: only https:, http: or a site-relative path, so no data can run script in a link."""
    value = checked(block, key, str, path, what).strip()
    scheme = value.split(":", 1)[0].lower() if ":" in value.split("/", 1)[0] else ""
    if scheme not in ("", "https", "http") or value.startswith("//") or any(c.isspace() for c in value):
        raise DataError(path, block.line_of(key), f"{what}: '{key}' must be a web address starting with https:// "
                        f"(or http://, or a path on this site), not '{value[:60]}'.")
    return value


def page_path(block: YamlMapping, path: Path, what: str) -> str:
    """A page's path inside docs/, such as treatment/chemotherapy.md."""
    value = checked(block, "page", str, path, what).strip()
    parts = value.split("/")
    if not value.endswith(".md") or ":" in value or value.startswith("/") or ".." in parts or "" in parts:
        raise DataError(path, block.line_of("page"), f"{what}: 'page' must be a page's path inside docs/, "
                        f"such as treatment/chemotherapy.md, not '{value[:60]}'.")
    return value


def _type_name(kind: type) -> str:
    return {str: "text", list: "a list", dict: "a mapping", YamlMapping: "a mapping", int: "a number",
            dt.date: "a date (YYYY-MM-DD)", bool: "true/false", type(None): "empty"}.get(kind, kind.__name__)

