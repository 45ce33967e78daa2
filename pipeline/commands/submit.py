"""`ppid submit`: the operator submits a draft (new page, edit) or a removal for review."""

from __future__ import annotations

import argparse

from ..changes import removal_digest
from ..decisions import DecisionError, find_pending, page_arg, record, require_role
from ..site import Site
from ..state import derive
from .check import collect
from ._common import add_key_argument, done, signer_for

HELP = "ajukan draf (halaman baru, perubahan, atau penghapusan dengan --hapus) untuk ditinjau"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("submit", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN", help="misalnya drafts/layanan/permohonan.md")
    parser.add_argument("--hapus", action="store_true", help="ajukan penghapusan halaman dari content/")
    parser.add_argument("-m", "--komentar", default="", help="catatan untuk peninjau")
    add_key_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    page = page_arg(site.root, args.page)
    signer = signer_for(args, state)
    role = require_role(signer, state, "submit")
    if args.hapus:
        current = state.snap.content_digests.get(page)
        if current is None:
            raise DecisionError(f"{page}: tidak ada di content/, jadi tidak dapat dihapus")
        if page in state.snap.drafts.pages and state.snap.drafts.origin.get(page) == "drafts":
            raise DecisionError(f"drafts/{page}: ada draf untuk halaman ini; hapus draf itu dulu sebelum mengajukan penghapusan")
        digest, change = removal_digest(current), "remove"
    else:
        pending = find_pending(state, page)
        if pending.chain.state in ("submitted", "reviewed", "approved"):
            raise DecisionError(f"{page}: isi ini sudah diajukan ({pending.chain.state}); tidak perlu diajukan lagi")
        _refuse_problems(site, page)
        digest, change = pending.change.digest, pending.change.kind
    path = record(state, signer, page, change, digest.value, "submit", "submitted", role, args.komentar)
    done(path, state, f"Diajukan: {page} ({_KIND[change]}, hash {digest.short})")
    return 0


_KIND = {"add": "halaman baru", "edit": "perubahan", "remove": "penghapusan"}


def _refuse_problems(site: Site, page: str) -> None:
    problems = [p for p in collect(site).problems if p.path in (f"drafts/{page}", f"content/{page}")]
    if problems:
        for problem in problems:
            print(problem)
        raise DecisionError(f"{page}: perbaiki {len(problems)} masalah di atas sebelum mengajukan")
