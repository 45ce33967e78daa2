"""Which identifier the words around a number say it is: the nearest context phrase, or its column header."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

# Shared regexes are read as module.X: CPython 3.11 does not optimise method calls on from-imported names.
from . import md_tables, tables
from .phrases import OTHER, family_name
from .text import line_bounds, prev_line

# Words that may stand between a bank's name and the account number it labels ("Mandiri No. Rek. 123...").
_BANK_LABEL_GAP = re.compile(r"(?:[^\w]|_|\b(?:no|nomor|nomer|rek|rekening|norek|acc|account)\b)*", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w\n]{0,3}$")
_SLASH_NEXT = re.compile(r"[ ]?/[ ]?\d")
_SLASH_GAP = re.compile(r"[ ]?/[ ]?")
_ACRONYM_MAX = 5   # BRI, BNI, BCA, BPD, CIMB, OCBC
# "ke rekening Bendahara Penerimaan Satker RSUD Contoh nomor 0106-...": the account word farther back than the
# context window, only words (no number, no sentence end) between it and the number word before the value.
_ACCOUNT_REACH = 120
_ACCOUNT_GAP = re.compile(r"[^\d;\n]*?\b(?:nomor|nomer|no|norek)\b\.?[ \t]*:?[ \t]*", re.IGNORECASE)
# A sentence ends at a full stop after a word (three lower-case letters before it) and before a capital: "Sdr. Dede",
# "Bpk. H. Zulkifli", "No. 12" are abbreviations inside one.
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.[ \t]+(?=[A-Z])")
_PHONE_KINDS = {"telepon_kantor": "kantor", "telepon_pribadi": "pribadi"}
# A message sent to a service in the format it publishes ("#KTP#NIK#Nomor KK#Nama"): each "#" field of the message
# is what the same field of the format line above names.
_FORMAT_LINES_UP = 5
# Personal labels that only name the device ("HP 0812..."): a mobile number says as much. They make a landline a
# person's, but a mobile listed among a public body's channels ("No. Handphone : 0812...") stays undecided.
_DEVICE_LABEL = re.compile(r"(?:no(?:mor)?\.?\s*)?(?:hp|handphone|ponsel)", re.IGNORECASE)
# A label in brackets right after the number: "024-7608911 (rumah)", "0813... (Call Center)".
_LABEL_AFTER = re.compile(r"[ \t]*\(([^()]{1,30})\)")
_OWNER_AFTER = re.compile(r"\s*(?:rumah|pribadi)\s*", re.IGNORECASE)

if TYPE_CHECKING:
    from .policy import PrivacyPolicy


class Context:
    """Context families of positions in one text, cached by start position."""

    def __init__(self, text: str, policy: PrivacyPolicy, headers: tables.ColumnHeaders) -> None:
        self.text = text
        self.policy = policy
        self.matcher = headers.matcher
        self.headers = headers
        self._family_cache: dict[int, str | None] = {}
        self._cells: dict[int, list[tuple[int, int]]] = {}   # cell spans of Markdown rows, by line start

    def family(self, start: int, end: int) -> str | None:
        """The identifier the text around [start, end) says this is: the nearest context word before it
        (within `context_window` characters) or, in tables, the header of its column: Markdown tables,
        pdftotext -layout columns, and pdftotext output with one cell per line."""
        if start in self._family_cache:
            return self._family_cache[start]
        result = self._family(start, end)
        self._family_cache[start] = result
        return result

    def _family(self, start: int, end: int) -> str | None:
        text = self.text
        window = self.policy.context_window
        ls, le, long = line_bounds(text, start)
        if long:
            return self._nearest(max(0, start - window), start)
        line = text[ls:le]
        if line.count("#") >= 2:
            found = self._format_field_family(ls, line, start)
            if found:
                return found
        stripped = line.strip()
        if stripped.startswith("|"):  # Markdown table row: same cell, a label cell before it, the column header
            cell_start, label = self._md_cell(ls, le, start)
            found = self._nearest(max(cell_start, start - window), start)
            if found:
                return found
            return self.headers.md_header_family(ls, start) or label
        if "<t" in line or "<T" in line:  # a cell of an HTML table in the page's source
            found = self._html_cell_family(ls, start)
            if found:
                return found
        border = tables.row_border(line)
        if border:  # a flattened table row: same cell, its column's header, a label cell before it
            decided, found = self._delimited_cell_family(ls, le, start, border)
            if decided:
                return found
        if (line[: start - ls].strip() == "" and tables.NUMERIC_LINE.fullmatch(text, start, le)
                and self.headers.short_above(ls)):
            # The number is alone on its line below a short line: a table cell as pdftotext writes it.
            found = self.headers.vertical_family(ls)
            if found is not None:
                return found or None
            return self._nearest(max(0, start - window), start)
        if tables.LAYOUT_GAP.search(line):  # pdftotext -layout: same line, then the aligned header above
            found = self._nearest(max(ls, start - window), start)
            if found:
                return found
            found = self.headers.layout_family(ls, start, min(end, le))
            if found is not None:
                return found or None
        return self._nearest(max(0, start - window), start)

    def _delimited_cell_family(self, ls: int, le: int, pos: int, border: str) -> tuple[bool, str | None]:
        """In a row whose cells are joined by tabs, "|", ";" or ",": a context word in the value's own cell, else the
        header of its column (a column's header decides what its numbers are, whatever the cell before says: "BNI"
        before a number under "No. Rekening"), else a label cell right before it ("NIK | 3273..."). Returns
        (decided, family): a table with a header decides even when its column names nothing known ("Nomor VA"),
        so no other reading (aligned columns, words farther back) is tried."""
        text = self.text
        has_header, header = self.headers.delimited_family(ls, le, pos, border)
        if not has_header and border in tables.CSV_BORDERS:
            return False, None   # commas in a sentence: no table
        cell_start = text.rfind(border, ls, pos) + 1 or ls
        found = self._nearest(max(cell_start, pos - self.policy.context_window), pos)
        if found or header:
            return True, found or header
        if cell_start > ls:
            before = text.rfind(border, ls, cell_start - 1) + 1 or ls
            label = self.headers.label_family(text[before:cell_start - 1])
            if label:
                return True, label
        return has_header, None

    def _html_cell_family(self, ls: int, pos: int) -> str | None:
        """In a cell of an HTML table: a context word in the same cell, else the header of its column."""
        cell_start = max(ls, self.text.rfind(">", ls, pos) + 1)
        return self._nearest(max(cell_start, pos - self.policy.context_window), pos) or self.headers.html_family(pos)

    def _format_field_family(self, ls: int, line: str, pos: int) -> str | None:
        """The label of the same "#" field in the nearest format line above ("#KTP#NIK#Nomor KK#..."): a line
        of "#" fields holding no digit."""
        k = line.rfind("#", 0, pos - ls)
        if k < 0:
            return None
        index = line.count("#", 0, k + 1)
        cur = ls
        for _ in range(_FORMAT_LINES_UP):
            if cur == 0:
                return None
            cur, above = prev_line(self.text, cur)
            if above is None:
                return None
            if above.count("#") >= 2 and not any(ch.isdigit() for ch in above):
                fields = above[above.index("#") + 1:].split("#")
                return self.headers.label_family(fields[index - 1]) if index <= len(fields) else None
        return None

    def _md_cell(self, ls: int, le: int, pos: int) -> tuple[int, str | None]:
        """Where the Markdown cell holding `pos` starts, and the family of the cell before it when that cell
        is only a label ("| NIK | 3273... |"); words in other cells (a person's name) never count."""
        row = self.text[ls:le]
        spans = self._cells.get(ls)
        if spans is None:
            spans = self._cells[ls] = md_tables.cell_spans(row)
        for index, (a, b) in enumerate(spans):
            if a <= pos - ls <= b:
                before = spans[index - 1] if index else None
                label = self.headers.label_family(row[before[0]:before[1]]) if before else None
                return ls + a, label
        return ls, None

    def other_identifier(self, start: int, end: int) -> bool:
        """Whether the words before a phone-shaped number name another identifier ("ID pelanggan 0812...") and no
        phone word ("HP") stands between them and the number."""
        if self.family(start, end) != OTHER:
            return False
        found = self.matcher.find(self.text, max(0, start - self.policy.context_window), start)
        return not (found and found[-1][2] in _PHONE_KINDS)

    def phone_kind(self, start: int, end: int) -> str | None:
        """'kantor' or 'pribadi' when a label near a phone number says whose it is; None when none does.
        Neutral phone words ("Telp", "WA") decide nothing: the nearest deciding label before them does."""
        text = self.text
        ls, le, long = line_bounds(text, start)
        lo = max(0, start - self.policy.context_window)
        in_md_row = not long and text[ls:le].lstrip().startswith("|")
        if in_md_row:
            cell_start, label = self._md_cell(ls, le, start)
            lo = max(lo, cell_start)
            if label in _PHONE_KINDS:
                return _PHONE_KINDS[label]
        for s0, e0, family in reversed(self.matcher.find(text, lo, start)):
            if family in _PHONE_KINDS:
                if family == "telepon_pribadi" and _DEVICE_LABEL.fullmatch(text, s0, e0):
                    return self._label_after(end) or "perangkat"
                return _PHONE_KINDS[family]
        if in_md_row:
            found = _PHONE_KINDS.get(self.headers.md_header_family(ls, start) or "")
            if found:
                return found
        return self._label_after(end)

    def _label_after(self, end: int) -> str | None:
        """'kantor' or 'pribadi' when a label in brackets right after the number says whose it is."""
        m = _LABEL_AFTER.match(self.text, end)
        if not m:
            return None
        if _OWNER_AFTER.fullmatch(m.group(1)):
            return "pribadi"
        for _, _, family in self.matcher.find(self.text, m.start(1), m.end(1)):
            if family in _PHONE_KINDS:
                return _PHONE_KINDS[family]
        return None

    def far_account(self, start: int) -> bool:
        """Whether an account word stands within `_ACCOUNT_REACH` characters before `start`, in the same sentence,
        naming the holder and then "nomor" right before the value."""
        ls = self.text.rfind("\n", max(0, start - _ACCOUNT_REACH), start) + 1
        found = self.matcher.find(self.text, max(ls, start - _ACCOUNT_REACH), start)
        for s0, e0, family in reversed(found):
            if family == "rekening":
                return _ACCOUNT_GAP.fullmatch(self.text, e0, start) is not None \
                    and _SENTENCE_END.search(self.text, e0, start) is None
        return False

    def far_identity(self, start: int) -> str | None:
        """The nearest of NIK / KK / NPWP words within `identity_window` characters before `start`."""
        window = self.policy.identity_window
        if window <= self.policy.context_window:
            return None
        for _, _, family in reversed(self.matcher.find(self.text, max(0, start - window), start)):
            if family in ("nik", "kk", "npwp"):
                return family
        return None

    def _nearest(self, a: int, b: int) -> str | None:
        if b <= a:
            return None
        found = self.matcher.find(self.text, a, b)
        while found:
            s0, e0, family = found[-1]
            if family in _PHONE_KINDS:  # whose phone it is says nothing about what other numbers are
                found.pop()
                continue
            if family != "bank":
                return family
            if self._bank_is_label(s0, e0, b):
                for _, _, earlier in reversed(found[:-1]):  # "rekening Bank DKI nomor ...": it is "rekening"
                    if earlier in ("rekening", OTHER):   # "Virtual Account BNI 8810 ...": a pay code, no account
                        return earlier
                    if earlier != "bank":
                        break
                return "rekening_bank"
            found.pop()
        return None

    def pair_first(self, start: int, end: int) -> str | None:
        """For "NIK/KK : 3273.../3273...": the first family of a two-part label when the number at [start, end)
        is the first of two numbers joined by "/"; None otherwise."""
        text = self.text
        if not _SLASH_NEXT.match(text, end):
            return None
        found = self.matcher.find(text, max(0, start - self.policy.context_window), start)
        if len(found) >= 2 and _SLASH_GAP.fullmatch(text, found[-2][1], found[-1][0]):
            return family_name(found[-2][2])
        return None

    def _bank_is_label(self, s0: int, e0: int, b: int) -> bool:
        """Whether a bank's name labels the number at `b`. "Bank", acronyms (BRI, BCA) and names after "Bank"
        always do; a name that is also a word or a surname ("Mandiri", "Permata") only right before the number
        and not after another capitalised word (then it is a person's name: "Rina Permata 0812...")."""
        text = self.text
        word = text[s0:e0]
        if word.lower().startswith("bank") or (word.isupper() and len(word) <= _ACRONYM_MAX):
            return True  # "MANDIRI" in an upper-case heading is no acronym
        before = _WORD_BEFORE.search(text, max(0, s0 - 40), s0)
        if before and before.group(1).lower() == "bank":
            return True
        if _BANK_LABEL_GAP.fullmatch(text, e0, b) is None:
            return False
        return not (before and before.group(1)[0].isupper() and before.group(1).lower() not in ("rek", "rekening", "no"))
