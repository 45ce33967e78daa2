"""`ppid build`: the online site, built from approved content/ only."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from ..build.mkdocs_backend import run_build, write_config
from ..build.stage import stage, write_tree
from ..checks.served import refuse_unsafe_output
from ..errors import CheckFailed, PpidError
from ..site import Site
from ..view import build_view
from .check import collect

HELP = "bangun situs online dari content/ (hanya konten yang telah disetujui)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("build", help=HELP, description=HELP)
    parser.add_argument("--out", type=Path, default=None, help="folder hasil (bawaan: site/)")


MARKER = ".ppid-build"


def check_out(site: Site, out: Path) -> None:
    """Refuse to replace anything but an earlier build: `--out .` or `--out content` would wipe the site."""
    root = site.root.resolve()
    if out == root or root.is_relative_to(out) or (out.is_relative_to(root) and out.relative_to(root).parts[0] != "site"):
        raise PpidError(f"{out}: folder hasil tidak boleh folder situs, folder di atasnya, atau folder di dalamnya "
                        "selain site/; pilih folder lain dengan --out")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise PpidError(f"{out}: sudah ada dan bukan hasil 'ppid build' sebelumnya; pilih folder kosong atau folder baru")


def build_online(site: Site, out: Path) -> int:
    """Build content/ into `out`, replacing it only once the new build is complete."""
    view = build_view(site, ["content"])
    staged = stage(site, view, directory_urls=True)
    work = site.work_dir / "stage" / "online"
    write_tree(staged, work / "docs")
    fresh = out.with_name(out.name + ".baru")
    shutil.rmtree(fresh, ignore_errors=True)
    config = write_config(site, work / "docs", fresh, staged.nav, {})
    run_build(config)
    refuse_unsafe_output(site, fresh, "Build")
    (fresh / MARKER).write_text("Dibangun oleh ppid build; folder ini diganti utuh pada build berikutnya.\n", encoding="utf-8")
    _swap(fresh, out)
    return len(staged.pages)


def _swap(fresh: Path, out: Path) -> None:
    old = out.with_name(out.name + ".lama")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(fresh, out)
    shutil.rmtree(old, ignore_errors=True)


def run(args: argparse.Namespace, site: Site) -> int:
    if not site.content_dir.is_dir():
        raise PpidError("folder content/ tidak ada; situs tidak dibangun (situs kosong akan mengosongkan situs online)")
    report = collect(site)
    content_problems = [p for p in report.problems if p.path.startswith("content/")] + report.blocking("content/")
    if content_problems:
        for problem in content_problems:
            print(problem)
        raise CheckFailed(f"{len(content_problems)} masalah di content/; situs tidak dibangun. Perbaiki dulu (lihat ppid check).")
    out = (args.out or site.root / "site").resolve()
    check_out(site, out)
    count = build_online(site, out)
    print(f"ppid build: {count} halaman dibangun ke {out}")
    print(f"Buka {out / 'index.html'} atau sajikan folder itu dengan server web.")
    return 0
