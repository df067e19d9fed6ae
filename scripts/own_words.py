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
The command itself is mbc_guide.checks.own_words_command.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mbc_guide.checks.own_words_command import main

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
