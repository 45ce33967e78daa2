"""`ppid notulen baru|tandatangani|terima`: minutes of website development meetings, reported to the Kepala Dinas."""

from __future__ import annotations

import argparse

from ..site import Site
from ..sop.minutes import new_minutes, receive_minutes, sign_minutes
from ..trust.records import now_utc
from ._sop import add_signing_arguments, signer, trusted

HELP = "notulen rapat pengembangan website: buat dari templat, tandatangani (Sub Koordinator), terima (Kepala Dinas)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("notulen", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="aksi", metavar="AKSI", required=True)
    baru = actions.add_parser("baru", help="buat templat notulen di records/notulen/")
    baru.add_argument("--tanggal", required=True, metavar="TTTT-BB-HH", help="tanggal rapat")
    for name, text in (("tandatangani", "Sub Koordinator menandatangani; tindak lanjut untuk webdev menjadi permintaan"),
                       ("terima", "Kepala Dinas menandatangani penerimaan laporan notulen")):
        action = actions.add_parser(name, help=text)
        action.add_argument("id", metavar="ID", help="nama berkas tanpa .yml, contoh 2026-11-05")
        add_signing_arguments(action)


def run(args: argparse.Namespace, site: Site) -> int:
    if args.aksi == "baru":
        path = new_minutes(site, args.tanggal)
        print(f"Templat notulen dibuat: {site.rel(path)}. Isi, lalu 'ppid notulen tandatangani {path.stem}'.")
        return 0
    registry, policy = trusted(args, site)
    who = signer(args, registry)
    if args.aksi == "tandatangani":
        doc, raised = sign_minutes(site, args.id, who, registry, policy, now_utc())
        print(f"Notulen {doc.id} ditandatangani {who.person.id}. Berkas: {doc.display}")
        for request in raised:
            print(f"Permintaan perubahan {request.id} dibuat untuk Web Developer: {request.body['judul']}")
        print(f"Berikutnya: Kepala Dinas menerima laporan ('ppid notulen terima {doc.id}'). Commit berkasnya.")
        return 0
    doc = receive_minutes(site, args.id, who, registry, policy, now_utc())
    print(f"Notulen {doc.id} diterima Kepala Dinas ({who.person.id}). Commit berkasnya.")
    return 0
