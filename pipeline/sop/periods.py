"""Periods of the SOP: a month (2026-11), a quarter (2026-T4) and a half year (2026-S2), in the agency's time
zone: a period starts at local midnight of its first day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..dates import MONTHS
from .errors import SopError

# ASCII digits only ([0-9], never \d: "٢٠٢٦" is a digit to `re`), whole text only (\Z, never $ before a newline).
_FORMS = {"bulan": re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])\Z"), "triwulan": re.compile(r"([0-9]{4})-T([1-4])\Z"),
          "semester": re.compile(r"([0-9]{4})-S([12])\Z")}
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
YEARS = range(2000, 2100)  # what an agency's records can be about; also keeps every period's end a real date
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    kind: str          # bulan | triwulan | semester
    year: int
    first_month: int
    months: int

    @property
    def code(self) -> str:
        if self.kind == "bulan":
            return f"{self.year}-{self.first_month:02d}"
        if self.kind == "triwulan":
            return f"{self.year}-T{(self.first_month - 1) // 3 + 1}"
        return f"{self.year}-S{(self.first_month - 1) // 6 + 1}"

    @property
    def title(self) -> str:
        """Bulan November 2026 / Triwulan IV 2026 / Semester II 2026"""
        if self.kind == "bulan":
            return f"{MONTHS[self.first_month - 1]} {self.year}"
        number = (self.first_month - 1) // (3 if self.kind == "triwulan" else 6)
        return f"{'Triwulan' if self.kind == 'triwulan' else 'Semester'} {ROMAN[number]} {self.year}"

    def start_day(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    def end_day(self) -> dt.date:
        """The first day after the period."""
        month = self.first_month + self.months
        return dt.date(self.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)

    def start(self, zone: str) -> dt.datetime:
        return local_midnight(self.start_day(), zone)

    def end(self, zone: str) -> dt.datetime:
        return local_midnight(self.end_day(), zone)

    def month_list(self) -> list[Period]:
        return [month_of(dt.date(self.year, m, 1)) for m in range(self.first_month, self.first_month + self.months)]

    def quarters(self) -> list[Period]:
        return [quarter_of(dt.date(self.year, m, 1)) for m in range(self.first_month, self.first_month + self.months, 3)]

    def contains(self, when: dt.datetime, zone: str) -> bool:
        return self.start(zone) <= when < self.end(zone)


def local_midnight(day: dt.date, zone: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), ZoneInfo(zone)).astimezone(dt.timezone.utc)


def local_day(when: dt.datetime, zone: str) -> dt.date:
    return when.astimezone(ZoneInfo(zone)).date()


def parse_period(text: str, allowed: tuple[str, ...] = ("bulan", "triwulan", "semester")) -> Period:
    """2026-11, 2026-T4 or 2026-S2; SopError saying which forms are accepted."""
    for kind in allowed:
        found = _FORMS[kind].match(text.strip())
        if found and int(found.group(1)) not in YEARS:
            raise SopError(f"periode '{text}' tidak dapat dibaca: tahun {found.group(1)} di luar "
                           f"{YEARS[0]}–{YEARS[-1]}")
        if found:
            year, number = int(found.group(1)), int(found.group(2))
            months = {"bulan": 1, "triwulan": 3, "semester": 6}[kind]
            first = number if kind == "bulan" else (number - 1) * months + 1
            return Period(kind, year, first, months)
    examples = {"bulan": "2026-11 (bulan)", "triwulan": "2026-T4 (triwulan)", "semester": "2026-S2 (semester)"}
    raise SopError(f"periode '{text}' tidak dapat dibaca; tulis {' atau '.join(examples[k] for k in allowed)}")


def parse_day(text: str) -> dt.date:
    """A calendar day written TTTT-BB-HH (nothing else that fromisoformat also takes: 20261105, 2026-W45-1)."""
    try:
        day = dt.date.fromisoformat(text) if _DAY.match(text) else None
    except ValueError:
        day = None
    if day is None or day.year not in YEARS:
        raise SopError(f"tanggal '{text}' tidak sah; tulis TTTT-BB-HH, contoh 2026-11-05 "
                       f"(tahun {YEARS[0]}–{YEARS[-1]})")
    return day


def month_of(day: dt.date) -> Period:
    return Period("bulan", day.year, day.month, 1)


def quarter_of(day: dt.date) -> Period:
    return Period("triwulan", day.year, (day.month - 1) // 3 * 3 + 1, 3)


def half_of(day: dt.date) -> Period:
    return Period("semester", day.year, 1 if day.month <= 6 else 7, 6)


def next_quarter(quarter: Period) -> Period:
    return quarter_of(quarter.end_day())
