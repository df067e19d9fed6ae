"""The GitHub workflow files are valid against GitHub's workflow schema (carried by check-jsonschema)."""
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

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


def test_pull_request_workflow_runs_build_validation_and_tests():
    text = (ROOT / ".github" / "workflows" / "checks.yml").read_text()
    assert "pull_request" in text
    for command in ("make validate", "make build", "make test"):
        assert command in text


def test_ci_requires_the_source_texts():
    """CI has the source texts beside the repository: missing texts fail the run instead of skipping the check."""
    assert "export REQUIRE_SOURCES=1" in (ROOT / ".ci" / "run").read_text()
