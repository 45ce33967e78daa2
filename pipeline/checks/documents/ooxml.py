"""Office Open XML packages (docx, xlsx, pptx): parts, relationships and size limits."""

from __future__ import annotations

import posixpath
import zipfile
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from .report import Unreadable
from .xmlsafe import open_xml

ZIP_MEMBER_MAX = 512 * 1024 * 1024
ZIP_TOTAL_MAX = 2 * 1024 * 1024 * 1024
REL_CORE = "/metadata/core-properties"
REL_APP = "/extended-properties"
REL_CUSTOM = "/custom-properties"
REL_OFFICE_DOCUMENT = "/officeDocument"


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def attribute(element: Element, local: str) -> str | None:
    for key, value in element.attrib.items():
        if local_name(key) == local:
            return value
    return None


def rel_id(element: Element) -> str:
    """The r:id attribute (namespaced; a plain `id` attribute is something else, e.g. on p:sldId)."""
    for key, value in element.attrib.items():
        if key.startswith("{") and local_name(key) == "id":
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
    root = read_xml(zf, name)
    if root is None:
        return []
    out = []
    for rel in root:
        if local_name(rel.tag) != "Relationship":
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


def main_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    if "_rels/.rels" not in names:
        return None
    try:
        for _, kind, target, external in relationships(zf, ""):
            if kind.endswith(REL_OFFICE_DOCUMENT) and not external:
                return target
    except Exception:  # noqa: BLE001 - damaged package relationships: fall back to the usual part names
        return None
    return None


def ooxml_kind(zf: zipfile.ZipFile) -> str | None:
    names = set(zf.namelist())
    if "[Content_Types].xml" not in names:
        return None
    main = main_part(zf, names)
    top = main.split("/", 1)[0] if main else ""
    for kind, folder, default in (("docx", "word", "word/document.xml"), ("xlsx", "xl", "xl/workbook.xml"),
                                  ("pptx", "ppt", "ppt/presentation.xml")):
        if top == folder or default in names:
            return kind
    return None


def guard_zip(zf: zipfile.ZipFile) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > ZIP_MEMBER_MAX or total > ZIP_TOTAL_MAX:
            raise Unreadable("isinya mengembang terlalu besar saat dibuka (kemungkinan bom zip)")
        if info.flag_bits & 0x1:
            raise Unreadable("bagian di dalamnya terenkripsi")


def read_xml(zf: zipfile.ZipFile, name: str) -> Element | None:
    try:
        with open_xml(zf, name) as fh:
            return ET.parse(fh).getroot()
    except KeyError:
        return None


def is_picture_member(name: str) -> bool:
    """Pictures inside an Office file: word/media/..., xl/media/..., ppt/media/..., docProps/thumbnail.*"""
    parts = name.split("/")
    return (len(parts) >= 3 and parts[1] == "media" and not name.endswith("/")) or name.startswith("docProps/thumbnail")


def people_xml(zf: zipfile.ZipFile, name: str, key: str) -> set[str]:
    """The names in attribute `key` of any element of part `name` (a list of comment authors)."""
    root = read_xml(zf, name) if name in zf.namelist() else None
    found: set[str] = set()
    for element in root.iter() if root is not None else []:
        value = attribute(element, key)
        if value and value.strip():
            found.add(value.strip())
    return found
