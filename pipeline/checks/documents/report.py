"""What inspecting one attachment yields: text parts for the personal-data scan, and findings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..findings import BLOCK, REVIEW, Finding, value_hash

METADATA_PDF = "metadata_pdf"
EXIF_GPS = "exif_gps"
EXIF_IDENTITY = "exif_identitas"
METADATA_OFFICE = "metadata_office"
OFFICE_HIDDEN = "office_tersembunyi"
BROKEN = "berkas_rusak"
NO_TEXT = "tanpa_teks"   # a scan or an image: no text to check, so a person must look at it (tinjau)


@dataclass(frozen=True)
class TextPart:
    """Text to be scanned for personal data by another module."""

    text: str
    pdf_page: int | None = None    # 1-based page of a PDF
    field: str | None = None       # e.g. "PDF /Author", "docx core:creator", "xlsx sheet 'Data' (tersembunyi)"


@dataclass
class DocumentReport:
    parts: list[TextPart]
    findings: list[Finding]


class Unreadable(Exception):
    """The file is not a valid file of the kind it claims to be; the message (Indonesian) says why."""


_MSG_BROKEN = "berkas tidak dapat dibaca ({reason}); ekspor ulang dari aplikasi aslinya lalu ganti berkas ini"
_CLEAN_HINT = "bersihkan dengan 'ppid clean {display}'"


class Report:
    """Collects parts and findings for one file, each once."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.parts: list[TextPart] = []
        self.findings: list[Finding] = []
        self._part_keys: set[tuple] = set()
        self._finding_keys: set[tuple] = set()
        self._broken = False

    def part(self, text: str, *, field: str | None = None, page: int | None = None) -> None:
        text = text.strip("\n\r\x00")
        if not text.strip():
            return
        key = (text, field, page)
        if key not in self._part_keys:
            self._part_keys.add(key)
            self.parts.append(TextPart(text, pdf_page=page, field=field))

    def finding(self, detector: str, message: str, excerpt: str, raw: str, *, field: str | None = None,
                page: int | None = None, severity: str = BLOCK) -> None:
        digest = value_hash(raw)
        if field is not None:
            page = None  # the field names the page ("PDF halaman 2 gambar 1 EXIF GPS") and is what users see
        key = (detector, field, page, digest)
        if key in self._finding_keys:
            return
        self._finding_keys.add(key)
        self.findings.append(Finding(path=self.display, detector=detector, severity=severity, message=message,
                                     excerpt=excerpt, pdf_page=page, field=field, value_hash=digest))

    def no_text(self, what: str, raw: str, *, page: int | None = None) -> None:
        """A review finding: this file (or these pages) holds no text the checks can read, e.g. a scanned KTP."""
        self.finding(NO_TEXT, "tanpa teks yang dapat dibaca mesin (gambar atau hasil pindai): tidak dapat diperiksa "
                              "otomatis; periksa manual apakah memuat data pribadi (mis. foto KTP/KK)",
                     what, f"{NO_TEXT}:{raw}", page=page, severity=REVIEW)

    def hint(self) -> str:
        return _CLEAN_HINT.format(display=self.display)

    def broken(self, reason: str, path: Path) -> None:
        if self._broken:
            return
        self._broken = True
        self.findings = [f for f in self.findings if f.detector != BROKEN]
        self.finding(BROKEN, _MSG_BROKEN.format(reason=reason), "berkas tidak dapat dibaca", _file_digest(path))

    def result(self) -> DocumentReport:
        return DocumentReport(self.parts, self.findings)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return str(path)
    return digest.hexdigest()
