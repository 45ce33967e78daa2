"""`ppid verify-site URL`: check that a served PPID site is exactly the release the Koordinator signed."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..publish.verify_site import report_json, verify_site
from ..errors import PpidError
from ..trust.root import pinned_root_keys
from ..site import Site

HELP = "periksa situs yang disajikan di URL: setiap berkas, tanda tangan rilis, log publikasi, berkas sisipan"
NEEDS_SITE = False  # anyone may verify a site from anywhere: no site folder needed


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify-site", help=HELP, description=HELP)
    parser.add_argument("url", metavar="URL", help="alamat situs, mis. https://ppid.contoh.go.id/")
    parser.add_argument("--root-key", type=Path, default=None, metavar="BERKAS",
                        help="kunci publik akar (juga $PPID_ROOT_KEYS): cocokkan penanda tangan dengan registri")
    parser.add_argument("--log", type=Path, default=None, metavar="BERKAS",
                        help="salinan tepercaya log publikasi (records/publikasi/TARGET.jsonl dari repositori situs)")
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")


def run(args: argparse.Namespace, site: Site | None) -> int:
    trusted = _read_log(args.log) if args.log else None
    report = verify_site(args.url, pinned_root_keys(args.root_key), trusted)
    if args.json:
        print(report_json(report))
        return 1 if report.problems else 0
    for line in report.checked:
        print(f"  ok   {line}")
    for line in report.problems:
        print(f"  SALAH {line}")
    for line in report.limits:
        print(f"  batas {line}")
    if report.problems:
        print(f"ppid verify-site: {len(report.problems)} masalah: yang disajikan di {report.url} BUKAN tepat "
              "rilis yang disetujui.")
        return 1
    print(f"ppid verify-site: yang disajikan di {report.url} sama dengan rilis yang ditandatangani Koordinator.")
    return 0


def _read_log(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PpidError(f"{path}: log publikasi tidak dapat dibaca ({exc.strerror or exc})") from None
