"""`ppid releases`: the release folders a deploy target keeps, the live one marked, who approved each and when."""

from __future__ import annotations

import argparse

from ..publish.deploy import list_releases
from ..publish.history import indonesian_time
from ..site import Site

HELP = "tampilkan rilis yang disimpan di target penerbitan (yang tayang ditandai), penyetuju, dan waktunya"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("releases", help=HELP, description=HELP)
    parser.add_argument("--target", default=None, metavar="NAMA",
                        help="target di site_config/deploy.yml (bawaan: satu-satunya target)")


def run(args: argparse.Namespace, site: Site) -> int:
    kept = list_releases(site, args.target)
    if not kept:
        print("Belum ada rilis di target ini.")
        return 0
    for release in reversed(kept):
        mark = "* tayang" if release.live else "        "
        when = indonesian_time(release.approved_at, site.timezone)
        print(f"{mark}  {release.folder}  rilis {release.release_id.split(':')[-1][:12]}  "
              f"disetujui {release.approver_name} ({release.approver}), {when}")
    print("Kembali ke rilis lain: ppid rollback --ke FOLDER_ATAU_RILIS")
    return 0
