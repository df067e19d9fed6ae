#!/usr/bin/env python3
"""Record that translated pages carry their English pages' text as it is today (after translating or updating them).

usage: translated.py LANGUAGE/PAGE [LANGUAGE/PAGE ...] [--date YYYY-MM-DD]
The command itself is mbc_guide.checks.translation_command.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mbc_guide.checks.translation_command import main

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
