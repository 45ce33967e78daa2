"""`ppid publish`: gate → build → release folder → switch → check what is served → publication log."""

from __future__ import annotations

import argparse

from ..release.publishing import publish
from ..site import Site
from ._common import add_root_argument

HELP = "terbitkan rilis yang disetujui Koordinator ke target di site_config/deploy.yml (aman dijalankan berkala)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("publish", help=HELP, description=HELP)
    parser.add_argument("--target", default=None, metavar="NAMA",
                        help="target di site_config/deploy.yml (bawaan: satu-satunya target)")
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    result = publish(site, args.target, args.root_key)
    print(result.message)
    if result.changed:
        print("Log publikasi diperbarui: commit records/publikasi/ agar tercatat di riwayat git.")
    return 0
