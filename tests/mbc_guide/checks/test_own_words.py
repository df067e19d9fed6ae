"""scripts/own_words.py (mbc_guide.checks.own_words): the own-words check, with the source texts or with their committed
fingerprint."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import shutil
from pathlib import Path

import pytest

from mbc_guide.checks import own_words, own_words_command
from mbc_guide.data.inventory import load_inventory
from tests.helpers import ROOT, SHARED, need_source_texts

OVERLAP_TOOL = SHARED / "tools" / "overlap.py"
NO_TEXTS = "/no/source/texts/here"
MADE_UP = ("The quiet lighthouse keeper counted every wave that broke against the grey stones "
           "before the morning ferry came in.")


@pytest.fixture
def docs(tmp_path) -> Path:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "docs"


def run(*args: str) -> tuple[int, str]:
    """The command scripts/own_words.py runs, in this process, with these arguments: its exit status and what it
    printed (the script itself runs in tests/test_contributing_commands.py)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), contextlib.chdir(ROOT):
        code = own_words_command.main(list(args), root=ROOT)
    return code, out.getvalue()


def test_the_site_shares_no_run_with_the_fingerprint():
    code, out = run("--source-texts", NO_TEXTS)
    assert code == 0, out
    assert "compared with the fingerprint data/own-words-fingerprint.txt (no source texts here)" in out


def test_the_fingerprint_is_not_text():
    lines = [line for line in own_words.FINGERPRINT.read_text().splitlines() if not line.startswith("#")]
    assert len(lines) > 1000
    assert all(len(line) == 16 and int(line, 16) >= 0 for line in lines)


def test_a_shared_run_is_reported_with_file_and_line(docs, tmp_path):
    fingerprint = tmp_path / "fingerprint.txt"
    own_words.write_fingerprint(own_words.fingerprint_of([MADE_UP]), fingerprint)
    page = docs / "living" / "index.md"
    page.write_text(page.read_text() + "\nAs they say, the quiet lighthouse keeper counted every wave that broke.\n")
    line = len(page.read_text().splitlines())
    code, out = run("--source-texts", NO_TEXTS, "--docs", str(docs), "--fingerprint", str(fingerprint))
    assert code == 1
    assert f"living/index.md:{line}: 9 words shared with a source: \"the quiet lighthouse keeper counted every " \
           "wave that broke\"" in out


def test_github_actions_gets_an_annotation(docs, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    fingerprint = tmp_path / "fingerprint.txt"
    own_words.write_fingerprint(own_words.fingerprint_of([MADE_UP]), fingerprint)
    page = docs / "living" / "index.md"
    page.write_text(page.read_text() + "\nThe quiet lighthouse keeper counted every wave that broke against it.\n")
    line = len(page.read_text().splitlines())
    code, out = run("--source-texts", NO_TEXTS, "--docs", str(docs), "--fingerprint", str(fingerprint))
    assert code == 1
    assert f"living/index.md,line={line}::10 words shared with a source" in out


def test_seven_words_are_not_a_run(docs, tmp_path):
    fingerprint = tmp_path / "fingerprint.txt"
    own_words.write_fingerprint(own_words.fingerprint_of([MADE_UP]), fingerprint)
    page = docs / "living" / "index.md"
    page.write_text(page.read_text() + "\nThe quiet lighthouse keeper counted every wave, we hear.\n")
    code, out = run("--source-texts", NO_TEXTS, "--docs", str(docs), "--fingerprint", str(fingerprint))
    assert code == 0, out


@pytest.mark.skipif(not OVERLAP_TOOL.exists(), reason=f"the own-words tool is not at {OVERLAP_TOOL}")
def test_words_are_read_as_the_own_words_tool_reads_them():
    spec = importlib.util.spec_from_file_location("overlap", OVERLAP_TOOL)
    overlap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(overlap)
    text = "It’s HER2-positive: 1,000 people (don't) say “so”; taxanes' use... 3.5 mg\nnew line"
    assert [w for w, _ in own_words.words(text)] == overlap.words(text)


def test_the_fingerprint_is_up_to_date_with_the_source_texts():
    folder = need_source_texts()
    inventory = load_inventory()
    assert own_words.fingerprint_of(own_words.source_texts(inventory, folder)) == own_words.read_fingerprint(), \
        "the source texts changed: run scripts/own_words.py --update and commit data/own-words-fingerprint.txt"


def test_without_the_texts_a_sentence_of_a_source_is_still_caught(docs):
    folder = need_source_texts()
    inventory = load_inventory()
    text = own_words.source_texts(inventory, folder)[0]
    sentence = max((s for s in text.split(".") if len(s.split()) >= 12), key=len).strip()
    page = docs / "living" / "index.md"
    page.write_text(page.read_text() + f"\n{sentence}.\n")
    code, out = run("--source-texts", NO_TEXTS, "--docs", str(docs))
    assert code == 1 and "living/index.md:" in out and "words shared with a source" in out


def test_an_out_of_date_fingerprint_fails_where_the_texts_are(tmp_path):
    folder = need_source_texts()
    stale = tmp_path / "fingerprint.txt"
    own_words.write_fingerprint(own_words.read_fingerprint() - {sorted(own_words.read_fingerprint())[0]}, stale)
    code, out = run("--source-texts", str(folder), "--fingerprint", str(stale))
    assert code == 1 and "the fingerprint is out of date with the source texts; run scripts/own_words.py --update" in out
