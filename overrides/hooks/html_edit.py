"""Change HTML through a parser, touching only what is changed.

`scan(html)` reads a document with the standard library's html.parser and
returns its start tags, end tags and text, each with its exact place in the
source. Hooks decide what to change from those tokens and `splice` puts the
changes in; every other byte of the page stays as the theme or Markdown wrote
it. No regular expression ever reads the HTML.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Token:
    """A start tag ("start"), an end tag ("end") or a run of text ("text") at source[start:end]."""

    kind: str
    tag: str  # the element's name for tags, "" for text
    attrs: dict[str, str | None]
    start: int
    end: int
    text: str = ""  # the raw text, for "text" tokens

    def has_class(self, name: str) -> bool:
        """True when the tag's class attribute lists `name`."""
        return name in (self.attrs.get("class") or "").split()


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.tokens: list[Token] = []
        self._line_starts = [0]  # html.parser counts lines by "\n" alone
        newline = source.find("\n")
        while newline != -1:
            self._line_starts.append(newline + 1)
            newline = source.find("\n", newline + 1)

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._here()
        self.tokens.append(Token("start", tag, dict(attrs), start, start + len(self.get_starttag_text())))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        start = self._here()
        self.tokens.append(Token("end", tag, {}, start, self.source.index(">", start) + 1))

    def _text(self, raw: str) -> None:
        start = self._here()
        self.tokens.append(Token("text", "", {}, start, start + len(raw), raw))

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")


def scan(source: str) -> list[Token]:
    """The document's tags and text, in order, with their places in `source`."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    return scanner.tokens


def text_of(tokens: list[Token], index: int) -> str:
    """The plain text inside the element whose start tag is tokens[index] (up to its end tag)."""
    tag, depth, parts = tokens[index].tag, 0, []
    for token in tokens[index + 1:]:
        if token.tag == tag:
            depth += 1 if token.kind == "start" else -1
            if depth < 0:
                break
        elif token.kind == "text":
            parts.append(html.unescape(token.text))
    return " ".join("".join(parts).split())


def start_tag(tag: str, attrs: dict[str, str | None]) -> str:
    """A start tag written out, with every attribute value escaped."""
    written = "".join(f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'
                      for name, value in attrs.items())
    return f"<{tag}{written}>"


def splice(source: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each source[start:end] with its new text; edits must not overlap."""
    out, last = [], 0
    for start, end, new in sorted(edits, key=lambda edit: edit[0]):
        out.append(source[last:start])
        out.append(new)
        last = end
    out.append(source[last:])
    return "".join(out)
