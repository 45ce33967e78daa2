"""Structural checks of Indonesian identifiers (NIK/KK, NPWP, NIP) and of calendar dates."""

from __future__ import annotations

import calendar

_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a NIK's year has two digits: allow 29 Feb
NIK_PROVINCES = frozenset(
    [str(n) for n in range(11, 20)] + ["21"] + [str(n) for n in range(31, 37)] + ["51", "52", "53"]
    + [str(n) for n in range(61, 66)] + [str(n) for n in range(71, 77)] + ["81", "82"]
    + [str(n) for n in range(91, 97)]
)


def date_ok(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def nik_ok(d: str) -> bool:
    """16 digits shaped like a NIK: province, regency, district, birth date (women +40), serial."""
    if len(d) != 16 or d[:2] not in NIK_PROVINCES or d[2:4] == "00" or d[4:6] == "00" or d[12:] == "0000":
        return False
    day, month = int(d[6:8]), int(d[8:10])
    if day > 40:
        day -= 40
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]


def _luhn_ok(d: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(d)):
        n = int(ch)
        if index % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def npwp_ok(d: str) -> bool:
    """15 digits (or 16 with a leading 0) whose 9th digit is the Luhn check of the first 8."""
    if len(d) == 16:
        if d[0] != "0":
            return False
        d = d[1:]
    return len(d) == 15 and _luhn_ok(d[:9]) and d[:9] != "000000000"


def nip_ok(d: str, current_year: int = 2030) -> bool:
    """18 digits: birth date, appointment year-month (at 17 or older), gender 1/2, serial."""
    if len(d) != 18 or d[14] not in "12" or d[15:] == "000":
        return False
    year, month, day = int(d[:4]), int(d[4:6]), int(d[6:8])
    if not 1935 <= year <= current_year - 17 or not date_ok(year, month, day):
        return False
    a_year, a_month = int(d[8:12]), int(d[12:14])
    return year + 17 <= a_year <= current_year and 1 <= a_month <= 12
