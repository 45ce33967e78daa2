"""The quarterly content plan (records/rencana/TTTT-Tn.yml): the Sub Koordinator prepares it, the Koordinator
signs it, and the printed list goes to the Lurah with a short code that `ppid rencana verifikasi` checks."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
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
    return load_document(site.root, path, "rencana", item_problems)


def item_problems(doc: Document) -> list[tuple[tuple, str]]:
    """Each item once, in a month of the plan's own quarter."""
    quarter = parse_period(doc.body["triwulan"], ("triwulan",))
    months = {m.code for m in quarter.month_list()}
    found, seen = [], set()
    for index, item in enumerate(doc.body["butir"]):
        if item["nomor"] in seen:
            found.append((("butir", index, "nomor"), f"nomor {item['nomor']} dipakai dua kali; beri setiap butir nomor sendiri"))
        seen.add(item["nomor"])
        if item["bulan"] not in months:
            found.append((("butir", index, "bulan"), f"bulan {item['bulan']} di luar {quarter.title} "
                                                     f"({', '.join(sorted(months))})"))
    return found


def sign_plan(site: Site, code: str, signer: Signer, registry: Registry, policy: Policy, when: dt.datetime) -> Document:
    """The Sub Koordinator prepares (susun), then the Koordinator signs (tandatangani): chosen by the signer's role."""
    doc = verify(load_plan(site, code), registry, policy, when)
    roles = set(signer.person.roles)
    may_sign, may_prepare = roles & set(policy.steps["plan_sign"]), roles & set(policy.steps["plan_prepare"])
    # Someone holding both roles prepares an unprepared plan; the signature must then come from another person.
    action = "tandatangani" if may_sign and (not may_prepare or doc.state == "susun") else "susun"
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
    docs, problems = load_folder(site.root, site.root / FOLDER, "rencana", item_problems)
    for doc in docs:
        problems += verify(doc, registry, policy, now).problems
    return docs, problems


# The printed code: three groups of four base-32 letters and digits, typed back however the reader likes
# (any case, with spaces or dashes or none; 0, 1 and 8 read as O, I and B, which base 32 does not use).
_CODE = re.compile(r"[A-Z2-7]{12}")
_LOOKALIKE = str.maketrans("018", "OIB")


def _typed_code(text: str) -> str | None:
    raw = re.sub(r"[\s\-]", "", text).upper().translate(_LOOKALIKE)
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4)) if _CODE.fullmatch(raw) else None


def check_plan(site: Site, wanted: str, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[Document, str]:
    """A plan (by quarter or by the printed code) that verifies and is signed by the Koordinator, with its code;
    NotVerified naming the file and line otherwise."""
    code = _typed_code(wanted)
    if code is None:
        doc = verify(load_plan(site, wanted.strip().upper()), registry, policy, now)
    else:
        docs, _ = load_folder(site.root, site.root / FOLDER, "rencana", item_problems)
        matches = [d for d in docs if _code_or_none(verify(d, registry, policy, now)) == code]
        if len(matches) != 1:
            raise NotVerified(f"kode '{wanted.strip()}' tidak cocok dengan rencana mana pun yang sah di "
                              f"{FOLDER.as_posix()}/: dokumen cetak ini tidak sah, atau rencananya telah diubah setelah "
                              "ditandatangani" if not matches else
                              f"kode '{wanted.strip()}' cocok dengan lebih dari satu rencana "
                              f"({', '.join(d.display for d in matches)}); periksa menurut triwulannya")
        doc = matches[0]
    if doc.problems:
        raise NotVerified(doc.problems[0])
    if signed_entry(doc) is None:
        raise NotVerified(f"{doc.display}: belum ditandatangani Koordinator")
    return doc, verification_code(doc)


def plan_title(doc: Document) -> str:
    return f"Daftar Konten yang Akan Dipublikasikan — {parse_period(doc.body['triwulan'], ('triwulan',)).title}"


def signed_items(doc: Document) -> list[str]:
    """What the Koordinator signed, one line per item, for the holder of a printed copy to compare."""
    return [f"{item['nomor']}. {item['judul']} — {KLASIFIKASI.get(item['klasifikasi'], item['klasifikasi'])}, "
            f"{item['unit']}, {parse_period(item['bulan'], ('bulan',)).title}" for item in doc.body["butir"]]


def _code_or_none(doc: Document) -> str | None:
    return verification_code(doc) if not doc.problems and signed_entry(doc) else None


def render_plan(site: Site, doc: Document, registry: Registry, policy: Policy, lurah: tuple[str, str, str]) -> str:
    """The printable list for the Lurah: items, who prepared and who signed, when, and the verification code."""
    title = plan_title(doc)
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
