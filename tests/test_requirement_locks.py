"""The Python locks: every package pinned with its hashes, at the versions of the pinned files, installed by hash."""
from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

LOCKS = {"requirements-lock.txt": ("requirements.txt",),
         "requirements-dev-lock.txt": ("requirements.txt", "requirements-dev.txt")}


def canonical(name: str) -> str:
    """A package name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(file: str) -> dict[str, str]:
    """The name == version lines of a pinned file (its -r lines and comments left out)."""
    lines = (line.split("#")[0].strip() for line in (ROOT / file).read_text().splitlines())
    return {canonical(name): version for name, version in (line.split("==") for line in lines
                                                            if line and not line.startswith("-"))}


def locked(file: str) -> dict[str, tuple[str, list[str]]]:
    """Each requirement of a lock: its version and hashes (continued lines joined)."""
    text = re.sub(r"\\\n", " ", (ROOT / file).read_text())
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9][\w.-]*)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)\s*", line)
            assert match, f"{file}: not a pinned requirement with sha256 hashes: {line[:120]}"
            found[canonical(match[1])] = (match[2], re.findall(r"sha256:([0-9a-f]{64})", match[3]))
    return found


@pytest.mark.parametrize("lock", LOCKS)
def test_every_locked_package_has_hashes(lock):
    packages = locked(lock)
    assert len(packages) > 10 and all(hashes for _, hashes in packages.values())


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_has_the_versions_of_the_pinned_files(lock):
    wanted = {name: version for file in LOCKS[lock] for name, version in pins(file).items()}
    assert {name: version for name, (version, _) in locked(lock).items()} == wanted


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_says_how_to_regenerate_it(lock):
    first = (ROOT / lock).read_text().splitlines()[0]
    assert first.startswith("# ") and "make lock" in first


def test_make_installs_by_hash_from_the_dev_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r requirements-dev-lock.txt" in makefile
    assert re.search(r"^\$\(VENV\)/\.installed: requirements-lock\.txt requirements-dev-lock\.txt pyproject\.toml$",
                     makefile, re.M)
    # The site's own library: no hash (it is this repository), no dependencies of its own, the pinned build backend.
    assert "pip install --quiet --no-deps --no-build-isolation --editable ." in makefile


def test_a_line_without_a_hash_is_caught(tmp_path, monkeypatch):
    (tmp_path / "bad-lock.txt").write_text("# made by hand\nmkdocs==1.6.1\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    with pytest.raises(AssertionError, match="mkdocs==1.6.1"):
        locked("bad-lock.txt")
