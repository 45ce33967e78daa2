"""`ppid approve` / `ppid reject`: the Koordinator's decision, the last before anything goes online."""

from __future__ import annotations

import argparse

from ..gate import blocking, change_findings
from ..scan import Scanner
from ..decisions import DecisionError, page_arg, prepare, record
from ..site import Site
from ..state import derive
from ._common import add_key_argument, done, signer_for

HELP = "setujui perubahan yang telah ditinjau (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("approve", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    parser.add_argument("-m", "--komentar", default="")
    parser.add_argument("--terima-temuan", "--accept-finding", dest="accept", action="append", default=[],
                        metavar="ID", help="terima satu temuan pemeriksaan (id dari ppid check), boleh diulang")
    add_key_argument(parser)


def decide(args: argparse.Namespace, site: Site, approve: bool) -> int:
    state = derive(site)
    decision = prepare(state, page_arg(site.root, args.page), signer_for(args, state), "approve", "reviewed",
                       "disetujui" if approve else "ditolak")
    chain, change = decision.item.chain, decision.item.change
    if chain.review and decision.signer.person.id == chain.review.reviewer:
        raise DecisionError(f"{change.page}: Anda sudah meninjau perubahan ini; penyetuju harus orang lain")
    if not approve and not args.komentar.strip():
        raise DecisionError("tuliskan alasan penolakan dengan -m \"...\"")
    verdict = "approved" if approve else "rejected"
    accepted = _accepted(site, state, change, getattr(args, "accept", [])) if approve else []
    path = record(state, decision.signer, change.page, change.kind, change.digest.value, "approve", verdict,
                  decision.role, args.komentar, accepted_findings=accepted or None)
    done(path, state, f"{'Disetujui' if approve else 'Ditolak'}: {change.page}")
    if approve:
        print("Jalankan 'ppid promote' untuk memindahkan perubahan yang disetujui ke content/.")
    return 0


def _accepted(site: Site, state, change, wanted: list[str]) -> list[str]:
    """The findings this approval accepts: exactly those named, each one existing; nothing left blocking."""
    scanner = Scanner(site)
    findings = change_findings(scanner, state, change)
    known = {f.id: f for f in findings}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise DecisionError(f"temuan {', '.join(unknown)} tidak ada pada isi {change.page} yang sekarang; lihat 'ppid check'")
    refused = [known[i] for i in wanted if scanner.never_acceptable(known[i])]
    if refused:
        raise DecisionError(f"temuan ini tidak dapat diterima dan harus diperbaiki: {refused[0]}")
    left = blocking(findings, set(wanted), scanner)
    if left:
        listing = "\n".join(f"  {f}" for f in left)
        raise DecisionError(f"{change.page}: {len(left)} temuan pemeriksaan belum diterima:\n{listing}\n"
                            "Minta operator memperbaikinya, atau terima temuan yang memang sah dengan --terima-temuan ID.")
    return sorted(wanted)


def run(args: argparse.Namespace, site: Site) -> int:
    return decide(args, site, approve=True)

