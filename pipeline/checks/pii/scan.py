"""One scan of one text: the state every detector reads and adds hits to, and `scan_text`."""

from __future__ import annotations

from ..findings import BLOCK, Match
from .birth_dates import find_birth_dates
from .context import Context
from .emails import find_emails
from .hits import Hit, choose
from .keywords import find_keywords
from .numbers import find_numbers
from .policy import MESSAGES, Compiled, PrivacyPolicy
from .tables import ColumnHeaders


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
    find_emails(scan)
    find_birth_dates(scan)
    severity = policy.severity
    return [Match(s, e, det, severity.get(det, BLOCK), MESSAGES[det], text[s:e]) for _, s, e, det in choose(scan.hits)]
