"""An NPWP of a body, not of a person: a company's, a cooperative's or a treasurer's, which procurement
announcements (the winner's name, NPWP and address) and deposit slips publish by rule. Only for review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .emails import ROLE_MAILBOXES
from .text import line_bounds, lines_around, prev_line

# A legal entity or a treasurer named on the NPWP's line or the one before or after it.
_BODY = re.compile(r"\b(?:PT|CV|UD|PD|Fa|Firma|Perum|Persero|Tbk|KSO|(?i:koperasi|yayasan|bendahara|bend|badan usaha"
                   r"|satuan kerja|satker))\b")
# ... unless the record says it is a person's ("konsultan perorangan", "NPWP pribadi").
_PERSON = re.compile(r"\b(?i:perorangan|perseorangan|pribadi)\b")
_LINES = 1          # lines before and after the NPWP's own that belong to its record
_REACH = 200        # characters, at most, either way


# A row of a table with three or more cells (tabs, "|", ";", aligned columns): the rows around it are other records.
_MULTI_CELL_ROW = re.compile(r"[^\n]*(?:\t|\||;)[^\n]*(?:\t|\||;)|[^\n]*\S {2,}\S[^\n]*\S {2,}\S")


def owned_by_a_body(text: str, start: int, end: int) -> bool:
    a, b = lines_around(text, start, end, _LINES, _LINES, (_REACH, _REACH))
    ls, le, long = line_bounds(text, start)
    if not long and _MULTI_CELL_ROW.match(text, ls, le):
        a, b = ls, le   # "2 ... Euis Sumiati ... 31.561..." above "3 ... PT Griya Lestari ...": the row is the record
    if _PERSON.search(text, a, b):
        return False
    return bool(_BODY.search(text, a, start) or _BODY.search(text, end, b)) or _form_names_a_body(text, ls)


# A form's field ("Nama Penyedia : CV ...", "Alamat : ...", "NPWP : ..."): one record, one field a line.
_FIELD = re.compile(r"[ \t]*[A-Za-z][^:\n]{0,40}:")
_NAME_FIELD = re.compile(r"[ \t]*nama\b[^:\n]{0,30}:(?P<value>[^\n]*)", re.IGNORECASE)
_FORM_LINES = 8     # fields above the value's own that may still be its record


def _lines_above(text: str, ls: int, count: int) -> Iterator[str | None]:
    """Up to `count` lines above the one starting at `ls`, nearest first, stripped (None: a line too long)."""
    cur = ls
    for _ in range(count):
        if cur == 0:
            return
        cur, line = prev_line(text, cur)
        yield line


def _form_names_a_body(text: str, ls: int) -> bool:
    """Whether the value's line is a form field and the nearest "Nama ... :" field above it, in the same run of
    fields, names a body (a tender winner: "Nama Penyedia : CV ..." and, lines below, "NPWP : ...")."""
    if not _FIELD.match(text, ls):
        return False
    for line in _lines_above(text, ls, _FORM_LINES):
        if not line or not _FIELD.match(line):
            return False
        name = _NAME_FIELD.match(line)
        if name:
            return bool(_BODY.search(name.group("value"))) and not _PERSON.search(name.group("value"))
    return False


# A bank account of a body: an entity named in its record (a company, a foundation, a mosque, a farmers' group),
# which holds in a table row too; or, outside tables, an office or its treasury ("Rekening Kas Umum Daerah", "rekening
# Bendahara Penerimaan Satker ...", "rekening penampungan KPKNL"). In a table of people an office word is where the
# person works, so it counts only in prose.
_ENTITY = re.compile(r"\b(?:PT|CV|UD|Tbk|KSO|Perum|Persero|(?i:koperasi|yayasan|masjid|musala|mushola|musholla|gereja"
                     r"|pura|vihara|klenteng|pondok pesantren|ponpes|kelompok tani|gapoktan|bumdes|karang taruna"
                     r"|komite sekolah|lembaga))\b")
_OFFICE = re.compile(r"\b(?:BLUD?|RSUD|RSUP|KPKNL|KPPN|RKUD|RKUN|(?i:bendahara|satuan kerja|satker|kas umum daerah"
                     r"|kas umum negara|kas daerah|kas negara|pemerintah|pemkab|pemkot|pemprov|dinas|kementerian"
                     r"|pengadilan|mahkamah|kejaksaan|rumah sakit|puskesmas|universitas|balai besar|penampung|penampungan"
                     r"|badan layanan umum|instansi|kas desa|rkdes|pemerintah desa|pemdes))\b")
# "a.n. Hendra Saputra", "atas nama Sulastri Wulandari": the holder, a person unless the name is a body's.
_HOLDER = re.compile(r"\b(?:a\.\s?n\.?|(?i:atas nama))[ \t]*:?[ \t]*([A-Z][^\n,;()|\t]{2,60})")
_TABLE_ROW = re.compile(r"[ \t]*\||[^\n]*(?:\t|\S {2,}\S)|[^\n]*\|[^\n]*\|")
_SENTENCE_END = re.compile(r";|(?<=[a-z]{3})\.[ \t]+(?=[A-Z])")
_ACCOUNT_BEFORE, _ACCOUNT_AFTER = 200, 120


# A column of a body's own accounts in a table of people ("Rekening Penerimaan", "Rek. Kas Daerah", "Rekening
# Instansi"): every row pays into it, whoever the row names. "Rekening Penerima" (the recipient's) is no such column.
_BODY_COLUMN = re.compile(r"(?i:\bpenerimaan\b)")


# A register's cell naming the kind of party ("Jenis Pengguna: Pemerintah", "Badan Hukum"): the row is a body's
# record, even with the NIK of the official who registered it.
_PARTY_CELL = re.compile(r"(?:^|[\t|;])[ \t]*(?i:pemerintah|pemerintah daerah|instansi|instansi pemerintah|badan hukum"
                         r"|badan usaha|perusahaan)[ \t]*(?=[\t|;]|$)")
# A cell that starts with a body's name ("CV Lawu Makmur"; not "Karyawan PT Sinar Abadi", a person's employer).
_ENTITY_CELL = re.compile(rf"(?:^|[\t|;]| {{2,}})[ \t]*(?:{_ENTITY.pattern})")
_ENTITY_NAME = re.compile(rf"(?:{_ENTITY.pattern})\.?[ \t]+[^\t|;\n,()]{{2,60}}")
_MAIL_LINES = 4     # lines around an address (a form's fields) that may name the body whose mailbox it is
_MAIL_SPLIT = re.compile(r"[^a-z]+")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")
# In a body's record, an office's mailbox name is a role too ("info@bukitharau.co.id").
_ROLE_WORDS = ROLE_MAILBOXES | {"info", "admin", "kantor", "kontak", "contact", "official", "sekretariat", "humas",
                                "layanan", "pengaduan", "redaksi", "mail", "email"}
_NAME_WORD = 5      # letters, at least, of a word shared by a name and an address: "harapan", "bukitharau"


def row_of_a_body(text: str, ls: int, le: int, party_only: bool = False, cache: dict | None = None) -> bool:
    """Whether the line [ls, le) is a table row (three or more cells) whose party is a body: a cell naming the kind
    of party, or (unless `party_only`) a cell starting with a company's, a foundation's, ... name. `cache` keeps
    the answers of one scan (many values share a row)."""
    key = (ls, party_only)
    if cache is not None and key in cache:
        return cache[key]
    row = text[ls:le]
    found = bool(_MULTI_CELL_ROW.match(row)
                 and (_PARTY_CELL.search(row) or (not party_only and _ENTITY_CELL.search(row))))
    if cache is not None:
        cache[key] = found
    return found


def mailbox_of_a_named_body(text: str, start: int, end: int, free_mail: bool, cache: dict | None = None) -> bool:
    """Whether an address at [start, end) is the own mailbox of a company, a foundation, ... named in its record:
    on the body's own domain under a role's or the body's name ("legal@bukitharau.co.id" for PT Bukit Harau
    Sejahtera), or at a free-mail provider under the body's name and nothing else ("majukarya.cv@gmail.com" for CV
    Maju Karya). A person's name as the mailbox stays a person's ("ani.harapan@gmail.com" in Yayasan Harapan's row,
    "budi@sinarabadi.co.id" beside PT Sinar Abadi). The record is the address's table row, else the lines around."""
    address = text[start:end].lower()
    at = address.find("@")
    local = _MAIL_SPLIT.split(address[:at])
    local = [w for w in local if w]
    domain = address[at + 1:].split(".", 1)[0]
    if free_mail and sum(len(w) for w in local if w not in _ROLE_WORDS) < _NAME_WORD:
        return False
    if not free_mail and len(domain) < _NAME_WORD - 1:
        return False
    ls, le, long = line_bounds(text, start)
    if not long and _MULTI_CELL_ROW.match(text, ls, le):   # a row: its names are read once for all its values
        names = cache.get(("names", ls)) if cache is not None else None
        if names is None:
            names = [_name_forms(m.group()) for m in _ENTITY_NAME.finditer(text, ls, le)]
            if cache is not None:
                cache[("names", ls)] = names
    else:
        a, b = lines_around(text, start, end, _MAIL_LINES, _MAIL_LINES, (_REACH, _REACH))
        names = (_name_forms(m.group()) for m in _ENTITY_NAME.finditer(text, a, b))
    for words, compact, initials in names:
        if not all(w in compact or w in _ROLE_WORDS or (len(w) > 1 and w in (initials, initials[1:])) for w in local):
            continue
        if free_mail or domain in compact or any(n in domain for n in words[1:] if len(n) >= _NAME_WORD):
            return True
    return False


def _name_forms(name: str) -> tuple[list[str], str, str]:
    """A body's name as its words, its letters run together, and its initials (lower case)."""
    words = [n for n in _NAME_SPLIT.split(name.lower()) if n]
    return words, "".join(words), "".join(n[0] for n in words)


# pdftotext writes a table one cell per line ("Jenis Rekening Penampung |", "Rekening Lama |", ..., "264813597 |"):
# a run of short lines, the header cells at its top.
_CELL = re.compile(r"[^\n]{0,40}")
_CELLS_UP = 12      # cells above an account that may be its table's header


def body_account_header_above(text: str, ls: int) -> bool:
    """Whether the account's line is a cell of a one-cell-per-line table whose header cells name a body's accounts
    ("Rekening Penampung", "Rekening Kas Umum Daerah")."""
    if not _CELL.fullmatch(text, ls, line_bounds(text, ls)[1]):
        return False
    for line in _lines_above(text, ls, _CELLS_UP):
        if line is None or not _CELL.fullmatch(line):
            return False
        if "rekening" in line.lower() and body_account_column(line):
            return True
    return False


def body_account_column(header: str | None) -> bool:
    """Whether a table column's header says it holds a body's accounts."""
    return bool(header) and bool(_BODY_COLUMN.search(header) or _OFFICE.search(header) or _ENTITY.search(header))


def account_holder(text: str, start: int, end: int, line: tuple[int, int]) -> str:
    """'badan' when the record of the account at [start, end) names a body as its holder, 'orang' when it names a
    person, '' when it says nothing. `line` is the account's line (start, end)."""
    ls, le = line
    row = text[ls:le]
    if _TABLE_ROW.match(row):
        a, b = ls, le
        in_table = True
    else:
        a, b = max(ls, start - _ACCOUNT_BEFORE), min(le, end + _ACCOUNT_AFTER)
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, a, start)]
        a = cuts[-1] if cuts else a
        stop = _SENTENCE_END.search(text, end, b)
        b = stop.start() if stop else b
        in_table = False
    for m in _HOLDER.finditer(text, a, b):
        name = m.group(1)
        return "badan" if _ENTITY.search(name) or _OFFICE.search(name) else "orang"
    if _PERSON.search(text, a, b):
        return "orang"
    if _ENTITY.search(text, a, b) or (not in_table and _OFFICE.search(text, a, b)):
        return "badan"
    return ""
