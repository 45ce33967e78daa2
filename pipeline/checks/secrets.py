"""Secrets that must never be published: private keys, access tokens, passwords written into a page."""

from __future__ import annotations

import re

from ..content import Page
from .findings import BLOCK, Finding, mask, value_hash

# (detector, pattern, message, words): patterns follow the public formats of each issuer; a pattern is tried only
# on text holding one of its words (every match contains one; the text is lower-cased for the words of a
# case-insensitive pattern), because trying seven patterns at every position of every page is most of a check.
PATTERNS = [
    ("kunci_privat", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"), "blok kunci privat", ("PRIVATE KEY",)),
    ("token_aws", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), "kunci akses AWS", ("AKIA", "ASIA")),
    ("token_github", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b"), "token GitHub",
     ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
    ("token_google", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"), "kunci API Google", ("AIza",)),
    ("token_slack", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"), "token Slack", ("xox",)),
    ("token_jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b"), "token JWT", ("eyJ",)),
    ("kata_sandi", re.compile(r"(?i)\b(?:password|passwd|kata\s+sandi|sandi|pwd)\s*[:=]\s*(\S{6,})"), "kata sandi tertulis",
     ("password", "passwd", "sandi", "pwd")),
]
_CASELESS = frozenset({"kata_sandi"})


def scan_text(text: str) -> list[tuple[str, str, str, int, int]]:
    """(detector, message, value, start, end) for every secret in `text`."""
    hits = []
    lower = None
    for detector, pattern, message, words in PATTERNS:
        if detector in _CASELESS:
            lower = text.lower() if lower is None else lower
            if not any(w in lower for w in words):
                continue
        elif not any(w in text for w in words):
            continue
        for match in pattern.finditer(text):
            group = match.lastindex or 0
            hits.append((detector, message, match.group(group), match.start(group), match.end(group)))
    return hits


def check(page: Page) -> list[Finding]:
    found = []
    raw = page.raw.decode("utf-8", errors="replace")
    if not scan_text(raw):
        return found  # a match on a line is a match in the whole text: most pages end here
    for number, line in enumerate(raw.splitlines(), start=1):
        for detector, message, value, _, _ in scan_text(line):
            found.append(Finding(page.display, detector, BLOCK, f"{message}; jangan pernah diterbitkan",
                                 mask(value, 4, 0), line=number, value_hash=value_hash(value)))
    return found


