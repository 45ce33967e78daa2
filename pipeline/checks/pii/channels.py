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
from .text import line_bounds, lines_around

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
_LABEL_SPILL = 12
_CHUNK, _OVERLAP = 2048, 256   # public evidence is found once per chunk of text; no word or address is longer   # "Alamat\n:": how far past its line a person's field label may end
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


class Channels:
    """The channel decisions of one scan: `public(start, end)` for each undecided value, with what is shared
    between values (whether a line sits in a table of people) worked out once per line."""

    def __init__(self, text: str, context: Context, chosen: list[Hit], starts: list[int]) -> None:
        self.text = text
        self.context = context
        self.chosen = chosen
        self.starts = starts
        self._people: dict[int, bool] = {}   # line start -> in a table of people
        self._flags: dict[int, tuple[bool, bool]] = {}   # line start -> _line_flags
        self._chunks: dict[int, list[tuple[int, int]]] = {}   # chunk index -> spans of public evidence

    def public(self, pos: int, end: int) -> bool:
        """Whether the value at [pos, end) is listed among a public body's channels and in no person's record.
        The value itself is no evidence ("nama@dinas.go.id.evil.com" names no public web address)."""
        text = self.text
        a, b = block(text, pos)
        own_start, own_end, long = line_bounds(text, pos)
        if long:   # prose: its words are read only in the value's own reach, never cached per line
            own_start, own_end = a, b
        others = [] if long else self._lines(a, b, own_start)
        sentence = lines_around(text, pos, pos, _ADDRESSEE_LINES, 0, (_CHARS_BEFORE, _CHARS_AFTER))
        if (any(self._line_flags(ls)[0] for ls in others) or _PERSON_LABELS.search(text, own_start, own_end)
                or _ADDRESSEE.search(text, *sentence) or self._in_a_table_of_people(pos)):
            return False
        public = False
        k = bisect.bisect_left(self.starts, a)
        while k < len(self.chosen) and self.chosen[k][1] < b:
            det = self.chosen[k][3]
            if det in _PERSONAL_IDS:
                return False
            public = public or (det in _PUBLIC_HITS and self.chosen[k][1] != pos)
            k += 1
        return (public or any(self._line_flags(ls)[1] for ls in others)
                or self._public_words(own_start, pos) or self._public_words(end, own_end))

    def _lines(self, a: int, b: int, own: int) -> list[int]:
        """Starts of the lines in [a, b) other than the value's own line."""
        starts = []
        ls = a + 1 if a > 0 and self.text[a] == "\n" else a
        while ls < b:
            if ls != own:
                starts.append(ls)
            nl = self.text.find("\n", ls, b)
            if nl < 0:
                break
            ls = nl + 1
        return starts

    def _line_flags(self, ls: int) -> tuple[bool, bool]:
        """(a person's field label, a public body's word or address) on the line starting at `ls`."""
        flags = self._flags.get(ls)
        if flags is None:
            _, le, long = line_bounds(self.text, ls)
            # a label may end on the next line ("Alamat\n:"): look a little past the line, keep matches inside it
            m = _PERSON_LABELS.search(self.text, ls, min(len(self.text), le + _LABEL_SPILL))
            flags = self._flags[ls] = (bool(m and m.start() < le), not long and self._public_words(ls, le))
        return flags

    def _public_words(self, lo: int, hi: int) -> bool:
        """Whether [lo, hi) holds a public web address, a message format or an office/service word."""
        for chunk in range(lo // _CHUNK, (hi - 1) // _CHUNK + 1 if hi > lo else 0):
            for s0, e0 in self._evidence(chunk):
                if lo <= s0 and e0 <= hi:
                    return True
        return False

    def _evidence(self, chunk: int) -> list[tuple[int, int]]:
        """Spans of public evidence starting in one chunk of the text, found once: many values share a chunk."""
        spans = self._chunks.get(chunk)
        if spans is None:
            text = self.text
            c0, c1 = chunk * _CHUNK, min(len(text), (chunk + 1) * _CHUNK)
            hi = min(len(text), c1 + _OVERLAP)
            found = [m.span() for rx in (_PUBLIC_WEB, _MESSAGE_FORMAT) for m in rx.finditer(text, c0, hi)]
            found += [(s0, e0) for s0, e0, family in self.context.matcher.find(text, c0, hi) if family == "telepon_kantor"]
            spans = self._chunks[chunk] = [span for span in found if span[0] < c1]
        return spans

    def _in_a_table_of_people(self, pos: int) -> bool:
        """Whether the value is in a table row (Markdown, columns aligned with spaces, or one cell per line) under
        a "Nama" column. Lines longer than LINE_CAP are prose, never a table."""
        text = self.text
        ls, le, long = line_bounds(text, pos)
        walked: list[int] = []
        found = False
        for _ in range(_TABLE_REACH):
            if ls in self._people:
                found = self._people[ls]
                break
            walked.append(ls)
            line = text[ls:le]
            if long or not (_TABLE_LINE.match(line) or _CELL_LINE.fullmatch(line)):
                break
            if _NAME_COLUMN.search(line) if _TABLE_LINE.match(line) else _NAME_CELL.fullmatch(line):
                found = True
                break
            if ls == 0:
                break
            ls, le, long = line_bounds(text, ls - 1)
        for start in walked:
            self._people[start] = found
        return found
