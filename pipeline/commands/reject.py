"""`ppid reject`: the Koordinator turns down a reviewed change, with a reason."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "tolak perubahan yang telah ditinjau (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("reject", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", required=True, help="alasan penolakan (wajib)")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key)
    page = operations.page_arg(site.root, args.page)
    return report(operations.reject(state, signer_for(args, state), page, comment=args.komentar), site)
