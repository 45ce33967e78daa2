"""Unlocking the user's key in the page: the registry says who they are, the key stays in the server."""

from __future__ import annotations

from pathlib import Path

from ..errors import PpidError
from ..signing import load_private_key, public_key_line
from ..signing.keys import key_file_fingerprint
from ..trust.errors import IdentityError
from ..trust.identity import Signer
from ..trust.registry import Registry
from .attempts import Attempts


def unlock(registry: Registry, key_text: str, passphrase: str, attempts: Attempts,
           session_id: str) -> tuple[Signer, Path]:
    """The signer, unless this session or this key has failed too often lately (every failure counts)."""
    if not key_text.strip():
        raise IdentityError("isi jalur berkas kunci privat Anda (misalnya /home/nama/.config/ppid/keys/nama)")
    path = Path(key_text.strip()).expanduser()
    names = {"sesi": session_id}
    key_id = key_file_fingerprint(path) if path.is_file() else None
    if key_id:
        names["kunci"] = key_id
    attempts.check(names)
    try:
        found = _unlock(registry, path, passphrase)
    except PpidError:
        attempts.failed(names)
        raise
    attempts.succeeded(names)
    return found


def _unlock(registry: Registry, path: Path, passphrase: str) -> tuple[Signer, Path]:
    if not path.is_file():
        raise IdentityError(f"{path}: berkas kunci tidak ada (atau bukan berkas); periksa jalurnya")
    key = load_private_key(path, passphrase or None)
    person = registry.by_key(public_key_line(key))
    if person is None:
        raise IdentityError(f"{path}: kunci ini tidak terdaftar di site_config/reviewers.yml; minta Koordinator "
                            "mendaftarkannya")
    return Signer(person, key), path
