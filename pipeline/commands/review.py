"""`ppid review`: the Sub Koordinator's decision on a submitted change, after the offline preview."""

from __future__ import annotations

import argparse

from ..decisions import DecisionError, find_pending, page_arg, record, require_role
from ..site import Site
from ..state import derive
from ._common import add_key_argument, done, signer_for

HELP = "tinjau perubahan yang diajukan (Sub Koordinator): --setuju atau --minta-perbaikan"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    choice = parser.add_mutually_exclusive_group(required=True)
    choice.add_argument("--setuju", "--approve", dest="approve", action="store_true", help="isi layak diteruskan ke Koordinator")
    choice.add_argument("--minta-perbaikan", "--request-changes", dest="request", action="store_true", help="kembalikan ke operator")
    parser.add_argument("-m", "--komentar", default="", help="catatan (wajib bila meminta perbaikan)")
    add_key_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    pending = find_pending(state, page_arg(site.root, args.page))
    signer = signer_for(args, state)
    role = require_role(signer, state, "review")
    chain, change = pending.chain, pending.change
    if chain.state != "submitted":
        raise DecisionError(f"{change.page}: tidak menunggu tinjauan (status: {chain.state}); lihat 'ppid status'")
    if signer.person.id == chain.author:
        raise DecisionError(f"{change.page}: Anda ({signer.person.id}) mengajukan perubahan ini; pengaju tidak boleh meninjaunya")
    if args.request and not args.komentar.strip():
        raise DecisionError("tuliskan apa yang perlu diperbaiki dengan -m \"...\"")
    decision = "approved" if args.approve else "changes_requested"
    path = record(state, signer, change.page, change.kind, change.digest.value, "review", decision, role, args.komentar)
    done(path, state, f"Ditinjau: {change.page} — {'setuju' if args.approve else 'perlu perbaikan'}")
    return 0
