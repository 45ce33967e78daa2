"""`ppid rollback [--ke RILIS]`: make a kept release live again, checked and logged like a publish."""

from __future__ import annotations

import argparse

from ..publish.deploy import rollback
from ..publish.config import target_named
from ..site import Site

HELP = "kembalikan situs online ke rilis yang disimpan (bawaan: rilis sebelum yang tayang), dicatat di log publikasi"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rollback", help=HELP, description=HELP)
    parser.add_argument("--target", default=None, metavar="NAMA",
                        help="target di site_config/deploy.yml (bawaan: satu-satunya target)")
    parser.add_argument("--ke", dest="to", default=None, metavar="RILIS",
                        help="folder rilis atau id rilis (awalannya cukup) dari 'ppid releases'")


def run(args: argparse.Namespace, site: Site) -> int:
    name = target_named(site, args.target).name
    result = rollback(site, name, args.to)
    print(result.message)
    if result.changed:
        print("Log publikasi diperbarui: commit records/publikasi/ agar tercatat di riwayat git.")
    return 0
