"""The pull-request template and the issue forms speak to outside contributors: nothing in them needs a file
that is not in the repository, and every command they name exists."""
from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

TEMPLATES = [ROOT / ".github" / "pull_request_template.md", *sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*"))]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_needs_nothing_outside_the_repository(template):
    text = template.read_text(encoding="utf-8")
    assert "../" not in text and "shared/" not in text, "a contributor's clone has nothing beside it"
    for path in re.findall(r"`((?:\.?[\w-]+/)*[\w.-]+\.(?:md|yml|yaml|py|txt|json))`", text):
        assert (ROOT / path).exists() or path.endswith(".md") and (ROOT / "docs" / path).exists(), path
    makefile = (ROOT / "Makefile").read_text()
    for target in re.findall(r"`make (\w+)`", text):
        assert re.search(rf"^{target}:", makefile, re.M), f"`make {target}` is not a Makefile target"
    for script in re.findall(r"scripts/[\w.]+\.py", text):
        assert (ROOT / script).is_file(), script


def test_the_pull_request_template_names_the_quick_check():
    text = TEMPLATES[0].read_text(encoding="utf-8")
    assert "`make check`" in text and "site-for-review" in text
