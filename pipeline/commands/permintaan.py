"""`ppid permintaan baru|terima|kerjakan|selesai|verifikasi|daftar`: change requests to the Web Developer."""

from __future__ import annotations

import argparse

from ..dates import waktu
from ..site import Site
from ..sop.requests import CATEGORIES, STATES, act, all_requests, is_open, raise_request
from ..trust.records import now_utc
from ._common import add_root_argument
from ._sop import add_signing_arguments, signer, trusted

HELP = "permintaan perubahan kepada Web Developer: ajukan, tanda terima, kerjakan, selesai, verifikasi, daftar"
STEPS = {"terima": "Web Developer menandatangani tanda terima", "kerjakan": "Web Developer mulai mengerjakan",
         "selesai": "Web Developer menyelesaikan (sebut commit atau rilis)", "verifikasi": "pengaju memverifikasi hasilnya"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("permintaan", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="aksi", metavar="AKSI", required=True)
    baru = actions.add_parser("baru", help="Operator atau Sub Koordinator mengajukan permintaan")
    baru.add_argument("--kategori", required=True, choices=sorted(CATEGORIES), help="jenis permintaan")
    baru.add_argument("--judul", required=True, metavar="TEKS")
    baru.add_argument("--uraian", required=True, metavar="TEKS")
    add_signing_arguments(baru)
    for name, text in STEPS.items():
        action = actions.add_parser(name, help=text)
        action.add_argument("nomor", metavar="NOMOR", help="contoh 2026-0001")
        if name == "selesai":
            action.add_argument("--hasil", required=True, metavar="COMMIT_ATAU_RILIS", help="commit atau id rilis perbaikannya")
        action.add_argument("-m", "--catatan", default=None, metavar="TEKS")
        add_signing_arguments(action)
    daftar = actions.add_parser("daftar", help="program perbaikan: permintaan yang masih terbuka (--semua: semuanya)")
    daftar.add_argument("--semua", action="store_true")
    add_root_argument(daftar)


def run(args: argparse.Namespace, site: Site) -> int:
    registry, policy = trusted(args, site)
    now = now_utc()
    if args.aksi == "daftar":
        docs, problems = all_requests(site, registry, policy, now)
        shown = [d for d in docs if args.semua or is_open(d)]
        print(f"{'Semua permintaan' if args.semua else 'Program perbaikan (permintaan terbuka)'}: {len(shown)}")
        for doc in shown:
            first = doc.valid[0]
            print(f"  {doc.id} [{doc.body['kategori']}] {doc.body['judul']} — {STATES[doc.state]}; diajukan "
                  f"{first.by}, {waktu(first.time, site.timezone)}")
        for problem in problems:
            print(f"PERINGATAN: {problem}")
        return 0
    who = signer(args, registry)
    if args.aksi == "baru":
        doc = raise_request(site, args.kategori, args.judul, args.uraian, who, registry, policy, now)
        print(f"Permintaan {doc.id} diajukan oleh {who.person.id}. Berkas: {doc.display}")
        print(f"Berikutnya: Web Developer menandatangani tanda terima ('ppid permintaan terima {doc.id}'). Commit berkasnya.")
        return 0
    doc = act(site, args.nomor, args.aksi, who, registry, policy, now, getattr(args, "hasil", None), args.catatan)
    print(f"Permintaan {doc.id}: {STATES[doc.state]} ({who.person.id}). Commit berkasnya.")
    return 0
