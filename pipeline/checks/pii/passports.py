"""Passport numbers: a letter or two and 7-8 digits, counted only where a passport word says so; right after a
passport label, any 8-9 letters and digits (foreign passports: "NW8K21C94")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .hits import P_REGEX
from .keywords import find_keywords

if TYPE_CHECKING:
    from .scan import Scan

_PASSPORT = re.compile(r"(?<![\w])[A-Z]{1,2}[ ]?\d{7,8}(?!\w)")
# After the label: "paspor (kebangsaan Belanda) nomor NW8K21C94", "No. Paspor : X1234567".
_LABELLED = re.compile(r"(?<![\w])(?=[A-Z0-9]{8,9}(?!\w))(?=(?:[A-Z]*\d){4})(?=\d*[A-Z])[A-Z0-9]{8,9}")
_LABEL_REACH = 48        # characters after the passport word, on its line, where its value stands
# "Jenis Identitas : Paspor" ending its line, the number on the next: "Nomor Identitas : K1284571M".
_NUMBER_NEXT_LINE = re.compile(r"[ \t]*\r?\n[ \t]*(?:no|nomor|nomer|number|nr)\b\.?[^\n:]{0,30}:[ \t]*", re.IGNORECASE)
_NEXT_NUMBER_WORD = re.compile(r"[^\n]*?\b(?:no|nomor|nomer|number|nr)\b\.?\s*:?\s*$|\s*[:.]?\s*$", re.IGNORECASE)
# Nine digits and no letter (United States, ...): only where a number word stands right before them
# ("paspor Amerika Serikat nomor 567812345").
_DIGITS_ONLY = re.compile(r"(?<![\w.,-])\d{9}(?![\w]|[.,-]\d)")
_NUMBER_WORD_BEFORE = re.compile(r"[^\n]*?\b(?:no|nomor|nomer|number|nr)\b\.?[ \t]*:?[ \t]*$", re.IGNORECASE)


def find_passports(scan: Scan, lo: int, hi: int) -> None:
    for m in _PASSPORT.finditer(scan.text, lo, hi):
        if scan.context.family(m.start(), m.end()) == "paspor":
            scan.add(P_REGEX, m.start(), m.end(), "paspor")


def find_labelled_passports(scan: Scan) -> None:
    """Letters-and-digits passport numbers written right after a passport word (and "nomor")."""
    text = scan.text
    for _, end in find_keywords(text, scan.rx.passport_stems, ()):
        nl = text.find("\n", end, end + _LABEL_REACH)
        hi = nl if nl >= 0 else min(len(text), end + _LABEL_REACH)
        m = _LABELLED.search(text, end, hi)
        if m and _NEXT_NUMBER_WORD.match(text, end, m.start()) and scan.context.family(m.start(), m.end()) == "paspor":
            scan.add(P_REGEX, m.start(), m.end(), "paspor")
        elif (d := _DIGITS_ONLY.search(text, end, hi)) and _NUMBER_WORD_BEFORE.match(text, end, d.start()) \
                and scan.context.family(d.start(), d.end()) == "paspor":
            scan.add(P_REGEX, d.start(), d.end(), "paspor")
        elif nl >= 0 and not text[end:nl].strip():
            _number_on_next_line(scan, end)


def _number_on_next_line(scan: Scan, end: int) -> None:
    """The document type as a field's value ("Jenis Identitas : Paspor"), its number in the next field."""
    text = scan.text
    label = _NUMBER_NEXT_LINE.match(text, end)
    if label is None:
        return
    nl = text.find("\n", label.end(), label.end() + _LABEL_REACH)
    hi = nl if nl >= 0 else min(len(text), label.end() + _LABEL_REACH)
    m = _LABELLED.match(text, label.end(), hi) or _PASSPORT.match(text, label.end(), hi)
    if m and not text[m.end():hi].strip() and scan.context.family(m.start(), m.end()) == "paspor":
        scan.add(P_REGEX, m.start(), m.end(), "paspor")
