"""Dates as people in the agency read them: Indonesian month names, the agency's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def tanggal(day: dt.date) -> str:
    """24 November 2026"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def waktu(instant: dt.datetime, timezone: str = "Asia/Jakarta", separator: str = " ") -> str:
    """24 November 2026 10.05 WIB (separator ', ' gives 24 November 2026, 10.05 WIB)"""
    local = instant.astimezone(ZoneInfo(timezone))
    return f"{tanggal(local.date())}{separator}{local:%H.%M} {ZONE_NAMES.get(timezone, timezone)}"
