"""Property: whatever a pull request does to the data files or a page's front matter, the validator
and the build's front-matter reader end with a clean result (exit 0, 1 or 2 with a message), never a
traceback; with --format json they always print JSON.

Hypothesis mutates the covered fixture site (tests/fixtures/covered): it changes values to odd types
and odd Unicode, drops and repeats lines, removes front matter delimiters, cuts files short, and
re-encodes them (UTF-16, Latin-1, a byte-order mark).
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbc_guide.checks import validator
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import (
    FRONT_MATTER_KEYS,
    page_meta_problems,
    read_page,
    shown_meta,
)
from mbc_guide.data.inventory import Source, load_inventory
from mbc_guide.pages import page_record as page_meta
from tests.helpers import ROOT  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "covered"
FILES = ["data/sources.yml", "data/glossary.yml", "docs/treatment/chemo.md", "docs/index.md"]
ODD_VALUES = [
    "[[x]]", "{a: b}", "2024", "yes", "null", "~", '""', '"2026-11-21"', "2026-13-45", "2026-02-30T10:00:00",
    "İµß", "\u202egnirts", "\U0001F600", "<script>alert(1)</script>", "javascript:alert(1)", "&a", "*a",
    "!!binary aGVsbG8=", "!!python/object/apply:os.system ['true']", "[", "{", "'", "- x", "? x", "|", ">",
    "1e400", "-.inf", ".nan", "0x1F", "[a, [b, [c]]]", "\x00", "\t",
]


@st.composite
def mutations(draw):
    """A list of (file, operation, argument) edits."""
    return draw(st.lists(st.tuples(
        st.sampled_from(FILES),
        st.sampled_from(["value", "drop", "repeat", "cut", "unfence", "insert", "encode"]),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(ODD_VALUES),
    ), min_size=1, max_size=4))


def apply(root: Path, edits) -> None:
    for name, operation, number, odd in edits:
        path = root / name
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        lines = text.split("\n")
        at = number % max(len(lines), 1)
        if operation == "value" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {odd}"
        elif operation == "drop":
            del lines[at]
        elif operation == "repeat":
            lines.insert(at, lines[at])
        elif operation == "insert":
            lines.insert(at, f"{odd}: {odd}")
        elif operation == "unfence":
            lines = [line for line in lines if line.strip() != "---"] if number % 2 else lines
        if operation == "cut":
            path.write_bytes(raw[: number % max(len(raw), 1)])
        elif operation == "encode":
            encoding = ["utf-16", "latin-1", "utf-8-sig"][number % 3]
            path.write_bytes("\n".join(lines).replace("o", "ö").encode(encoding, errors="replace"))
        else:
            path.write_text("\n".join(lines), encoding="utf-8")


def run_validator(root: Path, capsys, *extra: str) -> tuple[int, str]:
    code = validator.main(["--docs", str(root / "docs"), "--sources", str(root / "data" / "sources.yml"),
                          "--glossary", str(root / "data" / "glossary.yml"), "--today", "2026-06-01", *extra])
    return code, capsys.readouterr().out


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=mutations())
def test_validator_always_ends_cleanly(tmp_path_factory, capsys, edits):
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    apply(root, edits)
    code, _ = run_validator(root, capsys)
    assert code in (0, 1, 2)
    code, out = run_validator(root, capsys, "--format", "json")
    assert code in (0, 1, 2)
    data = json.loads(out)
    assert data["ok"] is (code == 0)


@settings(deadline=None)
@given(edits=st.lists(st.tuples(st.just("docs/treatment/chemo.md"), st.sampled_from(["value", "drop", "insert",
                                                                                    "unfence", "cut"]),
                                st.integers(0, 10_000), st.sampled_from(ODD_VALUES)), min_size=1, max_size=3))
def test_build_reads_any_front_matter_cleanly(tmp_path_factory, edits):
    """What the page_meta hook does with a page: a DataError or checked values for the template."""
    root = tmp_path_factory.mktemp("page")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    apply(root, edits)
    inventory = load_inventory(root / "data" / "sources.yml")
    path = root / "docs" / "treatment" / "chemo.md"
    try:
        meta = read_page(root / "docs", path).meta
    except DataError as err:
        assert err.path and err.message
        return
    errors, warnings = page_meta_problems(meta, inventory, dt.date(2026, 6, 1))
    record = page_meta.page_record(meta, errors, warnings, inventory)
    assert all(isinstance(s, Source) for s in record["sources"])
    assert all(isinstance(record[k], dt.date) for k in ("reviewed", "next_review") if k in record)
    shown = shown_meta(meta, errors)
    assert set(shown) <= set(FRONT_MATTER_KEYS)
    assert all("<" not in value for value in shown.values() if isinstance(value, str))


@pytest.mark.parametrize("odd", ODD_VALUES)
def test_each_odd_value_in_each_field_of_the_inventory(tmp_path, capsys, odd):
    """Every odd value in every line of the inventory, one at a time (a deterministic sweep)."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    original = (root / "data" / "sources.yml").read_bytes()
    for number in range(original.count(b"\n") + 1):
        (root / "data" / "sources.yml").write_bytes(original)
        apply(root, [("data/sources.yml", "value", number, odd)])
        code, _ = run_validator(root, capsys)
        assert code in (0, 1, 2)
