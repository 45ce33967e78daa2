"""An NPWP of a body, not of a person: a company's, a cooperative's or a treasurer's, which procurement
announcements (the winner's name, NPWP and address) and deposit slips publish by rule. Only for review."""

from __future__ import annotations

import re

from .text import lines_around

# A legal entity or a treasurer named on the NPWP's line or the one before or after it.
_BODY = re.compile(r"\b(?:PT|CV|UD|PD|Fa|Firma|Perum|Persero|Tbk|KSO|(?i:koperasi|yayasan|bendahara|bend|badan usaha"
                   r"|satuan kerja|satker))\b")
# ... unless the record says it is a person's ("konsultan perorangan", "NPWP pribadi").
_PERSON = re.compile(r"\b(?i:perorangan|perseorangan|pribadi)\b")
_LINES = 1          # lines before and after the NPWP's own that belong to its record
_REACH = 200        # characters, at most, either way


def owned_by_a_body(text: str, start: int, end: int) -> bool:
    a, b = lines_around(text, start, end, _LINES, _LINES, (_REACH, _REACH))
    return bool(_BODY.search(text, a, start) or _BODY.search(text, end, b)) and not _PERSON.search(text, a, b)
