"""Printable HTML for the SOP's documents (one self-contained file, no outside requests) and its PDF, printed by
the local Chromium (pipeline/browser.py)."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Iterable

from ..browser import local_browser
from .errors import SopError

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
.meta { color: #333; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; page-break-inside: auto; }
th, td { border: 1px solid #777; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #e8e8e8; } tr { page-break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; }
.baik { color: #15602a; font-weight: bold; } .buruk { color: #9b1c1c; font-weight: bold; } .kecil { font-size: 8.5pt; color: #444; }
.ttd { margin-top: 18pt; width: 60%; margin-left: 40%; } .kode { font-family: monospace; font-size: 12pt; letter-spacing: 1px; }
.grafik { margin: 6pt 0; }
"""


def page(title: str, body: str, landscape: bool = False) -> str:
    """A whole document; wide forms print on landscape A4."""
    orientation = "@page { size: A4 landscape; }" if landscape else ""
    return (f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}{orientation}</style></head><body>\n{body}\n</body></html>\n")


def table(headers: Iterable[str], rows: Iterable[Iterable[object]], numeric: frozenset[int] = frozenset(),
          empty: str = "tidak ada") -> str:
    """An HTML table; cells are escaped unless they are Markup."""
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(headers))
    lines = ["".join(f'<td{" class=n" if i in numeric else ""}>{cell(c)}</td>' for i, c in enumerate(row)) for row in rows]
    if not lines:
        return f'<p class="kecil">{escape(empty)}</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>" + "".join(f"<tr>{l}</tr>" for l in lines) + "</tbody></table>"


class Markup(str):
    """HTML made by this package, inserted as is."""


def cell(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    return escape("" if value is None else str(value))


def write_html(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)


def print_pdf(html_path: Path, pdf_path: Path) -> list[str]:
    """Print the HTML file to PDF with Chromium; the console errors it met (none expected)."""
    errors: list[str] = []
    tmp = pdf_path.with_name(f".{pdf_path.name}.{os.getpid()}.tmp")
    try:
        with local_browser(on_blocked=lambda url: errors.append(f"permintaan keluar diblokir: {url}")) as context:
            tab = context.new_page()
            tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.goto(html_path.resolve().as_uri(), wait_until="load")
            tab.pdf(path=str(tmp), format="A4", print_background=True, display_header_footer=True,
                    prefer_css_page_size=True,
                    header_template="<span></span>",
                    footer_template='<div style="font-size:7pt;width:100%;text-align:center;color:#555">'
                                    'halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></div>',
                    margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
        os.replace(tmp, pdf_path)
    except Exception as exc:  # Chromium missing or crashed: say so, leave no half-written PDF
        tmp.unlink(missing_ok=True)
        if isinstance(exc, SopError):
            raise
        raise SopError(f"{pdf_path.name}: PDF tidak dapat dicetak dengan Chromium ({type(exc).__name__}: {exc}); "
                       f"HTML-nya tetap ada di {html_path}") from None
    return errors


PRINT_DIR = "cetak"


def print_folder(site_root: Path, explicit: Path | None) -> Path:
    """Where printed documents go: --out as given, else cetak/ in the site, which must be a real folder (a link
    committed there could send internal reports to a served directory)."""
    if explicit is not None:
        return explicit.resolve()
    folder = site_root / PRINT_DIR
    if folder.is_symlink():
        raise SopError(f"{folder}: tautan simbolik; laporan tidak ditulis lewat tautan di repositori (hapus tautannya "
                       "atau pilih folder dengan --out)")
    return folder


def publish(out_dir: Path, stem: str, html: str, pdf: bool = True) -> tuple[Path, Path | None]:
    """Write STEM.html (and STEM.pdf) in out_dir."""
    html_path = out_dir / f"{stem}.html"
    try:
        write_html(html_path, html)
    except OSError as exc:
        raise SopError(f"{out_dir}: folder hasil tidak dapat ditulis ({exc.strerror or exc}); pilih folder lain "
                       "dengan --out") from None
    if not pdf:
        return html_path, None
    pdf_path = out_dir / f"{stem}.pdf"
    errors = print_pdf(html_path, pdf_path)
    if errors:  # the printed page may lack what the HTML holds: say so rather than hand it over
        raise SopError(f"{pdf_path}: Chromium melaporkan galat saat mencetak ({'; '.join(errors[:3])}); periksa "
                       f"{html_path.name} di peramban sebelum memakai PDF-nya")
    return html_path, pdf_path
