"""The search worker's unit tests (tests/js/, `node --test`), run as part of `make test`.

MATERIAL_WORKER tells them where the installed theme's own search worker is, so
they also check its messages are what the site's worker expects.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import material

from tests.helpers import ROOT

THEME_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_search_worker_unit_tests_pass_under_node():
    node = shutil.which("node")
    assert node, "Node.js is needed for the search worker's tests (Debian/Ubuntu: sudo apt-get install nodejs)"
    workers = sorted(THEME_WORKERS.glob("search.*.min.js"))
    assert len(workers) == 1, f"expected one search worker in {THEME_WORKERS}, found {[w.name for w in workers]}"
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "MATERIAL_WORKER": str(workers[0])})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout, result.stdout[-2000:]
