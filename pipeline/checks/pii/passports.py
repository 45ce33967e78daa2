"""Passport numbers: a letter or two and 7 digits, counted only where a passport word says so."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .hits import P_REGEX

if TYPE_CHECKING:
    from .scan import Scan

_PASSPORT = re.compile(r"(?<![\w])[A-Z]{1,2}[ ]?\d{7}(?!\w)")


def find_passports(scan: Scan, lo: int, hi: int) -> None:
    for m in _PASSPORT.finditer(scan.text, lo, hi):
        if scan.context.family(m.start(), m.end()) == "paspor":
            scan.add(P_REGEX, m.start(), m.end(), "paspor")
