"""A year (2026) of synthetic SOP history signed by the test keys, on a clock the test controls, with planted
violations: no update in August, the Triwulan IV plan signed late, a preview never reviewed (October), minutes of
3 November never received by the Kepala Dinas, request 2026-0002 never received, one release published unapproved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.publish.publog import LogEntry, to_bytes
from pipeline.signing import load_private_key
from pipeline.site import Site
from pipeline.sop.minutes import new_minutes, receive_minutes, sign_minutes
from pipeline.sop.periods import parse_period
from pipeline.sop.plans import new_plan, plan_path, sign_plan
from pipeline.sop.requests import act, raise_request
from pipeline.trust.identity import load_signer
from pipeline.trust.log import load_log
from pipeline.trust.records import page_fields, record_id, release_fields, sign_fields, write_record
from pipeline.trust.root import trusted_config
from pipeline.yamlio import dumps

NOW = dt.datetime(2027, 1, 10, 3, 0, tzinfo=dt.timezone.utc)
UPDATE_MONTHS = [m for m in range(2, 13) if m != 8]   # August: no update (planted)
RELEASE_OK, RELEASE_UNAPPROVED = "sha256:" + "a" * 64, "sha256:" + "b" * 64


def utc(y: int, m: int, d: int, h: int = 3) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=dt.timezone.utc)


class History:
    def __init__(self, root: Path, keys: dict[str, Path]) -> None:
        self.site = Site(root)
        self.keys = keys
        config = trusted_config(root)
        self.registry, self.policy = config.registry, config.policy
        self.prev = load_log(root, root / "reviews", self.registry, NOW).heads

    def who(self, person: str):
        return load_signer(self.registry, self.keys[person])

    def page(self, page: str, action: str, person: str, role: str, when: dt.datetime, decision: str = "approved") -> None:
        fields = page_fields(page, "add", "sha256:" + page.encode().hex()[:64].ljust(64, "0"), "baru", action,
                             "submitted" if action == "submit" else decision, role, person, "", when, self.prev,
                             preview="0" * 64 if action == "review" else None)
        write_record(self.site.reviews_dir, fields, sign_fields(fields, load_private_key(self.keys[person], None)))
        self.prev = [record_id(fields)]

    def release(self, release: str, when: dt.datetime) -> None:
        fields = release_fields(release, "awal", "release_approve", "approved", "koordinator", "ratna", "", when, self.prev)
        write_record(self.site.reviews_dir, fields, sign_fields(fields, load_private_key(self.keys["ratna"], None)))
        self.prev = [record_id(fields)]

    def plan(self, code: str, prepared: dt.datetime, signed: dt.datetime, pages: list[str]) -> None:
        new_plan(self.site, code)
        path = plan_path(self.site, parse_period(code))
        body = {"jenis": "rencana", "triwulan": code, "butir": [
            {"nomor": n, "judul": f"Konten {page}", "klasifikasi": "berkala", "unit": "Sekretariat",
             "bulan": f"{code[:4]}-{(int(code[-1]) - 1) * 3 + 1:02d}", "penanggung_jawab": "siti", "halaman": page}
            for n, page in enumerate(pages, 1)], "tanda_tangan": []}
        path.write_text(dumps(body), encoding="utf-8")
        sign_plan(self.site, code, self.who("budi"), self.registry, self.policy, prepared)
        sign_plan(self.site, code, self.who("ratna"), self.registry, self.policy, signed)

    def minutes(self, day: str, received: dt.datetime | None) -> None:
        path = new_minutes(self.site, day)
        path.write_text(dumps({"jenis": "notulen", "tanggal": day, "peserta": ["budi", "ratna"], "topik": ["Evaluasi"],
                               "keputusan": ["Lanjut"], "tindak_lanjut": [], "tanda_tangan": []}), encoding="utf-8")
        held = dt.datetime.fromisoformat(day).replace(hour=8, tzinfo=dt.timezone.utc)
        sign_minutes(self.site, path.stem, self.who("budi"), self.registry, self.policy, held)
        if received:
            receive_minutes(self.site, path.stem, self.who("wahyu"), self.registry, self.policy, received)

    def request(self, raised: dt.datetime, steps: list[tuple[str, str, dt.datetime]]) -> str:
        doc = raise_request(self.site, "tampilan", "Tabel terpotong di ponsel", "Tabel jam layanan terpotong",
                            self.who("siti"), self.registry, self.policy, raised)
        for action, person, when in steps:
            act(self.site, doc.id, action, self.who(person), self.registry, self.policy, when,
                result="rilis-2026-07" if action == "selesai" else None)
        return doc.id


def make_year(root: Path, keys: dict[str, Path]) -> History:
    h = History(root, keys)
    for month in UPDATE_MONTHS:
        page = f"berita/bulan-{month:02d}.md"
        h.page(page, "submit", "siti", "operator", utc(2026, month, 3))
        h.page(page, "review", "budi", "subkoordinator", utc(2026, month, 4))
        h.page(page, "approve", "ratna", "koordinator", utc(2026, month, 5))
        if month == 10:
            h.page("profil/tertunda.md", "submit", "agus", "operator", utc(2026, 10, 20))   # never reviewed (planted)
    h.release(RELEASE_OK, utc(2026, 12, 8))
    publications = root / "records" / "publikasi"
    publications.mkdir(parents=True, exist_ok=True)
    entries: list[LogEntry] = []
    for action, release, when in (("publish", RELEASE_OK, "2026-12-10T03:00:00Z"),
                                  ("publish", RELEASE_UNAPPROVED, "2026-12-20T03:00:00Z"),
                                  ("rollback", RELEASE_OK, "2026-12-21T03:00:00Z")):
        entries.append(LogEntry(entries[-1].digest if entries else None, "produksi", action, release, "rilis",
                                "sha256:" + "c" * 64, "ratna", "Ratna Dewi (contoh)", when))
    (publications / "produksi.jsonl").write_bytes(to_bytes(entries))
    h.plan("2026-T3", utc(2026, 6, 15), utc(2026, 6, 20), ["berita/bulan-07.md", "berita/bulan-08.md"])
    h.plan("2026-T4", utc(2026, 9, 28), utc(2026, 10, 5), ["berita/bulan-11.md"])               # late (planted)
    h.minutes("2026-09-10", utc(2026, 9, 12))
    h.minutes("2026-11-03", None)                                                                   # never received
    h.request(utc(2026, 7, 15), [("terima", "dodi", utc(2026, 7, 16)), ("kerjakan", "dodi", utc(2026, 7, 17)),
                                 ("selesai", "dodi", utc(2026, 7, 20)), ("verifikasi", "siti", utc(2026, 7, 21))])
    h.request(utc(2026, 11, 10), [])                                                                # never received
    return h
