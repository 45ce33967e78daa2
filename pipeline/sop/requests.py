"""Change requests to the Web Developer (records/permintaan/TTTT-NNNN.yml): raised by an Operator or the Sub
Koordinator, received (tanda terima), worked on and done (naming the commit or release) by the Web Developer,
then verified by the requester. The open ones are the Web Developer's program perbaikan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..site import Site
from ..trust.identity import Signer
from ..trust.registry import Policy, Registry
from .errors import SopError
from .periods import local_day
from .signed import Document, checked_id, load_document, load_folder, sign_entry, verify, write_document

FOLDER = Path("records") / "permintaan"
CATEGORIES = {"teknis": "masalah teknis", "tampilan": "masalah tampilan", "fitur": "fitur baru"}
STATES = {"ajukan": "diajukan, menunggu tanda terima", "terima": "diterima Web Developer",
          "kerjakan": "sedang dikerjakan", "selesai": "selesai, menunggu verifikasi pengaju",
          "verifikasi": "selesai dan diverifikasi", None: "tidak sah"}


def request_path(site: Site, number: str) -> Path:
    return site.root / FOLDER / f"{checked_id(number, r'[0-9]{4}-[0-9]{4}', 'nomor permintaan', '2026-0001')}.yml"


def next_number(site: Site, year: int) -> str:
    taken = [p.stem for p in (site.root / FOLDER).glob(f"{year}-*.yml")]
    return f"{year}-{max((int(t[5:]) for t in taken if t[5:].isdigit()), default=0) + 1:04d}"


def raise_request(site: Site, category: str, title: str, text: str, signer: Signer, registry: Registry,
                  policy: Policy, when: dt.datetime, minutes: str | None = None) -> Document:
    if category not in CATEGORIES:
        raise SopError(f"kategori '{category}' tidak dikenal; pilih {', '.join(CATEGORIES)}")
    number = next_number(site, local_day(when, site.timezone).year)
    body = {"jenis": "permintaan", "nomor": number, "kategori": category, "judul": title, "uraian": text}
    if minutes:
        body["notulen"] = minutes
    path = request_path(site, number)
    write_document(path, {**body, "tanda_tangan": []})
    try:
        doc = load_document(site.root, path, "permintaan")
        sign_entry(site.root, doc, "ajukan", signer, registry, policy, when)
    except BaseException:  # an error or Ctrl-C: nothing half-written, an unsigned request is no request
        path.unlink(missing_ok=True)
        raise
    return load_request(site, number)


def load_request(site: Site, number: str) -> Document:
    path = request_path(site, number)
    if not path.exists():
        raise SopError(f"{site.rel(path)}: permintaan {number} tidak ada; lihat 'ppid permintaan daftar'")
    return load_document(site.root, path, "permintaan")


def act(site: Site, number: str, action: str, signer: Signer, registry: Registry, policy: Policy,
        when: dt.datetime, result: str | None = None, note: str | None = None) -> Document:
    """One step of the request: terima, kerjakan, selesai (with the commit or release), verifikasi."""
    if action == "selesai" and not result:
        raise SopError("selesai harus menyebut hasilnya: --hasil COMMIT atau id rilis")
    doc = load_request(site, number)
    sign_entry(site.root, doc, action, signer, registry, policy, when, hasil=result, catatan=note)
    return verify(load_request(site, number), registry, policy, when)


def all_requests(site: Site, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[list[Document], list[str]]:
    docs, problems = load_folder(site.root, site.root / FOLDER, "permintaan")
    for doc in docs:
        problems += verify(doc, registry, policy, now).problems
        if not doc.entries:
            problems.append(f"{doc.display}: belum ditandatangani pengaju, jadi bukan permintaan; ajukan dengan "
                            "'ppid permintaan baru' dan hapus berkas ini")
    return [d for d in docs if d.valid], problems


def is_open(doc: Document) -> bool:
    return doc.state in ("ajukan", "terima", "kerjakan")
