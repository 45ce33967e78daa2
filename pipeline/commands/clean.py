"""`ppid clean BERKAS [--terapkan]`: remove metadata from an attachment, original kept until confirmed."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import cleaning
from ..checks import documents
from ..checks.findings import Finding
from ..errors import PpidError
from ..site import Site

HELP = "hapus metadata lampiran (PDF, JPEG, PNG, DOCX, XLSX, PPTX): buat salinan bersih, lalu --terapkan"
DESCRIPTION = (
    "Tanpa --terapkan: tulis salinan bersih di samping berkas (laporan.pdf -> laporan.bersih.pdf) dan "
    "tampilkan apa yang dihapus; berkas asli tidak diubah. Dengan --terapkan: ganti berkas asli dengan "
    "salinan bersih yang sudah Anda periksa."
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("clean", help=HELP, description=DESCRIPTION)
    parser.add_argument("file", type=Path, metavar="BERKAS", help="lampiran yang akan dibersihkan")
    parser.add_argument("--terapkan", dest="apply", action="store_true",
                        help="ganti berkas asli dengan salinan bersih yang sudah diperiksa")


def run(args: argparse.Namespace, site: Site) -> int:
    path: Path = args.file
    if not path.exists() and not path.is_absolute() and (site.root / path).exists():
        path = site.root / path  # given relative to the site root while working elsewhere
    typed = str(args.file)
    shown = site.rel(path) if path.exists() else typed
    if path.exists() and path.resolve().is_relative_to(site.content_dir.resolve()):
        draft = "drafts/" + shown.removeprefix("content/")
        raise PpidError(f"{shown} sudah disetujui dan tayang; berkas di content/ tidak diubah langsung. Salin ke drafts/ "
                        f"(mkdir -p $(dirname {draft}) && cp {shown} {draft}), bersihkan salinan itu dengan "
                        f"'ppid clean {draft}', lalu ajukan halaman yang menautkannya untuk ditinjau")
    copy_shown = site.rel(cleaning.copy_path(path)) if path.exists() else str(cleaning.copy_path(path))
    if args.apply:
        return _apply(path, typed, shown, copy_shown)
    return _prepare(path, typed, shown, copy_shown)


def _prepare(path: Path, typed: str, shown: str, copy_shown: str) -> int:
    prepared = cleaning.prepare(path, shown)
    before = documents.inspect(path, shown).findings
    if prepared.copy is None:
        print(f"ppid clean: {shown} tidak berisi metadata yang dapat dihapus; tidak ada salinan yang dibuat.")
        _remaining(before)
        return 0
    after = documents.inspect(prepared.copy, shown).findings
    print(f"ppid clean: salinan bersih ditulis ke {copy_shown}; {shown} belum diubah.")
    print("Dihapus dari salinan:")
    for item in prepared.removed:
        print(f"  - {item}")
    fixed = _gone(before, after)
    if fixed:
        print("Temuan yang tidak ada lagi di salinan:")
        for finding in fixed:
            print(f"  - {_describe(finding)}")
    _remaining(after)
    print(f"Periksa salinan itu (buka dan bandingkan isinya dengan aslinya). Jika sudah benar, jalankan:\n"
          f"  ppid clean {typed} --terapkan\n"
          f"untuk mengganti berkas asli dengan salinan bersih. Sebelum itu berkas asli tetap seperti semula.")
    return 0


def _apply(path: Path, typed: str, shown: str, copy_shown: str) -> int:
    applied = cleaning.apply(path, shown, copy_shown)
    if applied.already_clean:
        print(f"ppid clean: {shown} sudah bersih; tidak ada yang diubah.")
        if applied.copy.exists():
            print(f"Salinan {copy_shown} tidak diperlukan lagi; hapus bila tidak dipakai.")
        return 0
    print(f"ppid clean: {shown} diganti dengan salinan bersihnya ({copy_shown} sudah dipindahkan ke tempatnya).")
    print("Yang dihapus:")
    for item in applied.removed:
        print(f"  - {item}")
    _remaining(documents.inspect(path, shown).findings)
    print(f"Jalankan 'ppid check' lalu commit {shown}.")
    return 0


def _gone(before: list[Finding], after: list[Finding]) -> list[Finding]:
    remaining = {(f.detector, f.field, f.pdf_page, f.value_hash) for f in after}
    return [f for f in before if (f.detector, f.field, f.pdf_page, f.value_hash) not in remaining]


def _describe(finding: Finding) -> str:
    where = finding.field or (f"halaman PDF {finding.pdf_page}" if finding.pdf_page else "")
    where = f"[{where}] " if where else ""
    message = finding.message.split("; bersihkan dengan 'ppid clean", 1)[0]
    return f"{where}{finding.detector}: {message} — {finding.excerpt}"


def _remaining(findings: list[Finding]) -> None:
    if not findings:
        return
    print("Masih ada (tidak dapat dihapus otomatis; perbaiki di aplikasi pembuatnya lalu ekspor/simpan ulang):")
    for finding in findings:
        print(f"  - [{finding.severity}] {_describe(finding)}")
