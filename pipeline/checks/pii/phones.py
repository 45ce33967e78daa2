"""Phone numbers: mobile and landline, punctuated or wrapped, minus the ones the policy allows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .channels import MOBILE
from .hits import LANDLINE, P_REGEX, P_STRUCT

if TYPE_CHECKING:
    from .scan import Scan

# Separators are one space, dot or dash, or a line break before a group of 3+ digits (wrapped text).
# Never the tail of a longer number ("8277 0501 5529 1533" holds no phone).
_PSEP = r"(?:[ ]?[.\-\u2013][ ]?|[ ]|[ ]?\r?\n(?=\d{3}))"
# "021-6541870-72": the last digits of a range of lines, part of the number written
# "+62 (812) 3456-7890", "+62 (0)812 3456 7890": the operator prefix or a dropped 0 in brackets.
_MOBILE = re.compile(
    rf"(?<![\w+])(?<!\d[ .\-])(?:\(\+?62\){_PSEP}?|\+[ ]?62[ ]?\((?:0\)[ ]?)?|\+[ ]?62{_PSEP}?|62{_PSEP}?|0)"
    rf"8[1-35-9](?:(?:{_PSEP}|\)[ ]?)?\d){{7,10}}"
    r"(?!\w|[.\-]\d)"
)
_SUB = rf"\d(?:{_PSEP}?\d){{4,7}}"   # 5-8 subscriber digits
_LANDLINE = re.compile(
    r"(?<![\w+/])(?<!\d[ .\-])(?:"
    rf"\(0[2-79]\d{{1,2}}\)[ .\-]?{_SUB}"
    rf"|0[2-79]\d{{1,2}}{_PSEP}{_SUB}"
    rf"|(?:\(\+[ ]?62\)|\+[ ]?62){_PSEP}?(?:\([2-79]\d{{1,2}}\)|[2-79]\d{{1,2}}){_PSEP}?{_SUB}"
    r")(?:-\d{1,2}(?!\d))?(?!\w|[.\-/]\d)"
)
# Numbers abroad: "+" and a country code other than 62, then 7-13 more digits in groups ("+60 12-384 5571",
# "+1 (202) 555-0148", "+6591834427"); a rupiah change ("+1.250.000") or a coordinate ("+101.4478") is none.
_INTL = re.compile(r"(?<![\w+])\+[ ]?(?!62)[1-9]\d{0,3}(?:[ .\-]?\(?\d{1,5}\)?){1,6}(?!\w|[.,\-]\d)")
_INTL_DIGITS = (9, 15)   # E.164: at most 15 digits with the country code; fewer than 9 is no subscriber number
_THOUSANDS = re.compile(r"\+[ ]?\d{1,3}(?:\.\d{3})+")
# A code glued to a one-letter prefix ("R.0412.3087.05", "P-0215..."): a register number, never a phone. Letters
# that abbreviate a phone's label ("T.", "F.", "P.", "HP", "W.") stay phones.
_LETTER_PREFIX = re.compile(r"(?<![^\W\d_])([^\W\d_])[.\-]$")
_PHONE_LETTERS = frozenset("TtFfPpHhWw")
# A call centre's nationwide number ("1500-117", "1-500-736"): only under an office's or a service's label.
_SERVICE = re.compile(r"(?<![\w+/])(?<!\d[ .\-])1[ .\-]?500[ .\-]?\d{3}(?!\w|[.\-/]\d)")
_LANDLINE_PLAIN = re.compile(r"(?<![\w+/])(?<!\d[ .\-])0[2-79]\d{7,10}(?!\w|[.\-/]\d)")
# Letters written or OCR'd for digits: O for a zero, l or I for a one ("O812-3456-789O", "32O4O5l2..."): tried only
# where such a letter touches a digit.
_O_NEAR_DIGIT = re.compile(r"[OolI]\d|\d[OolI]")
_O_CANDIDATE = re.compile(r"(?<![^\W\d_])(?:\+?62|[0Oo]|\(\+?62\)|\([0Oo])[\dOolI()+ .\-]{6,20}[\dOolI](?![^\W\d_])")
_O_TO_ZERO = str.maketrans("OolI", "0011")
_O_CLASSES = bytes(ord("D") if chr(i).isdigit() and i < 128 else ord("O") if chr(i) in "OolI" else ord("x")
                   for i in range(256))
# A NIK/KK read the same way: 16 digits or letters, with at most one space, dot or dash between them.
_OCR_NIK = re.compile(r"(?<![^\W\d_])[\dOolI](?:[ .\-]?[\dOolI]){15}(?![^\W\d_]|[ .\-]?\d)")
_OCR_NIK_DIGITS = 8       # real digits, at least, in such a NIK: a word of letters is none
_OCR_NIK_REACH = 32
_LOOK_AROUND = 4          # characters before and after a number that the phone regexes' lookarounds read
_O_REACH = 24   # a phone number is never longer: candidates are looked for this far around each O


def phone_key(value: str) -> str:
    """A phone number's digits, +62 written as 0: how allowed numbers are compared."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


def phone_detector(scan: Scan, start: int, end: int, mobile: bool) -> str:
    """Whose number this is, by the labels near it: an office's or a public service's ("telepon_kantor"), a
    person's ("telepon"); for an unlabelled landline LANDLINE (decided later by what else its line holds), for a
    mobile with no owner's label MOBILE (decided later by the block it is listed in)."""
    kind = scan.context.phone_kind(start, end)
    if kind == "kantor":
        return "telepon_kantor"
    if kind == "pribadi":
        return "telepon"
    if mobile:
        return MOBILE
    return "telepon" if kind == "perangkat" else LANDLINE


def find_phones(scan: Scan, lo: int, hi: int, text: str | None = None, offset: int = 0) -> None:
    """Phones in the scan's text[lo:hi]; an unpunctuated landline only after a phone word. `text` is a piece of the
    scan's text starting at `offset`, with letters read as digits, when looking for an O written for a zero."""
    text = scan.text if text is None else text
    allowed = scan.rx.phones
    abroad = text.find("+", lo - offset, hi - offset) >= 0
    for rx in (_MOBILE, _LANDLINE, _INTL) if abroad else (_MOBILE, _LANDLINE):
        for m in rx.finditer(text, lo - offset, hi - offset):
            s, e = m.start() + offset, m.end() + offset
            if rx is _INTL and not _abroad(m.group()):
                continue
            if (phone_key(m.group()) in allowed or _after_letter_prefix(text, m.start())
                    or scan.context.other_identifier(s, e)):
                continue
            scan.add(P_REGEX, s, e, phone_detector(scan, s, e, rx is not _LANDLINE))
    for m in _LANDLINE_PLAIN.finditer(text, lo - offset, hi - offset):
        s, e = m.start() + offset, m.end() + offset
        if phone_key(m.group()) in allowed:
            continue
        if scan.context.family(s, e) == "telepon" or scan.context.phone_kind(s, e):
            scan.add(P_REGEX, s, e, phone_detector(scan, s, e, False))
    for m in _SERVICE.finditer(text, lo - offset, hi - offset):
        s, e = m.start() + offset, m.end() + offset
        if phone_key(m.group()) not in allowed and scan.context.phone_kind(s, e) == "kantor":
            scan.add(P_REGEX, s, e, "telepon_kantor")


def _abroad(value: str) -> bool:
    """Whether a "+" number outside Indonesia has a phone number's length and is no amount written with a sign."""
    digits = sum(ch.isdigit() for ch in value)
    return _INTL_DIGITS[0] <= digits <= _INTL_DIGITS[1] and not _THOUSANDS.fullmatch(value)


def _after_letter_prefix(text: str, start: int) -> bool:
    m = _LETTER_PREFIX.search(text, max(0, start - 3), start)
    return m is not None and m.group(1) not in _PHONE_LETTERS


def find_lettered_phones(scan: Scan) -> None:
    """Phone numbers and NIK/KK with letters for digits (O for 0, l or I for 1): each candidate is read with the
    letters as digits and checked again."""
    text = scan.text
    classes = text.encode("latin-1", "replace").translate(_O_CLASSES)  # fast: no regex over the whole text
    if b"OD" not in classes and b"DO" not in classes:
        return
    done = nik_done = -1
    for near in _O_NEAR_DIGIT.finditer(text):
        if near.start() >= nik_done:
            nik_done = _lettered_nik(scan, near.start(), near.end())
        if near.start() < done:
            continue
        lo = max(0, near.start() - _O_REACH)
        lo = _word_start(text, lo)
        for m in _O_CANDIDATE.finditer(text, lo, min(len(text), near.end() + _O_REACH)):
            raw = m.group()
            done = max(done, m.end())
            if not any(ch in "OolI" for ch in raw) or sum(ch.isdigit() for ch in raw) < 6:
                continue
            w0 = max(0, m.start() - _LOOK_AROUND)   # the lookarounds' reach: a piece, never a copy of the text
            read = text[w0:m.start()] + raw.translate(_O_TO_ZERO) + text[m.end():m.end() + _LOOK_AROUND]
            find_phones(scan, m.start(), m.end(), read, w0)


def _word_start(text: str, lo: int) -> int:
    """A start at or a little before `lo` on a word boundary (a space found there), else `lo` itself: never the
    start of the text, which would make every candidate search read the whole text before it."""
    space = text.rfind(" ", max(0, lo - 8), lo)
    return space + 1 if space >= 0 else lo


def _lettered_nik(scan: Scan, a: int, b: int) -> int:
    """A NIK or KK around [a, b) with letters for digits; returns where the search ended."""
    from .identifiers import nik_ok
    from .phrases import OTHER

    text = scan.text
    lo = max(0, a - _OCR_NIK_REACH)
    lo = _word_start(text, lo)
    hi = min(len(text), b + _OCR_NIK_REACH)
    for m in _OCR_NIK.finditer(text, lo, hi):
        raw = m.group()
        if sum(ch.isdigit() for ch in raw) < _OCR_NIK_DIGITS or raw.isdigit():
            continue
        if not nik_ok(re.sub(r"\D", "", raw.translate(_O_TO_ZERO))):
            continue
        fam = scan.context.family(m.start(), m.end())
        if fam != OTHER:
            scan.add(P_STRUCT, m.start(), m.end(), "kk" if fam == "kk" else "nik")
    return hi
