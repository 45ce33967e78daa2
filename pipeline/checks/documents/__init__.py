"""Attachments: the text inside them (for the personal-data scan) and metadata problems found directly."""

from __future__ import annotations

import contextlib
import logging
import warnings
import zipfile
from pathlib import Path
from typing import Callable, Iterator
from xml.etree.ElementTree import ParseError

from ...errors import PpidError
from .images import inspect_jpeg, inspect_pillow, inspect_png
from .office import inspect_ooxml
from .ooxml import ooxml_kind
from .pdf import inspect_pdf
from .report import (BROKEN, EXIF_GPS, EXIF_IDENTITY, METADATA_OFFICE, METADATA_PDF, NO_TEXT, OFFICE_HIDDEN,
                     DocumentReport, Report, TextPart, Unreadable)
from .xmlsafe import UnsafeXml

__all__ = ["BROKEN", "EXIF_GPS", "EXIF_IDENTITY", "EXTENSION_KINDS", "KIND_NAMES", "METADATA_OFFICE", "METADATA_PDF",
           "NO_TEXT", "OFFICE_HIDDEN", "DocumentReport", "TextPart", "Unreadable", "file_kind", "inspect", "quiet"]

KIND_NAMES = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "webp": "WebP", "gif": "GIF",
              "docx": "DOCX", "xlsx": "XLSX", "pptx": "PPTX"}
EXTENSION_KINDS = {
    ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".jpe": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff",
    ".webp": "webp", ".gif": "gif", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".pptx": "pptx", ".pptm": "pptx",
}

_IMAGE_KINDS = ("jpeg", "png", "tiff", "webp", "gif")
# Images smaller than this on their short side (icons, logos, thumbnails) cannot show a readable document.
_READABLE_SIDE = 200

_READERS: dict[str, Callable[[Path, Report], None]] = {
    "pdf": inspect_pdf, "jpeg": inspect_jpeg, "png": inspect_png, "tiff": inspect_pillow,
    "webp": inspect_pillow, "gif": inspect_pillow, "docx": inspect_ooxml, "xlsx": inspect_ooxml,
    "pptx": inspect_ooxml,
}


def inspect(path: Path, display: str) -> DocumentReport:
    """The text parts and findings of one attachment, its kind told by its first bytes, not only its name.

    PDF, JPEG, PNG, TIFF/WebP/GIF (through Pillow), DOCX, XLSX and PPTX are understood; any other file
    gives an empty report. A file that claims to be one of these and cannot be read gives one
    `berkas_rusak` finding, never a traceback. Excerpts are always masked: a name or a path shows only
    its ends, a GPS position only one decimal.
    """
    report = Report(display)
    try:
        kind = file_kind(path)
    except OSError as exc:
        report.broken(f"tidak dapat dibuka: {exc.strerror or exc}", path)
        return report.result()
    claimed = EXTENSION_KINDS.get(path.suffix.lower())
    reader = _READERS.get(kind or "")
    if reader is None:
        if claimed is not None:  # named .pdf/.docx/... but the content is not recognisable as such
            report.broken(f"isinya bukan {KIND_NAMES[claimed]} yang sah", path)
        return report.result()
    try:
        with quiet():
            reader(path, report)
            if kind in _IMAGE_KINDS:
                _check_image_size(path, report)
    except Unreadable as exc:
        report.broken(str(exc), path)
    except PpidError:
        raise  # this machine's problem (pdftotext missing), not the file's
    except Exception as exc:  # noqa: BLE001 - a malformed file must never stop a check run with a traceback
        report.broken(_reason(exc), path)
    return report.result()


def _check_image_size(path: Path, report: Report) -> None:
    """An image big enough to show a document (a photo of a KTP) holds no text the checks can read."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        width = height = _READABLE_SIDE  # huge: certainly big enough
    if min(width, height) >= _READABLE_SIDE:
        report.no_text(f"gambar {width}×{height} piksel", f"{width}x{height}")


def file_kind(path: Path) -> str | None:
    """pdf, jpeg, png, tiff, webp, gif, docx, xlsx, pptx, zip (another or unreadable zip), or None."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-") or (
            b"%PDF-" in head and path.suffix.lower() == ".pdf"):  # readers accept junk before the header
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                return ooxml_kind(zf) or "zip"
        except Exception:  # noqa: BLE001 - a damaged archive: reported by inspect() if it claims to be Office
            return "zip"
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "arsip zip rusak"
    if isinstance(exc, (ParseError, UnsafeXml)):
        return "XML di dalamnya rusak atau tidak aman"
    if isinstance(exc, MemoryError):
        return "terlalu besar untuk dibaca"
    if type(exc).__module__.startswith("pypdf"):
        return "struktur PDF rusak"
    if type(exc).__module__.startswith("PIL"):
        return "data gambar rusak"
    return "struktur berkas rusak"


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """pypdf and Pillow log recoverable problems as warnings; a broken file is reported as a finding instead."""
    loggers = [logging.getLogger(name) for name in ("pypdf", "PIL")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)

