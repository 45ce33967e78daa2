"""`ppid review`: the Sub Koordinator's decision on a submitted change, after the offline preview."""

from __future__ import annotations

import argparse

from ..preview.manifest import MANIFESTS, Manifest, load, newest_showing
from ..decisions import DecisionError, page_arg, prepare, record
from ..site import Site
from ..state import derive
from ._common import add_key_argument, done, signer_for

HELP = "tinjau perubahan yang diajukan (Sub Koordinator): --setuju atau --minta-perbaikan"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help=HELP, description=HELP)
    parser.add_argument("page", metavar="HALAMAN")
    choice = parser.add_mutually_exclusive_group(required=True)
    choice.add_argument("--setuju", "--approve", dest="approve", action="store_true", help="isi layak diteruskan ke Koordinator")
    choice.add_argument("--minta-perbaikan", "--request-changes", dest="request", action="store_true", help="kembalikan ke operator")
    parser.add_argument("-m", "--komentar", default="", help="catatan (wajib bila meminta perbaikan)")
    parser.add_argument("--pratinjau", "--preview", dest="preview", default=None,
                        help="id pratinjau yang diperiksa (bawaan: pratinjau terbaru yang memuat isi ini)")
    add_key_argument(parser)


def _preview(site: Site, page: str, digest: str, wanted: str | None) -> Manifest:
    """The preview the reviewer opened: it must show exactly the bytes being reviewed."""
    if wanted:
        if not wanted.isalnum() or not all(c in "0123456789abcdef" for c in wanted.lower()):
            raise DecisionError(f"id pratinjau '{wanted}' tidak sah: tulis awal id heksadesimal yang dicetak 'ppid preview'")
        wanted = wanted.lower()
        matches = sorted((site.root / MANIFESTS).glob(f"{wanted}*.json"))
        manifest = load(site.root, matches[0].stem) if len(matches) == 1 else None
        if manifest is None:
            raise DecisionError(f"pratinjau '{wanted}' tidak ditemukan (atau tidak unik) di {MANIFESTS}/")
        if not manifest.shows(page, digest):
            raise DecisionError(f"pratinjau {manifest.short} tidak memuat isi {page} yang sekarang; buat pratinjau baru (ppid preview)")
        return manifest
    manifest = newest_showing(site.root, page, digest)
    if manifest is None:
        raise DecisionError(f"{page}: belum ada pratinjau yang memuat isi ini; jalankan 'ppid preview', periksa zip-nya, "
                            "lalu tinjau")
    return manifest


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    decision = prepare(state, page_arg(site.root, args.page), signer_for(args, state), "review", "submitted", "ditinjau")
    change = decision.item.change
    if args.request and not args.komentar.strip():
        raise DecisionError("tuliskan apa yang perlu diperbaiki dengan -m \"...\"")
    preview = _preview(site, change.page, change.digest.value, args.preview)
    verdict = "approved" if args.approve else "changes_requested"
    path = record(state, decision.signer, change.page, change.kind, change.digest.value, "review", verdict,
                  decision.role, args.komentar, preview=preview.id)
    done(path, state, f"Ditinjau: {change.page} — {'setuju' if args.approve else 'perlu perbaikan'} "
                      f"(pratinjau {preview.short})")
    return 0
