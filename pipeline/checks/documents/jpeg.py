"""JPEG structure: markers and segments, read the same way for inspection and for cleaning."""

from __future__ import annotations

import io
import struct
from typing import IO, Callable

from .report import Unreadable

SOI, SOS, EOI, COM, APP0, APP1, APP2, APP13, APP14 = 0xD8, 0xDA, 0xD9, 0xFE, 0xE0, 0xE1, 0xE2, 0xED, 0xEE
START = b"\xff\xd8"
EXIF_HEADER = b"Exif\x00\x00"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
HEADER_GAP_MAX = 65536           # stray bytes between two header segments before the file counts as broken

Read = Callable[[int], bytes]


def read_start(read: Read) -> None:
    if read(2) != START:
        raise Unreadable("awal berkas JPEG rusak")


def next_marker(read: Read, *, max_gap: int | None = None) -> int | None:
    """The code of the next marker, stray and fill bytes before it skipped; None when the data ends first."""
    byte = read(1)
    skipped = 0
    while byte and byte != b"\xff":  # stray bytes between segments: decoders skip them too
        skipped += 1
        if max_gap is not None and skipped > max_gap:
            raise Unreadable("susunan segmen JPEG rusak")
        byte = read(1)
    marker = read(1)
    while marker == b"\xff":
        marker = read(1)
    if not byte or not marker:
        return None
    return marker[0]


def is_standalone(code: int) -> bool:
    """RSTn and TEM: markers with no length and no payload."""
    return 0xD0 <= code <= 0xD7 or code == 0x01


def read_payload(read: Read, *, overrun: str = "berkas JPEG terpotong") -> bytes:
    """The payload of the segment whose marker was just read; `overrun` says why one running past the end fails."""
    size_bytes = read(2)
    if len(size_bytes) < 2:
        raise Unreadable("berkas JPEG terpotong")
    size = struct.unpack(">H", size_bytes)[0]
    if size < 2:
        raise Unreadable("panjang segmen JPEG tidak sah")
    payload = read(size - 2)
    if len(payload) < size - 2:
        raise Unreadable(overrun)
    return payload


def segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_header_segments(read: Read) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment before the image data (SOS included, its payload only)."""
    read_start(read)
    segments: list[tuple[int, bytes]] = []
    while True:
        code = next_marker(read, max_gap=HEADER_GAP_MAX)
        if code is None:
            raise Unreadable("berkas JPEG terpotong sebelum data gambar")
        if code == EOI:
            raise Unreadable("berkas JPEG tidak berisi data gambar")
        if is_standalone(code) or code == SOI:
            continue
        segments.append((code, read_payload(read)))
        if code == SOS:
            return segments


def scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data starting at `pos` ends: at the next marker, or at the end of `data`."""
    size = len(data)
    while True:
        found = data.find(b"\xff", pos)
        if found < 0 or found + 1 >= size:
            return size
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker: still image data
            pos = found + 2
        elif following == 0xFF:
            pos = found + 1
        else:
            return found


def has_end(fh: IO[bytes]) -> bool:
    """An end-of-image marker near the end of the file (some phones append data after it: look back 1 MiB)."""
    size = fh.seek(0, io.SEEK_END)
    for window in (4096, 1 << 20):
        fh.seek(max(0, size - window))
        if b"\xff\xd9" in fh.read(window):
            return True
        if window >= size:
            break
    return False
