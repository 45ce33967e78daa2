"""One scan of one text: the state every detector reads and adds hits to, and `scan_text`."""

from __future__ import annotations

import bisect

from ..findings import BLOCK, Match
from .birth_dates import find_birth_dates
from .bodies import (account_holder, body_account_column, body_account_header_above, mailbox_of_a_named_body,
                     owned_by_a_body, row_of_a_body)
from .channels import FREE_MAIL, RESOLVED, Channels
from .context import Context
from .emails import find_emails, find_written_out_emails
from .hits import LANDLINE, Hit, choose
from .keywords import find_keywords
from .numbers import find_numbers
from .passports import find_labelled_passports
from .phones import find_lettered_phones
from .policy import MESSAGES, VARIANTS, Compiled, PrivacyPolicy
from .tables import ColumnHeaders
from .text import line_bounds

# A landline near one of these is in a person's record (a form, a complainant's details): the person's number.
_PERSONAL_RECORD = frozenset(["nik", "kk", "tanggal_lahir", "paspor", "bpjs"])
_RECORD_BEFORE, _RECORD_AFTER = 300, 150   # characters around the landline's line that make up its record


class Scan:
    """The text, its policy, the context lookups (cached), and the hits found so far."""

    def __init__(self, text: str, policy: PrivacyPolicy) -> None:
        self.text = text
        self.policy = policy
        self.rx: Compiled = policy._rx
        self.hits: list[Hit] = []
        self.headers = ColumnHeaders(text, self.rx.context)
        self.context = Context(text, policy, self.headers)
        # a passport number counts only near a passport word: without one anywhere, none are looked for
        self.passports = bool(find_keywords(text, self.rx.passport_stems, (), first_only=True))

    def add(self, priority: int, start: int, end: int, detector: str) -> None:
        self.hits.append((priority, start, end, detector))


def scan_text(text: str, policy: PrivacyPolicy) -> list[Match]:
    """Every personal-data hit in `text`, ordered by position, never overlapping.

    Meant for any text the site publishes: Markdown bodies, front-matter values, text extracted from PDFs,
    metadata values. Offsets are into `text`."""
    if not text:
        return []
    scan = Scan(text, policy)
    find_numbers(scan)
    if scan.passports:
        find_labelled_passports(scan)
    find_lettered_phones(scan)
    find_emails(scan)
    find_written_out_emails(scan)
    find_birth_dates(scan)
    chosen = choose(scan.hits)
    starts = [h[1] for h in chosen]
    severity = policy.severity
    matches = []
    channels = Channels(text, scan.context, chosen, starts)
    rows: dict = {}   # per line: whether its table row is a body's; per record: the bodies it names
    for _, s, e, det in chosen:
        if det == LANDLINE:
            det = "telepon" if _in_a_personal_record(text, chosen, starts, s, rows) else "telepon_kantor"
        elif det in RESOLVED:
            public, personal = RESOLVED[det]
            det = public if channels.public(s, e) else personal
            if det == "email" and mailbox_of_a_named_body(text, s, e, True, rows):
                det = "email_instansi"
        elif det == "email" and mailbox_of_a_named_body(text, s, e, False, rows):
            det = "email_instansi"
        elif det == "npwp" and owned_by_a_body(text, s, e):
            det = "npwp+"
        elif det == "rekening" and _account_of_a_body(scan, chosen, starts, s, e, rows):
            det = "rekening+"
        name, level, message = VARIANTS.get(det) or (det, severity.get(det, BLOCK), MESSAGES[det])
        matches.append(Match(s, e, name, level, message, text[s:e]))
    return matches


def _account_of_a_body(scan: Scan, chosen: list[Hit], starts: list[int], start: int, end: int, rows: dict) -> bool:
    """Whether the account's column says it holds a body's accounts, or its record names a body as its holder and
    holds no person's identifier."""
    text = scan.text
    ls, le, long = line_bounds(text, start)
    if not long and (body_account_column(scan.headers.column_header(ls, le, start))
                     or row_of_a_body(text, ls, le, True, rows) or body_account_header_above(text, ls)):
        return True
    if account_holder(text, start, end, (ls, le) if not long else (max(0, start - 300), min(len(text), end + 300))) \
            != "badan":
        return False
    k = bisect.bisect_left(starts, ls)
    while k < len(chosen) and chosen[k][1] < le:
        if chosen[k][3] in _PERSONAL_RECORD:
            return False
        k += 1
    return True


def _in_a_personal_record(text: str, chosen: list[Hit], starts: list[int], pos: int, rows: dict) -> bool:
    """Whether a person's identifier stands near the landline (or a personal e-mail on its own line)."""
    ls, le, long = line_bounds(text, pos)
    lo, hi = max(0, ls - _RECORD_BEFORE), le + _RECORD_AFTER
    body_row = not long and row_of_a_body(text, ls, le, cache=rows)
    if body_row:
        lo, hi = ls, le   # a company's row in a register of people: the row is the record, its mailbox no person's
    k = bisect.bisect_left(starts, lo)
    while k < len(chosen) and chosen[k][1] < hi:
        det = chosen[k][3]
        if det in _PERSONAL_RECORD or (det in ("email", FREE_MAIL) and ls <= chosen[k][1] < le and not body_row):
            return True
        k += 1
    return False
