"""The error a script's user can fix, printed as one line."""
from __future__ import annotations


class ToolError(Exception):
    """A problem the user can fix (a missing browser, a failed command); its message is printed as one line."""
