"""XMP packets (in PDF, JPEG, PNG, TIFF, WebP): their properties, and the ones that name a person or a place."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import ParseError

from ..findings import mask
from .exif import gps_finding
from .report import EXIF_IDENTITY, METADATA_OFFICE, METADATA_PDF, Report
from .values import check_value, is_noise, person_key
from .xmlsafe import PROLOG_MAX, UnsafeXml, check_prolog

XMP_MAX = 8 * 1024 * 1024         # larger XMP packets are not parsed (they are removed by `ppid clean` anyway)

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


def check_xmp(report: Report, data: bytes, prefix: str, *, context: str, page: int | None = None) -> None:
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
        if not value or name in _XMP_SKIP or name.startswith("xmpMM:History") or is_noise(value):
            continue
        field = f"{prefix}XMP {name}"
        report.part(value, field=field, page=page)
        if name in _XMP_GPS:
            gps[name] = value
            continue
        if context == "pdf":
            person = name in _XMP_PDF_PERSON or (name.startswith("pdfx:") and person_key(name[5:]))
            check_value(report, METADATA_PDF, field, value, page=page,
                        person_message="metadata XMP PDF menyimpan nama orang" if person else None)
        elif context == "image":
            if name in _XMP_SERIAL:
                report.finding(EXIF_IDENTITY, f"gambar menyimpan nomor seri kamera atau lensa; {report.hint()}",
                               mask(value), value, field=field, page=page)
            else:
                check_value(report, EXIF_IDENTITY, field, value, page=page,
                            person_message=("gambar menyimpan nama pemilik, pembuat, atau pemegang hak cipta"
                                            if name in _XMP_PERSON else None))
        else:
            check_value(report, METADATA_OFFICE, field, value, page=page,
                        person_message="metadata menyimpan nama orang" if name in _XMP_PERSON else None)
    if gps:
        lat = _xmp_coordinate(gps.get("exif:GPSLatitude", ""))
        lon = _xmp_coordinate(gps.get("exif:GPSLongitude", ""))
        gps_finding(report, lat, lon, "|".join(gps.values()), f"{prefix}XMP GPS", page)


def _xmp_coordinate(value: str) -> float | None:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEWnsew])\s*", value)
    if not found:
        return None
    deg, minutes, seconds, ref = found.groups()
    result = float(deg) + float(minutes) / 60 + float(seconds or 0) / 3600
    return -result if ref.upper() in "SW" else result
