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
