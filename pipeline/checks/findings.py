"""Findings of the security and privacy checks: what was found, where, how bad, masked, with a stable id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

BLOCK = "blokir"    # blocks promotion and publishing unless the Koordinator accepts this exact finding
REVIEW = "tinjau"   # shown to reviewers; does not block (e.g. an official's NIP in a signature block)
SEVERITIES = (BLOCK, REVIEW)


@dataclass(frozen=True)
class Match:
    """A detector's hit in one text: character offsets, and the raw value (never printed)."""

    start: int
    end: int
    detector: str
    severity: str
    message: str
    value: str


@dataclass(frozen=True)
class Finding:
    """A match placed in a file: line of a page, or page number of a PDF, or a metadata field."""

    path: str               # as users see it: drafts/files/x.pdf, content/layanan/a.md
    detector: str
    severity: str
    message: str            # Bahasa Indonesia
    excerpt: str            # masked: never the full identifier
    line: int | None = None
    pdf_page: int | None = None
    field: str | None = None  # metadata field, e.g. "PDF /Author", "EXIF GPSInfo"
    value_hash: str = ""      # sha256 of the normalised raw value, so the id changes with the value

    @property
    def id(self) -> str:
        """Stable across promotion: the area (drafts/ or content/) is not part of it."""
        where = f"{self.line or ''}:{self.pdf_page or ''}:{self.field or ''}"
        rel = self.path.split("/", 1)[1] if self.path.startswith(("content/", "drafts/")) else self.path
        text = f"{rel}|{self.detector}|{where}|{self.value_hash}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @property
    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}"
        if self.pdf_page:
            return f"{self.path} (halaman PDF {self.pdf_page})"
        if self.field:
            return f"{self.path} [{self.field}]"
        return self.path

    def __str__(self) -> str:
        return f"{self.location}: [{self.severity}] {self.detector}: {self.message} — {self.excerpt} (id {self.id})"


def value_hash(value: str) -> str:
    return hashlib.sha256("".join(value.split()).encode("utf-8")).hexdigest()


def mask(value: str, keep_start: int = 4, keep_end: int = 2) -> str:
    """Hide the middle of an identifier: 3273014509870003 -> 3273**********03."""
    compact = "".join(ch for ch in value if not ch.isspace())
    if len(compact) <= keep_start + keep_end:
        return "*" * len(compact)
    tail = compact[-keep_end:] if keep_end else ""
    return compact[:keep_start] + "*" * (len(compact) - keep_start - keep_end) + tail
