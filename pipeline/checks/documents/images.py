"""Image inspection: the metadata of JPEG and PNG files, and of TIFF, WebP and GIF through Pillow."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import IO

from .exif import check_exif, load_exif
from .iptc import check_iptc, iim_datasets, iptc_from_photoshop
from .jpeg import APP1, APP13, COM, EXIF_HEADER, XMP_EXT_HEADER, XMP_HEADER, has_end, jpeg_header_segments
from .png import png_chunks, png_text
from .report import EXIF_IDENTITY, Report, Unreadable
from .values import check_value, is_noise
from .xmp import check_xmp

_PNG_PERSON_KEYS = {"author", "copyright", "artist", "owner", "creator"}


def check_jpeg_segments(report: Report, segments: list[tuple[int, bytes]], prefix: str, page: int | None) -> None:
    extended: dict[bytes, list[tuple[int, bytes]]] = {}
    for code, payload in segments:
        if code == APP1 and payload.startswith(EXIF_HEADER):
            check_exif(report, load_exif(payload), prefix, page)
        elif code == APP1 and payload.startswith(XMP_HEADER):
            check_xmp(report, payload[len(XMP_HEADER):], prefix, context="image", page=page)
        elif code == APP1 and payload.startswith(XMP_EXT_HEADER) and len(payload) >= 75:
            body = payload[len(XMP_EXT_HEADER):]
            extended.setdefault(body[:32], []).append((struct.unpack(">I", body[36:40])[0], body[40:]))
        elif code == APP13 and payload.startswith(b"Photoshop 3.0\x00"):
            check_iptc(report, iptc_from_photoshop(payload), prefix, page)
        elif code == COM:
            text = payload.decode("utf-8", "replace").replace("\x00", " ").strip()
            report.part(text, field=f"{prefix}JPEG komentar", page=page)
            check_value(report, EXIF_IDENTITY, f"{prefix}JPEG komentar", text, page=page, person_message=None)
    for chunks in extended.values():
        data = b"".join(chunk for _, chunk in sorted(chunks))
        check_xmp(report, data, prefix, context="image", page=page)


def inspect_jpeg_stream(report: Report, stream: IO[bytes], prefix: str = "", page: int | None = None) -> None:
    check_jpeg_segments(report, jpeg_header_segments(stream.read), prefix, page)


def inspect_jpeg(path: Path, report: Report) -> None:
    with open(path, "rb") as fh:
        inspect_jpeg_stream(report, fh)
        if not has_end(fh):
            raise Unreadable("berkas JPEG terpotong: penanda akhir gambar tidak ada")


def inspect_png_stream(report: Report, stream: IO[bytes], prefix: str = "", page: int | None = None) -> None:
    for kind, data, _ in png_chunks(stream, {b"eXIf", b"tEXt", b"iTXt", b"zTXt"}):
        if data is None:
            continue
        if kind == b"eXIf":
            check_exif(report, load_exif(data), prefix, page)
            continue
        key, text = png_text(kind, data)
        if key == "XML:com.adobe.xmp":
            check_xmp(report, text.encode("utf-8"), prefix, context="image", page=page)
            continue
        if key.startswith("Raw profile type"):
            continue
        text = text.strip()
        if not text or is_noise(text):
            continue
        field = f"{prefix}PNG {key}"
        report.part(text, field=field, page=page)
        check_value(report, EXIF_IDENTITY, field, text, page=page,
                    person_message=("gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta"
                                    if key.lower() in _PNG_PERSON_KEYS else None))


def inspect_png(path: Path, report: Report) -> None:
    with open(path, "rb") as fh:
        inspect_png_stream(report, fh)


def inspect_pillow(path: Path, report: Report) -> None:
    from PIL import Image

    try:
        image = Image.open(path)
    except Image.DecompressionBombError:
        raise Unreadable("ukuran gambar terlalu besar") from None
    with image:
        exif = image.getexif()
        if exif:
            check_exif(report, exif, "", None)
        xmp = image.info.get("xmp") or (exif.get(700) if exif else None)
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8")
        if isinstance(xmp, (bytes, bytearray)) and xmp:
            check_xmp(report, bytes(xmp), "", context="image")
        iptc = exif.get(33723) if exif else None
        if isinstance(iptc, (bytes, bytearray)):
            check_iptc(report, list(iim_datasets(bytes(iptc))), "", None)
        comment = image.info.get("comment")
        if isinstance(comment, bytes):
            comment = comment.decode("utf-8", "replace")
        if isinstance(comment, str) and comment.strip():
            report.part(comment, field="komentar gambar")
            check_value(report, EXIF_IDENTITY, "komentar gambar", comment, person_message=None)
