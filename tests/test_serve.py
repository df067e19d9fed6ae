"""`make serve`: the preview keeps serving through a warning, and an edit to data/ or overrides/ reaches it.

Runs the Makefile's own serve command on a copy of the project, on a free local port.
(How fast an edit shows is measured by hand, not asserted: timings vary with the machine.)
"""
from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

WAIT = 120  # seconds: generous, for a busy machine


def serve_command(port: int) -> list[str]:
    """The command under `serve:` in the Makefile, with its variables filled in."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M)[1]
    recipe = recipe.replace("$(BIN)", str(Path(sys.executable).parent)).replace("$(PORT)", str(port))
    return shlex.split(recipe)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local address
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert process.poll() is None, "the preview stopped"
        page = fetch(url)
        if page and text in page:
            return page
        time.sleep(0.5)
    pytest.fail(f"{text!r} did not appear at {url} within {WAIT} s")


def test_serve_is_not_strict_and_watches_data_and_overrides():
    command = " ".join(serve_command(8000))
    assert "--no-strict" in command and "--strict " not in command
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["strict"] == "true", "make build, make check and CI stay strict"
    assert {"data", "overrides"} <= set(config["watch"])
    assert "mkdocs build --strict" in (ROOT / "Makefile").read_text()


@pytest.mark.builds
def test_the_preview_keeps_serving_and_shows_data_and_template_edits(site_copy):
    chemo = site_copy / "docs" / "treatment" / "chemotherapy.md"
    chemo.write_text(chemo.read_text() + "\nA half-typed link: [see](hormone-the.md)\n", encoding="utf-8")
    port = free_port()
    log = site_copy / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(serve_command(port), cwd=site_copy, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": "", "WHOLE_GUIDE_PDF_ES": ""},
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}/mbc-plain-guide/"
    try:
        wait_for(base + "treatment/chemotherapy/", "A half-typed link", process)
        assert "WARNING" in log.read_text(), "the warning is printed in the terminal"

        glossary = site_copy / "data" / "glossary.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8").replace(
            "definition: >-\n", "definition: >-\n      Edited in the preview.\n", 1), encoding="utf-8")
        wait_for(base + "glossary/", "Edited in the preview.", process)

        partial = site_copy / "overrides" / "partials" / "page-meta.html"
        partial.write_text(partial.read_text(encoding="utf-8") + "\n<p>Template edited.</p>\n", encoding="utf-8")
        wait_for(base + "treatment/chemotherapy/", "Template edited.", process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
