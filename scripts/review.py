#!/usr/bin/env python3
"""Record a review of pages you checked against their sources, with a note of what changed for readers.

usage: review.py PAGE [PAGE ...] [--note "What changed, for readers"] [--date YYYY-MM-DD]
The command itself is mbc_guide.checks.review_command.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mbc_guide.checks.review_command import main

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
