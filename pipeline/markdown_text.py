"""What the checks need to know of a Markdown body: its links and its heading anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from markdown.extensions.toc import slugify, unique

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE_CODE = re.compile(r"`+[^`]*`+")
_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML_REF = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Link:
    line: int
    target: str


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Lines outside fenced code blocks, with inline code removed, numbered as in the file."""
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield first_line + offset, _INLINE_CODE.sub("", line)


def links(body: str, first_line: int) -> Iterator[Link]:
    for number, line in prose_lines(body, first_line):
        if "](" in line:  # cheap tests first: most lines of a page hold no link at all
            for match in _LINK.finditer(line):
                yield Link(number, match.group(1))
        if "]:" in line:
            ref = _REFDEF.match(line)
            if ref:
                yield Link(number, ref.group(1))
        if "=" in line:
            for match in _HTML_REF.finditer(line):
                yield Link(number, match.group(1))


def anchors(body: str) -> set[str]:
    """Heading ids as MkDocs' toc extension makes them (custom `{#id}` honoured)."""
    found: set[str] = set()
    for _, line in prose_lines(body, 1):
        match = _ATX.match(line)
        if not match:
            continue
        text = match.group(2)
        custom = _ATTR_ID.search(text)
        if custom:
            found.add(custom.group(1))
            continue
        text = re.sub(r"\{[^}]*\}\s*$", "", text)
        text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
        found.add(unique(slugify(text, "-"), found))
    return found
