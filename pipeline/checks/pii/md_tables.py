"""Markdown table rows: their cells, where each cell lies, and the header separator line."""

from __future__ import annotations

import re

MD_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")


def cell_index(prefix: str) -> int:
    """Which cell of a Markdown row a position is in, from the row text before it."""
    count = 0
    escaped = False
    for ch in prefix:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            count += 1
    leading = 1 if prefix.lstrip().startswith("|") else 0
    return count - leading


def cell_spans(row: str) -> list[tuple[int, int]]:
    spans = []
    bars = [i for i, ch in enumerate(row) if ch == "|" and (i == 0 or row[i - 1] != "\\")]
    if not bars:
        return [(0, len(row))]
    if row[: bars[0]].strip():
        bars.insert(0, -1)
    for a, b in zip(bars, bars[1:]):
        spans.append((a + 1, b))
    if row[bars[-1] + 1:].strip():
        spans.append((bars[-1] + 1, len(row)))
    return spans


def cell_texts(row: str) -> list[str]:
    return [row[a:b].strip() for a, b in cell_spans(row)]
