"""Commands run and timed: each must succeed, and the median of several runs is kept."""
from __future__ import annotations

import os
import statistics
import subprocess
import time
from pathlib import Path

from mbc_guide.paths import ROOT
from mbc_guide.tools.errors import ToolError


def run_command(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT,
                timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the command (no MkDocs 2 banner, no PDF unless env names one); a ToolError with its last lines on failure."""
    try:
        result = subprocess.run(cmd, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": "", "WHOLE_GUIDE_PDF_ES": "",
                                                    **(env or {})},
                                capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ToolError(f"could not run {' '.join(cmd[:3])}: {err}") from None
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-5:])
        raise ToolError(f"{' '.join(cmd[:4])} failed (exit {result.returncode}):\n{tail}")
    return result


def median_seconds(commands: dict[str, list[str]], runs: int,
                   cwd: dict[str, Path] | None = None) -> tuple[dict[str, float], dict[str, str]]:
    """Median seconds of each command over `runs` runs, in turns (a busy spell slows all alike); its last stderr."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    stderr: dict[str, str] = {}
    for _ in range(runs):
        for name, cmd in commands.items():
            start = time.perf_counter()
            stderr[name] = run_command(cmd, cwd=(cwd or {}).get(name, ROOT)).stderr
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}, stderr
