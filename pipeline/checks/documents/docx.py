"""Word documents: visible and hidden text, tracked changes, comments and their authors."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from .ooxml import attribute, local_name, main_part, people_xml
from .report import OFFICE_HIDDEN, Report
from .values import office_person
from .xmlsafe import open_xml


def _vanished(run: Element) -> bool:
    for prop in run:
        if local_name(prop.tag) != "rPr":
            continue
        for flag in prop:
            if local_name(flag.tag) in ("vanish", "specVanish"):
                return (attribute(flag, "val") or "true").lower() not in ("0", "false", "off")
    return False


@dataclass
class _WordText:
    visible: list[str]
    hidden: list[str]
    deleted: list[str]
    authors: set[str]


def _word_text(zf: zipfile.ZipFile, name: str) -> _WordText:
    result = _WordText([], [], [], set())
    with open_xml(zf, name) as fh:
        for _, element in ET.iterparse(fh, events=("end",)):
            local = local_name(element.tag)
            if local in ("ins", "del", "moveFrom", "moveTo", "comment", "rPrChange", "pPrChange"):
                author = attribute(element, "author")
                if author and author.strip():
                    result.authors.add(author.strip())
            if local != "p":
                continue
            visible: list[str] = []
            hidden: list[str] = []
            deleted: list[str] = []
            for run in element.iter():
                if local_name(run.tag) != "r":
                    continue
                is_hidden = _vanished(run)
                for child in run:
                    child_local = local_name(child.tag)
                    if child_local == "t":
                        (hidden if is_hidden else visible).append(child.text or "")
                    elif child_local == "delText":
                        deleted.append(child.text or "")
                    elif child_local == "tab" and not is_hidden:
                        visible.append("\t")
                    elif child_local in ("br", "cr") and not is_hidden:
                        visible.append("\n")
            for bucket, line in ((result.visible, visible), (result.hidden, hidden), (result.deleted, deleted)):
                text = "".join(line)
                if text.strip():
                    bucket.append(text)
            element.clear()
    return result


def inspect_docx(zf: zipfile.ZipFile, report: Report) -> None:
    names = zf.namelist()
    main = main_part(zf, set(names)) or "word/document.xml"
    parts = [(main, "docx isi")]
    for name in sorted(names):
        base = posixpath.basename(name)
        if not name.startswith("word/") or name.count("/") != 1:
            continue
        for pattern, label in ((r"header\d*\.xml", "docx kepala halaman"), (r"footer\d*\.xml", "docx kaki halaman"),
                               (r"footnotes\.xml", "docx catatan kaki"), (r"endnotes\.xml", "docx catatan akhir")):
            if re.fullmatch(pattern, base):
                parts.append((name, label))
    authors: set[str] = set()
    hidden: list[str] = []
    deleted: list[str] = []
    for name, label in parts:
        if name not in names:
            continue
        text = _word_text(zf, name)
        report.part("\n".join(text.visible), field=label)
        hidden.extend(text.hidden)
        deleted.extend(text.deleted)
        authors |= text.authors
    if hidden:
        joined = "\n".join(hidden)
        report.part(joined, field="docx teks tersembunyi")
        report.finding(OFFICE_HIDDEN, "dokumen memuat teks tersembunyi yang ikut terbit; hapus teks itu lalu simpan "
                                      "ulang", f"{len(hidden)} paragraf berisi teks tersembunyi", joined,
                       field="docx teks tersembunyi")
    if deleted:
        joined = "\n".join(deleted)
        report.part(joined, field="docx teks terhapus (perubahan terlacak)")
        report.finding(OFFICE_HIDDEN, "dokumen memuat perubahan terlacak: teks yang dihapus masih tersimpan di "
                                      "berkas; terima atau tolak semua perubahan lalu simpan ulang",
                       f"{len(deleted)} potongan teks terhapus", joined, field="docx perubahan terlacak")
    comments = [n for n in names if re.fullmatch(r"word/comments\w*\.xml", n) and n != "word/commentsIds.xml"]
    comment_text: list[str] = []
    for name in comments:
        text = _word_text(zf, name)
        comment_text.extend(text.visible + text.hidden)
        authors |= text.authors
    if comment_text:
        joined = "\n".join(comment_text)
        report.part(joined, field="docx komentar")
        report.finding(OFFICE_HIDDEN, "dokumen memuat komentar yang ikut terbit; hapus semua komentar lalu simpan "
                                      "ulang", f"{len(comment_text)} paragraf komentar", joined, field="docx komentar")
    people = people_xml(zf, "word/people.xml", "author")
    for author in sorted(authors | people):
        office_person(report, "docx penulis komentar/perubahan", author,
                      "komentar atau perubahan terlacak menyimpan nama penulisnya")
