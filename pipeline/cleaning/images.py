"""JPEG and PNG without their metadata: the picture data copied byte for byte, the orientation kept."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import IO

from ..checks.documents import Unreadable, jpeg
from ..checks.documents.exif import ORIENTATION, load_exif
from ..checks.documents.jpeg import (APP0, APP1, APP2, APP13, APP14, COM, EOI, EXIF_HEADER, SOS, XMP_EXT_HEADER,
                                     XMP_HEADER)
from ..checks.documents.png import PNG_METADATA_CHUNKS, PNG_SIGNATURE, png_chunks


def minimal_exif(orientation: int) -> bytes:
    """A TIFF-structured EXIF block holding only the Orientation tag (no "Exif\\0\\0" prefix)."""
    return (b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
            + struct.pack(">HHIHH", ORIENTATION, 3, 1, orientation, 0) + struct.pack(">I", 0))


def _orientation(exif_data: bytes) -> int:
    try:
        value = load_exif(exif_data).get(ORIENTATION)
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
    """The JPEG without metadata segments; image segments and entropy-coded data copied byte for byte.

    Removed: APP1 (EXIF, XMP), APP13 (IPTC), COM and other application segments, and data after the end
    of the image (e.g. MPF preview pictures), so the decoded pixels are identical. JFIF (APP0), the ICC
    colour profile (APP2) and Adobe's colour transform (APP14) stay. With `keep_orientation`, an EXIF
    orientation other than "normal" is kept in a minimal EXIF segment of its own, so the photo does not
    turn sideways in a browser.
    """
    stream = io.BytesIO(data)
    jpeg.read_start(stream.read)
    head: list[bytes] = [jpeg.START]
    after_app0 = 1             # where a kept orientation goes: after SOI and any leading APP0
    body = bytearray()
    removed: list[str] = []
    orientation = 1
    seen_sos = False
    while (code := jpeg.next_marker(stream.read)) is not None:
        out = body if seen_sos else None
        if code == EOI:
            if not seen_sos:
                raise Unreadable("berkas JPEG tidak berisi data gambar")
            body += b"\xff\xd9"
            if data[stream.tell():].strip(b"\x00\r\n "):
                removed.append("data tambahan setelah akhir gambar (mis. gambar pratinjau MPF)")
            break
        if jpeg.is_standalone(code):
            if out is not None:
                out += bytes((0xFF, code))
            continue
        # `ppid clean` has always named a segment that runs past the end this way
        payload = jpeg.read_payload(stream.read, overrun="panjang segmen JPEG tidak sah")
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
                out += jpeg.segment(code, payload)
            else:
                head.append(jpeg.segment(code, payload))
                if code == APP0 and after_app0 == len(head) - 1:
                    after_app0 = len(head)
        if code == SOS:
            seen_sos = True
            start = stream.tell()
            end = jpeg.scan_end(data, start)
            body += data[start:end]
            stream.seek(end)
    if not seen_sos:
        raise Unreadable("berkas JPEG tidak berisi data gambar")
    if keep_orientation and orientation != 1:
        head.insert(after_app0, jpeg.segment(APP1, EXIF_HEADER + minimal_exif(orientation)))
    return b"".join(head) + bytes(body), removed


def clean_jpeg(path: Path, out: IO[bytes]) -> list[str]:
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
    """The PNG without eXIf, tEXt, iTXt, zTXt and tIME chunks (orientation kept as for JPEG); the rest as is."""
    out = bytearray(PNG_SIGNATURE)
    removed: list[str] = []
    stream = io.BytesIO(data)
    for kind, chunk_data, crc in png_chunks(stream):
        if len(crc) < 4:
            raise Unreadable("berkas PNG terpotong")
        if kind in PNG_METADATA_CHUNKS:
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
        out += struct.pack(">I", len(chunk_data)) + kind + chunk_data + crc
    if stream.read(1):
        removed.append("data tambahan setelah akhir gambar")
    return bytes(out), removed


def clean_png(path: Path, out: IO[bytes]) -> list[str]:
    cleaned, removed = strip_png(path.read_bytes(), keep_orientation=True)
    out.write(cleaned)
    return removed
