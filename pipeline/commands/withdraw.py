"""`ppid withdraw`: emergency takedown of a published page by the Koordinator alone."""

from __future__ import annotations

import argparse

from ..decisions import DecisionError, page_arg, record, require_role
from ..promotion import Plan, apply
from ..site import Site
from ..state import derive
from ._common import add_key_argument, done, signer_for
from .promote import _orphans

HELP = "tarik halaman dari content/ seketika (darurat, misalnya data pribadi terbit tanpa sengaja; Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("withdraw", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", required=True, help="alasan penarikan (wajib)")
    add_key_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    page = page_arg(site.root, args.page)
    if not args.komentar.strip():
        raise DecisionError("tuliskan alasan penarikan dengan -m \"...\" (wajib untuk penarikan darurat)")
    current = state.snap.content_digests.get(page)
    if current is None:
        raise DecisionError(f"{page}: tidak ada di content/")
    signer = signer_for(args, state)
    role = require_role(signer, state, "withdraw")
    path = record(state, signer, page, "withdraw", current.value, "withdraw", "withdrawn", role, args.komentar,
                  emergency=True)
    apply(site.content_dir, site.drafts_dir, Plan(delete={page} | _orphans(state, {page})), site.work_dir)
    site.forget()
    done(path, state, f"DITARIK (darurat): {page} dihapus dari content/")
    print("Bangun dan terbitkan ulang situs sekarang agar halaman itu hilang dari situs online.")
    return 0
