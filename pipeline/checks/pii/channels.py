"""Contact channels of public services: a mobile number or a free-mail address listed among a public body's own
channels (its complaint desk's WhatsApp, its hospital's SMS line, its office mailbox at gmail.com) is that body's,
not a person's.

The decision reads the block of lines around the value: a public body's contact data or a service word there
(an office line or fax, an address on go.id/ac.id/..., "Pengaduan", "Call Center", a go.id web address) makes it
a channel list; a person's identifier or a person's field label ("Nama", "Alamat", "Pemohon", ...) makes it a
person's record, and a person's record always wins."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .hits import LANDLINE, Hit
from .text import lines_around

if TYPE_CHECKING:
    from .context import Context

# Hits whose value is undecided until the block around it is read: a mobile number with no label saying whose
# it is (or only a device word: "HP", "Handphone"), and an address at a free-mail provider (gmail.com, ...).
MOBILE = "telepon~"
FREE_MAIL = "email~"
RESOLVED = {MOBILE: ("telepon_kantor", "telepon"), FREE_MAIL: ("email_instansi", "email")}

_LINES_BEFORE, _LINES_AFTER = 4, 2
_CHARS_BEFORE, _CHARS_AFTER = 400, 200
_CHARS_MIN = 250
_PERSONAL_IDS = frozenset(["nik", "kk", "tanggal_lahir", "paspor", "bpjs", "npwp", "npwp?"])
_PUBLIC_HITS = frozenset(["telepon_kantor", "email_instansi", LANDLINE])
# Field labels of a person's record, written as labels ("Nama :", "| Nama |", "Alamat\n:"): the words alone
# occur in channel lists too ("Balik Nama", "Alamat e-mail :").
_PERSON_LABELS = re.compile(
    r"\b(?:nama(?:[ \t]+lengkap)?|alamat(?:[ \t]+(?:rumah|tinggal))?|pekerjaan|pemohon|pengadu|pelapor|identitas"
    r"(?:[ \t]+\w+)?|pasien|peserta|terdakwa|(?:tempat[ \t]*/[ \t]*)?tgl\.?[ \t]+lahir|tanggal[ \t]+lahir|ttl)"
    r"[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*(?:\r?\n[ \t]*)?[:|]", re.IGNORECASE)
# A person named as the one to contact, in the value's sentence: "disampaikan kepada Asep Sembiring melalui
# WhatsApp 0852...". A channel list addresses an office ("ditujukan kepada: Dinas ..." ends its line with ":").
_ADDRESSEE = re.compile(r"\b(?i:kepada|saudara|saudari|sdr|sdri|bapak|bpk|pak|ibu|bu)\.?[ \t\r\n]+[A-Z][a-z]+")
_ADDRESSEE_LINES = 2   # lines before the value's own that its sentence may start on
# A table of people: its rows are people's records whatever office each person works for (an attendance list).
_TABLE_LINE = re.compile(r"[ \t]*\||.*\S(?: {3,}|\t)\S")
_NAME_COLUMN = re.compile(r"\bnama\b", re.IGNORECASE)
# pdftotext writes a table one cell per line: a run of short lines, the header cells at its top.
_CELL_LINE = re.compile(r"[^\n]{0,40}")
_NAME_CELL = re.compile(r"[ \t]*nama(?:[ \t]+lengkap)?[ \t]*", re.IGNORECASE)
_TABLE_REACH = 80   # lines of one table looked at above the value
# A message format published with the number ("dengan format: #SINKRONISASI#NIK#Nomor KK"): a service's number.
_MESSAGE_FORMAT = re.compile(r"#[^\W\d][^#\n]*#[^\W\d][^#\n]*#")
_PUBLIC_WEB = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:go|ac|sch|mil|desa)\.id(?![\w-]|\.[^\W_])", re.IGNORECASE)


def block(text: str, pos: int) -> tuple[int, int]:
    """The lines around `pos` that make up its contact block: a few before, fewer after."""
    a, b = lines_around(text, pos, pos, _LINES_BEFORE, _LINES_AFTER, (_CHARS_BEFORE, _CHARS_AFTER))
    return min(a, max(0, pos - _CHARS_MIN)), b   # one cell per line (pdftotext): lines are short, reach further


def _in_a_table_of_people(text: str, pos: int) -> bool:
    """Whether the value is in a table row (Markdown, columns aligned with spaces, or one cell per line) under a
    "Nama" column."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    for _ in range(_TABLE_REACH):
        line = text[ls:le]
        if _TABLE_LINE.match(line):
            if _NAME_COLUMN.search(line):
                return True
        elif not _CELL_LINE.fullmatch(line):
            return False
        elif _NAME_CELL.fullmatch(line):
            return True
        if ls == 0:
            return False
        le = ls - 1
        ls = text.rfind("\n", 0, le) + 1
    return False


def is_public_channel(text: str, context: Context, chosen: list[Hit], starts: list[int], pos: int, end: int) -> bool:
    """Whether the value at [pos, end) is listed among a public body's channels and in no person's record. The
    value itself is no evidence ("nama@dinas.go.id.evil.com" names no public web address)."""
    a, b = block(text, pos)
    sentence = lines_around(text, pos, pos, _ADDRESSEE_LINES, 0, (_CHARS_BEFORE, _CHARS_AFTER))
    if _PERSON_LABELS.search(text, a, b) or _ADDRESSEE.search(text, *sentence) or _in_a_table_of_people(text, pos):
        return False
    public = False
    k = bisect.bisect_left(starts, a)
    while k < len(chosen) and chosen[k][1] < b:
        det = chosen[k][3]
        if det in _PERSONAL_IDS:
            return False
        public = public or (det in _PUBLIC_HITS and chosen[k][1] != pos)
        k += 1
    if public:
        return True
    for lo, hi in ((a, pos), (end, b)):
        if _PUBLIC_WEB.search(text, lo, hi) or _MESSAGE_FORMAT.search(text, lo, hi):
            return True
        if any(family == "telepon_kantor" for _, _, family in context.matcher.find(text, lo, hi)):
            return True
    return False
