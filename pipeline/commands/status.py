"""`ppid status`: every pending change, its state, who must act next and why it is stuck."""

from __future__ import annotations

import argparse
import json

from ..site import Site
from ..state import derive
from ..workflow import NEXT_ROLE, STATE_NAMES, explain

HELP = "tampilkan setiap perubahan yang tertunda, statusnya, dan siapa yang harus bertindak"
KIND = {"add": "baru", "edit": "ubah", "remove": "hapus"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help=HELP, description=HELP)
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    rows = []
    for item in state.pending:
        chain, change = item.chain, item.change
        role = NEXT_ROLE[chain.state]
        rows.append({
            "page": change.page, "change": change.kind, "hash": change.digest.value, "state": chain.state,
            "state_text": STATE_NAMES[chain.state], "next_role": role,
            "next_role_text": state.policy.role_name(role) if role else None,
            "author": chain.author, "reason": explain(chain, state.policy),
        })
    if args.json:
        print(json.dumps({"pending": rows, "record_problems": state.records.problems}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Tidak ada perubahan yang tertunda.")
    for row in rows:
        who = f"berikutnya: {row['next_role_text']}" if row["next_role"] else "berikutnya: ppid promote"
        print(f"{row['page']} [{KIND[row['change']]}] — {row['state_text']} ({who})")
        print(f"    {row['reason']}")
    for problem in state.records.problems:
        print(f"PERINGATAN: {problem}")
    return 0
