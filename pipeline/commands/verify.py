"""`ppid verify`: every page in content/ carries a valid, complete chain of approvals for its current bytes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..registry import ROOT_ENV, pinned_root_keys, verify_registry
from ..errors import PpidError
from ..signing import SignatureError
from ..site import Site
from ..state import derive

HELP = "verifikasi bahwa setiap halaman di content/ disetujui tepat seperti isinya sekarang"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify", help=HELP, description=HELP)
    parser.add_argument("--root-key", type=Path, default=None,
                        help=f"berkas kunci publik akar yang dipercaya (bawaan: ${ROOT_ENV})")


def registry_status(site: Site, state, root_key: Path | None) -> tuple[bool, str]:
    """(trusted, message) about the reviewer registry itself."""
    keys = pinned_root_keys(root_key)
    if keys is None:
        return False, (f"PERINGATAN: registri peninjau (site_config/reviewers.yml) BELUM terverifikasi: tidak ada kunci "
                       f"akar yang dipasang (--root-key atau ${ROOT_ENV}). Siapa pun yang dapat meng-commit bisa "
                       "menambahkan dirinya sebagai peninjau; penerbitan akan menolak berjalan tanpa kunci akar.")
    try:
        verify_registry(site.root, state.registry, keys)
    except SignatureError as exc:
        return False, f"GAGAL: {exc}"
    return True, "Registri peninjau ditandatangani kunci akar yang dipasang."


def run(args: argparse.Namespace, site: Site) -> int:
    if not site.content_dir.is_dir():
        raise PpidError("folder content/ tidak ada: tidak ada yang dapat diverifikasi")
    state = derive(site)
    trusted, message = registry_status(site, state, args.root_key)
    pinned = pinned_root_keys(args.root_key) is not None
    failures = [f"content/{page}: {why}" for page, why in state.content_problems()]
    failures += [f"{problem}" for problem in state.records.problems]
    if pinned and not trusted:
        failures.insert(0, message)
    for line in failures:
        print(line)
    if trusted or not pinned:
        print(message)
    count = len(state.snap.content_digests)
    if failures:
        print(f"ppid verify: {len(failures)} kegagalan; {count} halaman diperiksa.")
        return 1
    print(f"ppid verify: {count} halaman di content/ memiliki rantai persetujuan yang sah untuk isinya sekarang.")
    return 0
