"""`ppid submit`: the operator submits a draft (new page, edit) or a removal for review."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "ajukan draf (halaman baru, perubahan, atau penghapusan dengan --hapus) untuk ditinjau"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("submit", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN", help="misalnya drafts/layanan/permohonan.md")
    parser.add_argument("--hapus", action="store_true", help="ajukan penghapusan halaman dari content/")
    parser.add_argument("--dengan-temuan", dest="with_findings", action="store_true",
                        help="ajukan walau ada temuan yang memblokir (hanya Koordinator yang dapat menerimanya)")
    parser.add_argument("-m", "--komentar", default="", help="catatan untuk peninjau")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key)
    page = operations.page_arg(site.root, args.page)
    outcome = operations.submit(state, signer_for(args, state), page, remove=args.hapus, comment=args.komentar,
                                with_findings=args.with_findings)
    return report(outcome, site)
