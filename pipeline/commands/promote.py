"""`ppid promote`: move every fully approved change into content/, all at once or not at all."""

from __future__ import annotations

import argparse

from ..site import Site
from ..trust import operations
from ..trust.state import derive
from ._common import add_root_argument

HELP = "pindahkan semua perubahan yang telah disetujui lengkap ke content/"
VERBS = {"add": "ditambahkan", "edit": "diperbarui", "remove": "dihapus"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    add_root_argument(sub.add_parser("promote", help=HELP, description=HELP))


def run(args: argparse.Namespace, site: Site) -> int:
    result = operations.promote(derive(site, args.root_key))
    for page, reasons in result.held.items():
        print(f"{page}: DITAHAN — {len(reasons)} hal:")
        for reason in reasons:
            print(f"    {reason}")
    if not result.promoted:
        print(f"Tidak ada perubahan yang siap dipromosikan ({len(result.waiting)} masih menunggu; lihat 'ppid status').")
        return 1 if result.held else 0
    for item in result.promoted:
        print(f"{item.change.page}: {VERBS[item.change.kind]}")
    held = f", {len(result.held)} ditahan karena temuan" if result.held else ""
    print(f"ppid promote: {len(result.promoted)} perubahan masuk ke content/; {len(result.waiting)} masih menunggu{held}. "
          "Commit hasilnya, lalu terbitkan.")
    return 1 if result.held else 0
