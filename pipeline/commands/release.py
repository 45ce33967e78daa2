"""`ppid release`: what would go online, what changed since the last approved release, and its two signatures."""

from __future__ import annotations

import argparse

from ..release import approval
from ..release.inputs import collect_inputs, differences, load_inputs, save_inputs
from ..site import Site
from ..trust.chains import STATE_NAMES
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = "rilis: tampilkan isi yang akan terbit dan perubahannya; --periksa (Sub Koordinator), --setujui (Koordinator)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("release", help=HELP, description=HELP)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--periksa", dest="check", action="store_true",
                        help="Sub Koordinator: catat bahwa situs yang diperbarui telah diperiksa luring")
    action.add_argument("--setujui", dest="approve", action="store_true",
                        help="Koordinator: setujui rilis ini untuk diterbitkan")
    verdict = parser.add_mutually_exclusive_group()
    verdict.add_argument("--setuju", dest="ok", action="store_true", help="dengan --periksa: layak terbit")
    verdict.add_argument("--minta-perbaikan", dest="fix", action="store_true", help="dengan --periksa: perlu perbaikan")
    parser.add_argument("-m", "--komentar", default="")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site, args.root_key, allow_unverified=not (args.check or args.approve))
    if args.check:
        return report(approval.check(state, signer_for(args, state), approve=not args.fix, comment=args.komentar), site)
    if args.approve:
        return report(approval.approve(state, signer_for(args, state), comment=args.komentar), site)
    return _show(site, state)


def _show(site: Site, state) -> int:
    inputs = collect_inputs(site)
    save_inputs(site, inputs)
    latest = approval.latest_approved(state)
    chain = approval.release_chain(state, inputs)
    print(f"Rilis {inputs.short} ({len(inputs.files)} berkas masukan): {STATE_NAMES[chain.state]}")
    print(f"  id lengkap: {inputs.id}")
    if latest is None:
        print("Belum ada rilis yang disetujui sebelumnya; semua berkas baru.")
    elif latest.digest == inputs.id:
        print("Sama dengan rilis yang terakhir disetujui.")
    else:
        old = load_inputs(site, latest.digest)
        print(f"Perubahan sejak rilis yang terakhir disetujui ({latest.digest.removeprefix('sha256:')[:12]}):")
        for path, what in differences(old, inputs):
            print(f"  {what:10} {path}")
    print("Langkah: ppid preview (periksa luring) → ppid release --periksa --setuju (Sub Koordinator) → "
          "ppid release --setujui (Koordinator) → ppid publish")
    return 0
