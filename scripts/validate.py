#!/usr/bin/env python3
"""Check that the site covers every drug and side effect its sources name.

Reads data/sources.yml (the inventory), data/glossary.yml and the Markdown
pages in docs/, and reports what is covered, every gap grouped by page with
what to add, and totals. Also checks every page's sources and review dates,
and checks the inventory against the source texts themselves, both ways
(mbc_guide.checks.source_check), when the texts are there.

usage: validate.py [--format text|json] [--verbose] [--fail-overdue] [--docs DIR]
                   [--sources FILE] [--glossary FILE] [--today YYYY-MM-DD]
                   [--source-texts DIR] [--require-sources] [--propose TEXT_FILE]
                   [--record] [--config FILE]
Without the source texts, the inventory is checked against their recorded
reading (data/source_readings.json), which --record writes where the texts are.
Also checks every page against the content policy (no scripts, frames, forms,
event handlers, script-like addresses, images from other hosts, HTML comments or
the theme's ids), and refuses files in docs/ a browser would run unchecked
(mbc_guide.html.content_policy).
Every drug needs a respelling and its brand names (or why none is recorded), and
every page is read with the drug dictionary: a drug or brand name the glossary
does not know is an error (mbc_guide.names.drug_names).

exit status: 0 all covered, 1 gaps found, 2 unusable input (or, with
--require-sources or REQUIRE_SOURCES=1, no source texts). With --format json,
unusable input gives a JSON object {"ok": false, "error": {file, line, message}}.
The command itself is mbc_guide.checks.validator, which the tests run in their own process.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mbc_guide.checks.validator import main

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
