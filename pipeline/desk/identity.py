"""Unlocking the user's key in the page: the registry says who they are, the key stays in the server."""

from __future__ import annotations

from pathlib import Path

from ..signing import load_private_key, public_key_line
from ..trust.errors import IdentityError
from ..trust.identity import Signer
from ..trust.registry import Registry


def unlock(registry: Registry, key_text: str, passphrase: str) -> tuple[Signer, Path]:
    if not key_text.strip():
        raise IdentityError("isi jalur berkas kunci privat Anda (misalnya /home/nama/.config/ppid/keys/nama)")
    path = Path(key_text.strip()).expanduser()
    if not path.is_file():
        raise IdentityError(f"{path}: berkas kunci tidak ada (atau bukan berkas); periksa jalurnya")
    key = load_private_key(path, passphrase or None)
    person = registry.by_key(public_key_line(key))
    if person is None:
        raise IdentityError(f"{path}: kunci ini tidak terdaftar di site_config/reviewers.yml; minta Koordinator "
                            "mendaftarkannya")
    return Signer(person, key), path
