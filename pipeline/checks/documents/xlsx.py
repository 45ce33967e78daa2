"""Excel workbooks: cell text per sheet, hidden sheets, rows and columns, comments and their authors."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from .ooxml import local_name, main_part, people_xml, read_xml, rel_id, relationships
from .report import OFFICE_HIDDEN, Report, Unreadable
from .values import office_person
from .xmlsafe import open_xml


def _column_index(ref: str) -> int:
    number = 0
    for ch in ref:
        if not ch.isalpha():
            break
        number = number * 26 + (ord(ch.upper()) - 64)
    return number


def _column_name(index: int) -> str:
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _shared_strings(zf: zipfile.ZipFile, name: str | None) -> list[str]:
    if not name or name not in zf.namelist():
        return []
    strings: list[str] = []
    with open_xml(zf, name) as fh:
        for _, element in ET.iterparse(fh, events=("end",)):
            if local_name(element.tag) != "si":
                continue
            texts: list[str] = []
            for child in element:
                local = local_name(child.tag)
                if local == "t":
                    texts.append(child.text or "")
                elif local == "r":
                    texts.extend(t.text or "" for t in child if local_name(t.tag) == "t")
            strings.append("".join(texts))
            element.clear()
    return strings


def _number_text(value: str) -> str:
    if "e" in value.lower():
        try:
            number = Decimal(value)
            if number == number.to_integral_value() and abs(number) < Decimal(10) ** 30:
                return str(int(number))
        except (InvalidOperation, ValueError):
            pass
    return value[:-2] if value.endswith(".0") else value


@dataclass
class _Sheet:
    visible: list[str]
    hidden_rows: list[str]
    hidden_row_numbers: list[int]
    hidden_cols: list[str]
    hidden_col_numbers: set[int]
    cells: int


def _read_sheet(zf: zipfile.ZipFile, name: str, shared: list[str]) -> _Sheet:
    sheet = _Sheet([], [], [], [], set(), 0)
    hidden_ranges: list[tuple[int, int]] = []
    sheet_data: Element | None = None
    row_counter = 0
    ns = ""
    with open_xml(zf, name) as fh:
        events = ET.iterparse(fh, events=("start", "end"))
        for event, element in events:
            if event == "start":  # the root: its namespace names every tag below (transitional or strict)
                ns = element.tag[:element.tag.index("}") + 1] if element.tag.startswith("{") else ""
                break
        row_tag, col_tag, data_tag, cell_tag = ns + "row", ns + "col", ns + "sheetData", ns + "c"
        value_tags = (ns + "v", ns + "is", ns + "t")
        for event, element in events:
            tag = element.tag
            if event == "start":
                if tag == data_tag:
                    sheet_data = element
                continue
            if tag == col_tag:
                if (element.get("hidden") or "").lower() in ("1", "true"):
                    try:
                        hidden_ranges.append((int(element.get("min") or 0), int(element.get("max") or 0)))
                    except ValueError:
                        pass
                continue
            if tag != row_tag:
                continue
            try:
                row_counter = int(element.get("r") or row_counter + 1)
            except ValueError:
                row_counter += 1
            row_hidden = (element.get("hidden") or "").lower() in ("1", "true")
            visible: list[str] = []
            hidden_cells: list[str] = []
            column = 0
            for cell in element:
                if cell.tag != cell_tag:
                    continue
                if hidden_ranges:  # <cols> comes before <sheetData>: known by now
                    ref = cell.get("r")
                    column = _column_index(ref) if ref else column + 1
                text = _cell_text(cell, shared, value_tags)
                if not text:
                    continue
                sheet.cells += 1
                if row_hidden:
                    hidden_cells.append(text)
                elif hidden_ranges and any(low <= column <= high for low, high in hidden_ranges):
                    sheet.hidden_cols.append(f"{_column_name(column)}{row_counter}: {text}")
                    sheet.hidden_col_numbers.add(column)
                else:
                    visible.append(text)
            if hidden_cells:
                sheet.hidden_rows.append("\t".join(hidden_cells))
                sheet.hidden_row_numbers.append(row_counter)
            if visible:
                sheet.visible.append("\t".join(visible))
            element.clear()
            if sheet_data is not None and len(sheet_data) and sheet_data[-1] is element:
                sheet_data.remove(element)
    return sheet


def _cell_text(cell: Element, shared: list[str], tags: tuple[str, str, str]) -> str:
    v_tag, is_tag, t_tag = tags
    kind = cell.get("t") or "n"
    value = None
    inline: list[str] = []
    for child in cell:
        if child.tag == v_tag:
            value = child.text
        elif child.tag == is_tag:
            inline.extend(t.text or "" for t in child.iter(t_tag))
    if kind == "inlineStr":
        return "".join(inline).strip()
    if value is None or kind in ("b", "e"):
        return ""
    if kind == "s":
        try:
            return shared[int(value)].strip()
        except (ValueError, IndexError):
            return ""
    if kind == "str":
        return value.strip()
    return _number_text(value.strip())


def _number_list(numbers: list[int], limit: int = 8) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (" …" if len(numbers) > limit else "")


def inspect_xlsx(zf: zipfile.ZipFile, report: Report) -> None:
    names = set(zf.namelist())
    workbook = main_part(zf, names) or "xl/workbook.xml"
    root = read_xml(zf, workbook)
    if root is None:
        raise Unreadable("tidak ada workbook di dalamnya")
    rels = {rid: (kind, target) for rid, kind, target, external in relationships(zf, workbook) if not external}
    shared_name = next((target for kind, target in rels.values() if kind.endswith("/sharedStrings")), None)
    shared = _shared_strings(zf, shared_name)
    for element in root.iter():
        if local_name(element.tag) != "sheet":
            continue
        title = element.get("name") or "?"
        state = element.get("state") or "visible"
        target = rels.get(rel_id(element), ("", ""))[1]
        if target not in names:
            continue
        sheet = _read_sheet(zf, target, shared)
        label = f"xlsx sheet '{title}'"
        if state in ("hidden", "veryHidden"):
            content = "\n".join(sheet.visible + sheet.hidden_rows + sheet.hidden_cols)
            field = f"{label} (tersembunyi)"
            report.part(content, field=field)
            if content.strip():
                report.finding(OFFICE_HIDDEN, "lembar kerja tersembunyi masih berisi data dan ikut terbit; hapus "
                                              "lembar itu (bukan hanya disembunyikan) lalu simpan ulang",
                               f"lembar '{title}' tersembunyi, {sheet.cells} sel berisi data", content, field=field)
            continue
        report.part("\n".join(sheet.visible), field=label)
        if sheet.hidden_rows:
            content = "\n".join(sheet.hidden_rows)
            field = f"{label} baris tersembunyi"
            report.part(content, field=field)
            report.finding(OFFICE_HIDDEN, "baris tersembunyi masih berisi data dan ikut terbit; hapus barisnya "
                                          "(bukan hanya disembunyikan) lalu simpan ulang",
                           f"baris {_number_list(sheet.hidden_row_numbers)}", content, field=field)
        if sheet.hidden_cols:
            content = "\n".join(sheet.hidden_cols)
            field = f"{label} kolom tersembunyi"
            report.part(content, field=field)
            columns = [_column_name(n) for n in sorted(sheet.hidden_col_numbers)]
            report.finding(OFFICE_HIDDEN, "kolom tersembunyi masih berisi data dan ikut terbit; hapus kolomnya "
                                          "(bukan hanya disembunyikan) lalu simpan ulang",
                           "kolom " + ", ".join(columns[:8]) + (" …" if len(columns) > 8 else ""), content,
                           field=field)
    _xlsx_comments(zf, names, report)


def _xlsx_comments(zf: zipfile.ZipFile, names: set[str], report: Report) -> None:
    texts: list[str] = []
    authors: set[str] = set()
    for name in sorted(names):
        legacy = re.fullmatch(r"xl/comments\d*\.xml", name)
        threaded = re.fullmatch(r"xl/threadedComments/[^/]+\.xml", name)
        if not (legacy or threaded):
            continue
        root = read_xml(zf, name)
        for element in root.iter() if root is not None else []:
            local = local_name(element.tag)
            if local == "author" and element.text and element.text.strip():
                authors.add(element.text.strip())
            elif local in ("comment", "threadedComment"):
                text = "".join(t.text or "" for t in element.iter() if local_name(t.tag) in ("t", "text")
                               and len(t) == 0).strip()
                if text:
                    texts.append(text)
    for name in sorted(n for n in names if re.fullmatch(r"xl/persons/[^/]+\.xml", n)):
        authors |= people_xml(zf, name, "displayName")
    if texts:
        joined = "\n".join(texts)
        report.part(joined, field="xlsx komentar")
        report.finding(OFFICE_HIDDEN, "lembar kerja memuat komentar/catatan yang ikut terbit; hapus komentarnya lalu "
                                      "simpan ulang", f"{len(texts)} komentar", joined, field="xlsx komentar")
    for author in sorted(authors):
        office_person(report, "xlsx penulis komentar", author, "komentar menyimpan nama penulisnya")
