"""Minutes of website development meetings (records/notulen/TTTT-BB-HH[-n].yml), written from a template: the
Sub Koordinator signs them (catat) and every action item for the Web Developer becomes a change request; the
Kepala Dinas signs their receipt (terima), which is what 'reported to the Kepala Dinas' means in the reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..site import Site
from ..trust.identity import Signer
from ..trust.registry import Policy, Registry
from .errors import SopError
from .periods import local_midnight, parse_day
from .requests import raise_request
from .signed import Document, checked_id, load_document, load_folder, sign_entry, verify, write_document

FOLDER = Path("records") / "notulen"
ID_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?"
TEMPLATE_HEADER = ("# Notulen rapat pengembangan website. Isi semua bagian, lalu Sub Koordinator menandatangani\n"
                   "# ('ppid notulen tandatangani ID'); tindak lanjut 'untuk: webdev' menjadi permintaan perubahan.\n")


def new_minutes(site: Site, day: str) -> Path:
    parse_day(day)
    folder = site.root / FOLDER
    path, n = folder / f"{day}.yml", 2
    while path.exists():
        path, n = folder / f"{day}-{n}.yml", n + 1
    body = {"jenis": "notulen", "tanggal": day, "tempat": "Ruang rapat", "peserta": ["nama peserta"],
            "topik": ["pokok bahasan"], "keputusan": ["keputusan rapat"],
            "tindak_lanjut": [{"uraian": "contoh: perbaiki tampilan tabel di ponsel", "untuk": "webdev",
                               "kategori": "tampilan"}],
            "tanda_tangan": []}
    write_document(path, body, header=TEMPLATE_HEADER)
    return path


def load_minutes(site: Site, ident: str) -> Document:
    path = site.root / FOLDER / f"{checked_id(ident, ID_PATTERN, 'nama notulen', '2026-11-05 atau 2026-11-05-2')}.yml"
    if not path.exists():
        raise SopError(f"{site.rel(path)}: notulen {ident} tidak ada; buat dengan 'ppid notulen baru --tanggal {ident[:10]}'")
    return _held(site, load_document(site.root, path, "notulen"))


def _held(site: Site, doc: Document) -> Document:
    """Minutes are signed once the meeting has begun: no entry may be dated before its day (local time)."""
    doc.not_before = local_midnight(parse_day(doc.body["tanggal"]), site.timezone)
    return doc


def sign_minutes(site: Site, ident: str, signer: Signer, registry: Registry, policy: Policy,
                 when: dt.datetime) -> tuple[Document, list[Document]]:
    """The Sub Koordinator signs; each action item for a role that handles requests becomes a request."""
    doc = load_minutes(site, ident)
    sign_entry(site.root, doc, "catat", signer, registry, policy, when)
    raised = []
    for index, item in enumerate(doc.body["tindak_lanjut"]):
        if item["untuk"] in policy.steps["request_handle"]:
            raised.append(raise_request(site, item.get("kategori", "teknis"), item["uraian"][:200], item["uraian"],
                                        signer, registry, policy, when + dt.timedelta(seconds=index + 1), minutes=ident))
    return verify(load_minutes(site, ident), registry, policy, when + dt.timedelta(minutes=1)), raised


def receive_minutes(site: Site, ident: str, signer: Signer, registry: Registry, policy: Policy,
                    when: dt.datetime) -> Document:
    doc = load_minutes(site, ident)
    sign_entry(site.root, doc, "terima", signer, registry, policy, when)
    return verify(load_minutes(site, ident), registry, policy, when)


def all_minutes(site: Site, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[list[Document], list[str]]:
    docs, problems = load_folder(site.root, site.root / FOLDER, "notulen")
    for doc in docs:
        problems += verify(_held(site, doc), registry, policy, now).problems
    return [d for d in docs if d.valid], problems
