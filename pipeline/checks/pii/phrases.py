"""Context phrases: matching them in text, indexed by first word, each naming the family it stands for."""

from __future__ import annotations

import re
from typing import Iterable

NOT = "-"          # family of a 'not_context' phrase: context words inside it do not count
OTHER = "lain"     # family of 'other_identifiers': the number after them is not personal data
_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


def _phrase_regex(phrase: str) -> str:
    """A context phrase as a regex: case-insensitive, flexible spacing, optional dots."""
    parts = []
    for ch in phrase.strip():
        if ch.isspace():
            if not parts or parts[-1] != r"\s*":
                parts.append(r"\s*")
        elif ch == ".":
            parts.append(r"\.?")
        elif ch in "/-":
            parts.append(r"\s*[/\-,]?\s*")
        else:
            parts.append(re.escape(ch))
    if parts and parts[-1] == r"\.?":  # "Rek." matches "Rek." and "Rek", never "Rekap"
        parts[-1] = r"(?:\.|(?![^\W\d_]))"
    body = "".join(parts)
    start = r"(?<![^\W\d_])" if phrase.strip()[:1].isalnum() else ""
    end = r"(?![^\W\d_])" if phrase.strip()[-1:].isalnum() else ""
    return start + body + end


class PhraseMatcher:
    """Finds context phrases fast: phrases are indexed by their first word, tried only where it occurs."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        by_first: dict[str, list[tuple[str, str]]] = {}
        for phrase, family in entries:
            words = _WORD.findall(phrase.lower())
            if words:
                by_first.setdefault(words[0], []).append((phrase, family))
        self.index: dict[str, tuple[re.Pattern, dict[str, str]]] = {}
        for first, items in by_first.items():
            items.sort(key=lambda item: -len(item[0]))
            groups = {f"g{i}": family for i, (_, family) in enumerate(items)}
            rx = re.compile("|".join(f"(?P<g{i}>{_phrase_regex(phrase)})" for i, (phrase, _) in enumerate(items)),
                            re.IGNORECASE)
            self.index[first] = (rx, groups)

    def find(self, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
        """Phrases in text[a:b] as (start, end, family), those inside a 'not' phrase left out."""
        found: list[tuple[int, int, str]] = []
        blocked_until = -1    # end of the last 'not' phrase
        covered_until = -1    # end of the last phrase: "virtual account" is not "account"
        index = self.index
        for w in _WORD.finditer(text, a, b):
            entry = index.get(w.group().lower())
            if entry is None:
                continue
            start = w.start()
            if start < covered_until:
                continue
            if start > 0 and start == a and _LETTERS.match(text, start - 1):
                continue  # the window starts inside a word
            m = entry[0].match(text, start, b)
            if m is None:
                continue
            family = entry[1][m.lastgroup]
            covered_until = m.end()
            if family == NOT:
                blocked_until = max(blocked_until, m.end())
            elif start >= blocked_until:
                found.append((start, m.end(), family))
        return found

    def last(self, text: str, a: int, b: int) -> str | None:
        found = self.find(text, a, b)
        return family_name(found[-1][2]) if found else None


def family_name(family: str) -> str:
    return "rekening_bank" if family == "bank" else family


def stems(phrases: Iterable[str]) -> tuple[str, ...]:
    """The last word of each phrase, in lower case: what keyword-first searches look for."""
    found = set()
    for phrase in phrases:
        words = re.findall(r"[^\W_]+", phrase.lower())
        if words:
            found.add(words[-1])
    return tuple(sorted(found))
