"""Reading a long text in bounded pieces: the lines around a position, and the chunks a scan works in."""

from __future__ import annotations

import sys

LINE_CAP = 1000          # a longer line is prose: no table logic on it


def line_bounds(text: str, pos: int) -> tuple[int, int, bool]:
    """Start and end of the line holding `pos`, and whether it is longer than LINE_CAP."""
    lo = max(0, pos - LINE_CAP)
    i = text.rfind("\n", lo, pos)
    long = i < 0 and lo > 0
    ls = lo if long else i + 1
    hi = min(len(text), pos + LINE_CAP)
    j = text.find("\n", pos, hi)
    if j < 0:
        long = long or hi < len(text)
        j = hi
    return ls, j, long


def lines_around(text: str, start: int, end: int, before: int, after: int, reach: tuple[int, int]) -> tuple[int, int]:
    """Where the lines around [start, end) begin and end: `before` whole lines before the line holding `start`,
    `after` after the line holding `end`, never more than reach[0] characters before nor reach[1] after."""
    a = start
    for _ in range(before + 1):
        i = text.rfind("\n", max(0, start - reach[0]), a)
        if i < 0:
            a = max(0, start - reach[0])
            break
        a = i
    b = end
    for _ in range(after + 1):
        j = text.find("\n", b + 1, end + reach[1])
        if j < 0:
            b = min(len(text), end + reach[1])
            break
        b = j
    return a, b


def prev_line(text: str, cur: int) -> tuple[int, str | None]:
    """The line before the one starting at `cur` (> 0): its start and stripped text (None: too long)."""
    lo = max(0, cur - 1 - LINE_CAP)
    i = text.rfind("\n", lo, cur - 1)
    if i < 0 and lo > 0:
        return lo, None
    return i + 1, text[i + 1:cur - 1].strip()


def chunk_sizes() -> tuple[int, int]:
    """The package's _CHUNK and _CHUNK_SLACK."""
    # Read at call time from the package, where they are defined, so that shrinking them there (as the tests
    # do to put chunk edges inside numbers and keywords) reaches every module.
    package = sys.modules[__package__]
    return package._CHUNK, package._CHUNK_SLACK
