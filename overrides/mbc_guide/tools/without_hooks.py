"""The site settings without the project's hooks, to time a build without them."""
from __future__ import annotations

import re

from mbc_guide.tools.errors import ToolError


def config_without_hooks(text: str) -> str:
    """The mkdocs.yml text without its `hooks:` list, strict mode off (the nav names pages only the hooks make)."""
    lines, out, skipping = text.splitlines(keepends=True), [], False
    for line in lines:
        if re.match(r"hooks:\s*(#.*)?$", line):
            skipping = True
            continue
        if skipping and (not line.strip() or line[0] in " \t#-"):
            continue
        skipping = False
        out.append(line)
    if len(out) == len(lines):
        raise ToolError("mkdocs.yml has no top-level `hooks:` list to leave out")
    result = "".join(out)
    result, found = re.subn(r"(?m)^strict:.*$", "strict: false", result)
    return result if found else result + "strict: false\n"
