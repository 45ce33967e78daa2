"""`ppid build`: the online site, built from approved content/ only."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from ..build.mkdocs_backend import run_build, write_config
from ..build.stage import stage, write_tree
from ..errors import CheckFailed
from ..site import Site
from ..view import build_view
from .check import collect

HELP = "bangun situs online dari content/ (hanya konten yang telah disetujui)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("build", help=HELP, description=HELP)
    parser.add_argument("--out", type=Path, default=None, help="folder hasil (bawaan: site/)")


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
    report = collect(site)
    content_problems = [p for p in report.problems if p.path.startswith("content/")] + report.blocking("content/")
    if content_problems:
        for problem in content_problems:
            print(problem)
        raise CheckFailed(f"{len(content_problems)} masalah di content/; situs tidak dibangun. Perbaiki dulu (lihat ppid check).")
    out = (args.out or site.root / "site").resolve()
    count = build_online(site, out)
    print(f"ppid build: {count} halaman dibangun ke {out}")
    print(f"Buka {out / 'index.html'} atau sajikan folder itu dengan server web.")
    return 0
