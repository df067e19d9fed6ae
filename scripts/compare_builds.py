#!/usr/bin/env python3
"""Prove a code change left the built site unchanged for readers: build two commits and compare them.

Each side is checked out into a temporary git worktree (the head, by default, is the
working tree as it is: its tracked changes and untracked files) and built twice: the
hosted site (`mkdocs build --strict`) and the offline copy (scripts/offline.py). Both
builds get the same SOURCE_DATE_EPOCH (the base commit's time), so dates agree.

For every page (*.html) of each build it prints what differs in the visible text, the
links, the tooltips and the metadata; then the search index entries that differ and the
files only one side has. A page whose normalised HTML differs although none of that does
is listed as "markup only", with the first differing snippet, for a person to explain.

usage: compare_builds.py --base REF [--head REF]
exit status: 0 nothing a reader sees differs, 1 something does, 2 a bad ref or a failed build.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mbc_guide.checks.site_comparison import compare_site

ROOT = Path(__file__).resolve().parents[1]
OUTPUT_TAIL = 20  # lines of a failed build's output printed


class CompareError(Exception):
    """A bad ref or a failed build; its message is printed without a traceback."""


def git(*args: str) -> str:
    """Run git in this repository and return its output, or fail with git's message."""
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        message = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise CompareError(f"git {args[0]} failed: {message}")
    return result.stdout.strip()


def commit_of(ref: str) -> str:
    """The commit a ref names, or a clear error."""
    try:
        return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except CompareError:
        raise CompareError(f"unknown git ref '{ref}'") from None


def checkout(commit: str | None, tree: Path) -> None:
    """Check a commit out into a detached worktree at tree (None: the working tree as it is), with node_modules."""
    if commit is None:
        git("worktree", "add", "--detach", str(tree), git("stash", "create") or "HEAD")
        for path in git("ls-files", "-z", "--others", "--exclude-standard").split("\0"):
            source, target = ROOT / path, tree / path
            if path and not os.path.lexists(target):
                target.parent.mkdir(parents=True, exist_ok=True)
                if source.is_symlink():
                    target.symlink_to(os.readlink(source))
                elif source.is_dir():  # a folder git lists whole: another repository inside this one
                    shutil.copytree(source, target, symlinks=True)
                else:
                    shutil.copy2(source, target)
    else:
        git("worktree", "add", "--detach", str(tree), commit)
    if not os.path.lexists(tree / "node_modules"):
        (tree / "node_modules").symlink_to((ROOT / "node_modules").resolve())


def run_build(label: str, command: list[str], tree: Path, epoch: str) -> None:
    """Run one build in tree with the tree's overrides first on PYTHONPATH; fail with its last lines of output."""
    env = {key: value for key, value in os.environ.items() if key not in ("OFFLINE", "WHOLE_GUIDE_PDF", "WHOLE_GUIDE_PDF_ES")}
    python_path = [str(tree / "overrides")] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env.update(PYTHONPATH=os.pathsep.join(python_path), SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, *command], cwd=tree, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode:
        tail = "\n".join(result.stdout.strip().splitlines()[-OUTPUT_TAIL:])
        raise CompareError(f"the {label} build failed (exit {result.returncode}); its last lines:\n{tail}")


def build_side(name: str, commit: str | None, work: Path, epoch: str) -> tuple[Path, Path]:
    """Build one side's hosted site and offline copy under work; return their folders."""
    tree, hosted, offline = work / f"{name}-tree", work / f"{name}-hosted", work / f"{name}-offline"
    checkout(commit, tree)
    started = time.monotonic()
    run_build(f"{name} hosted", ["-m", "mkdocs", "build", "--strict", "-d", str(hosted)], tree, epoch)
    middle = time.monotonic()
    run_build(f"{name} offline", ["scripts/offline.py", "--site-dir", str(offline)], tree, epoch)
    print(f"{name}: hosted built in {middle - started:.1f} s, offline in {time.monotonic() - middle:.1f} s")
    return hosted, offline


def remove_worktrees(work: Path) -> None:
    """Remove the temporary worktrees made under work."""
    for tree in sorted(work.glob("*-tree")):
        try:
            git("worktree", "remove", "--force", str(tree))
        except CompareError as err:
            print(f"warning: could not remove the worktree {tree}: {err}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with, such as HEAD~1 or origin/main")
    parser.add_argument("--head", help="the commit to compare (default: the working tree as it is)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        base = commit_of(args.base)
        head = commit_of(args.head) if args.head else None
        epoch = git("show", "-s", "--format=%ct", base)
        print(f"base: {args.base} ({base[:10]}); head: {f'{args.head} ({head[:10]})' if head else 'the working tree'}")
        with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
            work = Path(tmp)
            try:
                base_hosted, base_offline = build_side("base", base, work, epoch)
                head_hosted, head_offline = build_side("head", head, work, epoch)
            finally:
                remove_worktrees(work)
            hosted = compare_site("hosted", base_hosted, head_hosted, "search/search_index.json")
            offline = compare_site("offline", base_offline, head_offline, "search/search_index.js")
    except CompareError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"\n{hosted[0]}; {offline[0]} ({time.monotonic() - started:.0f} s)")
    return 1 if hosted[1] or offline[1] else 0


if __name__ == "__main__":
    sys.exit(main())
