"""Text as a reader sees it: compatibility forms folded (NFKC), invisible characters removed, letters
that only look Latin (Cyrillic, Greek, ...) mapped to the Latin letter they imitate."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib.resources import files


_FORMAT = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                     "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000e0000-\U000e0fff]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8"))
    table: dict[int, str | None] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = next((g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()), None)
        if latin:
            table[ord(char)] = latin
    return table


def fold(text: str) -> str:
    """NFKC, format characters (zero-width spaces and joiners, soft hyphen, bidi marks) removed,
    look-alike letters mapped to Latin, case folded."""
    if text.isascii():
        return text.casefold()
    text = _FORMAT.sub("", unicodedata.normalize("NFKC", text))
    table = _table()
    # translate() with the whole table is slow on long text: map only the characters this text holds.
    present = {ord(ch) for ch in set(text) if not ch.isascii()}
    return text.translate({code: table[code] for code in present if code in table}).casefold()
