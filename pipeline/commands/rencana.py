"""`ppid rencana baru|tandatangani|cetak|verifikasi`: the quarterly content plan for the Lurah."""

from __future__ import annotations

import argparse

from ..dates import waktu
from ..site import Site
from ..sop.html import publish
from ..sop.plans import (check_plan, load_plan, new_plan, plan_title, render_plan, sign_plan, signed_items,
                         verification_code)
from ..sop.settings import load_settings
from ..sop.signed import verify
from ..trust.records import now_utc
from ._common import add_root_argument
from ._sop import add_out_argument, add_signing_arguments, out_dir, print_written, signer, trusted

HELP = "rencana konten triwulan untuk Lurah: susun, tandatangani, cetak (HTML dan PDF), verifikasi"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rencana", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="aksi", metavar="AKSI", required=True)
    baru = actions.add_parser("baru", help="buat templat rencana triwulan di records/rencana/")
    baru.add_argument("periode", metavar="TRIWULAN", help="contoh 2026-T4")
    sign = actions.add_parser("tandatangani", help="Sub Koordinator menyusun, lalu Koordinator menandatangani")
    sign.add_argument("periode", metavar="TRIWULAN")
    add_signing_arguments(sign)
    cetak = actions.add_parser("cetak", help="cetak Daftar Konten yang Akan Dipublikasikan (HTML dan PDF)")
    cetak.add_argument("periode", metavar="TRIWULAN")
    add_out_argument(cetak)
    add_root_argument(cetak)
    check = actions.add_parser("verifikasi", help="periksa rencana (menurut triwulan atau kode di lembar cetaknya)")
    check.add_argument("periode", metavar="TRIWULAN_ATAU_KODE")
    add_root_argument(check)


def run(args: argparse.Namespace, site: Site) -> int:
    if args.aksi == "baru":
        path = new_plan(site, args.periode)
        print(f"Templat rencana dibuat: {site.rel(path)}. Isi butirnya, lalu 'ppid rencana tandatangani {args.periode}'.")
        return 0
    registry, policy = trusted(args, site)
    now = now_utc()
    if args.aksi == "tandatangani":
        doc = sign_plan(site, args.periode, signer(args, registry), registry, policy, now)
        last = doc.valid[-1]
        done = "ditandatangani Koordinator" if last.action == "tandatangani" else "disusun; berikutnya Koordinator menandatangani"
        print(f"Rencana {doc.body['triwulan']} {done} ({last.by}). Berkas: {doc.display}")
        if last.action == "tandatangani":
            print(f"Kode verifikasi: {verification_code(doc)}. Cetak dengan 'ppid rencana cetak {doc.body['triwulan']}'.")
        print("Commit berkas itu agar tercatat di riwayat git.")
        return 0
    if args.aksi == "cetak":
        doc = verify(load_plan(site, args.periode), registry, policy, now)
        for problem in doc.problems:
            print(f"PERINGATAN: {problem}")
        settings = load_settings(site.root)
        html = render_plan(site, doc, registry, policy, (settings.lurah_name, settings.lurah_title, settings.lurah_address))
        print_written(*publish(out_dir(args, site), f"rencana-{doc.body['triwulan']}", html, not args.tanpa_pdf))
        return 0 if not doc.problems else 1
    doc, code = check_plan(site, args.periode, registry, policy, now)
    sign = doc.last("tandatangani")
    print(f"SAH: {doc.display} — {plan_title(doc)} — ditandatangani {registry.people[sign.by].name} ({sign.by}) pada "
          f"{waktu(sign.time, site.timezone)}; kode verifikasi {code}")
    print("Isi yang ditandatangani (cocokkan dengan lembar cetaknya; beda satu butir pun berarti lembar itu tidak sah):")
    for line in signed_items(doc):
        print(f"  {line}")
    return 0
