"""Phone numbers: mobile and landline, punctuated or wrapped, minus the ones the policy allows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .hits import P_REGEX
from .phrases import OTHER

if TYPE_CHECKING:
    from .scan import Scan

# Separators are one space, dot or dash, or a line break before a group of 3+ digits (wrapped text).
# Never the tail of a longer number ("8277 0501 5529 1533" holds no phone).
_PSEP = r"(?:[ .\-]|[ ]?\r?\n(?=\d{3}))"
_MOBILE = re.compile(
    rf"(?<![\w+])(?<!\d[ .\-])(?:\(\+?62\){_PSEP}?|\+[ ]?62{_PSEP}?|62{_PSEP}?|0)8[1-35-9](?:{_PSEP}?\d){{7,10}}"
    r"(?!\w|[.\-]\d)"
)
_SUB = rf"\d(?:{_PSEP}?\d){{4,7}}"   # 5-8 subscriber digits
_LANDLINE = re.compile(
    r"(?<![\w+/.])(?<!\d[ .\-])(?:"
    rf"\(0[2-79]\d{{1,2}}\)[ .\-]?{_SUB}"
    rf"|0[2-79]\d{{1,2}}{_PSEP}{_SUB}"
    rf"|(?:\(\+[ ]?62\)|\+[ ]?62){_PSEP}?(?:\([2-79]\d{{1,2}}\)|[2-79]\d{{1,2}}){_PSEP}?{_SUB}"
    r")(?!\w|[.\-/]\d)"
)
_LANDLINE_PLAIN = re.compile(r"(?<![\w+/.])(?<!\d[ .\-])0[2-79]\d{7,10}(?!\w|[.\-/]\d)")


def phone_key(value: str) -> str:
    """A phone number's digits, +62 written as 0: how allowed numbers are compared."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


def find_phones(scan: Scan, lo: int, hi: int) -> None:
    """Phones in text[lo:hi]; an unpunctuated landline only after a phone word."""
    text, allowed = scan.text, scan.rx.phones
    for rx in (_MOBILE, _LANDLINE):
        for m in rx.finditer(text, lo, hi):
            if phone_key(m.group()) in allowed or scan.context.family(m.start(), m.end()) == OTHER:
                continue
            scan.add(P_REGEX, m.start(), m.end(), "telepon")
    for m in _LANDLINE_PLAIN.finditer(text, lo, hi):
        if phone_key(m.group()) in allowed:
            continue
        if scan.context.family(m.start(), m.end()) == "telepon":
            scan.add(P_REGEX, m.start(), m.end(), "telepon")
