"""Every page of the offline copy, opened from file:// with the browser offline, at desktop and phone
widths, visited once per width and checked on that visit (page_checks.py):

- privacy and soundness: every request is for a file of the copy; no failed request, console error,
  uncaught exception or broken image; every link to a file of the copy leads to a file that exists;
  no cookie is set;
- landmarks: every navigation landmark, and any repeated landmark, has a name in Chromium's
  accessibility tree.

The served site gets the same checks, and more, in test_every_page.py.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.page_checks import BROKEN_IMAGES, WIDTHS, new_context, record_problems, taken, unnamed_landmarks

FILE_LINKS = "[...document.links].map(a => a.href).filter(h => h.startsWith('file:'))"


def html_files(site: Path) -> list[str]:
    """Paths of every page of a build, from its root ("index.html", "treatment/chemotherapy.html" offline)."""
    return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("assets/")]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_of_the_offline_copy(browser, offline_site, file_site, width):
    context = new_context(browser, "light", width)
    context.set_offline(True)
    page = context.new_page()
    recorded = record_problems(page, file_site)
    problems, checked = [], 0
    try:
        # The Spanish pages, with their English pages' structure, at phone width (as test_every_page.py visits them).
        for i, path in enumerate(p for p in html_files(offline_site) if width == "phone" or not p.startswith("es/")):
            # The first page also waits for the search index and worker, which every page shares.
            page.goto(file_site + path, wait_until="networkidle" if i == 0 else "load")
            checked += 1
            problems += [f"{path}: unnamed {landmark}" for landmark in unnamed_landmarks(page)]
            problems += [f"{path}: broken image {src}" for src in page.evaluate(BROKEN_IMAGES)]
            problems += [f"{path}: a link to no file: {href}" for href in page.evaluate(FILE_LINKS)
                         if not Path(unquote(urlsplit(href).path)).is_file()]
            problems += [f"{path}: {problem}" for problem in taken(recorded)]
        cookies = context.cookies()
    finally:
        context.close()
    assert checked > 20, "expected the whole offline copy"
    assert problems == [] and cookies == [], "\n".join(problems) + f"\ncookies: {cookies}"
