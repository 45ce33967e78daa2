"""The exception hierarchy; the CLI turns each into one message and an exit code."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class PpidError(Exception):
    """A user-facing problem: the message is shown as is, in Bahasa Indonesia."""

    exit_code = 2


class SiteNotFound(PpidError):
    """No site root above the working directory."""


class ConfigError(PpidError):
    """A file in site_config/ or mkdocs.yml is unusable."""


class YamlError(PpidError):
    """A YAML document we trust cannot be read safely."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class CheckFailed(PpidError):
    """`ppid check` (or a gate relying on it) found problems."""

    exit_code = 1


class BuildError(PpidError):
    """The site builder failed."""


class UnsafeTree(PpidError):
    """The site tree holds something that must never be there (a private key)."""


# What the computer refused, and what the person can do about it: not our bug, so not an "internal error".
_REFUSED_WRITES = {
    errno.EROFS: "sistem berkas hanya-baca; jalankan perintah ini di salinan repositori yang dapat ditulis",
    errno.EACCES: "izin ditolak; periksa pemilik dan izin folder itu (ls -l), atau jalankan sebagai pemiliknya",
    errno.EPERM: "izin ditolak; periksa pemilik dan izin folder itu (ls -l), atau jalankan sebagai pemiliknya",
    errno.ENOSPC: "disk penuh; kosongkan ruang lalu jalankan lagi",
    errno.EDQUOT: "kuota disk habis; kosongkan ruang lalu jalankan lagi",
}
_VANISHED = "hilang saat perintah berjalan (dipindahkan atau dihapus program lain?); jalankan perintah ini lagi"


def os_error_message(exc: OSError, root: Path | None = None) -> str | None:
    """The Indonesian message for what the system refused (a file it would not let us write: read-only,
    permission, disk full; or a file that vanished while the command ran), naming the file relative to the site;
    None for any other OSError (our bug)."""
    name = Path(os.fsdecode(exc.filename)) if exc.filename is not None else None
    if name is not None and root is not None and name.is_absolute() and name.is_relative_to(root):
        name = name.relative_to(root)
    where = f"{name}: " if name is not None else ""
    if exc.errno == errno.ENOENT and name is not None:
        return f"{where}{_VANISHED}"
    advice = _REFUSED_WRITES.get(exc.errno or 0)
    return f"{where}tidak dapat ditulis ({advice}); perintah dihentikan di situ" if advice else None


def write_error_log(text: str, folder: Path | None = None) -> Path:
    """Keep the traceback of our own bug in a new file only this user can read: in `folder` when it can be made,
    else in the temp folder, never under a fixed name another user of the machine could plant a link at."""
    try:
        if folder is None:
            raise OSError
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix="ppid-galat-", suffix=".log", dir=folder)
    except OSError:
        handle, name = tempfile.mkstemp(prefix="ppid-galat-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    return Path(name)
