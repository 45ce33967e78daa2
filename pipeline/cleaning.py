"""Remove metadata from attachments without changing what a reader sees.

Two steps, so that nothing is lost before a person has looked at the result:

1. `prepare(path)` writes a cleaned copy beside the original (`laporan.pdf` -> `laporan.bersih.pdf`).
2. `apply(path)` cleans the original again in memory, checks that the result is byte for byte the copy
   the person looked at, and only then replaces the original with it (temp file + `os.replace`).

What is removed, per type:
- PDF: the Info dictionary, XMP metadata streams (document, pages, images, forms), PieceInfo, and the
  EXIF/XMP/IPTC segments of embedded JPEG streams (the image data itself is copied byte for byte).
- JPEG: APP1 (EXIF, XMP), APP13 (IPTC), COM and other application segments, and data after the end of
  the image (e.g. MPF preview pictures), byte-wise: the compressed picture is untouched, so the decoded
  pixels are identical. JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14)
  stay. An EXIF orientation other than "normal" is kept in a minimal EXIF segment of its own, so the
  photo does not turn sideways in a browser.
- PNG: eXIf, tEXt, iTXt, zTXt and tIME chunks (orientation kept the same way); the rest is copied as is.
- DOCX/XLSX/PPTX: core, app and custom properties are blanked, and pictures inside are cleaned as above.
  Comments, tracked changes, hidden rows/columns/sheets/slides are content: they are reported by
  `pipeline.checks.documents.inspect` and must be removed in the application that made the file.

Cleaning is deterministic (same input, same bytes) and idempotent (a clean file yields no change).
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable

from .checks import documents
from .checks.documents import (APP0, APP1, APP2, APP13, APP14, COM, EOI, EXIF_HEADER, ORIENTATION, PNG_SIGNATURE,
                               SOS, XMP_EXT_HEADER, XMP_HEADER, Unreadable)
from .errors import PpidError

SUPPORTED = ("pdf", "jpeg", "png", "docx", "xlsx", "pptx")
SUPPORTED_TEXT = "PDF, JPEG, PNG, DOCX, XLSX, PPTX"
COPY_MARK = "bersih"


class CleanError(PpidError):
    """`ppid clean` cannot do what was asked; the message says what to do instead."""


@dataclass
class Prepared:
    source: Path
    copy: Path | None           # None when nothing had to be removed (no copy written)
    removed: list[str] = field(default_factory=list)


@dataclass
class Applied:
    source: Path
    copy: Path
    removed: list[str] = field(default_factory=list)
    already_clean: bool = False


def copy_path(path: Path) -> Path:
    """laporan.pdf -> laporan.bersih.pdf (beside the original)."""
    return path.with_name(f"{path.stem}.{COPY_MARK}{path.suffix}")


def prepare(path: Path, shown: str | None = None) -> Prepared:
    """Write the cleaned copy of `path` beside it; the original is not touched."""
    shown = shown or str(path)
    kind = _check_source(path, shown)
    target = copy_path(path)
    temp, removed = _clean_to_temp(path, kind, target.parent, shown)
    if not removed:
        temp.unlink()
        return Prepared(path, None, [])
    shutil.copymode(path, temp)
    os.replace(temp, target)
    return Prepared(path, target, removed)


def apply(path: Path, shown: str | None = None, copy_shown: str | None = None) -> Applied:
    """Replace `path` with its cleaned copy, after checking the copy is exactly what cleaning produces now."""
    shown = shown or str(path)
    kind = _check_source(path, shown)
    target = copy_path(path)
    copy_shown = copy_shown or str(target)
    temp, removed = _clean_to_temp(path, kind, path.parent, shown)
    try:
        if not removed:
            return Applied(path, target, [], already_clean=True)
        if not target.is_file():
            raise CleanError(
                f"{shown}: belum ada salinan bersih {copy_shown}; jalankan dulu 'ppid clean {shown}', periksa "
                "salinannya, lalu ulangi dengan --terapkan")
        if not _same_content(temp, target):
            raise CleanError(
                f"{copy_shown} tidak sama dengan hasil pembersihan {shown} saat ini (berkas asli atau salinannya "
                f"sudah berubah); jalankan lagi 'ppid clean {shown}', periksa salinan barunya, lalu ulangi dengan "
                "--terapkan")
        shutil.copymode(path, temp)
        os.replace(temp, path)
        target.unlink()
        return Applied(path, target, removed)
    finally:
        if temp.exists():
            temp.unlink()


def clean_file(path: Path, out: IO[bytes]) -> list[str]:
    """Write the cleaned bytes of `path` to `out`; return what was removed (Indonesian, one line per item).

    When nothing needs removing, the list is empty and what was written to `out` must be ignored.
    """
    kind = _check_source(path, str(path))
    return _run_cleaner(kind, path, out, str(path))


# --------------------------------------------------------------------------------------------------


def _check_source(path: Path, shown: str) -> str:
    if not path.exists():
        raise CleanError(f"{shown}: berkas tidak ditemukan; periksa nama dan foldernya")
    if not path.is_file():
        raise CleanError(f"{shown}: bukan berkas biasa")
    try:
        kind = documents.file_kind(path)
    except OSError as exc:
        raise CleanError(f"{shown}: berkas tidak dapat dibuka ({exc.strerror or exc})") from None
    if kind not in SUPPORTED:
        raise CleanError(_unsupported(shown, kind))
    return kind or ""


def _unsupported(shown: str, kind: str | None) -> str:
    if kind in ("tiff", "webp", "gif"):
        return (f"{shown}: gambar {documents.KIND_NAMES[kind]} belum dapat dibersihkan oleh ppid; simpan ulang "
                f"sebagai PNG atau JPEG lalu jalankan lagi (yang didukung: {SUPPORTED_TEXT})")
    return f"{shown}: jenis berkas ini tidak dapat dibersihkan oleh ppid (yang didukung: {SUPPORTED_TEXT})"


def _run_cleaner(kind: str, path: Path, out: IO[bytes], shown: str) -> list[str]:
    try:
        with documents.quiet():
            return _CLEANERS[kind](path, out)
    except CleanError:
        raise
    except Unreadable as exc:
        raise CleanError(f"{shown}: berkas tidak dapat dibaca ({exc}); ekspor ulang dari aplikasi aslinya") from None
    except OSError as exc:
        if exc.errno is None:
            raise CleanError(f"{shown}: berkas tidak dapat dibaca (struktur berkas rusak); ekspor ulang dari "
                             "aplikasi aslinya") from None
        raise CleanError(f"{shown}: gagal membaca atau menulis ({exc.strerror})") from None
    except Exception:  # noqa: BLE001 - pypdf, zipfile, XML: a malformed file is the user's to re-export
        raise CleanError(f"{shown}: berkas tidak dapat dibaca (struktur berkas rusak); ekspor ulang dari aplikasi "
                         "aslinya") from None


def _clean_to_temp(path: Path, kind: str, folder: Path, shown: str) -> tuple[Path, list[str]]:
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".ppid-clean-", suffix=path.suffix, delete=False)
    temp = Path(handle.name)
    try:
        with handle:
            removed = _run_cleaner(kind, path, handle, shown)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, removed


def _same_content(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            block_a, block_b = fa.read(1 << 20), fb.read(1 << 20)
            if block_a != block_b:
                return False
            if not block_a:
                return True


# --------------------------------------------------------------------------------------------------
# EXIF orientation, kept on its own


def minimal_exif(orientation: int) -> bytes:
    """A TIFF-structured EXIF block holding only the Orientation tag (no "Exif\\0\\0" prefix)."""
    return (b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
            + struct.pack(">HHIHH", ORIENTATION, 3, 1, orientation, 0) + struct.pack(">I", 0))


def _orientation(exif_data: bytes) -> int:
    try:
        value = documents.load_exif(exif_data).get(ORIENTATION)
        value = int(value) if value is not None else 1
    except Exception:  # noqa: BLE001 - broken EXIF: nothing to keep
        return 1
    return value if 2 <= value <= 8 else 1


# --------------------------------------------------------------------------------------------------
# JPEG


def _app_label(code: int, payload: bytes) -> str | None:
    """None when the segment is kept; else how it is named in the report."""
    if code == APP0:
        return None
    if code == APP2 and payload.startswith(b"ICC_PROFILE\x00"):
        return None
    if code == APP14 and payload.startswith(b"Adobe"):
        return None
    if code == APP1 and payload.startswith(EXIF_HEADER):
        return "EXIF (data kamera: posisi GPS, nomor seri, nama pemilik, gambar mini)"
    if code == APP1 and (payload.startswith(XMP_HEADER) or payload.startswith(XMP_EXT_HEADER)):
        return "XMP (pembuat, hak cipta, riwayat penyuntingan)"
    if code == APP13:
        return "IPTC/Photoshop (pembuat, keterangan, lokasi)"
    if code == COM:
        return "komentar JPEG"
    if code == APP2:
        return "APP2 (gambar pratinjau MPF/FlashPix)"
    return f"segmen aplikasi APP{code - APP0}"


def strip_jpeg(data: bytes, *, keep_orientation: bool) -> tuple[bytes, list[str]]:
    """The JPEG without metadata segments; image segments and entropy-coded data copied byte for byte."""
    if not data.startswith(b"\xff\xd8"):
        raise Unreadable("awal berkas JPEG rusak")
    head: list[bytes] = [b"\xff\xd8"]
    after_app0 = 1             # where a kept orientation goes: after SOI and any leading APP0
    body = bytearray()
    removed: list[str] = []
    orientation = 1
    pos, size, in_scan, seen_sos = 2, len(data), False, False
    while pos < size:
        if in_scan:
            found = data.find(b"\xff", pos)
            if found < 0 or found + 1 >= size:  # truncated scan: keep what is there
                body += data[pos:]
                pos = size
                break
            following = data[found + 1]
            if following == 0x00 or 0xD0 <= following <= 0xD7:
                body += data[pos:found + 2]
                pos = found + 2
                continue
            if following == 0xFF:
                body += data[pos:found + 1]
                pos = found + 1
                continue
            body += data[pos:found]
            pos = found
            in_scan = False
            continue
        if data[pos] != 0xFF:
            found = data.find(b"\xff", pos)
            if found < 0:
                break
            pos = found
            continue
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            break
        code = data[pos]
        pos += 1
        out = body if seen_sos else None
        if code == EOI:
            if not seen_sos:
                raise Unreadable("berkas JPEG tidak berisi data gambar")
            body += b"\xff\xd9"
            if data[pos:].strip(b"\x00\r\n "):
                removed.append("data tambahan setelah akhir gambar (mis. gambar pratinjau MPF)")
            pos = size
            break
        if 0xD0 <= code <= 0xD7 or code == 0x01:
            if out is not None:
                out += bytes((0xFF, code))
            continue
        if pos + 2 > size:
            raise Unreadable("berkas JPEG terpotong")
        length = struct.unpack(">H", data[pos:pos + 2])[0]
        if length < 2 or pos + length > size:
            raise Unreadable("panjang segmen JPEG tidak sah")
        payload = data[pos + 2:pos + length]
        segment = b"\xff" + bytes((code,)) + data[pos:pos + length]
        pos += length
        keep = True
        if APP0 <= code <= 0xEF or code == COM:
            label = _app_label(code, payload)
            if label is not None:
                if code == APP1 and payload.startswith(EXIF_HEADER):
                    orientation = _orientation(payload)
                    if keep_orientation and orientation != 1 and payload[6:] == minimal_exif(orientation):
                        label = None  # already our own minimal segment: nothing to remove
                if label is not None:
                    keep = False
                    if label not in removed:
                        removed.append(label)
        if keep:
            if out is not None:
                out += segment
            else:
                head.append(segment)
                if code == APP0 and after_app0 == len(head) - 1:
                    after_app0 = len(head)
        if code == SOS:
            seen_sos = True
            in_scan = True
    if not seen_sos:
        raise Unreadable("berkas JPEG tidak berisi data gambar")
    if keep_orientation and orientation != 1:
        exif = EXIF_HEADER + minimal_exif(orientation)
        head.insert(after_app0, b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    return b"".join(head) + bytes(body), removed


def _clean_jpeg(path: Path, out: IO[bytes]) -> list[str]:
    data = path.read_bytes()
    cleaned, removed = strip_jpeg(data, keep_orientation=True)
    out.write(cleaned)
    return removed


# --------------------------------------------------------------------------------------------------
# PNG


_PNG_LABELS = {b"eXIf": "EXIF (eXIf)", b"tEXt": "teks metadata (tEXt)", b"iTXt": "teks/XMP metadata (iTXt)",
               b"zTXt": "teks metadata terkompresi (zTXt)", b"tIME": "waktu penyuntingan (tIME)"}


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def strip_png(data: bytes, *, keep_orientation: bool) -> tuple[bytes, list[str]]:
    out = bytearray(PNG_SIGNATURE)
    removed: list[str] = []
    stream = io.BytesIO(data)
    stream.seek(8)
    if not data.startswith(PNG_SIGNATURE):
        raise Unreadable("tanda tangan PNG rusak")
    while True:
        header = stream.read(8)
        if len(header) < 8:
            raise Unreadable("berkas PNG terpotong (tidak ada IEND)")
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise Unreadable("potongan PNG tidak sah")
        chunk_data = stream.read(length)
        crc = stream.read(4)
        if len(chunk_data) < length or len(crc) < 4:
            raise Unreadable("berkas PNG terpotong")
        if kind in documents.PNG_METADATA_CHUNKS:
            if kind == b"eXIf" and keep_orientation:
                orientation = _orientation(chunk_data)
                if orientation != 1:
                    minimal = minimal_exif(orientation)
                    out += _png_chunk(b"eXIf", minimal)
                    if chunk_data == minimal:
                        continue
            if _PNG_LABELS[kind] not in removed:
                removed.append(_PNG_LABELS[kind])
            continue
        out += header + chunk_data + crc
        if kind == b"IEND":
            break
    if stream.read(1):
        removed.append("data tambahan setelah akhir gambar")
    return bytes(out), removed


def _clean_png(path: Path, out: IO[bytes]) -> list[str]:
    cleaned, removed = strip_png(path.read_bytes(), keep_orientation=True)
    out.write(cleaned)
    return removed


# --------------------------------------------------------------------------------------------------
# PDF


def _clean_pdf(path: Path, out: IO[bytes]) -> list[str]:
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
        for image_number, xobject in documents.pdf_xobjects(page, seen):
            for key in ("/Metadata", "/PieceInfo"):
                if NameObject(key) in xobject:
                    del xobject[NameObject(key)]
                    images.setdefault("metadata XMP objek gambar/form", []).append(number)
            if not image_number or documents.pdf_filters(xobject) != ["/DCTDecode"]:
                continue
            data = documents.pdf_stream_data(xobject)
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


# --------------------------------------------------------------------------------------------------
# Office Open XML


_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_BLANK = {
    "core": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             '<cp:coreProperties xmlns:cp="{ns}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
             'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'),
    "app": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="{ns}" xmlns:vt="%s"/>' % _VT,
    "custom": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
               '<Properties xmlns="{ns}" xmlns:vt="%s"/>' % _VT),
}
_DEFAULT_NS = {
    "core": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "custom": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
}
_PROPERTY_LABELS = {"core": "properti inti dokumen", "app": "properti aplikasi dokumen",
                    "custom": "properti khusus dokumen"}


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = info.compress_type
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    new.comment = info.comment
    return new


def _clean_ooxml(path: Path, out: IO[bytes]) -> list[str]:
    removed: list[str] = []
    replacements: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zin:
        documents.guard_zip(zin)
        for key, name in documents.property_parts(zin).items():
            root = documents.read_xml(zin, name)
            if root is None or not len(root):
                continue
            ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else _DEFAULT_NS[key]
            names = sorted({(child.get("name") if key == "custom" else None) or documents._local(child.tag)
                            for child in root})
            replacements[name] = _BLANK[key].format(ns=ns).encode("utf-8")
            removed.append(f"{_PROPERTY_LABELS[key]}: " + ", ".join(names))
        pictures: dict[str, list[str]] = {}
        for info in zin.infolist():
            if not documents.is_picture_member(info.filename):
                continue
            data = zin.read(info)
            if data.startswith(b"\xff\xd8\xff"):
                strip: Callable[..., tuple[bytes, list[str]]] = strip_jpeg
            elif data.startswith(PNG_SIGNATURE):
                strip = strip_png
            else:
                continue
            try:
                cleaned, labels = strip(data, keep_orientation=True)
            except Unreadable:
                continue
            if cleaned != data:
                replacements[info.filename] = cleaned
                for label in labels:
                    pictures.setdefault(label.split(" (")[0], []).append(info.filename)
        for label, names in pictures.items():
            removed.append(f"{label} dari gambar di dalam dokumen: " + ", ".join(names[:5])
                           + (" …" if len(names) > 5 else ""))
        if not replacements:
            return []
        with zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                new = _copy_info(info)
                if info.filename in replacements:
                    zout.writestr(new, replacements[info.filename])
                    continue
                with zin.open(info) as source, zout.open(new, "w", force_zip64=info.file_size > 0x7FFFFFFF) as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
    return removed


_CLEANERS: dict[str, Callable[[Path, IO[bytes]], list[str]]] = {
    "pdf": _clean_pdf, "jpeg": _clean_jpeg, "png": _clean_png, "docx": _clean_ooxml, "xlsx": _clean_ooxml,
    "pptx": _clean_ooxml,
}
