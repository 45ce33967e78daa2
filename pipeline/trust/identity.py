"""Who is signing: the private key (outside the repository) and the registry entry it belongs to."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .errors import IdentityError
from .registry import Person, Registry
from ..signing import SigningError, load_private_key, public_key_line

KEY_ENV = "PPID_KEY"
PASSPHRASE_ENV = "PPID_KEY_PASSPHRASE"


@dataclass
class Signer:
    person: Person
    key: Ed25519PrivateKey


def key_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ppid" / "keys"


def key_path(explicit: Path | None) -> Path:
    if explicit:
        return explicit
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV])
    folder = key_dir()
    keys = sorted(p for p in folder.glob("*") if p.is_file() and p.suffix != ".pub") if folder.is_dir() else []
    if len(keys) == 1:
        return keys[0]
    if not keys:
        raise IdentityError(f"tidak ada kunci penanda tangan: buat dengan 'ppid keys new', atau tunjuk dengan --key BERKAS atau ${KEY_ENV}")
    names = ", ".join(p.name for p in keys)
    raise IdentityError(f"ada beberapa kunci di {folder} ({names}); pilih satu dengan --key BERKAS atau ${KEY_ENV}")


def load_signer(registry: Registry, explicit: Path | None) -> Signer:
    path = key_path(explicit)
    key = _load(path)
    person = registry.by_key(public_key_line(key))
    if person is None:
        raise IdentityError(f"{path}: kunci ini tidak terdaftar di site_config/reviewers.yml; tambahkan baris yang dicetak 'ppid keys new'")
    return Signer(person, key)


def _load(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        raise IdentityError(f"{path}: berkas kunci tidak ada; periksa jalurnya (--key BERKAS atau ${KEY_ENV})")
    if not path.is_file():
        raise IdentityError(f"{path}: bukan berkas kunci privat (tunjuk berkas kuncinya, bukan folder atau perangkat)")
    if path.suffix == ".pub":
        raise IdentityError(f"{path}: ini kunci publik; --key harus menunjuk kunci privat (tanpa .pub)")
    passphrase = os.environ.get(PASSPHRASE_ENV)
    try:
        return load_private_key(path, passphrase)
    except SigningError:
        if passphrase is None and sys.stdin.isatty():
            return load_private_key(path, getpass.getpass(f"Frasa sandi untuk {path}: "))
        if passphrase is None:
            print(f"ppid: bila kunci ini berfrasa sandi, berikan lewat ${PASSPHRASE_ENV}", file=sys.stderr)
        raise
