"""EXIF tags (read by Pillow's parser) that name a person, a camera or a place."""

from __future__ import annotations

import math
from typing import Any

from ..findings import mask
from .report import EXIF_GPS, EXIF_IDENTITY, Report
from .values import check_value, is_noise

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


def check_exif(report: Report, exif: Any, prefix: str, page: int | None) -> None:
    """`exif` is a PIL.Image.Exif, already loaded."""
    tags: list[tuple[int, Any]] = [(t, v) for t, v in exif.items() if t not in (EXIF_IFD, GPS_IFD)]
    if EXIF_IFD in exif:
        tags.extend(exif.get_ifd(EXIF_IFD).items())
    for tag, value in tags:
        if not isinstance(tag, int) or tag in _EXIF_SKIP:
            continue
        text = _exif_text(tag, value)
        if not text or is_noise(text):
            continue
        field = f"{prefix}EXIF {_exif_tag_name(tag)}"
        report.part(text, field=field, page=page)
        if tag in _EXIF_SERIAL:
            report.finding(EXIF_IDENTITY, f"gambar menyimpan nomor seri kamera atau lensa; {report.hint()}",
                           mask(text), text, field=field, page=page)
        elif tag in _EXIF_PERSON:
            check_value(report, EXIF_IDENTITY, field, text, page=page,
                        person_message="gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta")
        elif tag in _EXIF_ACCOUNT:
            report.finding(EXIF_IDENTITY, f"gambar menyimpan nama komputer pembuatnya; {report.hint()}",
                           mask(text), text, field=field, page=page)
        else:
            check_value(report, EXIF_IDENTITY, field, text, page=page, person_message=None)
    if GPS_IFD in exif:
        gps = exif.get_ifd(GPS_IFD)
        if 2 in gps or 4 in gps:  # GPSLatitude / GPSLongitude
            lat = _dms(gps.get(2), gps.get(1))
            lon = _dms(gps.get(4), gps.get(3))
            raw = f"{gps.get(1)}{gps.get(2)}{gps.get(3)}{gps.get(4)}"
            gps_finding(report, lat, lon, raw, f"{prefix}EXIF GPS", page)


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


def gps_finding(report: Report, lat: float | None, lon: float | None, raw: str, field: str,
                page: int | None) -> None:
    if lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon):
        excerpt = f"posisi tersimpan, dibulatkan: {lat:.1f}, {lon:.1f}"
    else:
        excerpt = "posisi tersimpan"
    report.finding(EXIF_GPS, f"gambar menyimpan posisi GPS tempat foto diambil; {report.hint()}", excerpt, raw,
                   field=field, page=page)
