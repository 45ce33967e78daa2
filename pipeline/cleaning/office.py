"""DOCX, XLSX and PPTX without their document properties, and with the pictures inside cleaned."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import IO, Callable

from ..checks.documents import Unreadable
from ..checks.documents.ooxml import guard_zip, is_picture_member, local_name, property_parts, read_xml
from ..checks.documents.png import PNG_SIGNATURE
from .images import strip_jpeg, strip_png

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


def clean_ooxml(path: Path, out: IO[bytes]) -> list[str]:
    """Blank the core, app and custom properties and clean the pictures inside; every other part is copied as is.

    Comments, tracked changes and hidden rows, columns, sheets or slides are content: `inspect` reports
    them, and they must be removed in the application that made the file.
    """
    removed: list[str] = []
    replacements: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zin:
        guard_zip(zin)
        for key, name in property_parts(zin).items():
            root = read_xml(zin, name)
            if root is None or not len(root):
                continue
            ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else _DEFAULT_NS[key]
            names = sorted({(child.get("name") if key == "custom" else None) or local_name(child.tag)
                            for child in root})
            replacements[name] = _BLANK[key].format(ns=ns).encode("utf-8")
            removed.append(f"{_PROPERTY_LABELS[key]}: " + ", ".join(names))
        pictures: dict[str, list[str]] = {}
        for info in zin.infolist():
            if not is_picture_member(info.filename):
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
