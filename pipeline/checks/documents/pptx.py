"""PowerPoint presentations: slide text, hidden slides, speaker notes, comments and their authors."""

from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from ..findings import REVIEW
from .ooxml import local_name, main_part, people_xml, read_xml, rel_id, relationships
from .report import OFFICE_HIDDEN, Report, Unreadable
from .values import office_person
from .xmlsafe import open_xml


def _drawing_paragraphs(zf: zipfile.ZipFile, name: str) -> tuple[list[str], Element | None]:
    """Text of every a:p paragraph, and the (emptied) root element for its attributes."""
    paragraphs: list[str] = []
    root: Element | None = None
    with open_xml(zf, name) as fh:
        for event, element in ET.iterparse(fh, events=("start", "end")):
            if root is None:
                root = element
            if event != "end" or local_name(element.tag) != "p":
                continue
            text = "".join(t.text or "" for t in element.iter() if local_name(t.tag) == "t")
            if text.strip():
                paragraphs.append(text)
            element.clear()
    return paragraphs, root


def inspect_pptx(zf: zipfile.ZipFile, report: Report) -> None:
    names = set(zf.namelist())
    presentation = main_part(zf, names) or "ppt/presentation.xml"
    root = read_xml(zf, presentation)
    if root is None:
        raise Unreadable("tidak ada presentation.xml di dalamnya")
    rels = {rid: target for rid, kind, target, external in relationships(zf, presentation) if not external}
    slides = [rels.get(rel_id(el)) for el in root.iter() if local_name(el.tag) == "sldId"]
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
                comment_root = read_xml(zf, target)
                for element in comment_root.iter() if comment_root is not None else []:
                    if local_name(element.tag) in ("text", "t") and element.text and element.text.strip():
                        comment_texts.append(element.text.strip())
    if comment_texts:
        joined = "\n".join(comment_texts)
        report.part(joined, field="pptx komentar")
        report.finding(OFFICE_HIDDEN, "presentasi memuat komentar yang ikut terbit; hapus semua komentar lalu simpan "
                                      "ulang", f"{len(comment_texts)} komentar", joined, field="pptx komentar")
    authors = people_xml(zf, "ppt/commentAuthors.xml", "name") | people_xml(zf, "ppt/authors.xml", "name")
    for author in sorted(authors):
        office_person(report, "pptx penulis komentar", author, "komentar menyimpan nama penulisnya")
