"""The JSON Schemas in schemas/, the one statement of each data file's shape; a file's first problem, in plain words."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match

from mbc_guide.data.errors import DataError
from mbc_guide.data.yaml_lines import YamlList, YamlMapping, read_yaml_file
from mbc_guide.paths import ROOT

SCHEMA_DIR = ROOT / "schemas"
SOURCES_SCHEMA = SCHEMA_DIR / "sources.schema.json"
GLOSSARY_SCHEMA = SCHEMA_DIR / "glossary.schema.json"
SEARCH_WORDS_SCHEMA = SCHEMA_DIR / "search_words.schema.json"
REVIEWS_SCHEMA = SCHEMA_DIR / "reviews.schema.json"


def read_data_file(path: Path, schema: Path) -> YamlMapping:
    """Read a data file and check it against its schema; the first problem raises DataError with its line."""
    data = read_yaml_file(path)
    dates_as_text(data)
    check_data(data, path, schema)
    return data


def check_data(data: YamlMapping, path: Path, schema: Path) -> None:
    """Check data read from `path` against the schema; the first problem raises DataError with its line."""
    errors = list(validator(schema).iter_errors(data))
    if errors:
        raise schema_problem(data, errors, path)


def as_date(value: str | dt.date) -> dt.date:
    """A date the schema has checked (format: date) as a date."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


@functools.cache
def load_schema(schema: Path) -> dict:
    """A schema file's JSON, read once per process."""
    return json.loads(schema.read_text(encoding="utf-8"))


@functools.cache
def validator(schema: Path):
    """The schema's validator, built once per process: its own draft, dates checked, patterns read as ECMA-262.

    The schema itself is not checked against its meta-schema here (the tests do it): that takes longer than the data.
    """
    document = load_schema(schema)
    draft = validators.validator_for(document)
    return validators.extend(draft, {"pattern": _pattern})(_inline_refs(document, document.get("$defs", {})),
                                                           format_checker=draft.FORMAT_CHECKER)


_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default"})


def _inline_refs(node: Any, defs: dict, seen: tuple = ()) -> Any:
    """The schema with each local reference (#/$defs/name) replaced by the part it names, unless recursive."""
    if isinstance(node, list):
        return [_inline_refs(item, defs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref.removeprefix("#/$defs/") if isinstance(ref, str) and ref.startswith("#/$defs/") else None
    if name not in defs or name in seen:
        return {key: _inline_refs(value, defs, seen) for key, value in node.items()}
    rest = {key: _inline_refs(value, defs, seen) for key, value in node.items() if key != "$ref"}
    target = _inline_refs(defs[name], defs, (*seen, name))
    if isinstance(target, dict) and not (set(rest) & set(target)) - _ANNOTATIONS:
        return {**target, **rest}  # a description where the part is used says more than the part's own
    return {**{k: v for k, v in rest.items() if k in _ANNOTATIONS},
            "allOf": [{k: v for k, v in rest.items() if k not in _ANNOTATIONS}, target]}


@functools.cache
def compile_pattern(pattern: str) -> re.Pattern:
    """A schema's pattern as a Python regex to search with, matching as ECMA-262 does (`$` outside [...] is `\\Z`)."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        i += 1
    return re.compile("".join(out))


def _pattern(_validator, pattern: str, instance: Any, _schema: dict) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not compile_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def dates_as_text(node: Any) -> None:
    """Write each YAML date as JSON Schema (and check-jsonschema) sees it: text, YYYY-MM-DD."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if isinstance(value, dt.date):
            node[key] = value.isoformat()
        else:
            dates_as_text(value)


# --- From a schema error to a message ---------------------------------------------------------------

# What a message calls one block of a list or of a mapping of ids, by the key that holds them:
# wording only (the shapes are in the schemas). A list not here holds "an item of 'key'"; a
# mapping not here is one of fixed keys, named by the block that holds it.
NOUNS = {"treatments": "treatment", "sources": "source", "drugs": "drug", "side_effects": "side effect",
         "terms": "term", "not_covered": "not_covered", "entries": "entry", "brands": "brand",
         "not_drugs": "not_drugs", "words": "word"}
_LABELS = ("term", "name", "site")  # the value that names a block in a message, the first it has
_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
               "number": "a number", "boolean": "true or false", "null": "empty"}


def schema_problem(data: YamlMapping, errors: list[ValidationError], path: Path) -> DataError:
    """The schema's most useful error as a DataError: the first line's, unconditional before if/then, best_match's."""
    lines = [_line(data, error) for error in errors]
    first = [e for e, line in zip(errors, lines) if line == min(lines)]
    error = best_match([e for e in first if not _conditional(e)] or first)
    return DataError(path, _line(data, error), _message(data, error))


def _conditional(error: ValidationError) -> bool:
    return bool({"then", "else"} & set(error.absolute_schema_path))


def _steps(data: Any, error: ValidationError) -> list[tuple[Any, Any, int]]:
    """(container, step, line) along the error's path from the top: a key's own line, or a list item's first."""
    node, line, steps = data, getattr(data, "line", 1), []
    for step in error.absolute_path:
        container, node = node, node[step]
        if isinstance(container, (YamlMapping, YamlList)):
            line = container.line_of(step)
        steps.append((container, step, line))
    return steps


def _node(data: Any, error: ValidationError) -> Any:
    steps = _steps(data, error)
    return steps[-1][0][steps[-1][1]] if steps else data


def _line(data: Any, error: ValidationError) -> int:
    """The line to fix: the key at fault where the error names one, else the value or block it is about."""
    steps = _steps(data, error)
    line = steps[-1][2] if steps else getattr(data, "line", 1)
    block = _node(data, error)
    if isinstance(block, YamlMapping):
        keys = _keys_at_fault(block, error)
        if keys:
            return min(block.line_of(k) for k in keys)
    return line


def _keys_at_fault(block: YamlMapping, error: ValidationError) -> list:
    """The keys of a mapping that an error is about, when it is about keys (unknown, forbidden, paired)."""
    if "propertyNames" in error.absolute_schema_path:
        return [error.instance]
    if error.validator == "additionalProperties":
        return [k for k in block if k not in error.schema.get("properties", {})]
    if error.validator == "dependentRequired":
        return [p for p, needs in error.validator_value.items() if p in block and set(needs) - set(block)]
    if error.validator == "not":
        keys = [k for k in _required_in(error.validator_value) if k in block]
        return keys[-1:] if "required" in error.validator_value else keys
    return []


def _required_in(schema: Any) -> list:
    """The keys a `not` names: {required: [...]}, or {anyOf: [{required: [...]}, ...]}."""
    if not isinstance(schema, dict):
        return []
    return [*schema.get("required", ()), *(k for part in schema.get("anyOf", ()) for k in _required_in(part))]


def _what(data: Any, steps: list[tuple[Any, Any, int]]) -> str:
    """The block these steps lead to, in words: "drug 'tamoxifen' of source 'src-a'"; "" for the file."""
    names = []
    for i, (container, step, _) in enumerate(steps):
        holder = steps[i - 1][1] if i else None
        if isinstance(container, dict):
            if holder in NOUNS:  # a mapping of ids
                names.append(f"{NOUNS[holder]} '{step}'")
            continue
        noun = NOUNS.get(holder, f"item of '{holder}'")
        item = container[step]
        label = next((item[k] for k in _LABELS if isinstance(item, dict) and isinstance(item.get(k), str)), None)
        names.append(f"{noun} '{_short(label.strip(), 40)}'" if label and label.strip()
                     else f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}")
    return " of ".join(reversed(names))


def _lead(what: str) -> str:
    return f"{what}: " if what else ""


def _subject(steps: list[tuple[Any, Any, int]]) -> str:
    """The value an error is about: "'url'", or "every item of 'aliases'"."""
    container, step, _ = steps[-1]
    if isinstance(container, list):
        return f"every item of '{steps[-2][1]}'" if len(steps) > 1 else "every item"
    return f"'{step}'"


def _message(data: Any, error: ValidationError) -> str:
    steps = _steps(data, error)
    block = _node(data, error)
    validator, value, schema = error.validator, error.validator_value, _schema_of(error)
    why = _why(error)
    if isinstance(block, YamlMapping) and validator in ("additionalProperties", "required", "dependentRequired",
                                                        "not", "anyOf", "oneOf", "minProperties") \
            or "propertyNames" in error.absolute_schema_path:
        return _block_message(data, steps, block, error, why)
    what = _what(data, steps[:-1]) if steps else ""
    subject = _subject(steps) if steps else "the file"
    if steps and isinstance(steps[-1][0], dict) and (len(steps) > 1 and steps[-2][1] in NOUNS):
        what, subject = "", _what(data, steps)  # a block of a mapping of ids: "treatment 'x' must be ..."
    instance = error.instance
    if validator == "type":
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value))
        with_keys = f" (with {', '.join(schema['required'])})" if wanted == "a mapping" and schema.get("required") else ""
        return f"{_lead(what)}{subject} must be {wanted}{with_keys}, not {_kind_of(instance)}."
    if validator in ("enum", "const"):
        allowed = ", ".join(map(str, value if validator == "enum" else [value]))
        named = (f"'{_short(instance)}' in '{steps[-2][1]}'" if isinstance(steps[-1][0], list) and len(steps) > 1
                 else f"{steps[-1][1]} '{_short(instance)}'")
        return f"{_lead(what)}{named} is unknown; use one of {allowed}."
    if isinstance(instance, str) and not instance.strip() and validator in ("pattern", "minLength", "format"):
        return f"{_lead(what)}{subject} is empty; write a value."
    if validator in ("pattern", "format", "minLength"):
        wanted = schema.get("description") or f"text of the form {schema.get('pattern', schema.get('format'))}"
        return f"{_lead(what)}{subject} must be {_lower_first(wanted)}, not '{_short(instance)}'."
    if validator == "minItems":
        return (f"{_lead(what)}{subject} must be a list with at least {value} item{'s' if value != 1 else ''}; "
                f"add {'one' if value == 1 else 'more'}.{why}")
    if validator == "maxItems":
        return f"{_lead(what)}{subject} may list at most {value} item{'s' if value != 1 else ''}; remove the rest.{why}"
    if validator == "maxLength":
        return f"{_lead(what)}{subject} is longer than {value} characters; shorten it.{why}"
    if validator == "uniqueItems":
        return f"{_lead(what)}{subject} lists the same item twice; remove the repeat.{why}"
    return f"{_lead(what)}{subject}: {error.message}.{why}"


def _block_message(data: Any, steps, block: Any, error: ValidationError, why: str) -> str:
    """Problems with a mapping's keys: unknown, missing, forbidden together, or a key that is not an id."""
    validator, value, schema = error.validator, error.validator_value, _schema_of(error)
    what = _what(data, steps)
    keys = _keys_at_fault(block, error) if isinstance(block, YamlMapping) else []
    key = min(keys, key=block.line_of) if keys else None
    if "propertyNames" in error.absolute_schema_path:
        holder = f"'{steps[-1][1]}'" if steps else "the file"
        wanted = schema.get("description", "an id")
        return f"'{_short(error.instance)}' under {holder} is not a usable id; write {_lower_first(wanted)}."
    if validator == "additionalProperties":
        return f"{_lead(what)}unknown key '{key}'; allowed: {', '.join(schema.get('properties', {}))}."
    if validator == "required":
        missing = next(k for k in value if k not in block)
        return f"{what or 'the file'} has no '{missing}'; add it.{why}"
    if validator == "dependentRequired" and key is not None:
        need = next(k for k in value[key] if k not in block)
        about = schema.get("properties", {}).get(need, {}).get("description")
        return (f"{what or 'the file'} has a '{key}' but no '{need}'; add '{need}'"
                f"{f' ({_lower_first(about)})' if about else ''} or remove '{key}'.")
    if validator == "not" and "required" in value and key is not None:
        both = " and ".join(f"'{k}'" for k in value["required"])
        return f"{what or 'the file'} has both {both}; keep one.{why}"
    if validator == "not" and key is not None:
        return f"{what or 'the file'} may not have '{key}'; remove it.{why}"
    if validator in ("anyOf", "oneOf") and all(set(part) == {"required"} for part in value):
        options = " or ".join(" and ".join(f"'{k}'" for k in part["required"]) for part in value)
        about = "; ".join(f"{k}: {_lower_first(d)}" for part in value for k in part["required"]
                          if (d := schema.get("properties", {}).get(k, {}).get("description")))
        about = f" ({about})" if about else ""
        return f"{what or 'the file'} needs {options}{about}; add {'one' if validator == 'anyOf' else 'exactly one'}.{why}"
    if validator == "minProperties":
        noun = NOUNS.get(steps[-1][1], "entry") if steps else "entry"
        return (f"{_lead(_what(data, steps[:-1]))}{_subject(steps) if steps else 'the file'} lists nothing; add at least "
                f"{'one' if value == 1 else value} {noun}.{why}")
    return f"{_lead(what)}{error.message}.{why}"


def _why(error: ValidationError) -> str:
    """The reason a rule applies only sometimes: the description of the if/then branch the error comes from."""
    description = _schema_of(error).get("description")
    return f" {description}" if _conditional(error) and description else ""


def _schema_of(error: ValidationError) -> dict:
    """The part of the schema that failed (a `false` schema has no words of its own)."""
    return error.schema if isinstance(error.schema, dict) else {}


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    names = {str: "text", list: "a list", dict: "a mapping", bytes: "binary data", set: "a set"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), type(value).__name__)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
