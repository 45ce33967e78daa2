"""The online build: content/ only, staged, built by the backend, swapped into place only when complete."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..checks.served import refuse_unrenderable, refuse_unsafe_output
from ..errors import BuildError, PpidError
from ..site import Site
from ..view import build_view
from .mkdocs_backend import run_build, write_config
from .stage import stage, write_tree

MARKER = ".ppid-build"
UNAPPROVED_MARKER = ".ppid-tidak-disetujui"
UNAPPROVED_NOTICE = ("BUKAN BUILD YANG DISETUJUI — situs ini dibangun dari isi yang belum (seluruhnya) disetujui "
                     "Koordinator dan tidak boleh diterbitkan; ppid publish menolaknya.")


def check_out(site: Site, out: Path) -> None:
    """Refuse to replace anything but an earlier build: `--out .` or `--out content` would wipe the site."""
    root = site.root.resolve()
    if out == root or root.is_relative_to(out) or (out.is_relative_to(root) and out.relative_to(root).parts[0] != "site"):
        raise PpidError(f"{out}: folder hasil tidak boleh folder situs, folder di atasnya, atau folder di dalamnya "
                        "selain site/; pilih folder lain dengan --out")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise PpidError(f"{out}: sudah ada dan bukan hasil 'ppid build' sebelumnya; pilih folder kosong atau folder baru")


def build_online(site: Site, out: Path, approved: bool = True) -> int:
    """Build content/ into `out`, replacing it only once the new build is complete. A build not passed by the
    gate says so on every page and carries a marker that publishing refuses."""
    view = build_view(site, ["content"])
    staged = stage(site, view, directory_urls=True)
    work = site.work_dir / "stage" / "online"
    write_tree(staged, work / "docs")
    fresh = out.with_name(out.name + ".baru")
    shutil.rmtree(fresh, ignore_errors=True)
    overrides = {} if approved else {"copyright": UNAPPROVED_NOTICE}
    config = write_config(site, work / "docs", fresh, staged.nav, overrides)
    try:
        run_build(config)
    except BuildError:  # name the pages the engine cannot render (rendering them costs nothing on success)
        refuse_unrenderable(site, staged.pages, "Build")
        raise
    refuse_unsafe_output(site, fresh, "Build")
    (fresh / MARKER).write_text("Dibangun oleh ppid build; folder ini diganti utuh pada build berikutnya.\n", encoding="utf-8")
    if not approved:
        (fresh / UNAPPROVED_MARKER).write_text(UNAPPROVED_NOTICE + "\n", encoding="utf-8")
    _swap(fresh, out)
    return len(staged.pages)


def _swap(fresh: Path, out: Path) -> None:
    old = out.with_name(out.name + ".lama")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(fresh, out)
    shutil.rmtree(old, ignore_errors=True)
