"""PDF without its metadata: Info dictionary, XMP streams, PieceInfo, and the metadata of JPEG images inside."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from ..checks.documents import Unreadable
from ..checks.documents.pdf import pdf_filters, pdf_stream_data, pdf_xobjects
from .errors import CleanError
from .images import strip_jpeg


def clean_pdf(path: Path, out: IO[bytes]) -> list[str]:
    """Write the PDF without its metadata to `out`, unless there is none; return what was removed.

    Removed: the Info dictionary, XMP streams (document, pages, images, forms), PieceInfo, and the
    EXIF/XMP/IPTC segments of JPEG images (their image data copied byte for byte).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        raise CleanError(f"{path.name}: PDF dikunci dengan kata sandi atau izin; ekspor ulang tanpa penguncian lalu "
                         "jalankan lagi")
    if _pdf_signed(reader):
        raise CleanError(f"{path.name}: PDF ini ditandatangani secara elektronik; menulis ulang berkas akan merusak "
                         "tanda tangannya. Minta penanda tangan menghapus metadata sebelum menandatangani lalu "
                         "mengirim berkas baru, atau minta Koordinator menerima temuan ini")
    removed: list[str] = []
    info = reader.trailer.get("/Info")
    info = info.get_object() if info is not None else None
    if hasattr(info, "keys") and len(info):
        removed.append("kamus Info PDF: " + ", ".join(sorted(str(k).lstrip("/") for k in info.keys())))
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    root = writer.root_object
    if NameObject("/Metadata") in root:
        del root[NameObject("/Metadata")]
        removed.append("metadata XMP dokumen")
    if NameObject("/PieceInfo") in root:
        del root[NameObject("/PieceInfo")]
        removed.append("data pribadi aplikasi pembuat (PieceInfo)")
    seen: set[int] = set()
    pages_meta: list[int] = []
    images: dict[str, list[int]] = {}
    for number, page in enumerate(writer.pages, 1):
        for key in ("/Metadata", "/PieceInfo"):
            if NameObject(key) in page:
                del page[NameObject(key)]
                pages_meta.append(number)
        for image_number, xobject in pdf_xobjects(page, seen):
            for key in ("/Metadata", "/PieceInfo"):
                if NameObject(key) in xobject:
                    del xobject[NameObject(key)]
                    images.setdefault("metadata XMP objek gambar/form", []).append(number)
            if not image_number or pdf_filters(xobject) != ["/DCTDecode"]:
                continue
            data = pdf_stream_data(xobject)
            try:
                cleaned, labels = strip_jpeg(data, keep_orientation=False)
            except Unreadable:
                continue  # a JPEG stream we cannot parse is left exactly as it is
            if cleaned != data:
                xobject._data = cleaned
                if hasattr(xobject, "decoded_self"):
                    xobject.decoded_self = None
                for label in labels:
                    images.setdefault(f"{label.split(' (')[0]} dari gambar JPEG tertanam", []).append(number)
    if pages_meta:
        removed.append(f"metadata halaman (halaman {_pages(pages_meta)})")
    for label, pages in images.items():
        removed.append(f"{label} (halaman {_pages(pages)})")
    if not removed:
        return []
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    writer.write(out)
    return removed


def _pdf_signed(reader: object) -> bool:
    """A digital signature (or a signature-protected form) that any rewrite would invalidate."""
    root = reader.trailer["/Root"].get_object()  # type: ignore[attr-defined]
    if "/Perms" in root:
        return True
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if not hasattr(form, "get"):
        return False
    try:
        if int(form.get("/SigFlags", 0)) & 1:
            return True
    except (TypeError, ValueError):
        pass
    stack = list(form.get("/Fields") or [])
    visited = 0
    while stack and visited < 10000:
        visited += 1
        field = stack.pop().get_object()
        if not hasattr(field, "get"):
            continue
        if field.get("/FT") == "/Sig" and field.get("/V") is not None:
            return True
        stack.extend(field.get("/Kids") or [])
    return False


def _pages(numbers: list[int]) -> str:
    unique = sorted(set(numbers))
    return ", ".join(str(n) for n in unique[:10]) + (" …" if len(unique) > 10 else "")
