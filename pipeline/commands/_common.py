"""Argument and output helpers shared by the commands that sign decisions."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..identity import Signer, load_signer
from ..state import SiteState


def add_key_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", type=Path, default=None,
                        help="berkas kunci privat (bawaan: $PPID_KEY, atau satu-satunya kunci di ~/.config/ppid/keys/)")


def signer_for(args: argparse.Namespace, state: SiteState) -> Signer:
    return load_signer(state.registry, args.key)


def done(path: Path, state: SiteState, what: str) -> None:
    print(f"{what}. Rekaman: {state.site.rel(path)}")
    print("Commit rekaman itu bersama perubahan agar tercatat di riwayat git.")
