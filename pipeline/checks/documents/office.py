"""Office inspection (docx, xlsx, pptx): what every kind shares, and the dispatch to each kind's own reader."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from ..findings import REVIEW, mask
from .docx import inspect_docx
from .images import inspect_jpeg_stream, inspect_png_stream
from .ooxml import guard_zip, is_picture_member, local_name, ooxml_kind, property_parts, read_xml
from .png import PNG_SIGNATURE
from .pptx import inspect_pptx
from .report import METADATA_OFFICE, OFFICE_HIDDEN, Report, Unreadable
from .values import LOCAL_PATH, check_value, is_noise, person_key
from .xlsx import inspect_xlsx


def inspect_ooxml(path: Path, report: Report) -> None:
    with zipfile.ZipFile(path) as zf:
        guard_zip(zf)
        kind = ooxml_kind(zf)
        if kind is None:
            return
        _check_properties(zf, kind, report)
        {"docx": inspect_docx, "xlsx": inspect_xlsx, "pptx": inspect_pptx}[kind](zf, report)
        _check_external_links(zf, kind, report)
        _check_media(zf, kind, report)
        _check_embeddings(zf, kind, report)


def _check_properties(zf: zipfile.ZipFile, kind: str, report: Report) -> None:
    parts = property_parts(zf)
    core = read_xml(zf, parts["core"]) if "core" in parts else None
    if core is not None:
        for child in core:
            name = local_name(child.tag)
            value = "".join(child.itertext()).strip()
            if not value or name in ("created", "modified", "lastPrinted", "revision") or is_noise(value):
                continue
            field = f"{kind} core:{name}"
            report.part(value, field=field)
            person = name in ("creator", "lastModifiedBy")
            check_value(report, METADATA_OFFICE, field, value,
                        person_message="properti dokumen menyimpan nama orang (pembuat/penyunting terakhir)"
                        if person else None)
    app = read_xml(zf, parts["app"]) if "app" in parts else None
    if app is not None:
        for child in app:
            name = local_name(child.tag)
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
            check_value(report, METADATA_OFFICE, field, value,
                        person_message="properti dokumen menyimpan nama orang (manajer)" if manager else None)
    custom = read_xml(zf, parts["custom"]) if "custom" in parts else None
    if custom is not None:
        for prop in custom:
            name = prop.get("name") or "?"
            value = "".join(prop.itertext()).strip()
            if not value or is_noise(value):
                continue
            field = f"{kind} custom:{name}"
            report.part(value, field=field)
            check_value(report, METADATA_OFFICE, field, value,
                        person_message="properti khusus dokumen menyimpan nama orang" if person_key(name) else None)


def _check_external_links(zf: zipfile.ZipFile, kind: str, report: Report) -> None:
    for name in zf.namelist():
        if not name.endswith(".rels"):
            continue
        root = read_xml(zf, name)
        for rel in root if root is not None else []:
            if (rel.get("TargetMode") or "").lower() != "external":
                continue
            target = rel.get("Target") or ""
            found = LOCAL_PATH.search(target)
            if found:
                field = f"{kind} tautan berkas lokal"
                report.finding(METADATA_OFFICE, "dokumen menautkan berkas lokal (templat, sumber data, atau gambar) "
                                                "yang jalurnya dapat memuat nama pengguna; hapus tautan itu di "
                                                "aplikasinya lalu simpan ulang", mask(found.group(0)), target,
                               field=field)


def _check_media(zf: zipfile.ZipFile, kind: str, report: Report) -> None:
    for info in zf.infolist():
        if not is_picture_member(info.filename):
            continue
        prefix = f"{kind} gambar {info.filename} "
        with zf.open(info) as fh:
            head = fh.read(8)
        try:
            with zf.open(info) as fh:
                if head.startswith(b"\xff\xd8\xff"):
                    inspect_jpeg_stream(report, fh, prefix)
                elif head.startswith(PNG_SIGNATURE):
                    inspect_png_stream(report, fh, prefix)
        except Unreadable:
            continue  # a broken picture inside a document is the application's business; we only want metadata


def _check_embeddings(zf: zipfile.ZipFile, kind: str, report: Report) -> None:
    embedded = [n for n in zf.namelist() if n.split("/")[1:2] == ["embeddings"] and not n.endswith("/")]
    if embedded:
        names = ", ".join(posixpath.basename(n) for n in embedded[:5]) + (" …" if len(embedded) > 5 else "")
        report.finding(OFFICE_HIDDEN, "dokumen menyematkan berkas lain (mis. lembar kerja data grafik) yang ikut "
                                      "terbit dan dapat berisi data lebih banyak dari yang tampak; periksa isinya "
                                      "atau ekspor ke PDF", names, "|".join(embedded), field=f"{kind} berkas sematan",
                       severity=REVIEW)
