"""One thing wrong with an input, as every command reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One thing wrong with an input, shown as `path:line: message`."""

    path: str
    line: int | None
    message: str
    refers: str | None = None  # the site path the problem is about (a link's missing target), when there is one

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def shown_name(name: str) -> str:
    """A file name as it may be printed and written into a page: bytes that are not UTF-8 (surrogates) and control
    characters escaped (\\udcff, \\n), never echoed raw to a terminal or an HTML file."""
    if name.isprintable() and not any("\ud800" <= c <= "\udfff" for c in name):
        return name
    return name.encode("unicode_escape").decode("ascii")
