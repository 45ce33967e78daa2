"""Long digit runs across separators and line breaks, cut into windows and told apart as identifiers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .hits import P_CONTEXT, P_STRUCT, P_WEAK
from .identifiers import nik_ok, nip_ok, npwp_ok
from .passports import find_passports
from .phones import find_phones, phone_detector, phone_key
from .phrases import OTHER
from .text import chunk_sizes

if TYPE_CHECKING:
    from .scan import Scan

_SEP_IN = r"(?:[ \u00a0]?[.\-\u2010-\u2013][ \u00a0]?|[ \u00a0])"
_SEP_NL = r"(?:[.\-\u2010-\u2013]?[ \t\u00a0]*\r?\n[ \t\u00a0]*[.\-\u2010-\u2013]?)"
# A line break written as HTML or a table's cell border: a NIK split there is joined again (NIK/KK only).
_SEP_SOFT = r"(?:[ \t\u00a0]*(?:<[bB][rR]\s*/?>|\||</[tT][dDhH]>\s*<[tT][dDhH][^<>]{0,80}>)[ \t\u00a0]*)"
_SOFT_MARK = re.compile(r"<[bB][rR]\s*/?>|\||</[tT][dDhH]>\s*<[tT][dDhH][^<>]{0,80}>")
# Digit runs holding at least 10 digits, separators allowed between digits.
# Never the tail of a date or code ("12/2019"), but "NIK/KK" written as two whole numbers joined by "/" is two, and
# a CSV cell after a number ("3900000,0812447190") starts its own.
_CHAIN = re.compile(rf"(?<![\w+])(?<!\d[.\-])(?:(?<!\d/)|(?<=\d{{10}}/))\d(?:(?:{_SEP_IN}|{_SEP_NL}|{_SEP_SOFT})?\d){{9,}}")
_SPLIT_PART_MIN = 4       # each piece of a NIK split by a cell border or <br> has at least this many digits
_TOKEN = re.compile(r"\d+(?:[.\-\u2010-\u2013]\d+)*")
_NONDIGIT = re.compile(r"\D+")
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_CODE = re.compile(r"\d\.\d{1,2}(?:\.\d{1,2})*(?:\.\d{3,4})?")      # 5.1.02.01.01.0024, 2.16.01
_DAY, _MON = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE_TOKEN = re.compile(rf"{_DAY}([-./]){_MON}\1(?:\d{{4}}|\d{{2}})|(?:19|20)\d{{2}}([-./]){_MON}\2{_DAY}")
_TIME = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_YEARS = re.compile(r"(?:19|20)\d{2}[-\u2013](?:19|20)\d{2}")                      # a period: 2025-2029
_ISBN = re.compile(r"97[89]-\d{1,5}-\d{1,7}-\d{1,6}-\d")
_MOBILE_DIGITS = re.compile(r"(?:0|62)8[1-35-9]\d{7,10}")
_RP_BEFORE = re.compile(r"(?:rp|idr)\.?\s?$", re.IGNORECASE)
# NPWP written the official way (15 digits, or 16 with the leading 0); matched on the run without whitespace,
# so a line break anywhere inside it does not matter.
_NPWP_FMT = re.compile(r"(?<![\d.])0?\d{2}\.\d{3}\.\d{3}\.\d[-.\u2010-\u2013]\d{3}\.\d{3}(?!\d)")
# Digit runs are located on a byte copy of the text where D = ASCII digit, S = a joiner, x = anything else.
_CLASSES = bytes(
    ord("D") if chr(i).isdigit() and i < 128 else ord("S") if chr(i) in " .-\t\r\n\xa0()+" else ord("x")
    for i in range(256)
)
_JOIN_OR_DIGIT = frozenset(b"DS")
_UNICODE_DASHES = ("\u2010", "\u2011", "\u2012", "\u2013")
_RUN = re.compile(rb"DDD[DS]*")   # the literal prefix lets the regex engine skip ahead fast
# The civil-servant number before 2008: 9 digits ("NIP 131569207", "NIP 130 814 806"); only after its label.
_OLD_NIP = re.compile(r"(?<![\d.\-])1[3-5]\d[ .]?\d{3}[ .]?\d{3}(?![\d.\-]\d|\d)")
# A number with no structure to check (an account, a BPJS card) continues on the next line only with 3+ digits
# there: a table row's number below it is no part of it.
_WRAP_PIECE_MIN = 3
_SHORT_ACCOUNT = re.compile(r"(?<![\d.\-/])\d(?:[ .\-]?\d){8}(?![\d]|[.\-/]\d)")
_MAX_TOKENS = 8           # an identifier is printed in at most 8 pieces ("32 73 01 45 09 87 0003" + a break)


def find_numbers(scan: Scan) -> None:
    """Visit every run of digits and joiners holding 7+ digits; everything numeric is found there.

    Long runs join digit groups across the separators people and PDF extractors put inside numbers (space,
    dot, dash, one line break), never across letters. A run is cut into tokens (whitespace-separated
    pieces); tokens shaped like rupiah amounts, budget account codes, dates and times are barriers. Every
    window of whole consecutive tokens holding 10-18 digits is tested against the identifier structures
    (NIK/KK, NPWP with its Luhn digit, NIP), then against the context-only identifiers (BPJS, bank
    account). Chosen windows never overlap. Phones and passports are looked for around each run."""
    text = scan.text
    size = len(text)
    chunk_size, slack = chunk_sizes()
    c0 = 0
    while c0 < size:  # in chunks, so a huge text is not copied whole; chunks end on a letter
        piece = text[c0:min(size, c0 + chunk_size + slack)]
        classes = piece.encode("latin-1", "replace").translate(_CLASSES)
        if any(dash in piece for dash in _UNICODE_DASHES):  # U+2010-2013 became "?" above: joiners too
            classes = bytearray(classes)
            for dash in _UNICODE_DASHES:
                i = piece.find(dash)
                while i >= 0:
                    classes[i] = 83  # "S"
                    i = piece.find(dash, i + 1)
            classes = bytes(classes)
        if "|" in piece or "<" in piece:  # cell borders and <br> between digits join like a space
            classes = _join_soft_borders(piece, classes)
        if c0 + len(piece) < size:
            cut = classes.find(b"x", chunk_size)
            classes = classes[:cut if cut > 0 else chunk_size]
        _runs_in(scan, c0, classes)
        c0 += len(classes)


def _join_soft_borders(piece: str, classes: bytes) -> bytes:
    """Mark a <br> or a cell border (with the spaces around it) between two digits as a joiner."""
    marked = bytearray(classes)
    for m in _SOFT_MARK.finditer(piece):
        a, b = m.start(), m.end()
        while a > 0 and piece[a - 1] in " \t\xa0":
            a -= 1
        while b < len(piece) and piece[b] in " \t\xa0":
            b += 1
        if a > 0 and b < len(piece) and classes[a - 1] == 68 and classes[b] == 68:  # "D" on both sides
            marked[a:b] = b"S" * (b - a)
    return bytes(marked)


def _runs_in(scan: Scan, c0: int, classes: bytes) -> None:
    text = scan.text
    size = len(text)
    count = classes.count
    for run in _RUN.finditer(classes):
        k, b = run.span()
        a = k
        while a > 0 and classes[a - 1] in _JOIN_OR_DIGIT:
            a -= 1
        digits = count(b"D", a, b)
        if digits < 7:
            continue
        a, b = a + c0, b + c0
        if digits == 9:
            _old_nip(scan, a, b)
            _short_account(scan, a, b)
        if digits >= 10:
            for m in _CHAIN.finditer(text, a, b):
                _chain(scan, m.start(), m.group())
        hi = min(size, b + 2)
        find_phones(scan, a, hi)
        if scan.passports:
            find_passports(scan, max(0, a - 3), hi)


def _old_nip(scan: Scan, a: int, b: int) -> None:
    m = _OLD_NIP.search(scan.text, a, b)
    if m and scan.context.family(m.start(), m.end()) == "nip":
        scan.add(P_CONTEXT, m.start(), m.end(), "nip")


def _short_account(scan: Scan, a: int, b: int) -> None:
    """A 9-digit account (some banks' giro accounts) only under an account word or column, never a bank's name alone."""
    m = _SHORT_ACCOUNT.search(scan.text, a, b)
    if m and scan.context.family(m.start(), m.end()) == "rekening" and _NONDIGIT.sub("", m.group()) not in scan.rx.accounts:
        scan.add(P_CONTEXT, m.start(), m.end(), "rekening")


def _chain(scan: Scan, base: int, s: str) -> None:
    text = scan.text
    taken: list[tuple[int, int]] = []
    if "." in s and len(s) >= 19:
        # the official NPWP punctuation, wherever a line break fell (compare without whitespace)
        if any(ch.isspace() for ch in s):
            keep = [i for i, ch in enumerate(s) if not ch.isspace()]
            compact = "".join(s[i] for i in keep)
        else:
            keep, compact = range(len(s)), s
        for f in _NPWP_FMT.finditer(compact):
            digits = _NONDIGIT.sub("", f.group())
            a, b = keep[f.start()], keep[f.end() - 1] + 1
            fam = scan.context.family(base + a, base + b)
            if npwp_ok(digits) and fam != OTHER:
                scan.add(P_STRUCT, base + a, base + b, "npwp")
                taken.append((a, b))
            elif fam == "npwp":  # written as an NPWP after its label, but the check digit is wrong: review
                scan.add(P_STRUCT, base + a, base + b, "npwp?")
                taken.append((a, b))
    # tokens: (start, end, digits) in s; None marks a barrier
    tokens: list[tuple[int, int, str] | None] = []
    taken_index = 0
    for t in _TOKEN.finditer(s):
        ts, te = t.start(), t.end()
        while taken_index < len(taken) and taken[taken_index][1] <= ts:
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] < te:
            tokens.append(None)  # part of an NPWP found above
            continue
        tok = t.group()
        barrier = False
        if not tok.isdigit():
            if (_AMOUNT.fullmatch(tok) or _CODE.fullmatch(tok) or _DATE_TOKEN.fullmatch(tok) or _TIME.fullmatch(tok)
                    or _ISBN.fullmatch(tok) or _YEARS.fullmatch(tok)):
                barrier = True
        if not barrier and not tokens and _RP_BEFORE.search(text, max(0, base - 5), base):
            barrier = True
        if not barrier and te == len(s):
            after = text[base + te: base + te + 1]
            if after and (after.isalnum() or (after == "/" and len(tok) < 10)):
                barrier = True
        if barrier:
            tokens.append(None)
        else:
            tokens.append((ts, te, _NONDIGIT.sub("", tok)))
    n = len(tokens)
    candidates: list[tuple[int, int, int, int, str]] = []
    for i in range(n):
        if tokens[i] is None:
            continue
        digits = ""
        parts: list[int] = [0]     # digits in each piece between soft borders (cell border, <br>)
        border = ""                # the kind of soft border crossed: "" none, "<" a <br>, "|" a cell border
        for j in range(i, min(n, i + _MAX_TOKENS)):
            tj = tokens[j]
            if tj is None:
                break
            if j > i:
                gap = s[tokens[j - 1][1]:tj[0]]
                low = gap.lower()
                if "|" in gap or "</t" in low:
                    border = "|"
                    parts.append(0)
                elif "<br" in low:
                    border = border or "<"
                    parts.append(0)
            digits += tj[2]
            parts[-1] += len(tj[2])
            if len(digits) > 18:
                break
            if len(digits) < 10:
                continue
            a, b = base + tokens[i][0], base + tj[1]
            if border:
                found = _classify_split(scan, digits, a, b, parts, border)
            else:
                found = _classify(scan, digits, a, b, s[tokens[i][0]:tj[1]])
            if found:
                candidates.append((found[0], i, j, a, b, found[1]))
    if not candidates:
        return
    candidates.sort(key=lambda c: (c[0], c[1], -(c[2] - c[1])))
    used = [False] * n
    for prio, i, j, a, b, det in candidates:
        if not any(used[i:j + 1]):
            used[i:j + 1] = [True] * (j + 1 - i)
            scan.add(prio, a, b, det)


def _classify(scan: Scan, d: str, a: int, b: int, raw: str) -> tuple[int, str] | None:
    length = len(d)
    if length == 18:
        return (P_STRUCT, "nip") if nip_ok(d) else _context_only(scan, d, a, b, raw)
    if length == 16 and nik_ok(d):
        fam = scan.context.family(a, b)
        if fam is None:  # nothing near: a farther identity word ("Kartu Keluarga ... nomor 3273...")
            fam = scan.context.far_identity(a)
        elif fam in ("kk", "nik"):  # "NIK/KK : 3273.../3273...": the first number takes the first word
            fam = scan.context.pair_first(a, b) or fam
        if fam == OTHER:
            return None
        if fam == "kk":
            return P_STRUCT, "kk"
        if fam == "npwp":
            return P_STRUCT, "npwp"
        if fam == "rekening":  # a bank name alone does not make a NIK-shaped number an account
            return (P_CONTEXT, "rekening") if d not in scan.rx.accounts else None
        return P_STRUCT, "nik"  # "bpjs" too: a BPJS card number has 13 digits, this is the holder's NIK
    if length in (15, 16) and scan.context.family(a, b) == "npwp":
        return (P_STRUCT, "npwp") if npwp_ok(d) else (P_CONTEXT, "npwp?")
    return _context_only(scan, d, a, b, raw)


def _classify_split(scan: Scan, d: str, a: int, b: int, parts: list[int], border: str) -> tuple[int, str] | None:
    """A number split by a <br> or across two table cells: only a NIK/KK, each piece a real part of it.
    Across cells, the words or header before it must name a NIK or KK (two cells of other numbers never join)."""
    if len(d) != 16 or not nik_ok(d) or min(parts) < _SPLIT_PART_MIN:
        return None
    fam = scan.context.family(a, b)
    if fam == OTHER or (border == "|" and fam not in ("nik", "kk")):
        return None
    return P_STRUCT, "kk" if fam == "kk" else "nik"


def _context_only(scan: Scan, d: str, a: int, b: int, raw: str) -> tuple[int, str] | None:
    length = len(d)
    if "\n" in raw and min(len(_NONDIGIT.sub("", piece)) for piece in raw.split("\n")) < _WRAP_PIECE_MIN:
        return None   # "...50-1\n2 | Siti": the next row's number, not the rest of this one
    mobile = _MOBILE_DIGITS.fullmatch(d) is not None
    if length > 16:
        return None
    fam = scan.context.family(a, b)
    if fam == "bpjs" and length == 13:
        return P_CONTEXT, "bpjs"
    if fam is None and length >= 10 and scan.context.far_account(a):
        fam = "rekening"
    if fam == "rekening" or (fam == "rekening_bank" and not mobile):
        if d in scan.rx.accounts:
            return None
        return P_CONTEXT, "rekening"
    if mobile and "\n" in raw and phone_key(d) not in scan.rx.phones and fam != OTHER \
            and len(_NONDIGIT.split(raw.lstrip("+("), 1)[0]) >= 4:
        return P_WEAK, phone_detector(scan, a, b, True)  # a mobile number wrapped across lines
    return None
