"""`ppid status`: every pending change, its state, who must act next and why it is stuck."""

from __future__ import annotations

import argparse
import json

from ..build.schedule import upcoming
from ..build.stage import today
from ..dates import tanggal
from ..site import Site
from ..sop.due import duty_rows, print_sop_duties, sop_duties
from ..trust.chains import NEXT_STEP, STATE_NAMES, explain
from ..trust.state import derive
from ._common import add_root_argument

HELP = "tampilkan setiap perubahan yang tertunda, statusnya, dan siapa yang harus bertindak"
KIND = {"add": "baru", "edit": "ubah", "remove": "hapus"}
UNVERIFIED = ("PERINGATAN: tidak ada kunci akar yang dipasang; status ini belum terverifikasi (registri peninjau bisa "
              "saja diubah). Pasang dengan 'ppid keys pin-root BERKAS.pub'.")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help=HELP, description=HELP)
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
    add_root_argument(parser)


def rows(state) -> list[dict]:
    found = []
    for item in state.pending:
        chain, change = item.chain, item.change
        step = NEXT_STEP[chain.state]
        author = state.registry.people.get(chain.author or "")
        found.append({
            "page": change.page, "change": change.kind, "hash": change.digest.value, "state": chain.state,
            "state_text": STATE_NAMES[chain.state], "next_role": state.policy.steps[step][0] if step else None,
            "next_roles": list(state.policy.steps[step]) if step else [],
            "next_role_text": state.policy.names(step) if step else None,
            "author": chain.author, "author_name": author.name if author else None,
            "reason": explain(chain, state.policy),
        })
    for page, why in sorted(state.unreadable.items()):
        found.append({"page": page, "change": None, "hash": None, "state": "unreadable",
                      "state_text": "tidak dapat dibaca", "next_role": "operator", "next_roles": ["operator"], "next_role_text": "Operator",
                      "author": None, "author_name": None, "reason": why})
    return sorted(found, key=lambda r: r["page"])


def _print_schedule(site: Site, state) -> None:
    """What publish_at / expire_at will change at the next publishes."""
    on = today(site)
    for item in upcoming(state.snap.content, on)[:10]:
        verb = "tayang" if item.event == "tayang" else "berakhir (hilang dari situs)"
        print(f"Terjadwal: {item.page} «{item.title}» {verb} pada {tanggal(item.day)}; terbit otomatis pada ppid publish "
              "pertama sejak tanggal itu")


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key, allow_unverified=True)
    found = rows(state)
    problems = [str(p) for p in state.log.problems]
    if args.json:
        duties, sop_problems = sop_duties(site, state)
        print(json.dumps({"verified": state.config.verified, "pending": found, "record_problems": problems,
                          "sop_duties": duty_rows(duties), "sop_problems": sop_problems}, ensure_ascii=False, indent=2))
        return 0
    if not state.config.verified:
        print(UNVERIFIED)
    if not found:
        print("Tidak ada perubahan yang tertunda.")
    _print_schedule(site, state)
    print_sop_duties(site, state)
    for row in found:
        who = f"berikutnya: {row['next_role_text']}" if row["next_role_text"] else "berikutnya: ppid promote"
        kind = KIND.get(row["change"], "draf")
        by = f", diajukan oleh {row['author_name']} ({row['author']})" if row["author"] else ""
        print(f"{row['page']} [{kind}] — {row['state_text']}{by} ({who})")
        print(f"    {row['reason']}")
    for problem in problems:
        print(f"PERINGATAN: {problem}")
    return 0
