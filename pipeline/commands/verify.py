"""`ppid verify`: the registry verifies against the pinned root, the record log is whole, and every file in
content/ is covered by a valid approval of its current bytes."""

from __future__ import annotations

import argparse

from ..errors import PpidError
from ..site import Site
from ..trust.errors import RootNotPinned, UntrustedConfig
from ..trust.state import derive
from ..trust.verification import verify_site_tree
from ._common import add_root_argument

HELP = "verifikasi bahwa setiap berkas di content/ disetujui tepat seperti isinya sekarang"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify", help=HELP, description=HELP)
    add_root_argument(parser)
    parser.add_argument("--tanpa-akar", dest="no_root", action="store_true",
                        help="pemeriksaan lokal tanpa kunci akar (hasilnya tidak dapat dipercaya untuk penerbitan)")


def run(args: argparse.Namespace, site: Site) -> int:
    if not site.content_dir.is_dir():
        raise PpidError("folder content/ tidak ada: tidak ada yang dapat diverifikasi")
    try:
        state = derive(site, args.root_key, allow_unverified=args.no_root)
    except (RootNotPinned, UntrustedConfig) as exc:
        print(f"GAGAL: {exc}")
        if isinstance(exc, RootNotPinned):
            print("Untuk pemeriksaan lokal saja tanpa kunci akar: ppid verify --tanpa-akar")
        return 1
    result = verify_site_tree(state)
    for line in result.failures:
        print(line)
    for line in result.warnings:
        print(f"PERINGATAN: {line}")
    if not state.config.verified:
        print("PERINGATAN: tanpa kunci akar — registri peninjau TIDAK diverifikasi; hasil ini hanya pemeriksaan lokal.")
    else:
        print("Registri peninjau dan kebijakan peran ditandatangani kunci akar yang dipasang.")
    if result.failures:
        print(f"ppid verify: {len(result.failures)} kegagalan; {result.pages} halaman dan {result.files} berkas diperiksa.")
        return 1
    print(f"ppid verify: {result.pages} halaman dan {result.files} berkas di content/ tercakup persetujuan yang sah untuk "
          f"isinya sekarang; log rekaman utuh ({result.records} rekaman).")
    return 0 if state.config.verified else 1
