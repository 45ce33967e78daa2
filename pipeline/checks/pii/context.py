"""Which identifier the words around a number say it is: the nearest context phrase, or its column header."""

from __future__ import annotations

from typing import TYPE_CHECKING

# Shared regexes are read as module.X: CPython 3.11 does not optimise method calls on from-imported names.
from . import tables
from .text import line_bounds

if TYPE_CHECKING:
    from .policy import PrivacyPolicy


class Context:
    """Context families of positions in one text, cached by start position."""

    def __init__(self, text: str, policy: PrivacyPolicy, headers: tables.ColumnHeaders) -> None:
        self.text = text
        self.policy = policy
        self.matcher = headers.matcher
        self.headers = headers
        self._family_cache: dict[int, str | None] = {}

    def family(self, start: int, end: int) -> str | None:
        """The identifier the text around [start, end) says this is: the nearest context word before it
        (within `context_window` characters) or, in tables, the header of its column: Markdown tables,
        pdftotext -layout columns, and pdftotext output with one cell per line."""
        if start in self._family_cache:
            return self._family_cache[start]
        result = self._family(start, end)
        self._family_cache[start] = result
        return result

    def _family(self, start: int, end: int) -> str | None:
        text = self.text
        window = self.policy.context_window
        ls, le, long = line_bounds(text, start)
        if long:
            return self._nearest(max(0, start - window), start)
        line = text[ls:le]
        stripped = line.strip()
        if stripped.startswith("|"):  # Markdown table row: same row, then the column header
            found = self._nearest(max(ls, start - window), start)
            if found:
                return found
            return self.headers.md_header_family(ls, start)
        if (line[: start - ls].strip() == "" and tables.NUMERIC_LINE.fullmatch(text, start, le)
                and self.headers.short_above(ls)):
            # The number is alone on its line below a short line: a table cell as pdftotext writes it.
            found = self.headers.vertical_family(ls)
            if found is not None:
                return found or None
            return self._nearest(max(0, start - window), start)
        if tables.LAYOUT_GAP.search(line):  # pdftotext -layout: same line, then the aligned header above
            found = self._nearest(max(ls, start - window), start)
            if found:
                return found
            found = self.headers.layout_family(ls, start, min(end, le))
            if found is not None:
                return found or None
        return self._nearest(max(0, start - window), start)

    def far_identity(self, start: int) -> str | None:
        """The nearest of NIK / KK / NPWP words within `identity_window` characters before `start`."""
        window = self.policy.identity_window
        if window <= self.policy.context_window:
            return None
        for _, _, family in reversed(self.matcher.find(self.text, max(0, start - window), start)):
            if family in ("nik", "kk", "npwp"):
                return family
        return None

    def _nearest(self, a: int, b: int) -> str | None:
        if b <= a:
            return None
        found = self.matcher.find(self.text, a, b)
        if not found:
            return None
        family = found[-1][2]
        if family == "bank":  # "rekening Bank DKI nomor ...": the bank name belongs to "rekening"
            for _, _, earlier in reversed(found[:-1]):
                if earlier == "rekening":
                    return "rekening"
                if earlier != "bank":
                    break
            return "rekening_bank"
        return family
