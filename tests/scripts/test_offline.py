"""scripts/offline.py's command line: clear errors, no traceback, nothing half-written."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT


def test_missing_node_modules_is_one_clear_line(tmp_path):
    script = tmp_path / "project" / "scripts" / "offline.py"  # the script in a project without node_modules/
    script.parent.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "offline.py", script)
    result = subprocess.run([sys.executable, str(script), "--site-dir", str(tmp_path / "site"), "--zip",
                             str(tmp_path / "x.zip")], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: node_modules/iframe-worker is missing; "
                                     "run `npm ci` in the repository root first.")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("args, message", [
    (["--zip", "bundle.tar"], "--zip must name a .zip file"),
    (["--site-dir", "out", "--zip", "out/x.zip"], "--zip must be outside --site-dir"),
])
def test_bad_arguments_get_a_message_not_a_traceback(tmp_path, args, message):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/offline.py"), *args], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
