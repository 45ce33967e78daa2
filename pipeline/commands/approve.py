"""`ppid approve` / `ppid reject`: the Koordinator's decision, the last before anything goes online."""

from __future__ import annotations

import argparse

from ..decisions import DecisionError, find_pending, page_arg, record, require_role
from ..site import Site
from ..state import derive
from ._common import add_key_argument, done, signer_for

HELP = "setujui perubahan yang telah ditinjau (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("approve", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", default="")
    add_key_argument(parser)


def decide(args: argparse.Namespace, site: Site, approve: bool) -> int:
    state = derive(site)
    pending = find_pending(state, page_arg(site.root, args.page))
    signer = signer_for(args, state)
    role = require_role(signer, state, "approve")
    chain, change = pending.chain, pending.change
    if chain.state != "reviewed":
        raise DecisionError(f"{change.page}: belum siap disetujui (status: {chain.state}); lihat 'ppid status'")
    if signer.person.id == chain.author:
        raise DecisionError(f"{change.page}: Anda ({signer.person.id}) mengajukan perubahan ini; pengaju tidak boleh menyetujuinya")
    if chain.review and signer.person.id == chain.review.reviewer:
        raise DecisionError(f"{change.page}: Anda sudah meninjau perubahan ini; penyetuju harus orang lain")
    decision = "approved" if approve else "rejected"
    path = record(state, signer, change.page, change.kind, change.digest.value, "approve", decision, role, args.komentar)
    done(path, state, f"{'Disetujui' if approve else 'Ditolak'}: {change.page}")
    if approve:
        print("Jalankan 'ppid promote' untuk memindahkan perubahan yang disetujui ke content/.")
    return 0


def run(args: argparse.Namespace, site: Site) -> int:
    return decide(args, site, approve=True)

