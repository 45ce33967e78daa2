"""`ppid release`: what would go online, what changed since the last approved release, and its two signatures."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..release import approval
from ..release.inputs import collect_inputs, differences, load_inputs, save_inputs
from ..site import Site
from ..trust.chains import STATE_NAMES
from ..trust.previews import MANIFESTS
from ..trust.state import derive
from ._common import add_key_argument, add_root_argument, report, signer_for

HELP = ("rilis: tampilkan isi yang akan terbit dan perubahannya; --pratinjau (pratinjau luring), --periksa (Sub Koordinator), "
        "--setujui (Koordinator)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("release", help=HELP, description=HELP)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--pratinjau", dest="preview", action="store_true",
                        help="bangun pratinjau luring rilis ini (situs persis seperti yang akan terbit) untuk diperiksa")
    action.add_argument("--periksa", dest="check", action="store_true",
                        help="Sub Koordinator: catat bahwa situs yang diperbarui telah diperiksa luring")
    action.add_argument("--setujui", dest="approve", action="store_true",
                        help="Koordinator: setujui rilis ini untuk diterbitkan")
    verdict = parser.add_mutually_exclusive_group()
    verdict.add_argument("--setuju", dest="ok", action="store_true", help="dengan --periksa: layak terbit")
    verdict.add_argument("--minta-perbaikan", dest="fix", action="store_true", help="dengan --periksa: perlu perbaikan")
    parser.add_argument("-m", "--komentar", default="")
    parser.add_argument("--out", type=Path, default=None, metavar="FOLDER", help="dengan --pratinjau: folder zip (bawaan: preview/)")
    add_key_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    if args.preview:
        return _preview(site, args.out)
    state = derive(site, args.root_key, allow_unverified=not (args.check or args.approve))
    if args.check:
        return report(approval.check(state, signer_for(args, state), approve=not args.fix, comment=args.komentar), site)
    if args.approve:
        return report(approval.approve(state, signer_for(args, state), comment=args.komentar), site)
    return _show(site, state)


def _preview(site: Site, out: Path | None) -> int:
    from ..release.preview import build_release_preview

    preview = build_release_preview(site, (out or site.root / "preview").resolve())
    print(f"Pratinjau rilis {preview.manifest.short}: {preview.changes} berkas ditambah, diubah atau dihapus dibanding rilis "
          "yang terakhir disetujui (semua berkas bila ini rilis pertama).")
    print(f"Zip: {preview.zip_path}")
    print("Ekstrak zip itu, lalu buka MULAI-DI-SINI.html di peramban (halaman Ringkasan Rilis memuat perubahannya).")
    print(f"Manifest: {MANIFESTS / (preview.manifest.id + '.json')} (commit bersama rekaman pemeriksaan)")
    print("Berikutnya: ppid release --periksa --setuju (Sub Koordinator), lalu ppid release --setujui (Koordinator).")
    return 0


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
    print("Langkah: ppid release --pratinjau (periksa luring) → ppid release --periksa --setuju (Sub Koordinator) → "
          "ppid release --setujui (Koordinator) → ppid publish")
    return 0
