"""`ppid build`: the online site, built only from content/ that passes the same gate as publishing."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..build.mkdocs_backend import site_config
from ..build.online import UNAPPROVED_NOTICE, build_online, check_out
from ..errors import CheckFailed, PpidError
from ..release.gate import GateRefused, publish_gate
from ..site import Site
from ..trust.errors import RootNotPinned, UntrustedConfig
from ._common import add_root_argument

HELP = "bangun situs online dari content/ (hanya konten yang telah disetujui)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("build", help=HELP, description=HELP)
    parser.add_argument("--out", type=Path, default=None, metavar="FOLDER", help="folder hasil (bawaan: site/)")
    parser.add_argument("--tanpa-persetujuan", dest="unapproved", action="store_true",
                        help="bangun juga bila belum disetujui: setiap halaman bertanda BUKAN BUILD YANG DISETUJUI, "
                             "dan ppid publish menolaknya")
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    if not site.content_dir.is_dir():
        raise PpidError("folder content/ tidak ada; situs tidak dibangun (situs kosong akan mengosongkan situs online)")
    out = (args.out or site.root / "site").resolve()
    site_config(site)  # a build configuration that would run code is refused before anything else
    approved = True
    try:
        publish_gate(site, args.root_key, need_release=False)
    except (GateRefused, RootNotPinned, UntrustedConfig) as exc:
        if not args.unapproved:
            print(exc)
            raise CheckFailed("situs tidak dibangun. Perbaiki dulu, atau bangun untuk dilihat saja dengan "
                              "--tanpa-persetujuan (tidak dapat diterbitkan).") from None
        approved = False
    check_out(site, out)
    count = build_online(site, out, approved)
    print(f"ppid build: {count} halaman dibangun ke {out}")
    if not approved:
        print(f"PERINGATAN: {UNAPPROVED_NOTICE}")
    print(f"Buka {out / 'index.html'} atau sajikan folder itu dengan server web.")
    return 0
