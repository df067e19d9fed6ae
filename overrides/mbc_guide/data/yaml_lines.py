"""YAML read safely, within limits, with the line of every mapping and key."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from mbc_guide.data.errors import DataError


class YamlMapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        """The line a key is written on (the block's first line when unknown)."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class YamlList(list):
    """A YAML list that remembers the line it starts on and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        """The line an item starts on (the list's first line when unknown)."""
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML loader whose mappings carry line numbers and refuse duplicate keys."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> YamlMapping:
    loader.flatten_mapping(node)
    mapping = YamlMapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            raise yaml.MarkedYAMLError(problem="a key must be a plain word, not a list or a mapping",
                                       problem_mark=key_node.start_mark)
        if key in mapping:
            raise yaml.MarkedYAMLError(
                problem=f"the key '{key}' appears twice in one block; remove one",
                problem_mark=key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_list(loader: LineLoader, node: yaml.SequenceNode) -> YamlList:
    items = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_date(loader: LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError, OverflowError):
        raise yaml.MarkedYAMLError(problem=f"'{node.value}' is not a real date (YYYY-MM-DD)",
                                   problem_mark=node.start_mark) from None


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


# Limits on any YAML the site reads: far above what the data needs, low enough that no input can
# exhaust memory or the parser's stack (a 100,000-deep list crashes libyaml's composer).
MAX_YAML_CHARS = 1_000_000
MAX_YAML_DEPTH = 20


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text safely, within the limits; syntax errors become DataError with the line."""
    try:
        check_yaml_shape(text, path, first_line)
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else None
        raise DataError(path, line, f"YAML syntax problem: {err.problem}. Fix the YAML there.") from None
    except yaml.YAMLError as err:
        raise DataError(path, None, f"YAML problem: {err}. Fix the YAML.") from None


def check_yaml_shape(text: str, path: Path, first_line: int = 1) -> None:
    """Refuse oversized YAML, aliases and deep nesting, from the parser's flat event stream, before anything is built."""
    if len(text) > MAX_YAML_CHARS:
        raise DataError(path, first_line, f"the YAML is {len(text):,} characters long, over the limit of "
                        f"{MAX_YAML_CHARS:,}; split it or remove what is not needed.")
    loader = LineLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.AliasEvent):
                raise DataError(path, line, f"the YAML alias '*{event.anchor}' is not allowed; write the value "
                                "out in full where it is needed.")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise DataError(path, line, f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep here; "
                                    "no data of this site needs that. Flatten it.")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def read_yaml_file(path: Path) -> YamlMapping:
    """Read a data file that must hold a YAML mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, None, "file not found; restore it from git or check the path.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(path, None, f"cannot read the file ({err}); save it as UTF-8 text.") from None
    data = parse_yaml(text, path)
    if data is None:
        raise DataError(path, 1, "the file is empty; it must hold the data described in its header.")
    if not isinstance(data, dict):
        raise DataError(path, 1, "expected a YAML mapping (key: value lines) at the top level.")
    return data
