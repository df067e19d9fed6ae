"""The one file-size formatter: sizes as readers see them, in kB and MB of 1000."""
from __future__ import annotations

KB = 1000  # sizes, figures and budgets are in kB of 1000 bytes
MB = 1000 * KB


def human_size(size: int, *, exact: bool = False) -> str:
    """A size in bytes as readers see it: "640 kB", "1.2 MB" (never "0 kB"); exact: "640.4 kB", "1.23 MB"."""
    if size >= MB:
        return f"{size / MB:.{2 if exact else 1}f} MB"
    if exact:
        return f"{size / KB:.1f} kB"
    return f"{max(1, round(size / KB))} kB"
