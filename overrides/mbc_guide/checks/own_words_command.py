"""scripts/own_words.py: check that no page repeats a run of 8 words from a source text, with the texts or without
them (their fingerprint), and write the fingerprint again (--update)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mbc_guide.checks import own_words, source_check
from mbc_guide.data.errors import DataError
from mbc_guide.data.site import load_all
from mbc_guide.messages import workflow_annotations
from mbc_guide.paths import ROOT, display_path


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Run the check (or write the fingerprint); print each shared run at its file and line; the exit status."""
    parser = argparse.ArgumentParser(description="Check that no page repeats a run of 8 words from a source text.")
    parser.add_argument("--update", action="store_true", help="write the fingerprint from the source texts")
    parser.add_argument("--source-texts", type=Path, default=None, metavar="DIR",
                        help=f"the source texts (default: {source_check.DEFAULT_TEXTS} when it exists)")
    parser.add_argument("--docs", type=Path, default=root / "docs")
    parser.add_argument("--fingerprint", type=Path, default=root / "data" / own_words.FINGERPRINT.name,
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        inventory, glossary = load_all(root / "data" / "sources.yml", root / "data" / "glossary.yml")
        folder, skipped = source_check.texts_folder(args.source_texts, args.update, root)
        committed = own_words.read_fingerprint(args.fingerprint) if not args.update else set()
        if folder:
            hashes = own_words.fingerprint_of(own_words.source_texts(inventory, folder))
            if args.update:
                own_words.write_fingerprint(hashes, args.fingerprint)
                print(f"Wrote {display_path(args.fingerprint)}: {len(hashes)} runs of {own_words.RUN} words.")
                return 0
        else:
            hashes = committed
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    problems = own_words.check(args.docs, glossary, inventory, hashes)
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
