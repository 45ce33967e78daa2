"""`ppid reject`: the Koordinator turns down a reviewed change, with a reason."""

from __future__ import annotations

import argparse

from ..site import Site
from ._common import add_key_argument
from .approve import decide

HELP = "tolak perubahan yang telah ditinjau (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("reject", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", required=True, help="alasan penolakan (wajib)")
    add_key_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    return decide(args, site, approve=False)
