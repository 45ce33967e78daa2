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
from .requests import all_requests, raise_request
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
    """The Sub Koordinator signs; each action item for a role that handles requests becomes a request. Signing
    again after an interruption raises the requests still missing (never one twice)."""
    doc = verify(load_minutes(site, ident), registry, policy, when)
    items = [item for item in doc.body["tindak_lanjut"] if item["untuk"] in policy.steps["request_handle"]]
    if items and not set(signer.person.roles) & set(policy.steps["request_raise"]):
        raise SopError(f"{doc.display}: tindak lanjut untuk Web Developer menjadi permintaan atas nama penanda tangan, "
                       f"tetapi {signer.person.id} tidak boleh mengajukan permintaan (yang boleh: {policy.names('request_raise')})")
    recorded = doc.last("catat")
    missing = _missing_requests(site, ident, items, registry, policy, when)
    if recorded is None:
        sign_entry(site.root, doc, "catat", signer, registry, policy, when)
    elif recorded.by != signer.person.id or not missing:
        raise SopError(f"{doc.display}: sudah ditandatangani {recorded.by}; tidak ada lagi yang perlu dilakukan")
    raised = [raise_request(site, item.get("kategori", "teknis"), request_title(item["uraian"], ident), item["uraian"],
                            signer, registry, policy, when + dt.timedelta(seconds=n + 1), minutes=ident)
              for n, item in enumerate(missing)]
    return verify(load_minutes(site, ident), registry, policy, when + dt.timedelta(minutes=1)), raised


def request_title(text: str, ident: str) -> str:
    """One line of at most 200 characters from an action item's (possibly multi-line) description."""
    title = " ".join(text.split())[:200].strip()
    return title if len(title) >= 3 else f"Tindak lanjut notulen {ident}"


def _missing_requests(site: Site, ident: str, items: list[dict], registry: Registry, policy: Policy,
                      when: dt.datetime) -> list[dict]:
    """The action items that have no request yet (matched by their description, each request used once)."""
    raised = [d.body["uraian"] for d in all_requests(site, registry, policy, when)[0] if d.body.get("notulen") == ident]
    missing = []
    for item in items:
        if item["uraian"] in raised:
            raised.remove(item["uraian"])
        else:
            missing.append(item)
    return missing


def receive_minutes(site: Site, ident: str, signer: Signer, registry: Registry, policy: Policy,
                    when: dt.datetime) -> Document:
    doc = load_minutes(site, ident)
    sign_entry(site.root, doc, "terima", signer, registry, policy, when)
    return verify(load_minutes(site, ident), registry, policy, when)


def all_minutes(site: Site, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[list[Document], list[str]]:
    docs, problems = load_folder(site.root, site.root / FOLDER, "notulen")
    for doc in docs:
        problems += verify(_held(site, doc), registry, policy, now).problems
    return docs, problems  # unsigned minutes too: a meeting held is owed its signed, reported minutes
