"""The JSON Schemas in schemas/ are the one statement of each data file's shape: the loader checks every
data file against its schema, and says each problem in plain words with the file and the line."""
from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from jsonschema import validators

from mbc_guide.data import schema as data_schema
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import load_glossary
from mbc_guide.data.inventory import load_inventory
from mbc_guide.data.schema import (
    GLOSSARY_SCHEMA,
    SCHEMA_DIR,
    SEARCH_WORDS_SCHEMA,
    SOURCES_SCHEMA,
    check_data,
    dates_as_text,
)
from mbc_guide.data.site import load_all
from mbc_guide.data.yaml_lines import YamlList, YamlMapping, parse_yaml
from mbc_guide.search import readers_words
from mbc_guide.text import respelling
from tests.helpers import ROOT
from tests.helpers import edit_once as edit

# Each data file with its schema; the glossary gets a not_drugs entry, which the real data has none of yet.
FILES = {
    "sources": (ROOT / "data" / "sources.yml", SOURCES_SCHEMA, ""),
    "glossary": (ROOT / "data" / "glossary.yml", GLOSSARY_SCHEMA,
                 "not_drugs:\n  - {name: Zeta, reason: a word for this test}\n"),
    "search_words": (ROOT / "data" / "search_words.yml", SEARCH_WORDS_SCHEMA, ""),
}


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of data/sources.yml and data/glossary.yml."""
    for name in ("sources.yml", "glossary.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    return tmp_path


def parsed(name: str) -> YamlMapping:
    """A data file as the loader reads it, before the schema's check."""
    path, _, extra = FILES[name]
    data = parse_yaml(path.read_text(encoding="utf-8") + extra, path)
    dates_as_text(data)
    return data


def blocks(node, path=(), line=None):
    """Every mapping in the data: (its path, the mapping, the line it is on as a message names it)."""
    if isinstance(node, YamlMapping):
        yield path, node, line if line is not None else node.line
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for step, child in children:
        yield from blocks(child, (*path, step), node.line_of(step) if isinstance(node, (YamlMapping, YamlList)) else None)


def scalars(node, path=()):
    """Every text value in the data: (its container, its key or index, its path)."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for step, child in children:
        if isinstance(child, str):
            yield node, step, (*path, step)
        else:
            yield from scalars(child, (*path, step))


def kind(path: tuple) -> tuple:
    """Where a value sits, whichever item of a list and whichever source or treatment it belongs to."""
    return tuple("*" if isinstance(step, int) or (at == 1 and path[0] in ("sources", "treatments")) else step
                 for at, step in enumerate(path))


def problem(data, name: str) -> DataError | None:
    """The loader's schema check on data held in memory: its DataError, or None."""
    path, schema, _ = FILES[name]
    try:
        check_data(data, path, schema)
    except DataError as err:
        return err
    return None


def raw_schema_parts(node, inside=()):
    """Every part of a schema document, with the keywords it sits under."""
    if isinstance(node, dict):
        yield node, inside
        for key, value in node.items():
            if key not in ("properties", "$defs", "dependentRequired"):
                yield from raw_schema_parts(value, (*inside, key))
            elif isinstance(value, dict):
                for child in value.values():
                    yield from raw_schema_parts(child, (*inside, key))
    elif isinstance(node, list):
        for item in node:
            yield from raw_schema_parts(item, inside)


def stated_requirements(schema: Path) -> set[tuple[str, ...]]:
    """Each `required` list that the schema demands (not the ones that only test or forbid, under if, not or anyOf)."""
    return {tuple(part["required"]) for part, inside in raw_schema_parts(json.loads(schema.read_text()))
            if "required" in part and not {"if", "not", "anyOf", "oneOf"} & set(inside)}


def stated_enums(schema: Path) -> set[tuple]:
    return {tuple(part["enum"]) for part, inside in raw_schema_parts(json.loads(schema.read_text()))
            if "enum" in part and "if" not in inside}


# --- The loader is the schema ------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_the_real_data_fits_its_schema_and_loads(name):
    assert problem(parsed(name), name) is None
    load_all()
    readers_words.load_search_words()


@pytest.mark.parametrize("name", FILES)
def test_every_required_key_of_the_schema_is_enforced_with_the_blocks_line(name):
    """Remove each key of each kind of block in turn (the first block of each kind that has it): wherever the
    schema requires it, the loader says so at the line of the block; and every `required` the schema states is
    met in the data, so each is tested."""
    data, enforced, tried = parsed(name), set(), set()
    check = validators.validator_for({})(data_schema.load_schema(FILES[name][1]))
    for path, block, line in list(blocks(data)):
        for key in [key for key in block if (kind(path), key) not in tried]:
            tried.add((kind(path), key))
            items = list(block.items())
            del block[key]
            required = [e for e in check.iter_errors(data) if e.validator == "required" and key in e.validator_value
                        and list(e.absolute_path) == list(path)]
            err = problem(data, name)
            block.clear()
            block.update(items)
            if not required:
                continue
            enforced |= {tuple(e.validator_value) for e in required}
            assert err is not None, (path, key)
            if err.line == line:  # the first problem in the file is this one (not another key's, on an earlier line)
                assert f" has no '{key}'; add it." in err.message, (path, key, err)
            else:
                assert err.line < line, (path, key, err)
    assert enforced == stated_requirements(FILES[name][1])


@pytest.mark.parametrize("name", FILES)
def test_every_enum_of_the_schema_is_enforced_with_the_values_line(name):
    data, enforced = parsed(name), set()
    check = validators.validator_for({})(data_schema.load_schema(FILES[name][1]))
    values = {v for enum in stated_enums(FILES[name][1]) for v in enum}
    for container, step, path in list(scalars(data)):
        original = container[step]
        if original not in values:
            continue  # in valid data, a value under an enum is one of the enum's values
        container[step] = "zz-not-allowed"
        enums = [e for e in check.iter_errors(data) if e.validator == "enum" and list(e.absolute_path) == list(path)]
        err = problem(data, name)
        container[step] = original
        if not enums:
            continue
        enforced.add(tuple(enums[0].validator_value))
        allowed = ", ".join(enums[0].validator_value)
        assert err is not None and err.line == container.line_of(step), (path, err)
        named = f"'zz-not-allowed' in '{path[-2]}'" if isinstance(step, int) else f"{step} 'zz-not-allowed'"
        assert f"{named} is unknown; use one of {allowed}." in err.message, err
    assert enforced == stated_enums(FILES[name][1])


@pytest.mark.parametrize("name", FILES)
def test_an_unknown_key_is_refused_naming_exactly_the_schemas_keys(name):
    """No hand-written key list: the keys the message allows are the schema's, for every kind of block."""
    data = parsed(name)
    schema_keys = [list(part["properties"]) for part, _ in raw_schema_parts(data_schema.load_schema(FILES[name][1]))
                   if part.get("additionalProperties") is False]
    seen = []
    for path, block, line in list(blocks(data)):
        block["zz_unknown"] = 1
        err = problem(data, name)
        del block["zz_unknown"]
        if err is None or "unknown key 'zz_unknown'" not in err.message:
            continue  # a mapping of ids, whose keys are ids, not field names
        allowed = err.message.split("; allowed: ", 1)[1].rstrip(".").split(", ")
        assert allowed in schema_keys, (path, allowed)
        assert err.line == block.line
        seen.append(allowed)
    assert {tuple(k) for k in seen} == {tuple(k) for k in schema_keys}


def test_no_key_list_or_enum_of_the_schemas_is_written_in_python():
    """The loaders' code holds no list, tuple or set of two or more of one schema object's keys or one enum's values."""
    stated = []
    for schema in (SOURCES_SCHEMA, GLOSSARY_SCHEMA, SEARCH_WORDS_SCHEMA):
        for part, _ in raw_schema_parts(json.loads(schema.read_text())):
            stated += [set(part["properties"])] if isinstance(part.get("properties"), dict) else []
            stated += [set(part["enum"])] if "enum" in part else []
    # front_matter.py reads pages' front matter, which no schema states (its own key list is the only one).
    code = [*(p for p in (ROOT / "overrides" / "mbc_guide" / "data").glob("*.py") if p.name != "front_matter.py"),
            ROOT / "overrides" / "mbc_guide" / "search" / "readers_words.py",
            ROOT / "overrides" / "mbc_guide" / "text" / "respelling.py"]
    assert not (ROOT / "overrides" / "mbc_guide" / "data" / "fields.py").exists()
    for file in code:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                for keys in stated:
                    assert len(words & keys) < 2, f"{file.name}:{node.lineno} repeats the schema's {sorted(keys)}"


def test_the_respelling_rule_is_read_from_the_schema():
    say = json.loads(GLOSSARY_SCHEMA.read_text())["$defs"]["respelling"]
    assert respelling.RULE == say["description"]
    assert respelling.PATTERN.pattern == say["pattern"] and data_schema.GLOSSARY_SCHEMA == respelling.GLOSSARY_SCHEMA
    assert respelling.problem("per-TOO\n") and respelling.problem("per-TOO") is None  # `$` as JSON Schema reads it
    assert json.loads(GLOSSARY_SCHEMA.read_text())["properties"]["entries"]["items"]["properties"]["say"] == \
        {"$ref": "#/$defs/respelling"}


def test_what_a_names_only_source_is_asked_for_is_an_allowed_use():
    """The glossary asks the inventory for the names-only sources of these uses: each is one the schema allows."""
    uses = json.loads(SOURCES_SCHEMA.read_text())["$defs"]["source"]["properties"]["names_only"]["items"]["enum"]
    glossary_code = (ROOT / "overrides" / "mbc_guide" / "data" / "glossary.py").read_text(encoding="utf-8")
    asked = {node.args[0].value for node in ast.walk(ast.parse(glossary_code)) if isinstance(node, ast.Call)
             and getattr(node.func, "attr", "") == "names_source" and isinstance(node.args[0], ast.Constant)}
    assert asked and asked <= set(uses)


# --- A change to a schema alone changes what the loader accepts --------------------------------------


def changed_schema(tmp_path: Path, schema: Path, change) -> Path:
    document = json.loads(schema.read_text(encoding="utf-8"))
    change(document)
    copy_path = tmp_path / schema.name
    copy_path.write_text(json.dumps(document), encoding="utf-8")
    return copy_path


def entry_schema(document: dict) -> dict:
    return document["properties"]["entries"]["items"]


def test_a_new_key_in_the_schema_is_a_key_the_loader_accepts(data, tmp_path):
    inventory = load_inventory(data / "sources.yml")
    edit(data / "glossary.yml", "  - term: tamoxifen\n", "  - term: tamoxifen\n    colour: blue\n")
    line = (data / "glossary.yml").read_text().splitlines().index("    colour: blue") + 1
    with pytest.raises(DataError) as err:
        load_glossary(inventory, data / "glossary.yml")
    allowed = ", ".join(entry_schema(json.loads(GLOSSARY_SCHEMA.read_text()))["properties"])
    assert err.value.line == line
    assert str(err.value).endswith(f"glossary.yml:{line}: entry 'tamoxifen': unknown key 'colour'; allowed: {allowed}.")
    wider = changed_schema(tmp_path, GLOSSARY_SCHEMA,
                           lambda d: entry_schema(d)["properties"].update(colour={"type": "string"}))
    assert load_glossary(inventory, data / "glossary.yml", wider).find("tamoxifen").term == "tamoxifen"


def test_a_kind_the_schema_drops_is_refused_at_its_line(data, tmp_path):
    inventory = load_inventory(data / "sources.yml")
    narrower = changed_schema(tmp_path, GLOSSARY_SCHEMA, lambda d: entry_schema(d)["properties"]["kind"].update(
        enum=["drug", "term"]))
    text = (data / "glossary.yml").read_text()
    line = text.splitlines().index("    kind: class") + 1
    with pytest.raises(DataError) as err:
        load_glossary(inventory, data / "glossary.yml", narrower)
    assert err.value.line == line and err.value.message.endswith("kind 'class' is unknown; use one of drug, term.")


def test_a_key_the_schema_requires_is_required_at_the_entrys_line(data, tmp_path):
    inventory = load_inventory(data / "sources.yml")
    stricter = changed_schema(tmp_path, GLOSSARY_SCHEMA, lambda d: entry_schema(d)["required"].append("aliases"))
    with pytest.raises(DataError) as err:
        load_glossary(inventory, data / "glossary.yml", stricter)
    first = next(e for e in load_glossary(inventory, data / "glossary.yml").entries if not e.aliases)
    assert err.value.line == first.line and err.value.message == f"entry '{first.term}' has no 'aliases'; add it."


def test_a_pattern_the_schema_changes_changes_what_the_loader_accepts(data, tmp_path):
    """The inventory's ids: allow capital letters in the schema, and an id with them loads."""
    sources = data / "sources.yml"
    sources.write_text(sources.read_text().replace("  immunotherapy:\n", "  Immunotherapy:\n", 1)
                       .replace("treatment: immunotherapy", "treatment: Immunotherapy"))
    with pytest.raises(DataError, match="'Immunotherapy' under 'treatments' is not a usable id; write an id in "
                                        "lower-case letters"):
        load_inventory(data / "sources.yml")
    wider = changed_schema(tmp_path, SOURCES_SCHEMA, lambda d: d["$defs"]["id"].update(pattern="^[A-Za-z0-9-]+$"))
    assert "Immunotherapy" in load_inventory(data / "sources.yml", wider).treatments


def test_the_readers_words_follow_their_schema(tmp_path):
    path = tmp_path / "search_words.yml"
    path.write_text("words:\n  - {site: fatigue, readers: [tiredness]}\n  - site: nausea\n    readers: [sickness]\n")
    assert len(readers_words.load_search_words(path).maps) == 2
    stricter = changed_schema(tmp_path, SEARCH_WORDS_SCHEMA,
                              lambda d: d["properties"]["words"]["items"]["properties"]["readers"].update(minItems=2))
    with pytest.raises(DataError) as err:
        readers_words.load_search_words(path, stricter)
    assert err.value.line == 2
    assert err.value.message == "word 'fatigue': 'readers' must be a list with at least 2 items; add more."


# --- Read as JSON Schema reads it ---------------------------------------------------------------------


def test_a_date_is_read_as_json_schema_reads_it(data):
    """check-jsonschema reads a YAML date as text; so does the loader: quoted or not, the same date."""
    reviewed = load_inventory(data / "sources.yml").reviewed.isoformat()
    edit(data / "sources.yml", f"\nreviewed: {reviewed}", f'\nreviewed: "{reviewed}"')
    assert load_inventory(data / "sources.yml").reviewed.isoformat() == reviewed
    edit(data / "sources.yml", f'\nreviewed: "{reviewed}"', f"\nreviewed: {reviewed} 10:00:00")
    with pytest.raises(DataError) as err:
        load_inventory(data / "sources.yml")
    assert err.value.message == f"'reviewed' must be a date written YYYY-MM-DD, not '{reviewed}T10:00:00'."


def test_a_pattern_is_read_as_ecma_262_reads_it(data):
    """`$` ends the text: an id with a line break at its end is no id (Python's `$` would let it through)."""
    assert data_schema.compile_pattern("^a$").search("a\n") is None
    assert data_schema.compile_pattern("^[$]$").search("$")
    edit(data / "sources.yml", "  immunotherapy:\n", '  "immunotherapy\\n":\n')
    with pytest.raises(DataError, match=r"'immunotherapy\n' under 'treatments' is not a usable id"):
        load_inventory(data / "sources.yml")


# --- Once per process, and valid schemas ---------------------------------------------------------------


def test_each_validator_is_built_once_per_process():
    load_all()
    readers_words.load_search_words()
    built = data_schema.validator.cache_info().misses
    load_all()
    readers_words.load_search_words()
    assert data_schema.validator.cache_info().misses == built
    assert data_schema.validator(SOURCES_SCHEMA) is data_schema.validator(SOURCES_SCHEMA)


@pytest.mark.parametrize("schema", [SOURCES_SCHEMA, GLOSSARY_SCHEMA, SEARCH_WORDS_SCHEMA, SCHEMA_DIR / "es.schema.json"],
                         ids=lambda p: p.name)
def test_each_schema_is_valid_and_says_each_form_in_words(schema):
    """The loader does not check the schemas themselves (that takes longer than the data): this does. Each
    pattern comes with the words a message uses for it (a text's "\\S" needs none: it fails only when empty)."""
    document = json.loads(schema.read_text(encoding="utf-8"))
    validators.validator_for(document).check_schema(document)
    for part, _ in raw_schema_parts(document):
        if "pattern" in part and part["pattern"] != "\\S":
            assert part.get("description", "")[:1].islower(), part  # it follows "must be"


@pytest.mark.parametrize("name", FILES)
def test_the_inlined_schema_judges_as_the_schema_does(name):
    """The loader's validator replaces the schema's local references by what they name: the same verdicts, for
    odd values in each kind of field."""
    data = parsed(name)
    document = data_schema.load_schema(FILES[name][1])
    plain = validators.validator_for(document)(document, format_checker=validators.validator_for(document).FORMAT_CHECKER)
    kinds = {kind(path): (container, step) for container, step, path in reversed(list(scalars(data)))}
    for container, step in kinds.values():
        original = container[step]
        for odd in ("", " ", "x", "Per-TOO", "https://a b", "2026-02-30", "//x"):
            container[step] = odd
            assert plain.is_valid(data) is data_schema.validator(FILES[name][1]).is_valid(data), (step, odd)
        container[step] = original
