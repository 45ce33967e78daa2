"""What the SOP record commands share: the trusted registry and policy, the signer, where printed files go."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..site import Site
from ..sop.html import PRINT_DIR, print_folder
from ..trust.identity import Signer, load_signer
from ..trust.registry import Policy, Registry
from ..trust.root import trusted_config
from ._common import add_key_argument, add_root_argument



def add_signing_arguments(parser: argparse.ArgumentParser) -> None:
    add_key_argument(parser)
    add_root_argument(parser)


def add_out_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=None, metavar="FOLDER",
                        help=f"folder hasil HTML dan PDF (bawaan: {PRINT_DIR}/ di folder situs)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="tulis HTML saja, tanpa mencetak PDF dengan Chromium")


def trusted(args: argparse.Namespace, site: Site) -> tuple[Registry, Policy]:
    """The root-verified registry and policy: records are only signed and checked against them."""
    config = trusted_config(site.root, getattr(args, "root_key", None))
    return config.registry, config.policy


def signer(args: argparse.Namespace, registry: Registry) -> Signer:
    return load_signer(registry, args.key)


def out_dir(args: argparse.Namespace, site: Site) -> Path:
    return print_folder(site.root, args.out)


def print_written(html_path: Path, pdf_path: Path | None) -> None:
    print(f"HTML: {html_path}")
    if pdf_path:
        print(f"PDF: {pdf_path}")


def print_problems(problems: list[str]) -> int:
    """Every record that was not counted, as a warning; the exit code says whether there was one."""
    for problem in problems:
        print(f"PERINGATAN: {problem}")
    return 1 if problems else 0
