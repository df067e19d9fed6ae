"""The one Chromium finder: $CHROMIUM_PATH, then the usual install paths, then PATH, then Playwright's own."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from mbc_guide.tools.errors import ToolError

ENV = "CHROMIUM_PATH"  # the one setting, documented in the README
INSTALL_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")  # looked for on PATH
# Flags for a headless run on a machine with no network and as root (CI).
HEADLESS_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
MISSING = (f"no Chromium found; install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install "
           f"--cask chromium) or set {ENV}")


def find_chromium() -> str | None:
    """The path of a Chromium to drive, or None (also when $CHROMIUM_PATH is set but names no file)."""
    configured = os.environ.get(ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    for candidate in INSTALL_PATHS:
        if Path(candidate).is_file():
            return candidate
    for name in NAMES:
        if shutil.which(name):
            return shutil.which(name)
    return _playwrights_own()


def chromium() -> str:
    """find_chromium(), or a ToolError saying how to get one."""
    found = find_chromium()
    if found:
        return found
    configured = os.environ.get(ENV)
    raise ToolError(f"{ENV}={configured} is not a file; point it at a Chromium or unset it" if configured else MISSING)


def version(path: str) -> str:
    """The browser's name and version ("Chromium 131.0.6778.85"), or its path when it does not say."""
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return path
    found = re.search(r"(Chrom\w+)\s+([\d.]+)", out)
    return f"{found[1]} {found[2]}" if found else path


def _playwrights_own() -> str | None:
    """The Chromium Playwright downloaded (`playwright install chromium`), if any."""
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - no Playwright, or no browser of its own
        return None
    return bundled if Path(bundled).is_file() else None
