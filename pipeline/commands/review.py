"""`ppid review`: the Sub Koordinator's decision on a submitted change, after the offline preview."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "tinjau perubahan yang diajukan (Sub Koordinator): --setuju atau --minta-perbaikan"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    choice = parser.add_mutually_exclusive_group(required=True)
    choice.add_argument("--setuju", dest="approve", action="store_true", help="isi layak diteruskan ke Koordinator")
    choice.add_argument("--minta-perbaikan", dest="request", action="store_true", help="kembalikan ke operator")
    parser.add_argument("-m", "--komentar", default="", help="catatan (wajib bila meminta perbaikan)")
    parser.add_argument("--pratinjau", dest="preview", default=None, metavar="ID_PRATINJAU",
                        help="id pratinjau yang diperiksa (bawaan: pratinjau terbaru yang memuat isi ini)")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key)
    page = operations.page_arg(site.root, args.page)
    outcome = operations.review(state, signer_for(args, state), page, approve=args.approve, comment=args.komentar,
                                preview_id=args.preview)
    return report(outcome, site)
