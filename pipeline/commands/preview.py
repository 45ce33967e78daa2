"""`ppid preview`: the offline preview zip for the Sub Koordinator, optionally as PDF or served locally."""

from __future__ import annotations

import argparse
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..browser import local_browser
from ..preview.builder import build_preview
from ..trust.previews import MANIFESTS
from ..site import Site

HELP = "bangun pratinjau luring (zip) dari content/ dengan semua draf yang tertunda, untuk Sub Koordinator"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("preview", help=HELP, description=HELP)
    parser.add_argument("--out", type=Path, default=None, metavar="FOLDER", help="folder zip (bawaan: preview/)")
    parser.add_argument("--pdf", action="store_true", help="tulis juga Ringkasan Perubahan sebagai PDF untuk rapat")
    parser.add_argument("--serve", action="store_true", help="sajikan pratinjau di http://127.0.0.1 (versi daring)")
    parser.add_argument("--port", type=int, default=8001, metavar="PORT", help="port di 127.0.0.1 untuk --serve (bawaan: 8001)")


def run(args: argparse.Namespace, site: Site) -> int:
    out_dir = (args.out or site.root / "preview").resolve()
    preview = build_preview(site, out_dir)
    print(f"Pratinjau {preview.manifest.short}: {preview.changes} perubahan tertunda"
          f"{' (bangun ulang cepat)' if preview.warm else ''}.")
    print(f"Zip: {preview.zip_path}")
    print("Ekstrak zip itu, lalu buka MULAI-DI-SINI.html di peramban; tidak perlu jaringan.")
    print(f"Manifest: {MANIFESTS / (preview.manifest.id + '.json')} (commit bersama rekaman tinjauan)")
    if args.pdf:
        pdf = preview.zip_path.with_suffix(".pdf")
        print_summary(preview.site_dir / "ringkasan-perubahan.html", pdf)
        print(f"PDF Ringkasan Perubahan: {pdf}")
    if args.serve:
        serve(preview.site_dir, args.port)
    return 0


def print_summary(page: Path, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    with local_browser() as context:
        tab = context.new_page()
        tab.goto(page.as_uri(), wait_until="load")
        tab.pdf(path=str(tmp), format="A4", print_background=True)
    tmp.replace(target)


def serve(root: Path, port: int) -> None:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Pratinjau daring: http://127.0.0.1:{server.server_address[1]}/ringkasan-perubahan.html (Ctrl-C untuk berhenti)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
