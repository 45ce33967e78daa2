"""`ppid withdraw`: emergency takedown of a published page by the Koordinator alone."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "tarik halaman dari content/ seketika (darurat, misalnya data pribadi terbit tanpa sengaja; Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("withdraw", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", required=True, help="alasan penarikan (wajib)")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key)
    page = operations.page_arg(site.root, args.page)
    return report(operations.withdraw(state, signer_for(args, state), page, comment=args.komentar), site)
