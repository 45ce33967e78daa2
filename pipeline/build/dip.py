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


def dip_markdown(rows: list[DipRow], dip_rel: str, csv_rel: str, title: str, dip_url: str) -> str:
    """The DIP page. The table is written as HTML: with thousands of rows, Markdown's inline processing
    of every cell costs more than the rest of the page build (URLs are therefore final, not .md)."""
    here = posixpath.dirname(dip_rel)
    csv_link = posixpath.relpath(csv_rel, here or ".")
    lines = [
        "---", f"title: {json.dumps(title)}", "jenis: halaman", "---", "", f"# {title}", "",
        "Daftar ini disusun otomatis dari setiap halaman informasi publik yang telah disetujui "
        f"({len(rows)} informasi).", "",
        f"[Unduh daftar dalam format CSV]({csv_link}){{ .ppid-unduh }}", "",
        "<table>",
        "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        link = html.escape(relative_url(row.cells[-1], dip_url))
        cells = "".join(f"<td>{html.escape(' '.join(c.split()))}</td>" for c in row.cells[:-1])
        lines.append(f'<tr>{cells}<td><a href="{link}">{html.escape(row.title)}</a></td></tr>')
    lines += ["</tbody>", "</table>", ""]
    return "\n".join(lines)


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
