"""Whole-word keyword search, where the keyword-first detectors (birth dates, passports) start."""

from __future__ import annotations

import re

from .text import chunk_sizes


def find_keywords(text: str, stems: tuple[str, ...], nots: tuple[str, ...], first_only: bool = False
                  ) -> list[tuple[int, int]]:
    """Whole-word occurrences of the stems (lower case), minus those inside a 'not' phrase.
    Searched with str.find on lower-cased chunks: far faster than a case-insensitive regex."""
    chunk_size, slack = chunk_sizes()
    size = len(text)
    found: list[tuple[int, int]] = []
    for c0 in range(0, size, chunk_size):
        c1 = min(size, c0 + chunk_size + slack)
        chunk = text[c0:c1]
        low = chunk.lower()
        hits: list[tuple[int, int]] = []
        if len(low) != len(chunk):  # a letter whose lower case is longer: offsets would shift
            for stem in stems:
                rx = r"(?<![^\W\d_])" + re.escape(stem) + r"(?![^\W\d_])"
                hits += [(m.start(), m.end()) for m in re.finditer(rx, chunk, re.IGNORECASE)]
        else:
            for stem in stems:
                n = len(stem)
                i = low.find(stem)
                while i >= 0:
                    before = low[i - 1] if i else (text[c0 - 1] if c0 else " ")
                    after = low[i + n] if i + n < len(low) else (text[c0 + i + n] if c0 + i + n < size else " ")
                    if not (before.isalpha() or after.isalpha()):
                        hits.append((i, i + n))
                    i = low.find(stem, i + n)
        for start, end in hits:
            if start >= chunk_size:
                continue  # in the slack: the next chunk reports it
            stem = low[start:end]
            if any(stem in p and _inside(text, c0 + start, c0 + end, p) for p in nots):
                continue  # "hari lahir" is no birth date
            found.append((c0 + start, c0 + end))
            if first_only:
                return found
    found.sort()
    return found


def _inside(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether text[start:end] lies inside an occurrence of `phrase` (lower case)."""
    lo = max(0, start - len(phrase))
    around = text[lo:end + len(phrase)].lower()
    i = around.find(phrase)
    while i >= 0:
        if lo + i <= start and lo + i + len(phrase) >= end:
            return True
        i = around.find(phrase, i + 1)
    return False
