"""The Daftar Informasi Publik: a page and a CSV generated from every public page's front matter."""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
from dataclasses import dataclass

from ..content import Page

COLUMNS = [
    "No", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
    "Bentuk Informasi yang Tersedia", "Jangka Waktu Penyimpanan (Retensi)", "Jenis Informasi", "Tautan",
]
KLASIFIKASI = {"berkala": "Berkala", "serta_merta": "Serta Merta", "setiap_saat": "Setiap Saat"}
BENTUK = {"cetak": "Cetak", "elektronik": "Elektronik", "rekaman": "Rekaman"}
_CLASS_ORDER = list(KLASIFIKASI)


@dataclass(frozen=True)
class DipRow:
    number: int
    page_rel: str
    title: str
    cells: list[str]


def dip_rows(pages: list[Page], url_of) -> list[DipRow]:
    """One row per public-information page, ordered by class then title."""
    public = [p for p in pages if p.is_information and p.meta.get("klasifikasi") in KLASIFIKASI]
    public.sort(key=lambda p: (_CLASS_ORDER.index(p.meta["klasifikasi"]), p.title.casefold()))
    rows = []
    for number, page in enumerate(public, start=1):
        meta = page.meta
        when = str(meta.get("tanggal", ""))
        if meta.get("tempat"):
            when = f"{when}, {meta['tempat']}"
        cells = [
            str(number), f"{page.title}: {meta.get('ringkasan', '')}", str(meta.get("unit", "")),
            str(meta.get("penanggung_jawab", "")), when,
            ", ".join(BENTUK.get(b, str(b)) for b in _as_list(meta.get("bentuk"))),
            str(meta.get("retensi", "")), KLASIFIKASI[meta["klasifikasi"]], url_of(page.rel),
        ]
        rows.append(DipRow(number, page.rel, page.title, cells))
    return rows


def dip_csv(rows: list[DipRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read UTF-8


def dip_markdown(rows: list[DipRow], dip_rel: str, csv_rel: str, title: str, dip_url: str,
                 pending: frozenset[str] = frozenset()) -> str:
    """The DIP page. The table is written as HTML: with thousands of rows, Markdown's inline processing
    of every cell costs more than the rest of the page build (URLs are therefore final, not .md).
    Rows of `pending` pages (a preview's unapproved drafts) say so in the table and in the count."""
    here = posixpath.dirname(dip_rel)
    csv_link = posixpath.relpath(csv_rel, here or ".")
    waiting = sum(1 for row in rows if row.page_rel in pending)
    count = f"{len(rows)} informasi" + (f"; {waiting} di antaranya <strong>belum disetujui</strong> dan hanya "
                                        "tampil di pratinjau ini" if waiting else "")
    lines = [
        "---", f"title: {json.dumps(title)}", "jenis: halaman", "hide: [toc]", "---", "", f"# {title}", "",
        f"Daftar ini disusun otomatis dari setiap halaman informasi publik ({count}).", "",
        f"[Unduh daftar dalam format CSV]({csv_link}){{ .ppid-unduh }}", "",
        card_table_head(COLUMNS, title),
    ]
    for row in rows:
        link = html.escape(relative_url(row.cells[-1], dip_url))
        mark = ' <span class="ppid-tertunda">(belum disetujui)</span>' if row.page_rel in pending else ""
        cells = [html.escape(" ".join(c.split())) for c in row.cells[:-1]]
        cells[1] += mark
        cells.append(f'<a href="{link}">{html.escape(row.title)}</a>{mark}')
        lines.append(card_row(COLUMNS, cells))
    lines += [CARD_TABLE_END, ""]
    return "\n".join(lines)


CARD_TABLE_END = "</tbody></table></div>"


def card_table_head(columns: list[str], caption: str) -> str:
    """A table that shows every column on a wide screen and one card per row on a phone (ppid.css): each
    cell carries its column name. The wrapper is focusable so a keyboard can scroll it if it must."""
    head = "".join(f"<th scope=\"col\">{html.escape(c)}</th>" for c in columns)
    return (f'<div class="ppid-tabel" role="region" tabindex="0" aria-label="{html.escape(caption)}">'
            f'<table class="ppid-kartu"><thead><tr>{head}</tr></thead><tbody>')


def card_row(columns: list[str], cells_html: list[str]) -> str:
    return "<tr>" + "".join(f'<td data-label="{html.escape(c)}">{cell}</td>' for c, cell in zip(columns, cells_html)) + "</tr>"


def relative_url(target: str, page_url: str) -> str:
    """`target` (a URL from the site root) as seen from the page at `page_url`."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath("/" + target, "/" + base.rstrip("/") if base != "/" else "/")
    if target.endswith("/") or target == "":
        relative = relative.rstrip("/") + "/"
    return "./" if relative in ("./", "/") else relative


def _as_list(value) -> list:
    """A field people write either as one value or as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
