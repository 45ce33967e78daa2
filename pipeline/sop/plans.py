"""The quarterly content plan (records/rencana/TTTT-Tn.yml): the Sub Koordinator prepares it, the Koordinator
signs it, and the printed list goes to the Lurah with a short code that `ppid rencana verifikasi` checks."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
from pathlib import Path

from ..dates import waktu
from ..site import Site
from ..trust.identity import Signer
from ..trust.registry import Policy, Registry
from .errors import NotVerified, SopError
from .html import page, table
from .periods import Period, parse_period
from .signed import Document, load_document, load_folder, sign_entry, verify, write_document

FOLDER = Path("records") / "rencana"
TEMPLATE_HEADER = ("# Daftar konten yang akan dipublikasikan. Isi butir-butirnya, lalu Sub Koordinator menandatangani\n"
                   "# ('ppid rencana tandatangani PERIODE') dan Koordinator menandatangani untuk Lurah.\n"
                   "# Setelah ditandatangani, isi tidak boleh diubah lagi.\n")


def plan_path(site: Site, quarter: Period) -> Path:
    return site.root / FOLDER / f"{quarter.code}.yml"


def new_plan(site: Site, code: str) -> Path:
    """A plan template for the quarter, with one example item to replace."""
    quarter = parse_period(code, ("triwulan",))
    path = plan_path(site, quarter)
    if path.exists():
        raise SopError(f"{site.rel(path)}: rencana {quarter.title} sudah ada")
    body = {"jenis": "rencana", "triwulan": quarter.code,
            "judul": f"Daftar Konten yang Akan Dipublikasikan — {quarter.title}",
            "butir": [{"nomor": 1, "judul": "Contoh: Ringkasan Laporan Keuangan", "klasifikasi": "berkala",
                       "unit": "Sekretariat", "bulan": quarter.code[:4] + f"-{quarter.first_month:02d}",
                       "penanggung_jawab": "operator"}],
            "tanda_tangan": []}
    write_document(path, body, header=TEMPLATE_HEADER)
    return path


def load_plan(site: Site, code: str) -> Document:
    quarter = parse_period(code, ("triwulan",))
    path = plan_path(site, quarter)
    if not path.exists():
        raise SopError(f"{site.rel(path)}: rencana {quarter.title} belum ada; buat dengan 'ppid rencana baru {quarter.code}'")
    return load_document(site.root, path, "rencana")


def sign_plan(site: Site, code: str, signer: Signer, registry: Registry, policy: Policy, when: dt.datetime) -> Document:
    """The Sub Koordinator prepares (susun), then the Koordinator signs (tandatangani): chosen by the signer's role."""
    doc = load_plan(site, code)
    action = "tandatangani" if any(r in policy.steps["plan_sign"] for r in signer.person.roles) else "susun"
    sign_entry(site.root, doc, action, signer, registry, policy, when)
    return verify(load_plan(site, code), registry, policy, when)


def signed_entry(doc: Document):
    return doc.last("tandatangani")


def verification_code(doc: Document) -> str:
    """A short code printed on the plan: derived from the Koordinator's signature entry, so it changes with any
    change of the plan or its signature."""
    entry = signed_entry(doc)
    if entry is None:
        raise SopError(f"{doc.display}: belum ditandatangani Koordinator; belum ada kode verifikasi")
    raw = base64.b32encode(hashlib.sha256(entry.digest.encode()).digest()).decode()[:12]
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def all_plans(site: Site, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[list[Document], list[str]]:
    docs, problems = load_folder(site.root, site.root / FOLDER, "rencana")
    for doc in docs:
        verify(doc, registry, policy, now)
        problems += doc.problems
        if doc.body["triwulan"] != doc.id:
            problems.append(f"{doc.display}:{doc.line_of('triwulan')}: triwulan '{doc.body['triwulan']}' tidak cocok "
                            f"dengan nama berkas; rencana ini tidak dihitung")
    return [d for d in docs if d.body["triwulan"] == d.id], problems


def check_plan(site: Site, wanted: str, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[Document, str]:
    """A plan (by quarter or by the printed code) that verifies and is signed by the Koordinator, with its code;
    NotVerified naming the file and line otherwise."""
    text = wanted.strip().upper()
    if text[:4].isdigit() and "-T" in text:
        doc = verify(load_plan(site, text), registry, policy, now)
    else:
        docs, _ = load_folder(site.root, site.root / FOLDER, "rencana")
        matches = [d for d in docs if _code_or_none(verify(d, registry, policy, now)) == text]
        if not matches:
            raise NotVerified(f"kode '{wanted}' tidak cocok dengan rencana mana pun yang sah di {FOLDER.as_posix()}/: "
                              "dokumen cetak ini tidak sah, atau rencananya telah diubah setelah ditandatangani")
        doc = matches[0]
    if doc.problems:
        raise NotVerified(doc.problems[0])
    if signed_entry(doc) is None:
        raise NotVerified(f"{doc.display}: belum ditandatangani Koordinator")
    return doc, verification_code(doc)


def _code_or_none(doc: Document) -> str | None:
    return verification_code(doc) if not doc.problems and signed_entry(doc) else None


def render_plan(site: Site, doc: Document, registry: Registry, policy: Policy, lurah: tuple[str, str, str]) -> str:
    """The printable list for the Lurah: items, who prepared and who signed, when, and the verification code."""
    quarter = parse_period(doc.body["triwulan"], ("triwulan",))
    title = f"Daftar Konten yang Akan Dipublikasikan — {quarter.title}"
    rows = [(item["nomor"], item["judul"], KLASIFIKASI.get(item["klasifikasi"], item["klasifikasi"]), item["unit"],
             parse_period(item["bulan"], ("bulan",)).title, _name(registry, item["penanggung_jawab"]))
            for item in doc.body["butir"]]
    name, job, address = lurah
    signs = "".join(f"<p>{html.escape(ACTION_WORDS[e.action])}: <b>{html.escape(_name(registry, e.by))}</b>, "
                    f"{html.escape(policy.role_name(e.fields['peran']))}, {html.escape(waktu(e.time, site.timezone))}</p>"
                    for e in doc.valid)
    code = verification_code(doc) if signed_entry(doc) else None
    stamp = (f'<p>Kode verifikasi: <span class="kode">{code}</span><br><span class="kecil">Periksa keaslian daftar ini '
             f"dengan <code>ppid rencana verifikasi {code}</code> pada repositori situs PPID.</span></p>"
             if code else '<p class="buruk">BELUM DITANDATANGANI KOORDINATOR — bukan dokumen resmi.</p>')
    body = (f"<p>Kepada Yth.<br>{html.escape(job)}<br>{html.escape(name)}<br>{html.escape(address)}</p>"
            f"<h1>{html.escape(title)}</h1><p class=meta>{html.escape(site.settings.get('ppid_name', ''))}</p>"
            + table(("No", "Konten", "Klasifikasi", "Unit", "Target", "Penanggung jawab"), rows, frozenset({0}))
            + f'<div class="ttd">{signs}{stamp}</div>')
    return page(title, body)


KLASIFIKASI = {"berkala": "Berkala", "serta_merta": "Serta merta", "setiap_saat": "Setiap saat", "halaman": "Halaman"}
ACTION_WORDS = {"susun": "Disusun oleh", "tandatangani": "Ditandatangani oleh"}


def _name(registry: Registry, person: str) -> str:
    found = registry.people.get(person)
    return found.name if found else person
