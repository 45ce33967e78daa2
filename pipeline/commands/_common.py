"""Argument and output helpers shared by the commands that sign decisions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..site import Site
from ..trust.root import ROOT_ENV

if TYPE_CHECKING:  # `ppid verify` and `status` start without the signing operations and the checks
    from ..trust.identity import Signer
    from ..trust.operations import Outcome
    from ..trust.state import SiteState


def add_key_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", type=Path, default=None, metavar="BERKAS_KUNCI",
                        help="berkas kunci privat (bawaan: $PPID_KEY, atau satu-satunya kunci di ~/.config/ppid/keys/)")


def add_root_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root-key", type=Path, default=None, metavar="BERKAS_KUNCI_AKAR",
                        help=f"kunci publik akar yang dipercaya (bawaan: ${ROOT_ENV}, atau yang dipasang dengan "
                             "'ppid keys pin-root')")


def signer_for(args: argparse.Namespace, state: SiteState) -> Signer:
    from ..trust.identity import load_signer

    return load_signer(state.registry, args.key)


def report(outcome: Outcome, site: Site) -> int:
    print(f"{outcome.summary}. Rekaman: {site.rel(outcome.record)}")
    for note in outcome.notes:
        print(note)
    print("Commit rekaman itu bersama perubahan agar tercatat di riwayat git.")
    return 0
