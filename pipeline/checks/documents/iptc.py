"""IPTC-IIM datasets (Photoshop image resources, TIFF tags) that name a person or a place."""

from __future__ import annotations

import struct
from typing import Iterator

from .report import EXIF_IDENTITY, Report
from .values import check_value

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
            out.extend(iim_datasets(block))
    return out


def iim_datasets(block: bytes) -> Iterator[tuple[int, int, bytes]]:
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


def check_iptc(report: Report, datasets: list[tuple[int, int, bytes]], prefix: str, page: int | None) -> None:
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
        check_value(report, EXIF_IDENTITY, field, value, page=page,
                    person_message=("gambar menyimpan nama pembuat atau pemegang hak cipta (IPTC)"
                                    if dataset in _IPTC_PERSON else None))
