"""Scan benchmark: every security and privacy check over a synthetic set of pages and PDFs, cold (empty
cache) and warm (nothing changed), against `sha256sum` of the same bytes.

The set: Markdown pages of Indonesian text and PDFs of several pages with text and embedded JPEG
photos (the bytes of a real PPID site are mostly scanned or photographed documents). A few distinct PDFs
are generated and copied with a unique trailer, so every file has its own hash and is scanned cold.
Targets: warm run <= 5% of cold.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import shutil
import subprocess
from pathlib import Path

from pipeline.scan import Scanner
from pipeline.site import Site
from pipeline.view import build_view

from .common import Options, Result, Target, Timer
from .synth import make_site

NAME = "scan"
DEFAULT_MB = int(os.environ.get("PPID_BENCH_SCAN_MB", "1024"))
PAGES = 1000
BASE_PDFS = 12
TARGET_WARM = 0.05


def _photo(rng: random.Random, side: int) -> bytes:
    from PIL import Image

    image = Image.effect_noise((side, side), 64 + rng.random() * 64).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def _base_pdf(rng: random.Random, index: int, photos: list[bytes]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_font("Helvetica", size=10)
    for page in range(4):
        pdf.add_page()
        pdf.multi_cell(0, 5, (f"Laporan kegiatan {index}-{page}. Rapat koordinasi dinas membahas anggaran "
                              f"Rp {rng.randint(1, 900)}.{rng.randint(100, 999)}.000 dan program kerja. ") * 12)
        pdf.image(io.BytesIO(photos[(index + page) % len(photos)]), x=20, y=120, w=160)
    return bytes(pdf.output())


def make_set(root: Path, megabytes: int, seed: int) -> tuple[int, int]:
    """Content for the scan: pages from the site generator, then PDFs up to `megabytes` in all."""
    make_site(root, PAGES, seed)
    rng = random.Random(seed)
    photos = [_photo(rng, 900) for _ in range(4)]
    bases = [_base_pdf(rng, i, photos) for i in range(BASE_PDFS)]
    files = root / "content" / "files"
    files.mkdir(parents=True, exist_ok=True)
    total = sum(p.stat().st_size for p in (root / "content").rglob("*") if p.is_file())
    count = 0
    while total < megabytes * 1024 * 1024:
        data = bases[count % BASE_PDFS] + f"\n% salinan {count}\n".encode()
        (files / f"dokumen-{count:05d}.pdf").write_bytes(data)
        total += len(data)
        count += 1
    return count, total


def _scan_all(site: Site) -> int:
    scanner = Scanner(site)
    view = build_view(site, ["content"])
    found = 0
    for page in view.pages.values():
        found += len(scanner.page(page))
    for rel, path in view.assets.items():
        found += len(scanner.file(f"content/{rel}", path))
    return found


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    root = work / "situs"
    megabytes = DEFAULT_MB if max(options.sizes) >= 5000 else min(DEFAULT_MB, 256)
    shutil.rmtree(root, ignore_errors=True)
    count, total = make_set(root, megabytes, options.seed)
    site = Site(root)
    files = [str(p) for p in sorted((root / "content").rglob("*")) if p.is_file()]
    with Timer() as digest:
        subprocess.run(["xargs", "-0", "sha256sum"], input="\0".join(files).encode(), capture_output=True, check=True)
    with Timer() as cold:
        found = _scan_all(site)
    with Timer() as warm:
        again = _scan_all(site)
    assert again == found
    mb = total / 1024 / 1024
    options.log(f"  scan {mb:.0f} MB ({PAGES} pages, {count} PDFs): sha256sum {digest.seconds:.2f} s "
                f"({mb / digest.seconds:.0f} MB/s); cold {cold.seconds:.1f} s ({mb / cold.seconds:.1f} MB/s, "
                f"x{cold.seconds / digest.seconds:.0f} sha256sum); warm {warm.seconds:.2f} s "
                f"({warm.seconds / cold.seconds:.1%} of cold); {found} findings")
    result.data.update(megabytes=mb, sha256sum=digest.seconds, cold=cold.seconds, warm=warm.seconds)
    result.targets.append(Target("scan warm run / cold run", warm.seconds / cold.seconds, TARGET_WARM))
    result.notes.append(f"cold scan {mb / cold.seconds:.1f} MB/s vs sha256sum {mb / digest.seconds:.0f} MB/s "
                        f"on {mb:.0f} MB (set PPID_BENCH_SCAN_MB to change the size)")
    return result
