"""An NPWP of a body, not of a person: a company's, a cooperative's or a treasurer's, which procurement
announcements (the winner's name, NPWP and address) and deposit slips publish by rule. Only for review."""

from __future__ import annotations

import re

from .text import line_bounds, lines_around

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
    return bool(_BODY.search(text, a, start) or _BODY.search(text, end, b)) and not _PERSON.search(text, a, b)


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
                     r"|badan layanan umum|instansi))\b")
# "a.n. Hendra Saputra", "atas nama Sulastri Wulandari": the holder, a person unless the name is a body's.
_HOLDER = re.compile(r"\b(?:a\.\s?n\.?|(?i:atas nama))[ \t]*:?[ \t]*([A-Z][^\n,;()|\t]{2,60})")
_TABLE_ROW = re.compile(r"[ \t]*\||[^\n]*(?:\t|\S {2,}\S)|[^\n]*\|[^\n]*\|")
_SENTENCE_END = re.compile(r";|(?<=[a-z]{3})\.[ \t]+(?=[A-Z])")
_ACCOUNT_BEFORE, _ACCOUNT_AFTER = 200, 120


# A column of a body's own accounts in a table of people ("Rekening Penerimaan", "Rek. Kas Daerah", "Rekening
# Instansi"): every row pays into it, whoever the row names. "Rekening Penerima" (the recipient's) is no such column.
_BODY_COLUMN = re.compile(r"(?i:\bpenerimaan\b)")


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
