#!/usr/bin/env python3
"""Check that no page repeats a run of 8 words from a source text: with the texts, or without them.

The source texts stay out of the repository, so their "fingerprint" is kept in
it instead: data/own-words-fingerprint.txt holds a short hash of every run of 8
words of the registered sources' texts (words as ../shared/tools/overlap.py
reads them), which cannot be read back as text. Every page (its Markdown file,
front matter included, as that tool reads it) and every glossary definition is
compared with the texts when they are here, else with the fingerprint. Each run
found is reported with its file and line.

With the texts here, an out-of-date fingerprint is an error too; `--update`
writes it again (a maintainer's step after a source text changes).

usage: own_words.py [--update] [--source-texts DIR] [--docs DIR]
exit status: 0 no shared run, 1 a shared run or an out-of-date fingerprint, 2 unusable input.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from mbc_guide.messages import workflow_annotations
from mbc_guide.pages import generated_pages
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import Glossary
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.site import load_all
from mbc_guide.paths import display_path
from mbc_guide.checks import source_check

FINGERPRINT = ROOT / "data" / "own-words-fingerprint.txt"
RUN = 8  # words
# Words exactly as ../shared/tools/overlap.py finds them.
WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
HEADER = ("# Own-words fingerprint: a hash of every run of 8 words of the registered source texts (BLAKE2b, 8 bytes,\n"
          "# of the words joined by one space), made by scripts/own_words.py --update. Not text: do not edit.\n")


def words(text: str) -> list[tuple[str, int]]:
    """The words of a text as overlap.py reads them (lower case, ’ as '), with where each starts."""
    lowered = text.lower().replace("\u2019", "'")
    return [(m.group(), m.start()) for m in WORD.finditer(lowered)]


def run_hash(run: list[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def fingerprint_of(texts: list[str]) -> set[str]:
    """The hashes of every run of RUN words of the texts."""
    hashes = set()
    for text in texts:
        tokens = [w for w, _ in words(text)]
        hashes.update(run_hash(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1))
    return hashes


def read_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise DataError(path, None, "the own-words fingerprint is missing; restore it from git, or run "
                                 "scripts/own_words.py --update with the source texts.") from None
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_fingerprint(hashes: set[str], path: Path = FINGERPRINT) -> None:
    path.write_text(HEADER + "".join(f"{h}\n" for h in sorted(hashes)), encoding="utf-8")


def source_texts(inventory: Inventory, folder: Path) -> list[str]:
    """The text of every registered source that has one (not the names-only ones)."""
    texts = []
    for source in inventory.text_sources():
        path = folder / source.file
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise DataError(inventory.path, source.line, f"cannot read the source text {path} ({err}).") \
                from None
    return texts


def shared_runs(text: str, hashes: set[str]) -> list[tuple[int, str]]:
    """(line, words) of each run of RUN or more words of the text whose every RUN-word window is in hashes."""
    found = words(text)
    tokens = [w for w, _ in found]
    runs, i, end = [], 0, len(tokens) - RUN + 1
    while i < end:
        if run_hash(tokens[i:i + RUN]) in hashes:
            j = i
            while j + 1 < end and run_hash(tokens[j + 1:j + 1 + RUN]) in hashes:
                j += 1
            runs.append((text.count("\n", 0, found[i][1]) + 1, " ".join(tokens[i:j + RUN])))
            i = j + RUN
        else:
            i += 1
    return runs


def check(docs: Path, glossary: Glossary, inventory: Inventory, hashes: set[str]) -> list[str]:
    """One line per shared run: file:line: how many words, and which."""
    problems = []
    pieces = [(display_path(p), p.read_text(encoding="utf-8"), 1) for p in sorted(docs.rglob("*.md"))]
    pieces += [(display_path(glossary.path), e.definition, e.line) for e in glossary.entries]
    pieces.append((f"{display_path(inventory.path)} (the Side effects A to Z page)",
                   generated_pages.side_effects_markdown(inventory), 0))
    for where, text, first_line in pieces:
        for line, run in shared_runs(text, hashes):
            at = f"{where}:{line + first_line - 1}" if first_line else where
            problems.append(f"{at}: {len(run.split())} words shared with a source: \"{run}\"; say it in your own words")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the fingerprint from the source texts")
    parser.add_argument("--source-texts", type=Path, default=None, metavar="DIR",
                        help=f"the source texts (default: {source_check.DEFAULT_TEXTS} when it exists)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--fingerprint", type=Path, default=FINGERPRINT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        inventory, glossary = load_all()
        folder, skipped = source_check.texts_folder(args.source_texts, args.update)
        committed = read_fingerprint(args.fingerprint) if not args.update else set()
        if folder:
            hashes = fingerprint_of(source_texts(inventory, folder))
            if args.update:
                write_fingerprint(hashes, args.fingerprint)
                print(f"Wrote {display_path(args.fingerprint)}: {len(hashes)} runs of {RUN} words.")
                return 0
        else:
            hashes = committed
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    problems = check(args.docs, glossary, inventory, hashes)
    if folder and hashes != committed:
        problems.append(f"{display_path(args.fingerprint)}: the fingerprint is out of date with the source "
                        "texts; run scripts/own_words.py --update and commit it")
    against = f"the source texts in {folder}" if folder else \
        f"the fingerprint {display_path(args.fingerprint)} (no source texts here)"
    for problem in problems:
        print(problem)
        where = re.match(r"(?P<file>[^\s:]+)(?::(?P<line>\d+))?(?: \([^)]*\))?: (?P<message>.*)", problem)
        if where and workflow_annotations.in_github_actions():
            print(workflow_annotations.annotation("error", where["file"], int(where["line"]) if where["line"] else None,
                                         where["message"]))
    print(f"{len(problems)} problem(s); pages compared with {against}.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
