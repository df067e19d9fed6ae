"""Every page of the hosted build and of the offline copy is valid HTML: the W3C Nu Html Checker reports no error.

The checker is `vnu-jar` from npm (pinned in package.json, installed by `npm ci`) and runs on
Java (Debian: default-jre-headless, which .ci/run installs). Without Java the test is skipped
with a loud message, unless REQUIRE_BROWSER=1 (the full suite, as CI runs it), when it fails.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, need_npm_packages

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NO_JAVA = ("NO JAVA FOUND: the HTML check is skipped. Install it (Debian/Ubuntu: sudo apt-get install "
           "default-jre-headless; macOS: brew install openjdk).")


def check_html(*folders: Path) -> list[str]:
    """Run the Nu Html Checker over every HTML file in the folders; return its errors as 'file:line: message'."""
    java = shutil.which("java")
    if java is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {NO_JAVA}")
        pytest.skip(NO_JAVA)
    need_npm_packages("vnu-jar")
    assert VNU_JAR.is_file(), "node_modules/vnu-jar has no vnu.jar: run `npm ci` in the repository root."
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html",
                             *map(str, folders)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors or result.returncode == 0, result.stderr[-2000:]
    return errors


def test_hosted_and_offline_pages_have_no_html_errors(built_site, offline_site, tmp_path):
    """Both builds pass; and the check can fail: the theme's own invalid output, as it was before
    theme_html.py, is reported (checked in the same run: the checker takes seconds to start)."""
    # The offline copy's Spanish pages are the hosted ones with .html links: the hosted Spanish pages are checked.
    pages = list(built_site.rglob("*.html")) + [page for page in offline_site.rglob("*.html")
                                                if (offline_site / "es") not in page.parents]
    assert len(pages) > 30, "both builds should be checked"
    broken = tmp_path / "page.html"
    broken.write_text('<!doctype html><html lang="en"><head><title>x</title></head><body>'
                      '<input type="checkbox" id="__drawer" autocomplete="off">'
                      '<label for="__nav_1" id="__nav_1_label" tabindex=""></label></body></html>', encoding="utf-8")
    errors = check_html(built_site, offline_site, tmp_path)
    found = [e for e in errors if e.startswith(str(broken))]
    assert any("autocomplete" in e for e in found) and any("tabindex" in e for e in found), errors
    site_errors = [e for e in errors if e not in found]
    assert site_errors == [], f"{len(site_errors)} HTML errors:\n" + "\n".join(site_errors[:40])
