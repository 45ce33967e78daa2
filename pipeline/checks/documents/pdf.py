"""PDF inspection: text per page (pdftotext), document and page metadata, and the metadata of images inside."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

from ...errors import PpidError
from .images import inspect_jpeg_stream
from .report import METADATA_PDF, Report, Unreadable
from .values import check_value, is_noise, person_key
from .xmp import check_xmp

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFTOTEXT_TIMEOUT = 300          # seconds for one file; a PDF that takes longer is treated as unreadable
_PDF_SKIP_KEYS = {"CreationDate", "ModDate", "Trapped"}
_PDF_STANDARD_KEYS = {"Title", "Author", "Subject", "Keywords", "Creator", "Producer"}
_MIN_PAGE_TEXT = 20   # letters and digits: fewer on a page is a page number or a stamp, not its content


def pdf_pages_text(path: Path) -> list[str]:
    """Text of every page (pdftotext -layout, one call, pages split at form feeds)."""
    try:
        done = subprocess.run([PDFTOTEXT, "-q", "-layout", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, timeout=PDFTOTEXT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise PpidError("pdftotext tidak ditemukan; pasang paket Debian poppler-utils (make memasangnya)") from None
    except subprocess.TimeoutExpired:
        raise Unreadable(f"teks PDF tidak dapat dibaca dalam {PDFTOTEXT_TIMEOUT} detik") from None
    if done.returncode != 0:
        reason = {1: "struktur PDF rusak", 3: "PDF dikunci: penyalinan teks tidak diizinkan"}.get(done.returncode)
        raise Unreadable(reason or "pdftotext gagal membacanya")
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdf_string(value: Any) -> str:
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return str(value)


def pdf_filters(obj: Any) -> list[str]:
    filters = obj.get("/Filter")
    if filters is None:
        return []
    filters = filters.get_object()
    if isinstance(filters, list):
        return [str(f.get_object()) for f in filters]
    return [str(filters)]


def pdf_stream_data(obj: Any) -> bytes:
    """The raw (still encoded) bytes of a pypdf stream object."""
    return bytes(obj._data)  # pypdf keeps the undecoded stream here; get_data() would decode it


def pdf_xobjects(page: Any, seen: set[int]) -> Iterator[tuple[int | None, Any]]:
    """(image number on this page or None for a form, XObject) for the page's XObjects, forms walked into.

    `seen` holds object numbers already visited (share it across pages): an image used on several pages
    is yielded only the first time, though it still counts in the numbering of later pages.
    """
    count = 0

    def walk(resources: Any, depth: int) -> Iterator[tuple[int | None, Any]]:
        nonlocal count
        if resources is None or depth > 12:
            return
        resources = resources.get_object()
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        if xobjects is None:
            return
        xobjects = xobjects.get_object()
        if not hasattr(xobjects, "raw_get"):
            return
        for name in list(xobjects.keys()):
            ref = xobjects.raw_get(name)
            obj = ref.get_object()
            if not hasattr(obj, "get"):
                continue
            subtype = obj.get("/Subtype")
            if subtype == "/Image":
                count += 1
            number = getattr(ref, "idnum", None)
            if number is not None:
                if number in seen:
                    continue
                seen.add(number)
            if subtype == "/Image":
                yield count, obj
            elif subtype == "/Form":
                yield None, obj
                yield from walk(obj.get("/Resources"), depth + 1)

    yield from walk(page.get("/Resources"), 0)


def _pdf_may_hold_image_metadata(path: Path) -> bool:
    """Whether walking every page's images is needed: a JPEG image or a /Metadata stream in the file.

    Streams (images, XMP) can never sit inside compressed object streams, so their dictionaries, and
    the names /DCTDecode and /Metadata in them, are plain bytes in the file. Scanning for them is much
    faster than having pypdf resolve every page's resources.
    """
    needles = (b"/DCTDecode", b"/Metadata")
    tail = b""
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            window = tail + block
            if any(needle in window for needle in needles):
                return True
            tail = window[-16:]
    return False


def _check_text_layer(reader: Any, texts: list[str], report: Report) -> None:
    """A PDF, or pages of it holding an image, with (almost) no text: scanned paper the checks cannot read."""
    count = len(reader.pages)
    textless = [n for n in range(1, count + 1) if n > len(texts) or len(texts[n - 1].split()) == 0
                or sum(len(w) for w in texts[n - 1].split()) < _MIN_PAGE_TEXT]
    if not textless:
        return
    if len(textless) == count:
        report.no_text("PDF ini (seluruh halaman)", "semua")
        return
    with_images = [n for n in textless if any(number for number, _ in pdf_xobjects(reader.pages[n - 1], set()))]
    if with_images:
        pages = ", ".join(map(str, with_images))
        report.no_text(f"halaman PDF {pages} (berisi gambar)", pages, page=with_images[0])


def inspect_pdf(path: Path, report: Report) -> None:
    from pypdf import PdfReader

    texts = pdf_pages_text(path)
    for number, text in enumerate(texts, 1):
        report.part(text, page=number)
    with open(path, "rb") as fh:
        reader = PdfReader(fh, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure means we cannot look inside
                opened = 0
            if not opened:
                raise Unreadable("PDF dikunci dengan kata sandi")
        _check_text_layer(reader, texts, report)
        info = reader.trailer.get("/Info")
        info = info.get_object() if info is not None else None
        if hasattr(info, "items"):
            for key, raw in info.items():
                name = str(key).lstrip("/")
                if name in _PDF_SKIP_KEYS:
                    continue
                value = pdf_string(raw).replace("\x00", "").strip()
                if not value or is_noise(value):
                    continue
                field = f"PDF /{name}"
                report.part(value, field=field)
                person = name == "Author" or (name not in _PDF_STANDARD_KEYS and person_key(name))
                check_value(report, METADATA_PDF, field, value,
                            person_message="metadata PDF menyimpan nama orang (penulis)" if person else None)
        root = reader.trailer["/Root"].get_object()
        metadata = root.get("/Metadata")
        if metadata is not None:
            check_xmp(report, metadata.get_object().get_data(), "PDF ", context="pdf")
        if not _pdf_may_hold_image_metadata(path):
            return
        seen: set[int] = set()
        for page_number, page in enumerate(reader.pages, 1):
            page_meta = page.get("/Metadata")
            if page_meta is not None:
                check_xmp(report, page_meta.get_object().get_data(), f"PDF halaman {page_number} ", context="pdf",
                          page=page_number)
            for image_number, xobject in pdf_xobjects(page, seen):
                prefix = (f"PDF halaman {page_number} gambar {image_number} " if image_number
                          else f"PDF halaman {page_number} objek form ")
                if image_number and pdf_filters(xobject) == ["/DCTDecode"]:
                    try:
                        inspect_jpeg_stream(report, io.BytesIO(pdf_stream_data(xobject)), prefix, page_number)
                    except Unreadable as exc:
                        raise Unreadable(f"gambar {image_number} di halaman {page_number}: {exc}") from None
                xobject_meta = xobject.get("/Metadata")
                if xobject_meta is not None:
                    check_xmp(report, xobject_meta.get_object().get_data(), prefix,
                              context="image" if image_number else "pdf", page=page_number)
