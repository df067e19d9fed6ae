"""The GitHub workflow files are valid against GitHub's workflow schema (carried by check-jsonschema)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def lint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True)


def test_there_are_checks_and_publish_workflows():
    assert {p.name for p in WORKFLOWS} >= {"checks.yml", "publish.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_schema(workflow):
    result = lint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_lint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  a:\n    steps: []\n")  # no runs-on
    assert lint(broken).returncode != 0


def test_pull_request_workflow_runs_the_quick_check_and_the_tests():
    text = (ROOT / ".github" / "workflows" / "checks.yml").read_text()
    assert "pull_request" in text
    for command in ("make check", "make test"):
        assert command in text


def steps_of(workflow: str) -> list[dict]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_every_action_is_pinned_by_full_sha():
    for workflow in WORKFLOWS:
        for step in steps_of(workflow.name):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), (workflow.name, step["uses"])


def test_pull_requests_run_without_secrets():
    text = (ROOT / ".github" / "workflows" / "checks.yml").read_text()
    assert "pull_request_target" not in text
    assert yaml.safe_load(text)["permissions"] == {"contents": "read"}


def test_pull_requests_get_the_reviewers_report_and_the_built_site():
    steps = steps_of("checks.yml")
    report = next(s for s in steps if "pr_report.py" in s.get("run", ""))
    assert "--base" in report["run"] and "$GITHUB_STEP_SUMMARY" in report["run"]
    assert "${{" not in report["run"], "untrusted values reach the shell through env:, never inline"
    assert report["if"].endswith("github.event_name == 'pull_request'")
    build = next(s for s in steps if "make offline" in s.get("run", ""))
    assert "make build" in build["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "site/" in upload["with"]["path"] and "dist/mbc-guide-offline.zip" in upload["with"]["path"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False


DEBIAN_NODE = (18, 19, 0)  # what .ci/run installs with apt-get on a Debian 12 machine without Node


def node_major(text: str) -> set[str]:
    return set(re.findall(r'node-version: "(\d+)"', text))


def satisfies(version: tuple[int, int, int], spec: str) -> bool:
    """Whether a version meets an npm `engines` range (the forms npm packages use: ||, spaces, >=, ^, ~, x)."""
    def one(comparator: str) -> bool:
        match = re.fullmatch(r"(>=|<=|>|<|\^|~|=)?\s*v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?", comparator)
        if not match:
            return comparator in ("*", "")
        op, *parts = match.groups()
        wanted = [int(p) if p and p.isdigit() else None for p in parts]
        floor = tuple(p or 0 for p in wanted)
        if op in (None, "=") and None in wanted:
            size = wanted.index(None)
            return version[:size] == floor[:size]
        if op == "^":
            return version >= floor and version[0] == floor[0]
        if op == "~":
            return version >= floor and version[:2] == floor[:2]
        return {">=": version >= floor, ">": version > floor, "<=": version <= floor, "<": version < floor,
                "=": version == floor, None: version == floor}[op]
    return any(all(one(c) for c in re.findall(r"(?:[<>]=?|[\^~=])?\s*[\dvx*][\w.*]*", part.strip()) or [""])
               for part in spec.split("||"))


def test_node_version_meets_every_npm_package_engines():
    """No EBADENGINE: the Node of the workflows (and README) satisfies every locked package's engines."""
    majors = node_major((ROOT / ".github" / "workflows" / "checks.yml").read_text()) | \
        node_major((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    assert len(majors) == 1, f"the workflows disagree on Node: {majors}"
    major = int(majors.pop())
    assert f"Node.js {major}" in (ROOT / "README.md").read_text()
    running = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")
    version = tuple(map(int, running.split("."))) if running.startswith(f"{major}.") else (major, 0, 0)
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, package in lock["packages"].items():
        engines = (package.get("engines") or {}).get("node") if isinstance(package.get("engines"), dict) else None
        for node in (version, DEBIAN_NODE) if engines else ():
            assert satisfies(node, engines), f"{name or 'the project'} needs Node {engines}, not {node}"


def test_engine_ranges_are_read_right():
    assert satisfies((20, 20, 2), ">=18.20") and not satisfies((20, 20, 2), ">=22.19")
    assert satisfies((20, 0, 0), "^18.0.0 || >=20") and not satisfies((19, 0, 0), "^18.0.0 || >=20")
    assert satisfies((20, 1, 0), ">= 14.17 < 21") and satisfies((20, 5, 0), "20.x") and not satisfies((21, 0, 0), "20")


def test_ci_requires_the_source_texts():
    """CI has the source texts beside the repository: missing texts fail the run instead of skipping the check."""
    assert "export REQUIRE_SOURCES=1" in (ROOT / ".ci" / "run").read_text()


def test_nothing_is_published_before_every_check_passed():
    runs = [step.get("run", "") for step in steps_of("publish.yml")]
    upload = next(i for i, step in enumerate(steps_of("publish.yml")) if "upload-pages-artifact" in step.get("uses", ""))
    assert runs.index("make check") < runs.index("make test") < upload


def test_ci_fails_on_a_page_past_its_next_review():
    test_target = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/validate.py --fail-overdue" in test_target
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_code_owners_review_what_can_change_readers_browsers():
    owned = [line.split()[0] for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    for path in ("/mkdocs.yml", "/overrides/", "/scripts/", "/.github/", "/.ci/", "/Makefile", "/docs/assets/",
                 "/docs/**/*.html", "/docs/**/*.svg", "/docs/**/*.js", "/requirements*.txt", "/package-lock.json"):
        assert path in owned, path
