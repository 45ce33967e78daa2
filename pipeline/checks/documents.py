"""Attachments: the text inside them (for the personal-data scan) and metadata problems found directly.

`inspect(path, display)` looks at a file's first bytes, not only its name, and understands PDF, JPEG,
PNG, TIFF/WebP/GIF (through Pillow), DOCX, XLSX and PPTX; any other file gives an empty report. A file
that claims to be one of these and cannot be read gives one `berkas_rusak` finding, never a traceback.

Excerpts are always masked: a name or a path shows only its ends, a GPS position only one decimal.
The low-level readers here (JPEG segments, PNG chunks, OOXML part names) are shared with
`pipeline.cleaning`, which removes what this module finds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import math
import posixpath
import re
import shutil
import struct
import subprocess
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, Callable, Iterator
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element, ParseError

from ..errors import PpidError
from .findings import BLOCK, REVIEW, Finding, mask, value_hash

METADATA_PDF = "metadata_pdf"
EXIF_GPS = "exif_gps"
EXIF_IDENTITY = "exif_identitas"
METADATA_OFFICE = "metadata_office"
OFFICE_HIDDEN = "office_tersembunyi"
BROKEN = "berkas_rusak"

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFTOTEXT_TIMEOUT = 300          # seconds for one file; a PDF that takes longer is treated as unreadable
XMP_MAX = 8 * 1024 * 1024         # larger XMP packets are not parsed (they are removed by `ppid clean` anyway)
ZIP_MEMBER_MAX = 512 * 1024 * 1024
ZIP_TOTAL_MAX = 2 * 1024 * 1024 * 1024
TEXT_CHUNK_MAX = 1024 * 1024      # zTXt/iTXt decompression cap

KIND_NAMES = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "webp": "WebP", "gif": "GIF",
              "docx": "DOCX", "xlsx": "XLSX", "pptx": "PPTX"}
EXTENSION_KINDS = {
    ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".jpe": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff",
    ".webp": "webp", ".gif": "gif", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".pptx": "pptx", ".pptm": "pptx",
}


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


# --------------------------------------------------------------------------------------------------
# Entry point


def inspect(path: Path, display: str) -> DocumentReport:
    report = _Report(display)
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
        with _quiet():
            reader(path, report)
    except Unreadable as exc:
        report.broken(str(exc), path)
    except PpidError:
        raise  # this machine's problem (pdftotext missing), not the file's
    except Exception as exc:  # noqa: BLE001 - a malformed file must never stop a check run with a traceback
        report.broken(_reason(exc), path)
    return report.result()


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


def ooxml_kind(zf: zipfile.ZipFile) -> str | None:
    names = set(zf.namelist())
    if "[Content_Types].xml" not in names:
        return None
    main = _main_part(zf, names)
    top = main.split("/", 1)[0] if main else ""
    for kind, folder, default in (("docx", "word", "word/document.xml"), ("xlsx", "xl", "xl/workbook.xml"),
                                  ("pptx", "ppt", "ppt/presentation.xml")):
        if top == folder or default in names:
            return kind
    return None


# --------------------------------------------------------------------------------------------------
# Collecting parts and findings


_MSG_BROKEN = "berkas tidak dapat dibaca ({reason}); ekspor ulang dari aplikasi aslinya lalu ganti berkas ini"
_CLEAN_HINT = "bersihkan dengan 'ppid clean {display}'"


class _Report:
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
def _quiet() -> Iterator[None]:
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


quiet = _quiet


# --------------------------------------------------------------------------------------------------
# Values: names, paths, accounts, noise


# Generic values that identify nobody: tool defaults and placeholders.
_GENERIC_NAMES = {"", "openpyxl", "python-docx", "python-pptx", "apache poi", "xlsxwriter", "microsoft office user",
                  "microsoft office", "unknown", "author", "user", "administrator", "admin", "-", "n/a"}

_PATH = re.compile(
    r"""(?ix)
      (?<![a-z0-9])[a-z]:[\\/][^\s"'<>|]*           # C:\Users\..., D:/data/...
    | \\\\[\w.$-]+\\[^\s"'<>|]+                      # \\server\share\...
    | \bfile:/{1,3}[^\s"'<>]+                        # file:///...
    | (?<![\w.:/-])/(?:home|users|root|media|mnt|tmp|var|opt|srv|private|volumes|run/media)/[^\s"'<>]*
    | (?<![\w/])~/[^\s"'<>]+                         # ~/Documents/...
    """
)
_ACCOUNT = re.compile(r"[A-Za-z][\w.-]{0,30}\\[\w.$-]{1,40}")  # DOMAIN\user, the whole value
_NOISE = re.compile(
    r"""(?ix)^(?:
        D:\d{4,14}.*                                  # PDF dates
      | \d{4}-\d{2}(?:-\d{2})?(?:[T\s][\d:.+-]+Z?)?   # ISO dates
      | \d{4}:\d{2}:\d{2}(?:\s[\d:]+)?                # EXIF dates
      | (?:uuid|xmp\.iid|xmp\.did|adobe:docid:[\w]+|urn:uuid):[\w:-]+
      | (?=[0-9]*[a-f])[0-9a-f]{16,}                  # bare hex identifiers (not all-digit: a NIK is data)
      | \[?[0-9a-f-]{36}\]?                           # GUIDs
    )$"""
)
_PERSON_KEYS = {"author", "authors", "lastmodifiedby", "last_modified_by", "lastauthor", "manager", "owner",
                "operator", "user", "username", "editor", "writer", "creatorname", "preparedby", "reviewer",
                "approvedby", "signedby", "penulis", "pembuat", "penyusun", "pemilik"}


def _is_noise(value: str) -> bool:
    return bool(_NOISE.match(value.strip()))


def _person_key(name: str) -> bool:
    return re.sub(r"[^a-z_]", "", name.lower()) in _PERSON_KEYS


def _check_value(report: _Report, detector: str, field: str, value: str, *, person_message: str | None,
                 page: int | None = None, fix: str | None = None) -> None:
    """Flag `value`: as a person's name when `person_message` is given, else when it holds a path or an account.

    `fix` says how to remove it; by default, `ppid clean`.
    """
    value = value.strip()
    if not value:
        return
    if person_message is not None and value.casefold() not in _GENERIC_NAMES:
        report.finding(detector, f"{person_message}; {fix or report.hint()}", mask(value), value, field=field,
                       page=page)
        return
    found = _PATH.search(value)
    if found:
        report.finding(detector, f"metadata menyimpan jalur berkas lokal yang dapat memuat nama pengguna komputer; "
                                 f"{report.hint()}", mask(found.group(0)), value, field=field, page=page)
    elif _ACCOUNT.fullmatch(value) and not _PATH.search(value):
        report.finding(detector, f"metadata menyimpan nama akun komputer (DOMAIN\\pengguna); {report.hint()}",
                       mask(value), value, field=field, page=page)


# --------------------------------------------------------------------------------------------------
# XML from untrusted files
#
# The standard library's C parser is used (the pure-Python one under defusedxml is ~5x slower on a
# large sheet). Python's expat (>= 2.4) refuses entity-amplification bombs and ElementTree never
# fetches external entities; on top of that, a document type declaration is refused outright: no
# XMP packet or Office part has one.

PROLOG_MAX = 65536
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")


class UnsafeXml(ValueError):
    """XML with a DOCTYPE/ENTITY declaration, or a prolog that never ends."""


def check_prolog(head: bytes, *, complete: bool) -> None:
    probe = head.replace(b"\x00", b"")  # UTF-16 text read as bytes
    found = _ELEMENT_START.search(probe)
    if found is None and not complete:
        raise UnsafeXml("XML tidak wajar (pembuka dokumen terlalu panjang)")
    prolog = probe[:found.start()] if found else probe
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise UnsafeXml("XML memuat deklarasi DTD/entitas")


class _Joined(io.RawIOBase):
    """`head` (already read, to check the prolog), then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._rest.read(), b""
            else:
                data, self._head = self._head[:size], self._head[size:]
            return data
        return self._rest.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


def open_xml(zf: zipfile.ZipFile, name: str) -> IO[bytes]:
    """A member of the archive as a stream for ElementTree, its prolog checked first."""
    stream = zf.open(name)
    head = stream.read(PROLOG_MAX)
    try:
        check_prolog(head, complete=len(head) < PROLOG_MAX)
    except UnsafeXml:
        stream.close()
        raise
    return _Joined(head, stream)  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------------
# XMP (PDF, JPEG, PNG, TIFF, WebP)


_XMP_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/pdfx/1.3/": "pdfx",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "adobe:ns:meta/": "x",
}
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_XMP_SKIP = {"xmpMM:DocumentID", "xmpMM:InstanceID", "xmpMM:OriginalDocumentID", "xmpMM:DerivedFrom",
             "xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "pdf:Trapped", "x:xmptk", "dc:format"}
# Properties naming a person (or a serial number / place) in images and documents.
_XMP_PERSON = {"dc:creator", "dc:rights", "xmpRights:Owner", "tiff:Artist", "aux:OwnerName", "exifEX:CameraOwnerName",
               "photoshop:CaptionWriter", "photoshop:AuthorsPosition", "Iptc4xmpCore:CreatorContactInfo",
               "pdf:Author", "xmp:Author"}
_XMP_PDF_PERSON = {"dc:creator", "pdf:Author", "xmp:Author", "xmpRights:Owner", "photoshop:CaptionWriter"}
_XMP_SERIAL = {"aux:SerialNumber", "aux:LensSerialNumber", "exifEX:BodySerialNumber", "exifEX:LensSerialNumber"}
_XMP_GPS = {"exif:GPSLatitude", "exif:GPSLongitude"}


def _qname(tag: str) -> str:
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        prefix = _XMP_PREFIXES.get(uri) or uri.rstrip("/#").rsplit("/", 1)[-1] or "ns"
        return f"{prefix}:{local}"
    return tag


def xmp_properties(data: bytes) -> list[tuple[str, str]]:
    """(qualified name, text) of every property in an XMP packet; raises ParseError on bad XML."""
    data = data.strip(b"\x00 \t\r\n")
    start = data.find(b"<")
    data = data[start:] if start > 0 else data
    check_prolog(data[:PROLOG_MAX], complete=len(data) <= PROLOG_MAX)
    root = ET.fromstring(data)
    out: list[tuple[str, str]] = []
    for desc in root.iter(_RDF + "Description"):
        for key, value in desc.attrib.items():
            if key.startswith(_RDF) or key.startswith("{http://www.w3.org/XML/1998/namespace}"):
                continue
            out.append((_qname(key), value))
        for child in desc:
            texts = [t.strip() for t in child.itertext() if t.strip()]
            for sub in child.iter():
                texts.extend(v.strip() for k, v in sub.attrib.items() if not k.startswith(_RDF) and v.strip())
            out.append((_qname(child.tag), "; ".join(texts)))
    return out


def _xmp_fallback_text(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", text)).strip()


def _check_xmp(report: _Report, data: bytes, prefix: str, *, context: str, page: int | None = None) -> None:
    """context: 'pdf' (document metadata), 'image' (photo metadata) or 'office'."""
    if len(data) > XMP_MAX:
        report.part(_xmp_fallback_text(data[:XMP_MAX]), field=f"{prefix}XMP", page=page)
        return
    try:
        props = xmp_properties(data)
    except (ParseError, UnsafeXml, ValueError):
        report.part(_xmp_fallback_text(data), field=f"{prefix}XMP", page=page)
        return
    gps: dict[str, str] = {}
    for name, value in props:
        if not value or name in _XMP_SKIP or name.startswith("xmpMM:History") or _is_noise(value):
            continue
        field = f"{prefix}XMP {name}"
        report.part(value, field=field, page=page)
        if name in _XMP_GPS:
            gps[name] = value
            continue
        if context == "pdf":
            person = name in _XMP_PDF_PERSON or (name.startswith("pdfx:") and _person_key(name[5:]))
            _check_value(report, METADATA_PDF, field, value, page=page,
                         person_message="metadata XMP PDF menyimpan nama orang" if person else None)
        elif context == "image":
            if name in _XMP_SERIAL:
                report.finding(EXIF_IDENTITY, f"gambar menyimpan nomor seri kamera atau lensa; {report.hint()}",
                               mask(value), value, field=field, page=page)
            else:
                _check_value(report, EXIF_IDENTITY, field, value, page=page,
                             person_message=("gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta"
                                             if name in _XMP_PERSON else None))
        else:
            _check_value(report, METADATA_OFFICE, field, value, page=page,
                         person_message="metadata menyimpan nama orang" if name in _XMP_PERSON else None)
    if gps:
        lat = _xmp_coordinate(gps.get("exif:GPSLatitude", ""))
        lon = _xmp_coordinate(gps.get("exif:GPSLongitude", ""))
        _gps_finding(report, lat, lon, "|".join(gps.values()), f"{prefix}XMP GPS", page)


def _xmp_coordinate(value: str) -> float | None:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEWnsew])\s*", value)
    if not found:
        return None
    deg, minutes, seconds, ref = found.groups()
    result = float(deg) + float(minutes) / 60 + float(seconds or 0) / 3600
    return -result if ref.upper() in "SW" else result


def _gps_finding(report: _Report, lat: float | None, lon: float | None, raw: str, field: str,
                 page: int | None) -> None:
    if lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon):
        excerpt = f"posisi tersimpan, dibulatkan: {lat:.1f}, {lon:.1f}"
    else:
        excerpt = "posisi tersimpan"
    report.finding(EXIF_GPS, f"gambar menyimpan posisi GPS tempat foto diambil; {report.hint()}", excerpt, raw,
                   field=field, page=page)


# --------------------------------------------------------------------------------------------------
# EXIF (through Pillow's parser) and IPTC


GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
_EXIF_PERSON = {0x013B: "Artist", 0x8298: "Copyright", 0x9C9D: "XPAuthor", 0xA430: "CameraOwnerName"}
_EXIF_SERIAL = {0xA431: "BodySerialNumber", 0xA435: "LensSerialNumber", 0xC62F: "CameraSerialNumber"}
_EXIF_ACCOUNT = {0x013C: "HostComputer"}
_EXIF_SKIP = {0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292, 0xA420, 0x02BC, 0x83BB,
              0x8773, 0x927C}
_XP_TAGS = {0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F}


def _exif_tag_name(tag: int) -> str:
    from PIL import ExifTags

    names = {**_EXIF_PERSON, **_EXIF_SERIAL, **_EXIF_ACCOUNT}
    return names.get(tag) or ExifTags.TAGS.get(tag) or f"tag 0x{tag:04X}"


def _exif_text(tag: int, value: Any) -> str | None:
    if isinstance(value, str):
        return value.replace("\x00", " ").strip()
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value)
        if tag in _XP_TAGS:
            return value.decode("utf-16-le", "replace").replace("\x00", "").strip()
        if tag == 0x9286:  # UserComment: 8-byte character code, then the text
            code, body = value[:8], value[8:]
            if code.startswith(b"UNICODE"):
                encoding = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
                return body.decode(encoding, "replace").replace("\x00", "").strip()
            return body.decode("utf-8", "replace").replace("\x00", "").strip()
    return None


def _check_exif(report: _Report, exif: Any, prefix: str, page: int | None) -> None:
    """`exif` is a PIL.Image.Exif, already loaded."""
    tags: list[tuple[int, Any]] = [(t, v) for t, v in exif.items() if t not in (EXIF_IFD, GPS_IFD)]
    if EXIF_IFD in exif:
        tags.extend(exif.get_ifd(EXIF_IFD).items())
    for tag, value in tags:
        if not isinstance(tag, int) or tag in _EXIF_SKIP:
            continue
        text = _exif_text(tag, value)
        if not text or _is_noise(text):
            continue
        field = f"{prefix}EXIF {_exif_tag_name(tag)}"
        report.part(text, field=field, page=page)
        if tag in _EXIF_SERIAL:
            report.finding(EXIF_IDENTITY, f"gambar menyimpan nomor seri kamera atau lensa; {report.hint()}",
                           mask(text), text, field=field, page=page)
        elif tag in _EXIF_PERSON:
            _check_value(report, EXIF_IDENTITY, field, text, page=page,
                         person_message="gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta")
        elif tag in _EXIF_ACCOUNT:
            report.finding(EXIF_IDENTITY, f"gambar menyimpan nama komputer pembuatnya; {report.hint()}",
                           mask(text), text, field=field, page=page)
        else:
            _check_value(report, EXIF_IDENTITY, field, text, page=page, person_message=None)
    if GPS_IFD in exif:
        gps = exif.get_ifd(GPS_IFD)
        if 2 in gps or 4 in gps:  # GPSLatitude / GPSLongitude
            lat = _dms(gps.get(2), gps.get(1))
            lon = _dms(gps.get(4), gps.get(3))
            raw = f"{gps.get(1)}{gps.get(2)}{gps.get(3)}{gps.get(4)}"
            _gps_finding(report, lat, lon, raw, f"{prefix}EXIF GPS", page)


def _dms(value: Any, ref: Any) -> float | None:
    try:
        parts = list(value) if isinstance(value, (tuple, list)) else [value]
        numbers = [float(p) for p in parts[:3]]
        result = sum(n / (60 ** i) for i, n in enumerate(numbers))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if isinstance(ref, str) and ref.strip()[:1].upper() in ("S", "W"):
        result = -result
    return result if math.isfinite(result) else None


def load_exif(data: bytes) -> Any:
    from PIL import Image

    exif = Image.Exif()
    exif.load(data)
    return exif


_IPTC_NAMES = {5: "ObjectName", 25: "Keywords", 80: "By-line", 85: "By-lineTitle", 90: "City", 92: "Sub-location",
               95: "Province-State", 101: "Country", 105: "Headline", 110: "Credit", 115: "Source",
               116: "CopyrightNotice", 118: "Contact", 120: "Caption-Abstract", 122: "Writer-Editor"}
_IPTC_PERSON = {80, 116, 118, 122}


def iptc_from_photoshop(data: bytes) -> list[tuple[int, int, bytes]]:
    """IPTC-IIM datasets (record, dataset, value) from a Photoshop image resource block (JPEG APP13)."""
    if data.startswith(b"Photoshop 3.0\x00"):
        data = data[14:]
    out: list[tuple[int, int, bytes]] = []
    pos = 0
    while pos + 12 <= len(data) and data[pos:pos + 4] == b"8BIM":
        resource = struct.unpack(">H", data[pos + 4:pos + 6])[0]
        name_len = 1 + data[pos + 6]
        name_len += name_len % 2
        start = pos + 6 + name_len
        if start + 4 > len(data):
            break
        size = struct.unpack(">I", data[start:start + 4])[0]
        block = data[start + 4:start + 4 + size]
        pos = start + 4 + size + size % 2
        if resource == 0x0404:
            out.extend(_iim(block))
    return out


def _iim(block: bytes) -> Iterator[tuple[int, int, bytes]]:
    pos = 0
    while pos + 5 <= len(block) and block[pos] == 0x1C:
        record, dataset = block[pos + 1], block[pos + 2]
        length = struct.unpack(">H", block[pos + 3:pos + 5])[0]
        pos += 5
        if length & 0x8000:
            count = length & 0x7FFF
            length = int.from_bytes(block[pos:pos + count], "big")
            pos += count
        yield record, dataset, block[pos:pos + length]
        pos += length


def _check_iptc(report: _Report, datasets: list[tuple[int, int, bytes]], prefix: str, page: int | None) -> None:
    for record, dataset, raw in datasets:
        if record != 2 or dataset not in _IPTC_NAMES:
            continue
        try:
            value = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            value = raw.decode("latin-1").strip()
        if not value:
            continue
        field = f"{prefix}IPTC {_IPTC_NAMES[dataset]}"
        report.part(value, field=field, page=page)
        _check_value(report, EXIF_IDENTITY, field, value, page=page,
                     person_message=("gambar menyimpan nama pembuat atau pemegang hak cipta (IPTC)"
                                     if dataset in _IPTC_PERSON else None))


# --------------------------------------------------------------------------------------------------
# JPEG


SOS, EOI, COM, APP0, APP1, APP2, APP13, APP14 = 0xDA, 0xD9, 0xFE, 0xE0, 0xE1, 0xE2, 0xED, 0xEE
EXIF_HEADER = b"Exif\x00\x00"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"


def jpeg_header_segments(read: Callable[[int], bytes]) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment before the image data (SOS included, its payload only)."""
    if read(2) != b"\xff\xd8":
        raise Unreadable("awal berkas JPEG rusak")
    segments: list[tuple[int, bytes]] = []
    while True:
        byte = read(1)
        skipped = 0
        while byte and byte != b"\xff":  # stray bytes between segments: decoders skip them too
            skipped += 1
            if skipped > 65536:
                raise Unreadable("susunan segmen JPEG rusak")
            byte = read(1)
        marker = read(1)
        while marker == b"\xff":
            marker = read(1)
        if not byte or not marker:
            raise Unreadable("berkas JPEG terpotong sebelum data gambar")
        code = marker[0]
        if code == EOI:
            raise Unreadable("berkas JPEG tidak berisi data gambar")
        if 0xD0 <= code <= 0xD7 or code in (0x01, 0xD8):
            continue
        size_bytes = read(2)
        if len(size_bytes) < 2:
            raise Unreadable("berkas JPEG terpotong")
        size = struct.unpack(">H", size_bytes)[0]
        if size < 2:
            raise Unreadable("panjang segmen JPEG tidak sah")
        payload = read(size - 2)
        if len(payload) < size - 2:
            raise Unreadable("berkas JPEG terpotong")
        segments.append((code, payload))
        if code == SOS:
            return segments


def check_jpeg_segments(report: _Report, segments: list[tuple[int, bytes]], prefix: str, page: int | None) -> None:
    extended: dict[bytes, list[tuple[int, bytes]]] = {}
    for code, payload in segments:
        if code == APP1 and payload.startswith(EXIF_HEADER):
            _check_exif(report, load_exif(payload), prefix, page)
        elif code == APP1 and payload.startswith(XMP_HEADER):
            _check_xmp(report, payload[len(XMP_HEADER):], prefix, context="image", page=page)
        elif code == APP1 and payload.startswith(XMP_EXT_HEADER) and len(payload) >= 75:
            body = payload[len(XMP_EXT_HEADER):]
            extended.setdefault(body[:32], []).append((struct.unpack(">I", body[36:40])[0], body[40:]))
        elif code == APP13 and payload.startswith(b"Photoshop 3.0\x00"):
            _check_iptc(report, iptc_from_photoshop(payload), prefix, page)
        elif code == COM:
            text = payload.decode("utf-8", "replace").replace("\x00", " ").strip()
            report.part(text, field=f"{prefix}JPEG komentar", page=page)
            _check_value(report, EXIF_IDENTITY, f"{prefix}JPEG komentar", text, page=page, person_message=None)
    for chunks in extended.values():
        data = b"".join(chunk for _, chunk in sorted(chunks))
        _check_xmp(report, data, prefix, context="image", page=page)


def _inspect_jpeg_stream(report: _Report, stream: IO[bytes], prefix: str = "", page: int | None = None) -> None:
    check_jpeg_segments(report, jpeg_header_segments(stream.read), prefix, page)


def _inspect_jpeg(path: Path, report: _Report) -> None:
    with open(path, "rb") as fh:
        _inspect_jpeg_stream(report, fh)
        if not _jpeg_has_end(fh):
            raise Unreadable("berkas JPEG terpotong: penanda akhir gambar tidak ada")


def _jpeg_has_end(fh: IO[bytes]) -> bool:
    """An end-of-image marker near the end of the file (some phones append data after it: look back 1 MiB)."""
    size = fh.seek(0, io.SEEK_END)
    for window in (4096, 1 << 20):
        fh.seek(max(0, size - window))
        if b"\xff\xd9" in fh.read(window):
            return True
        if window >= size:
            break
    return False


# --------------------------------------------------------------------------------------------------
# PNG


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_METADATA_CHUNKS = {b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"}
_PNG_PERSON_KEYS = {"author", "copyright", "artist", "owner", "creator"}


def png_chunks(stream: IO[bytes], want: set[bytes] | None = None) -> Iterator[tuple[bytes, bytes | None]]:
    """(type, data) of each chunk up to IEND; data is None for chunks not in `want` (skipped, not read)."""
    if stream.read(8) != PNG_SIGNATURE:
        raise Unreadable("tanda tangan PNG rusak")
    while True:
        header = stream.read(8)
        if len(header) < 8:
            raise Unreadable("berkas PNG terpotong (tidak ada IEND)")
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise Unreadable("potongan PNG tidak sah")
        if want is None or kind in want:
            data = stream.read(length)
            if len(data) < length:
                raise Unreadable("berkas PNG terpotong")
            stream.read(4)
        else:
            data = None
            stream.seek(length + 4, io.SEEK_CUR)
        yield kind, data
        if kind == b"IEND":
            return


def png_text(kind: bytes, data: bytes) -> tuple[str, str]:
    """(keyword, text) of a tEXt, zTXt or iTXt chunk."""
    keyword, _, rest = data.partition(b"\x00")
    key = keyword.decode("latin-1")
    if kind == b"tEXt":
        return key, rest.decode("latin-1")
    if kind == b"zTXt":
        return key, _inflate(rest[1:]).decode("latin-1")
    flag = rest[:1]  # then the compression method byte
    _lang, _, rest = rest[2:].partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    if flag == b"\x01":
        text = _inflate(text)
    return key, text.decode("utf-8", "replace")


def _inflate(data: bytes) -> bytes:
    return zlib.decompressobj().decompress(data, TEXT_CHUNK_MAX)


def _inspect_png_stream(report: _Report, stream: IO[bytes], prefix: str = "", page: int | None = None) -> None:
    for kind, data in png_chunks(stream, {b"eXIf", b"tEXt", b"iTXt", b"zTXt"}):
        if data is None:
            continue
        if kind == b"eXIf":
            _check_exif(report, load_exif(data), prefix, page)
            continue
        key, text = png_text(kind, data)
        if key == "XML:com.adobe.xmp":
            _check_xmp(report, text.encode("utf-8"), prefix, context="image", page=page)
            continue
        if key.startswith("Raw profile type"):
            continue
        text = text.strip()
        if not text or _is_noise(text):
            continue
        field = f"{prefix}PNG {key}"
        report.part(text, field=field, page=page)
        _check_value(report, EXIF_IDENTITY, field, text, page=page,
                     person_message=("gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta"
                                     if key.lower() in _PNG_PERSON_KEYS else None))


def _inspect_png(path: Path, report: _Report) -> None:
    with open(path, "rb") as fh:
        _inspect_png_stream(report, fh)


# --------------------------------------------------------------------------------------------------
# TIFF, WebP, GIF through Pillow (reads headers and metadata, not pixels)


def _inspect_pillow(path: Path, report: _Report) -> None:
    from PIL import Image

    try:
        image = Image.open(path)
    except Image.DecompressionBombError:
        raise Unreadable("ukuran gambar terlalu besar") from None
    with image:
        exif = image.getexif()
        if exif:
            _check_exif(report, exif, "", None)
        xmp = image.info.get("xmp") or (exif.get(700) if exif else None)
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8")
        if isinstance(xmp, (bytes, bytearray)) and xmp:
            _check_xmp(report, bytes(xmp), "", context="image")
        iptc = exif.get(33723) if exif else None
        if isinstance(iptc, (bytes, bytearray)):
            _check_iptc(report, list(_iim(bytes(iptc))), "", None)
        comment = image.info.get("comment")
        if isinstance(comment, bytes):
            comment = comment.decode("utf-8", "replace")
        if isinstance(comment, str) and comment.strip():
            report.part(comment, field="komentar gambar")
            _check_value(report, EXIF_IDENTITY, "komentar gambar", comment, person_message=None)


# --------------------------------------------------------------------------------------------------
# PDF


_PDF_SKIP_KEYS = {"CreationDate", "ModDate", "Trapped"}
_PDF_STANDARD_KEYS = {"Title", "Author", "Subject", "Keywords", "Creator", "Producer"}


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


def _inspect_pdf(path: Path, report: _Report) -> None:
    from pypdf import PdfReader

    for number, text in enumerate(pdf_pages_text(path), 1):
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
        info = reader.trailer.get("/Info")
        info = info.get_object() if info is not None else None
        if hasattr(info, "items"):
            for key, raw in info.items():
                name = str(key).lstrip("/")
                if name in _PDF_SKIP_KEYS:
                    continue
                value = pdf_string(raw).replace("\x00", "").strip()
                if not value or _is_noise(value):
                    continue
                field = f"PDF /{name}"
                report.part(value, field=field)
                person = name == "Author" or (name not in _PDF_STANDARD_KEYS and _person_key(name))
                _check_value(report, METADATA_PDF, field, value,
                             person_message="metadata PDF menyimpan nama orang (penulis)" if person else None)
        root = reader.trailer["/Root"].get_object()
        metadata = root.get("/Metadata")
        if metadata is not None:
            _check_xmp(report, metadata.get_object().get_data(), "PDF ", context="pdf")
        if not _pdf_may_hold_image_metadata(path):
            return
        seen: set[int] = set()
        for page_number, page in enumerate(reader.pages, 1):
            page_meta = page.get("/Metadata")
            if page_meta is not None:
                _check_xmp(report, page_meta.get_object().get_data(), f"PDF halaman {page_number} ", context="pdf",
                           page=page_number)
            for image_number, xobject in pdf_xobjects(page, seen):
                prefix = (f"PDF halaman {page_number} gambar {image_number} " if image_number
                          else f"PDF halaman {page_number} objek form ")
                if image_number and pdf_filters(xobject) == ["/DCTDecode"]:
                    try:
                        _inspect_jpeg_stream(report, io.BytesIO(pdf_stream_data(xobject)), prefix, page_number)
                    except Unreadable as exc:
                        raise Unreadable(f"gambar {image_number} di halaman {page_number}: {exc}") from None
                xobject_meta = xobject.get("/Metadata")
                if xobject_meta is not None:
                    _check_xmp(report, xobject_meta.get_object().get_data(), prefix,
                               context="image" if image_number else "pdf", page=page_number)


# --------------------------------------------------------------------------------------------------
# Office Open XML (docx, xlsx, pptx)


REL_CORE = "/metadata/core-properties"
REL_APP = "/extended-properties"
REL_CUSTOM = "/custom-properties"
REL_OFFICE_DOCUMENT = "/officeDocument"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Element, local: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


def _rel_id(element: Element) -> str:
    """The r:id attribute (namespaced; a plain `id` attribute is something else, e.g. on p:sldId)."""
    for key, value in element.attrib.items():
        if key.startswith("{") and _local(key) == "id":
            return value
    return ""


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def relationships(zf: zipfile.ZipFile, part: str) -> list[tuple[str, str, str, bool]]:
    """(id, type, target part or URL, external) of the relationships of `part` ('' for the package)."""
    name = rels_path(part) if part else "_rels/.rels"
    root = _xml(zf, name)
    if root is None:
        return []
    out = []
    for rel in root:
        if _local(rel.tag) != "Relationship":
            continue
        external = (rel.get("TargetMode") or "").lower() == "external"
        target = rel.get("Target") or ""
        out.append((rel.get("Id") or "", rel.get("Type") or "", target if external else resolve_target(part, target),
                    external))
    return out


def property_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """{'core'|'app'|'custom': part name} as declared by the package relationships."""
    found: dict[str, str] = {}
    for _, kind, target, external in relationships(zf, ""):
        if external:
            continue
        for key, suffix in (("core", REL_CORE), ("app", REL_APP), ("custom", REL_CUSTOM)):
            if kind.endswith(suffix):
                found[key] = target
    names = set(zf.namelist())
    for key, default in (("core", "docProps/core.xml"), ("app", "docProps/app.xml"), ("custom", "docProps/custom.xml")):
        if key not in found and default in names:
            found[key] = default
    return found


def _main_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    if "_rels/.rels" not in names:
        return None
    try:
        for _, kind, target, external in relationships(zf, ""):
            if kind.endswith(REL_OFFICE_DOCUMENT) and not external:
                return target
    except Exception:  # noqa: BLE001 - damaged package relationships: fall back to the usual part names
        return None
    return None


def _guard_zip(zf: zipfile.ZipFile) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > ZIP_MEMBER_MAX or total > ZIP_TOTAL_MAX:
            raise Unreadable("isinya mengembang terlalu besar saat dibuka (kemungkinan bom zip)")
        if info.flag_bits & 0x1:
            raise Unreadable("bagian di dalamnya terenkripsi")


def _xml(zf: zipfile.ZipFile, name: str) -> Element | None:
    try:
        with open_xml(zf, name) as fh:
            return ET.parse(fh).getroot()
    except KeyError:
        return None


def _office_person(report: _Report, field: str, value: str, message: str) -> None:
    """A person named by comments or tracked changes: content, so `ppid clean` does not remove it."""
    _check_value(report, METADATA_OFFICE, field, value, person_message=message,
                 fix="terima/tolak semua perubahan dan hapus komentar di aplikasinya, lalu simpan ulang")


def _check_properties(zf: zipfile.ZipFile, kind: str, report: _Report) -> None:
    parts = property_parts(zf)
    core = _xml(zf, parts["core"]) if "core" in parts else None
    if core is not None:
        for child in core:
            name = _local(child.tag)
            value = "".join(child.itertext()).strip()
            if not value or name in ("created", "modified", "lastPrinted", "revision") or _is_noise(value):
                continue
            field = f"{kind} core:{name}"
            report.part(value, field=field)
            person = name in ("creator", "lastModifiedBy")
            _check_value(report, METADATA_OFFICE, field, value,
                         person_message="properti dokumen menyimpan nama orang (pembuat/penyunting terakhir)"
                         if person else None)
    app = _xml(zf, parts["app"]) if "app" in parts else None
    if app is not None:
        for child in app:
            name = _local(child.tag)
            if name in ("HeadingPairs", "TitlesOfParts", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc",
                        "HyperlinksChanged", "AppVersion", "TotalTime", "Pages", "Words", "Characters", "Lines",
                        "Paragraphs", "CharactersWithSpaces", "Slides", "Notes", "HiddenSlides", "MMClips",
                        "PresentationFormat"):
                continue
            value = "".join(child.itertext()).strip()
            if not value:
                continue
            field = f"{kind} app:{name}"
            report.part(value, field=field)
            manager = name == "Manager"
            _check_value(report, METADATA_OFFICE, field, value,
                         person_message="properti dokumen menyimpan nama orang (manajer)" if manager else None)
    custom = _xml(zf, parts["custom"]) if "custom" in parts else None
    if custom is not None:
        for prop in custom:
            name = prop.get("name") or "?"
            value = "".join(prop.itertext()).strip()
            if not value or _is_noise(value):
                continue
            field = f"{kind} custom:{name}"
            report.part(value, field=field)
            _check_value(report, METADATA_OFFICE, field, value,
                         person_message="properti khusus dokumen menyimpan nama orang" if _person_key(name) else None)


def _check_external_links(zf: zipfile.ZipFile, kind: str, report: _Report) -> None:
    for name in zf.namelist():
        if not name.endswith(".rels"):
            continue
        root = _xml(zf, name)
        for rel in root if root is not None else []:
            if (rel.get("TargetMode") or "").lower() != "external":
                continue
            target = rel.get("Target") or ""
            found = _PATH.search(target)
            if found:
                field = f"{kind} tautan berkas lokal"
                report.finding(METADATA_OFFICE, "dokumen menautkan berkas lokal (templat, sumber data, atau gambar) "
                                                "yang jalurnya dapat memuat nama pengguna; hapus tautan itu di "
                                                "aplikasinya lalu simpan ulang", mask(found.group(0)), target,
                               field=field)


def is_picture_member(name: str) -> bool:
    """Pictures inside an Office file: word/media/..., xl/media/..., ppt/media/..., docProps/thumbnail.*"""
    parts = name.split("/")
    return (len(parts) >= 3 and parts[1] == "media" and not name.endswith("/")) or name.startswith("docProps/thumbnail")


def _check_media(zf: zipfile.ZipFile, kind: str, report: _Report) -> None:
    for info in zf.infolist():
        if not is_picture_member(info.filename):
            continue
        prefix = f"{kind} gambar {info.filename} "
        with zf.open(info) as fh:
            head = fh.read(8)
        try:
            with zf.open(info) as fh:
                if head.startswith(b"\xff\xd8\xff"):
                    _inspect_jpeg_stream(report, fh, prefix)
                elif head.startswith(PNG_SIGNATURE):
                    _inspect_png_stream(report, fh, prefix)
        except Unreadable:
            continue  # a broken picture inside a document is the application's business; we only want metadata


def _check_embeddings(zf: zipfile.ZipFile, kind: str, report: _Report) -> None:
    embedded = [n for n in zf.namelist() if n.split("/")[1:2] == ["embeddings"] and not n.endswith("/")]
    if embedded:
        names = ", ".join(posixpath.basename(n) for n in embedded[:5]) + (" …" if len(embedded) > 5 else "")
        report.finding(OFFICE_HIDDEN, "dokumen menyematkan berkas lain (mis. lembar kerja data grafik) yang ikut "
                                      "terbit dan dapat berisi data lebih banyak dari yang tampak; periksa isinya "
                                      "atau ekspor ke PDF", names, "|".join(embedded), field=f"{kind} berkas sematan",
                       severity=REVIEW)


def _inspect_ooxml(path: Path, report: _Report) -> None:
    with zipfile.ZipFile(path) as zf:
        _guard_zip(zf)
        kind = ooxml_kind(zf)
        if kind is None:
            return
        _check_properties(zf, kind, report)
        {"docx": _inspect_docx, "xlsx": _inspect_xlsx, "pptx": _inspect_pptx}[kind](zf, report)
        _check_external_links(zf, kind, report)
        _check_media(zf, kind, report)
        _check_embeddings(zf, kind, report)


# ---- docx


def _vanished(run: Element) -> bool:
    for prop in run:
        if _local(prop.tag) != "rPr":
            continue
        for flag in prop:
            if _local(flag.tag) in ("vanish", "specVanish"):
                return (_attr(flag, "val") or "true").lower() not in ("0", "false", "off")
    return False


@dataclass
class _WordText:
    visible: list[str]
    hidden: list[str]
    deleted: list[str]
    authors: set[str]


def _word_text(zf: zipfile.ZipFile, name: str) -> _WordText:
    result = _WordText([], [], [], set())
    with open_xml(zf, name) as fh:
        for _, element in ET.iterparse(fh, events=("end",)):
            local = _local(element.tag)
            if local in ("ins", "del", "moveFrom", "moveTo", "comment", "rPrChange", "pPrChange"):
                author = _attr(element, "author")
                if author and author.strip():
                    result.authors.add(author.strip())
            if local != "p":
                continue
            visible: list[str] = []
            hidden: list[str] = []
            deleted: list[str] = []
            for run in element.iter():
                if _local(run.tag) != "r":
                    continue
                is_hidden = _vanished(run)
                for child in run:
                    child_local = _local(child.tag)
                    if child_local == "t":
                        (hidden if is_hidden else visible).append(child.text or "")
                    elif child_local == "delText":
                        deleted.append(child.text or "")
                    elif child_local == "tab" and not is_hidden:
                        visible.append("\t")
                    elif child_local in ("br", "cr") and not is_hidden:
                        visible.append("\n")
            for bucket, line in ((result.visible, visible), (result.hidden, hidden), (result.deleted, deleted)):
                text = "".join(line)
                if text.strip():
                    bucket.append(text)
            element.clear()
    return result


def _inspect_docx(zf: zipfile.ZipFile, report: _Report) -> None:
    names = zf.namelist()
    main = _main_part(zf, set(names)) or "word/document.xml"
    parts = [(main, "docx isi")]
    for name in sorted(names):
        base = posixpath.basename(name)
        if not name.startswith("word/") or name.count("/") != 1:
            continue
        for pattern, label in ((r"header\d*\.xml", "docx kepala halaman"), (r"footer\d*\.xml", "docx kaki halaman"),
                               (r"footnotes\.xml", "docx catatan kaki"), (r"endnotes\.xml", "docx catatan akhir")):
            if re.fullmatch(pattern, base):
                parts.append((name, label))
    authors: set[str] = set()
    hidden: list[str] = []
    deleted: list[str] = []
    for name, label in parts:
        if name not in names:
            continue
        text = _word_text(zf, name)
        report.part("\n".join(text.visible), field=label)
        hidden.extend(text.hidden)
        deleted.extend(text.deleted)
        authors |= text.authors
    if hidden:
        joined = "\n".join(hidden)
        report.part(joined, field="docx teks tersembunyi")
        report.finding(OFFICE_HIDDEN, "dokumen memuat teks tersembunyi yang ikut terbit; hapus teks itu lalu simpan "
                                      "ulang", f"{len(hidden)} paragraf berisi teks tersembunyi", joined,
                       field="docx teks tersembunyi")
    if deleted:
        joined = "\n".join(deleted)
        report.part(joined, field="docx teks terhapus (perubahan terlacak)")
        report.finding(OFFICE_HIDDEN, "dokumen memuat perubahan terlacak: teks yang dihapus masih tersimpan di "
                                      "berkas; terima atau tolak semua perubahan lalu simpan ulang",
                       f"{len(deleted)} potongan teks terhapus", joined, field="docx perubahan terlacak")
    comments = [n for n in names if re.fullmatch(r"word/comments\w*\.xml", n) and n != "word/commentsIds.xml"]
    comment_text: list[str] = []
    for name in comments:
        text = _word_text(zf, name)
        comment_text.extend(text.visible + text.hidden)
        authors |= text.authors
    if comment_text:
        joined = "\n".join(comment_text)
        report.part(joined, field="docx komentar")
        report.finding(OFFICE_HIDDEN, "dokumen memuat komentar yang ikut terbit; hapus semua komentar lalu simpan "
                                      "ulang", f"{len(comment_text)} paragraf komentar", joined, field="docx komentar")
    people = _people_xml(zf, "word/people.xml", "author")
    for author in sorted(authors | people):
        _office_person(report, "docx penulis komentar/perubahan", author,
                       "komentar atau perubahan terlacak menyimpan nama penulisnya")


def _people_xml(zf: zipfile.ZipFile, name: str, attribute: str) -> set[str]:
    root = _xml(zf, name) if name in zf.namelist() else None
    found: set[str] = set()
    for element in root.iter() if root is not None else []:
        value = _attr(element, attribute)
        if value and value.strip():
            found.add(value.strip())
    return found


# ---- xlsx


def _column_index(ref: str) -> int:
    number = 0
    for ch in ref:
        if not ch.isalpha():
            break
        number = number * 26 + (ord(ch.upper()) - 64)
    return number


def _column_name(index: int) -> str:
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _shared_strings(zf: zipfile.ZipFile, name: str | None) -> list[str]:
    if not name or name not in zf.namelist():
        return []
    strings: list[str] = []
    with open_xml(zf, name) as fh:
        for _, element in ET.iterparse(fh, events=("end",)):
            if _local(element.tag) != "si":
                continue
            texts: list[str] = []
            for child in element:
                local = _local(child.tag)
                if local == "t":
                    texts.append(child.text or "")
                elif local == "r":
                    texts.extend(t.text or "" for t in child if _local(t.tag) == "t")
            strings.append("".join(texts))
            element.clear()
    return strings


def _number_text(value: str) -> str:
    if "e" in value.lower():
        try:
            number = Decimal(value)
            if number == number.to_integral_value() and abs(number) < Decimal(10) ** 30:
                return str(int(number))
        except (InvalidOperation, ValueError):
            pass
    return value[:-2] if value.endswith(".0") else value


@dataclass
class _Sheet:
    visible: list[str]
    hidden_rows: list[str]
    hidden_row_numbers: list[int]
    hidden_cols: list[str]
    hidden_col_numbers: set[int]
    cells: int


def _read_sheet(zf: zipfile.ZipFile, name: str, shared: list[str]) -> _Sheet:
    sheet = _Sheet([], [], [], [], set(), 0)
    hidden_ranges: list[tuple[int, int]] = []
    sheet_data: Element | None = None
    row_counter = 0
    ns = ""
    with open_xml(zf, name) as fh:
        events = ET.iterparse(fh, events=("start", "end"))
        for event, element in events:
            if event == "start":  # the root: its namespace names every tag below (transitional or strict)
                ns = element.tag[:element.tag.index("}") + 1] if element.tag.startswith("{") else ""
                break
        row_tag, col_tag, data_tag, cell_tag = ns + "row", ns + "col", ns + "sheetData", ns + "c"
        value_tags = (ns + "v", ns + "is", ns + "t")
        for event, element in events:
            tag = element.tag
            if event == "start":
                if tag == data_tag:
                    sheet_data = element
                continue
            if tag == col_tag:
                if (element.get("hidden") or "").lower() in ("1", "true"):
                    try:
                        hidden_ranges.append((int(element.get("min") or 0), int(element.get("max") or 0)))
                    except ValueError:
                        pass
                continue
            if tag != row_tag:
                continue
            try:
                row_counter = int(element.get("r") or row_counter + 1)
            except ValueError:
                row_counter += 1
            row_hidden = (element.get("hidden") or "").lower() in ("1", "true")
            visible: list[str] = []
            hidden_cells: list[str] = []
            column = 0
            for cell in element:
                if cell.tag != cell_tag:
                    continue
                if hidden_ranges:  # <cols> comes before <sheetData>: known by now
                    ref = cell.get("r")
                    column = _column_index(ref) if ref else column + 1
                text = _cell_text(cell, shared, value_tags)
                if not text:
                    continue
                sheet.cells += 1
                if row_hidden:
                    hidden_cells.append(text)
                elif hidden_ranges and any(low <= column <= high for low, high in hidden_ranges):
                    sheet.hidden_cols.append(f"{_column_name(column)}{row_counter}: {text}")
                    sheet.hidden_col_numbers.add(column)
                else:
                    visible.append(text)
            if hidden_cells:
                sheet.hidden_rows.append("\t".join(hidden_cells))
                sheet.hidden_row_numbers.append(row_counter)
            if visible:
                sheet.visible.append("\t".join(visible))
            element.clear()
            if sheet_data is not None and len(sheet_data) and sheet_data[-1] is element:
                sheet_data.remove(element)
    return sheet


def _cell_text(cell: Element, shared: list[str], tags: tuple[str, str, str]) -> str:
    v_tag, is_tag, t_tag = tags
    kind = cell.get("t") or "n"
    value = None
    inline: list[str] = []
    for child in cell:
        if child.tag == v_tag:
            value = child.text
        elif child.tag == is_tag:
            inline.extend(t.text or "" for t in child.iter(t_tag))
    if kind == "inlineStr":
        return "".join(inline).strip()
    if value is None or kind in ("b", "e"):
        return ""
    if kind == "s":
        try:
            return shared[int(value)].strip()
        except (ValueError, IndexError):
            return ""
    if kind == "str":
        return value.strip()
    return _number_text(value.strip())


def _number_list(numbers: list[int], limit: int = 8) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (" …" if len(numbers) > limit else "")


def _inspect_xlsx(zf: zipfile.ZipFile, report: _Report) -> None:
    names = set(zf.namelist())
    workbook = _main_part(zf, names) or "xl/workbook.xml"
    root = _xml(zf, workbook)
    if root is None:
        raise Unreadable("tidak ada workbook di dalamnya")
    rels = {rid: (kind, target) for rid, kind, target, external in relationships(zf, workbook) if not external}
    shared_name = next((target for kind, target in rels.values() if kind.endswith("/sharedStrings")), None)
    shared = _shared_strings(zf, shared_name)
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        title = element.get("name") or "?"
        state = element.get("state") or "visible"
        target = rels.get(_rel_id(element), ("", ""))[1]
        if target not in names:
            continue
        sheet = _read_sheet(zf, target, shared)
        label = f"xlsx sheet '{title}'"
        if state in ("hidden", "veryHidden"):
            content = "\n".join(sheet.visible + sheet.hidden_rows + sheet.hidden_cols)
            field = f"{label} (tersembunyi)"
            report.part(content, field=field)
            if content.strip():
                report.finding(OFFICE_HIDDEN, "lembar kerja tersembunyi masih berisi data dan ikut terbit; hapus "
                                              "lembar itu (bukan hanya disembunyikan) lalu simpan ulang",
                               f"lembar '{title}' tersembunyi, {sheet.cells} sel berisi data", content, field=field)
            continue
        report.part("\n".join(sheet.visible), field=label)
        if sheet.hidden_rows:
            content = "\n".join(sheet.hidden_rows)
            field = f"{label} baris tersembunyi"
            report.part(content, field=field)
            report.finding(OFFICE_HIDDEN, "baris tersembunyi masih berisi data dan ikut terbit; hapus barisnya "
                                          "(bukan hanya disembunyikan) lalu simpan ulang",
                           f"baris {_number_list(sheet.hidden_row_numbers)}", content, field=field)
        if sheet.hidden_cols:
            content = "\n".join(sheet.hidden_cols)
            field = f"{label} kolom tersembunyi"
            report.part(content, field=field)
            columns = [_column_name(n) for n in sorted(sheet.hidden_col_numbers)]
            report.finding(OFFICE_HIDDEN, "kolom tersembunyi masih berisi data dan ikut terbit; hapus kolomnya "
                                          "(bukan hanya disembunyikan) lalu simpan ulang",
                           "kolom " + ", ".join(columns[:8]) + (" …" if len(columns) > 8 else ""), content,
                           field=field)
    _xlsx_comments(zf, names, report)


def _xlsx_comments(zf: zipfile.ZipFile, names: set[str], report: _Report) -> None:
    texts: list[str] = []
    authors: set[str] = set()
    for name in sorted(names):
        legacy = re.fullmatch(r"xl/comments\d*\.xml", name)
        threaded = re.fullmatch(r"xl/threadedComments/[^/]+\.xml", name)
        if not (legacy or threaded):
            continue
        root = _xml(zf, name)
        for element in root.iter() if root is not None else []:
            local = _local(element.tag)
            if local == "author" and element.text and element.text.strip():
                authors.add(element.text.strip())
            elif local in ("comment", "threadedComment"):
                text = "".join(t.text or "" for t in element.iter() if _local(t.tag) in ("t", "text")
                               and len(t) == 0).strip()
                if text:
                    texts.append(text)
    for name in sorted(n for n in names if re.fullmatch(r"xl/persons/[^/]+\.xml", n)):
        authors |= _people_xml(zf, name, "displayName")
    if texts:
        joined = "\n".join(texts)
        report.part(joined, field="xlsx komentar")
        report.finding(OFFICE_HIDDEN, "lembar kerja memuat komentar/catatan yang ikut terbit; hapus komentarnya lalu "
                                      "simpan ulang", f"{len(texts)} komentar", joined, field="xlsx komentar")
    for author in sorted(authors):
        _office_person(report, "xlsx penulis komentar", author, "komentar menyimpan nama penulisnya")


# ---- pptx


def _drawing_paragraphs(zf: zipfile.ZipFile, name: str) -> tuple[list[str], Element | None]:
    """Text of every a:p paragraph, and the (emptied) root element for its attributes."""
    paragraphs: list[str] = []
    root: Element | None = None
    with open_xml(zf, name) as fh:
        for event, element in ET.iterparse(fh, events=("start", "end")):
            if root is None:
                root = element
            if event != "end" or _local(element.tag) != "p":
                continue
            text = "".join(t.text or "" for t in element.iter() if _local(t.tag) == "t")
            if text.strip():
                paragraphs.append(text)
            element.clear()
    return paragraphs, root


def _inspect_pptx(zf: zipfile.ZipFile, report: _Report) -> None:
    names = set(zf.namelist())
    presentation = _main_part(zf, names) or "ppt/presentation.xml"
    root = _xml(zf, presentation)
    if root is None:
        raise Unreadable("tidak ada presentation.xml di dalamnya")
    rels = {rid: target for rid, kind, target, external in relationships(zf, presentation) if not external}
    slides = [rels.get(_rel_id(el)) for el in root.iter() if _local(el.tag) == "sldId"]
    comment_texts: list[str] = []
    for number, slide in enumerate(slides, 1):
        if not slide or slide not in names:
            continue
        paragraphs, slide_root = _drawing_paragraphs(zf, slide)
        hidden = slide_root is not None and (slide_root.get("show") or "1").lower() in ("0", "false")
        field = f"pptx slide {number}" + (" (tersembunyi)" if hidden else "")
        text = "\n".join(paragraphs)
        report.part(text, field=field)
        if hidden:
            report.finding(OFFICE_HIDDEN, "slide tersembunyi ikut terbit; hapus slide itu (bukan hanya "
                                          "disembunyikan) lalu simpan ulang", f"slide {number} tersembunyi",
                           text or slide, field=field)
        for _, kind, target, external in relationships(zf, slide):
            if external or target not in names:
                continue
            if kind.endswith("/notesSlide"):
                notes, _ = _drawing_paragraphs(zf, target)
                notes = [n for n in notes if not n.strip().isdigit()]
                if notes:
                    joined = "\n".join(notes)
                    note_field = f"pptx slide {number} catatan pembicara"
                    report.part(joined, field=note_field)
                    report.finding(OFFICE_HIDDEN, "catatan pembicara ikut terbit bersama berkas; periksa atau hapus "
                                                  "catatannya", f"slide {number}: {len(notes)} paragraf catatan",
                                   joined, field=note_field, severity=REVIEW)
            elif kind.lower().endswith("comments"):
                comment_root = _xml(zf, target)
                for element in comment_root.iter() if comment_root is not None else []:
                    if _local(element.tag) in ("text", "t") and element.text and element.text.strip():
                        comment_texts.append(element.text.strip())
    if comment_texts:
        joined = "\n".join(comment_texts)
        report.part(joined, field="pptx komentar")
        report.finding(OFFICE_HIDDEN, "presentasi memuat komentar yang ikut terbit; hapus semua komentar lalu simpan "
                                      "ulang", f"{len(comment_texts)} komentar", joined, field="pptx komentar")
    authors = _people_xml(zf, "ppt/commentAuthors.xml", "name") | _people_xml(zf, "ppt/authors.xml", "name")
    for author in sorted(authors):
        _office_person(report, "pptx penulis komentar", author, "komentar menyimpan nama penulisnya")


_READERS: dict[str, Callable[[Path, _Report], None]] = {
    "pdf": _inspect_pdf, "jpeg": _inspect_jpeg, "png": _inspect_png, "tiff": _inspect_pillow,
    "webp": _inspect_pillow, "gif": _inspect_pillow, "docx": _inspect_ooxml, "xlsx": _inspect_ooxml,
    "pptx": _inspect_ooxml,
}


# Shared with pipeline.cleaning
guard_zip = _guard_zip
read_xml = _xml
