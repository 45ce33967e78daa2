"""Remove metadata from attachments without changing what a reader sees."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable

from ..checks import documents
from ..checks.documents import Unreadable
from .errors import CleanError
from .images import clean_jpeg, clean_png, minimal_exif, strip_jpeg, strip_png
from .office import clean_ooxml
from .pdf import clean_pdf

__all__ = ["COPY_MARK", "SUPPORTED", "SUPPORTED_TEXT", "Applied", "CleanError", "Prepared", "apply", "clean_file",
           "copy_path", "minimal_exif", "prepare", "strip_jpeg", "strip_png"]

SUPPORTED = ("pdf", "jpeg", "png", "docx", "xlsx", "pptx")
SUPPORTED_TEXT = "PDF, JPEG, PNG, DOCX, XLSX, PPTX"
COPY_MARK = "bersih"

_CLEANERS: dict[str, Callable[[Path, IO[bytes]], list[str]]] = {
    "pdf": clean_pdf, "jpeg": clean_jpeg, "png": clean_png, "docx": clean_ooxml, "xlsx": clean_ooxml,
    "pptx": clean_ooxml,
}


@dataclass
class Prepared:
    source: Path
    copy: Path | None           # None when nothing had to be removed (no copy written)
    removed: list[str] = field(default_factory=list)


@dataclass
class Applied:
    source: Path
    copy: Path
    removed: list[str] = field(default_factory=list)
    already_clean: bool = False


def copy_path(path: Path) -> Path:
    """laporan.pdf -> laporan.bersih.pdf (beside the original)."""
    return path.with_name(f"{path.stem}.{COPY_MARK}{path.suffix}")


def prepare(path: Path, shown: str | None = None) -> Prepared:
    """Write the cleaned copy of `path` beside it for a person to look at; the original is not touched."""
    shown = shown or str(path)
    kind = _check_source(path, shown)
    target = copy_path(path)
    temp, removed = _clean_to_temp(path, kind, target.parent, shown)
    if not removed:
        temp.unlink()
        return Prepared(path, None, [])
    shutil.copymode(path, temp)
    os.replace(temp, target)
    return Prepared(path, target, removed)


def apply(path: Path, shown: str | None = None, copy_shown: str | None = None) -> Applied:
    """Replace `path` with its cleaned copy, after checking the copy is exactly what cleaning produces now."""
    shown = shown or str(path)
    kind = _check_source(path, shown)
    target = copy_path(path)
    copy_shown = copy_shown or str(target)
    temp, removed = _clean_to_temp(path, kind, path.parent, shown)
    try:
        if not removed:
            return Applied(path, target, [], already_clean=True)
        if not target.is_file():
            raise CleanError(
                f"{shown}: belum ada salinan bersih {copy_shown}; jalankan dulu 'ppid clean {shown}', periksa "
                "salinannya, lalu ulangi dengan --terapkan")
        if not _same_content(temp, target):
            raise CleanError(
                f"{copy_shown} tidak sama dengan hasil pembersihan {shown} saat ini (berkas asli atau salinannya "
                f"sudah berubah); jalankan lagi 'ppid clean {shown}', periksa salinan barunya, lalu ulangi dengan "
                "--terapkan")
        shutil.copymode(path, temp)
        os.replace(temp, path)
        target.unlink()
        return Applied(path, target, removed)
    finally:
        if temp.exists():
            temp.unlink()


def clean_file(path: Path, out: IO[bytes]) -> list[str]:
    """Write the cleaned bytes of `path` to `out`; return what was removed (Indonesian, one line per item).

    When nothing needs removing, the list is empty and what was written to `out` must be ignored. Cleaning is
    deterministic (same input, same bytes) and idempotent (a clean file yields no change).
    """
    kind = _check_source(path, str(path))
    return _run_cleaner(kind, path, out, str(path))


# --------------------------------------------------------------------------------------------------


def _check_source(path: Path, shown: str) -> str:
    if not path.exists():
        raise CleanError(f"{shown}: berkas tidak ditemukan; periksa nama dan foldernya")
    if not path.is_file():
        raise CleanError(f"{shown}: bukan berkas biasa")
    try:
        kind = documents.file_kind(path)
    except OSError as exc:
        raise CleanError(f"{shown}: berkas tidak dapat dibuka ({exc.strerror or exc})") from None
    if kind not in SUPPORTED:
        raise CleanError(_unsupported(shown, kind))
    return kind or ""


def _unsupported(shown: str, kind: str | None) -> str:
    if kind in ("tiff", "webp", "gif"):
        return (f"{shown}: gambar {documents.KIND_NAMES[kind]} belum dapat dibersihkan oleh ppid; simpan ulang "
                f"sebagai PNG atau JPEG lalu jalankan lagi (yang didukung: {SUPPORTED_TEXT})")
    return f"{shown}: jenis berkas ini tidak dapat dibersihkan oleh ppid (yang didukung: {SUPPORTED_TEXT})"


def _run_cleaner(kind: str, path: Path, out: IO[bytes], shown: str) -> list[str]:
    try:
        with documents.quiet():
            return _CLEANERS[kind](path, out)
    except CleanError:
        raise
    except Unreadable as exc:
        raise CleanError(f"{shown}: berkas tidak dapat dibaca ({exc}); ekspor ulang dari aplikasi aslinya") from None
    except OSError as exc:
        if exc.errno is None:
            raise CleanError(f"{shown}: berkas tidak dapat dibaca (struktur berkas rusak); ekspor ulang dari "
                             "aplikasi aslinya") from None
        raise CleanError(f"{shown}: gagal membaca atau menulis ({exc.strerror})") from None
    except Exception:  # noqa: BLE001 - pypdf, zipfile, XML: a malformed file is the user's to re-export
        raise CleanError(f"{shown}: berkas tidak dapat dibaca (struktur berkas rusak); ekspor ulang dari aplikasi "
                         "aslinya") from None


def _clean_to_temp(path: Path, kind: str, folder: Path, shown: str) -> tuple[Path, list[str]]:
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".ppid-clean-", suffix=path.suffix, delete=False)
    temp = Path(handle.name)
    try:
        with handle:
            removed = _run_cleaner(kind, path, handle, shown)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, removed


def _same_content(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            block_a, block_b = fa.read(1 << 20), fb.read(1 << 20)
            if block_a != block_b:
                return False
            if not block_a:
                return True
