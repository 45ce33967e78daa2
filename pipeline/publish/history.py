"""The public page "Riwayat Publikasi": every log entry, newest first, dates in the agency's time zone."""

from __future__ import annotations

import datetime as dt
import html
import re

from ..dates import waktu
from .manifest import LOG_PATH, MANIFEST_PATH
from .publog import LogEntry

ACTION_NAMES = {"publish": "Terbit", "rollback": "Dikembalikan ke rilis lain", "takedown": "Penurunan darurat"}
TITLE = "Riwayat Publikasi"

_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def indonesian_time(utc_text: str, timezone: str) -> str:
    """'2026-11-24T03:00:00Z' -> '24 November 2026, 10.00 WIB'."""
    when = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    return waktu(when, timezone, separator=", ")


def render(template: str, entries: list[LogEntry], timezone: str) -> str:
    """The page, made from the live release's 404 page (site-absolute links: works at any URL)."""
    body = _body(entries, timezone)
    page = _ARTICLE.sub(lambda m: m.group(1) + body + m.group(3), template, count=1)
    return _TITLE.sub(lambda m: f"<title>{TITLE} - {m.group(1)}</title>", page, count=1)


def _body(entries: list[LogEntry], timezone: str) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{len(entries) - i}</td><td>{html.escape(indonesian_time(e.time, timezone))}</td>"
        f"<td>{ACTION_NAMES.get(e.action, html.escape(e.action))}</td>"
        f"<td><code>{html.escape(e.release.split(':')[-1][:12])}</code></td>"
        f"<td>{html.escape(e.approver_name)}</td>"
        f"<td><code>{html.escape(e.digest.split(':')[-1][:12])}</code></td>"
        "</tr>"
        for i, e in enumerate(reversed(entries)))
    return (
        f"<h1>{TITLE}</h1>"
        "<p>Setiap penerbitan situs ini, pengembalian ke rilis sebelumnya, dan penurunan darurat tercatat di "
        "bawah ini, terbaru di atas. Setiap rilis disetujui dan ditandatangani Koordinator PPID sebelum tayang.</p>"
        f'<p>Siapa pun dapat memeriksa bahwa yang disajikan sama dengan yang disetujui: daftar berkas beserta '
        f'tanda tangan rilis ada di <a href="/{MANIFEST_PATH}">manifes rilis</a>, dan catatan berantai hash di '
        f'<a href="/{LOG_PATH}">log publikasi</a> (periksa dengan <code>ppid verify-site ALAMAT</code>).</p>'
        '<table><thead><tr><th>No.</th><th>Waktu</th><th>Tindakan</th><th>Rilis</th><th>Disetujui oleh</th>'
        f"<th>Hash entri</th></tr></thead><tbody>{rows}</tbody></table>"
    )
