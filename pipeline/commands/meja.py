"""`ppid meja`: the local web desk (127.0.0.1 only) for operators, the Sub Koordinator and the Koordinator."""

from __future__ import annotations

import argparse
import webbrowser

from ..desk import peer
from ..desk.server import start
from ..site import Site
from ._common import add_root_argument

HELP = "buka meja kerja di peramban: antrean, draf, tinjauan, persetujuan, promosi, rilis (tanpa terminal)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("meja", help=HELP, description=HELP)
    parser.add_argument("--port", type=int, default=0, metavar="PORT", help="port di 127.0.0.1 (bawaan: port bebas)")
    parser.add_argument("--tanpa-browser", dest="no_browser", action="store_true", help="jangan membuka peramban")
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    running = start(site.root, args.port, args.root_key)
    print(f"Meja kerja PPID: {running.url}", flush=True)
    print("Hanya dapat dibuka dari komputer ini, oleh akun ini. Tekan Ctrl-C untuk berhenti.", flush=True)
    if not peer.available():
        print("Perhatian: sistem ini tidak memberi tahu pemilik sambungan (tidak ada /proc/net/tcp); akun lain di "
              "komputer ini dapat membuka meja kerja. Pakai kunci berfrasa sandi.", flush=True)
    if not args.no_browser:
        webbrowser.open(running.url)
    try:
        running.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        running.server.server_close()
    print("Meja kerja ditutup.")
    return 0
