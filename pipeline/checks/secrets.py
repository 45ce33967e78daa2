"""Secrets that must never be published: private keys, access tokens, passwords written into a page."""

from __future__ import annotations

import re

from ..content import Page
from .findings import BLOCK, Finding, mask, value_hash

# (detector, pattern, message). Patterns follow the public formats of each issuer.
PATTERNS = [
    ("kunci_privat", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"), "blok kunci privat"),
    ("token_aws", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), "kunci akses AWS"),
    ("token_github", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b"), "token GitHub"),
    ("token_google", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"), "kunci API Google"),
    ("token_slack", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"), "token Slack"),
    ("token_jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b"), "token JWT"),
    ("kata_sandi", re.compile(r"(?i)\b(?:password|passwd|kata\s+sandi|sandi|pwd)\s*[:=]\s*(\S{6,})"), "kata sandi tertulis"),
]


def scan_text(text: str) -> list[tuple[str, str, str, int, int]]:
    """(detector, message, value, start, end) for every secret in `text`."""
    hits = []
    for detector, pattern, message in PATTERNS:
        for match in pattern.finditer(text):
            group = match.lastindex or 0
            hits.append((detector, message, match.group(group), match.start(group), match.end(group)))
    return hits


def check(page: Page) -> list[Finding]:
    found = []
    raw = page.raw.decode("utf-8", errors="replace")
    for number, line in enumerate(raw.splitlines(), start=1):
        for detector, message, value, _, _ in scan_text(line):
            found.append(Finding(page.display, detector, BLOCK, f"{message}; jangan pernah diterbitkan",
                                 mask(value, 4, 0), line=number, value_hash=value_hash(value)))
    return found


