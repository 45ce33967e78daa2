"""Birth dates: a date shortly after a birth word, or in a table column whose header names the birth date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

# Shared regexes are read as module.X: CPython 3.11 does not optimise method calls on from-imported names.
from . import md_tables, tables
from .hits import P_WEAK
from .identifiers import date_ok
from .keywords import find_keywords
from .text import line_bounds

if TYPE_CHECKING:
    from .scan import Scan

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
    "|january|february|march|may|june|july|august|october|december"
    "|jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|nop|des|dec"
)
_DATE = re.compile(
    r"(?<![\d\w])(?:"
    r"(?P<d1>\d{1,2})\s?(?P<s>[-/.])\s?(?P<m1>\d{1,2})\s?(?P=s)\s?(?P<y1>\d{4}|\d{2})"
    rf"|(?P<d2>\d{{1,2}})(?:\s+|-)(?P<m2>(?i:{_MONTHS}))\.?,?(?:\s+|-)(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")(?![\d\w])"
)
# "Tanggal Lahir :" (with an optional "(dd-mm-yyyy)" hint) before the value.
_LABEL_COLON = re.compile(r"[ \t]*(?:\([^)\n]{0,24}\))?[ \t]*:")
# A person in a table of NIKs is at least a few years old: later dates on the row are events, not births.
_LATEST_BIRTH_YEAR = 2020
# In such a row the date follows a cell border or the place of birth ("Bandung, 12 Mei 1985"), not prose ("pada").
_CELL_BEFORE = re.compile(r"(?:\||\t| {2,}|\b[A-Z][a-z]+,?[ ])$")
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [("januari", "january", "jan"), ("februari", "pebruari", "february", "feb", "peb"),
         ("maret", "march", "mar"), ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"),
         ("juli", "july", "jul"), ("agustus", "august", "agu", "agt", "ags", "aug"), ("september", "sep", "sept"),
         ("oktober", "october", "okt", "oct"), ("nopember", "november", "nov", "nop"),
         ("desember", "december", "des", "dec")], start=1)
    for name in names
}


def find_birth_dates(scan: Scan) -> None:
    text = scan.text
    window = scan.policy.birth_date_window
    scanned_until = header_start = -1
    for start, end in find_keywords(text, scan.rx.birth_stems, scan.rx.birth_not):
        ls, le, long = line_bounds(text, start)
        line = "" if long else text[ls:le].strip()
        border = None if long or line.startswith("|") or any(ch.isdigit() for ch in line) else tables.row_border(line)
        if line.startswith("|"):
            _birth_column(scan, ls, le, start)
        elif border:
            # the rows below a header are read once per header cell, never again from a row that names a birth
            if le > scanned_until or ls == header_start:
                header_start, scanned_until = ls, max(scanned_until, _birth_delimited(scan, ls, le, start, border))
        elif le > scanned_until and not any(ch.isdigit() for ch in line) and (
                (len(line) <= 40 and scan.headers.label_family(line) is not None) or tables.LAYOUT_GAP.search(line)):
            scanned_until = _birth_table(scan, le)  # a header cell of a PDF table
        d = _DATE.search(text, end, _value_end(text, end, min(len(text), end + window)))
        if d and _birth_date_ok(d):
            scan.add(P_WEAK, d.start(), d.end(), "tanggal_lahir")
    _dates_in_person_rows(scan)


def _value_end(text: str, end: int, hi: int) -> int:
    """Where the value of a birth label ends. "Tempat Kelahiran : Bandung" holds no date, and the date of the
    next field ("Tanggal Didaftarkan : ...") is not its value; in prose, the whole window counts."""
    m = _LABEL_COLON.match(text, end)
    if m is None:
        return hi
    nl = text.find("\n", m.end(), hi)
    if nl < 0:
        return hi
    if text[m.end():nl].strip():
        return nl
    nxt = text.find("\n", nl + 1, hi)  # "Tanggal Lahir :" alone: the value is on the next line
    return hi if nxt < 0 else nxt


def _dates_in_person_rows(scan: Scan) -> None:
    """A table row flattened to one line ("3273... Budi Santoso Bandung 12 Mei 1985"): a date of a past year
    on a line that holds a NIK is that person's birth date."""
    text = scan.text
    done: set[int] = set()
    for _, start, _, detector in list(scan.hits):
        if detector != "nik":
            continue
        ls, le, long = line_bounds(text, start)
        if long or ls in done:
            continue
        done.add(ls)
        for d in _DATE.finditer(text, ls, le):
            if (_birth_date_ok(d) and _year(d) <= _LATEST_BIRTH_YEAR
                    and _CELL_BEFORE.search(text, max(ls, d.start() - 40), d.start())):
                scan.add(P_WEAK, d.start(), d.end(), "tanggal_lahir")


def _birth_table(scan: Scan, pos: int) -> int:
    """Dates below a PDF table header naming the birth date, each checked against its column header."""
    text = scan.text
    end = pos
    for _ in range(400):  # to the first line of prose after the table
        nxt = text.find("\n", end + 1)
        if nxt < 0:
            end = len(text)
            break
        if nxt - end > 60 and not tables.LAYOUT_GAP.search(text, end + 1, nxt):
            break
        end = nxt
    for d in _DATE.finditer(text, pos, end):
        if not _birth_date_ok(d):
            continue
        ls, le, long = line_bounds(text, d.start())
        if long or ":" in text[ls:d.start()]:
            continue  # "Tanggal Didaftarkan : ..." is a labelled field, not a cell of the table
        if tables.LAYOUT_GAP.search(text, ls, le):
            fam = scan.headers.layout_family(ls, d.start(), d.end())
        else:
            fam = scan.headers.vertical_family(ls)
        if fam == "tanggal_lahir":
            scan.add(P_WEAK, d.start(), d.end(), "tanggal_lahir")
    return end


def _birth_delimited(scan: Scan, ls: int, le: int, pos: int, border: str) -> int:
    """A header cell naming the birth date in a flattened table (tabs, "|", a CSV export): the dates in that
    column of the rows below, to the first line that is no row of the same table (returned)."""
    text = scan.text
    col = text.count(border, ls, pos)
    width = text.count(border, ls, le)
    cur = le + 1
    while cur < len(text):
        end = text.find("\n", cur)
        end = len(text) if end < 0 else end
        count = text.count(border, cur, end)
        if count == 0 or (border in tables.CSV_BORDERS and count != width):
            break
        if count >= col:   # a short row has no cell in this column
            a = cur
            for _ in range(col):
                a = text.find(border, a, end) + 1
            b = text.find(border, a, end)
            for d in _DATE.finditer(text, a, end if b < 0 else b):
                if _birth_date_ok(d):
                    scan.add(P_WEAK, d.start(), d.end(), "tanggal_lahir")
        cur = end + 1
    return cur


def _birth_column(scan: Scan, ls: int, le: int, pos: int) -> None:
    """A Markdown header cell naming the birth date: every date in that column below."""
    text = scan.text
    nxt_end = text.find("\n", le + 1)
    nxt_end = len(text) if nxt_end < 0 else nxt_end
    if le >= len(text) or not md_tables.MD_SEPARATOR.fullmatch(text[le + 1:nxt_end].strip()):
        return
    col = md_tables.cell_index(text[ls:pos])
    cur = nxt_end + 1
    while cur < len(text):
        end = text.find("\n", cur)
        end = len(text) if end < 0 else end
        row = text[cur:end]
        if not row.strip().startswith("|"):
            break
        spans = md_tables.cell_spans(row)
        if 0 <= col < len(spans):
            a, b = spans[col]
            for d in _DATE.finditer(text, cur + a, cur + b):
                if _birth_date_ok(d):
                    scan.add(P_WEAK, d.start(), d.end(), "tanggal_lahir")
        cur = end + 1


def _year(m: re.Match) -> int:
    year = m.group("y1") or m.group("y2") or m.group("y3")
    n = int(year)
    return n + (1900 if n > 30 else 2000) if len(year) == 2 else n


def _birth_date_ok(m: re.Match) -> bool:
    g = m.groupdict()
    try:
        if g["d1"]:
            day, month, year = int(g["d1"]), int(g["m1"]), int(g["y1"])
            if len(g["y1"]) == 2:
                year += 1900 if year > 30 else 2000
        elif g["d2"]:
            day, month, year = int(g["d2"]), _MONTH_NUMBER[g["m2"].lower()], int(g["y2"])
        else:
            day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
    except (KeyError, ValueError):
        return False
    return 1900 <= year <= 2035 and date_ok(year, month, day)
