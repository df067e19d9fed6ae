"""scripts/share_image.py draws the share image from the favicon in Chromium."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

DEFAULT_OUT = ROOT / "docs" / "assets" / "images" / "share.png"  # the committed image, the script's default --out


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_the_script_makes_a_1200_by_630_png(tmp_path):
    out = tmp_path / "share.png"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "share_image.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == png_size(DEFAULT_OUT.read_bytes()) == (1200, 630)
    assert abs(out.stat().st_size - DEFAULT_OUT.stat().st_size) < DEFAULT_OUT.stat().st_size / 2, \
        "the committed image looks unlike what the script makes: run scripts/share_image.py and commit it"
