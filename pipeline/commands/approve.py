"""`ppid approve`: the Koordinator's decision, the last before anything goes online."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "setujui perubahan yang telah ditinjau (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("approve", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", default="")
    parser.add_argument("--terima-temuan", dest="accept", action="append", default=[], metavar="ID",
                        help="terima satu temuan pemeriksaan (id dari ppid check), boleh diulang")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key)
    page = operations.page_arg(site.root, args.page)
    outcome = operations.approve(state, signer_for(args, state), page, accept=args.accept, comment=args.komentar)
    return report(outcome, site)
