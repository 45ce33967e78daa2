"""OpenSSH Ed25519 keys: private key files, public key lines and fingerprints."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .errors import SigningError
from .wire import Reader, ssh_string

KEY_TYPE = "ssh-ed25519"
OPENSSH_PRIVATE_BEGIN = b"-----BEGIN OPENSSH PRIVATE KEY-----"

_PRIVATE_KEY_MARKERS = re.compile(
    rb"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
    rb"|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
    rb"|^PuTTY-User-Key-File-\d+:",
    re.MULTILINE,
)


def generate_key() -> Ed25519PrivateKey:
    """Create a new Ed25519 private key."""
    return Ed25519PrivateKey.generate()


def private_key_bytes(key: Ed25519PrivateKey, passphrase: str | None) -> bytes:
    """The key in OpenSSH format, bcrypt-encrypted when a passphrase is given."""
    encryption: serialization.KeySerializationEncryption = serialization.NoEncryption()
    if passphrase:
        encryption = serialization.BestAvailableEncryption(passphrase.encode())
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, encryption
    )


def write_private_key(path: Path, key: Ed25519PrivateKey, passphrase: str | None) -> None:
    """Write the key to a new file with mode 0600; never overwrite."""
    data = private_key_bytes(key, passphrase)
    _make_private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise SigningError(f"{path}: berkas sudah ada; kunci privat tidak akan ditimpa") from exc
    except OSError as exc:
        raise SigningError(f"{path}: kunci privat tidak dapat ditulis: {exc.strerror}") from exc
    _write_all(fd, path, data)


def _make_private_dirs(directory: Path) -> None:
    """Create missing directories, each with mode 0700."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    for d in reversed(missing):
        try:
            d.mkdir(mode=0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            raise SigningError(f"{d}: direktori tidak dapat dibuat: {exc.strerror}") from exc


def _write_all(fd: int, path: Path, data: bytes) -> None:
    """Write `data` to the open descriptor; remove the file if that fails."""
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise SigningError(f"{path}: kunci privat tidak dapat ditulis: {exc.strerror}") from exc


KEY_FILE_BYTES = 64 * 1024


def load_private_key(path: Path, passphrase: str | None) -> Ed25519PrivateKey:
    """Read an OpenSSH Ed25519 private key, refusing files others can read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(KEY_FILE_BYTES)  # a key is a few hundred bytes; /dev/zero is not one
    except FileNotFoundError as exc:
        raise SigningError(f"{path}: berkas kunci privat tidak ditemukan") from exc
    except OSError as exc:
        raise SigningError(f"{path}: kunci privat tidak dapat dibaca: {exc.strerror}") from exc
    if OPENSSH_PRIVATE_BEGIN not in data and data.lstrip().startswith(b"ssh-"):
        raise SigningError(f"{path}: ini kunci publik, bukan kunci privat; tunjuk berkas kunci privatnya (biasanya nama "
                           "yang sama tanpa akhiran .pub)")  # before the mode check: "chmod 600" would be the wrong advice
    if OPENSSH_PRIVATE_BEGIN not in data:  # also before it: a note or /etc/passwd needs no chmod, but the right file
        raise SigningError(f"{path}: bukan kunci privat berformat OpenSSH (ssh-ed25519); tunjuk berkas kunci privat "
                           "Anda (misalnya ~/.config/ppid/keys/NAMA)")
    _check_private_mode(path)
    key = _decrypt_private_key(path, data, passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(
            f"{path}: kunci ini bukan Ed25519; buat kunci dengan `ssh-keygen -t ed25519`"
        )
    return key


def _check_private_mode(path: Path) -> None:
    """Refuse a missing key file or one readable by group or others."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise SigningError(f"{path}: berkas kunci privat tidak ditemukan") from exc
    except OSError as exc:
        raise SigningError(f"{path}: kunci privat tidak dapat dibaca: {exc.strerror}") from exc
    if os.name != "nt" and stat.S_IMODE(mode) & 0o077:
        raise SigningError(
            f"{path}: izin berkas kunci privat terlalu longgar ({stat.S_IMODE(mode):04o}); "
            f"orang lain dapat membacanya. Jalankan: chmod 600 {path}"
        )


def _decrypt_private_key(path: Path, data: bytes, passphrase: str | None) -> object:
    """Load the key, turning the library's errors into clear messages."""
    password = passphrase.encode() if passphrase else None
    try:
        return serialization.load_ssh_private_key(data, password)
    except TypeError as exc:
        if password is not None:  # a passphrase was given for an unencrypted key
            return _decrypt_private_key(path, data, None)
        raise SigningError(
            f"{path}: kunci privat ini dilindungi frasa sandi; berikan frasa sandinya"
        ) from exc
    except ValueError as exc:
        if password is not None:
            raise SigningError(
                f"{path}: frasa sandi kunci privat salah (atau berkas kunci rusak)"
            ) from exc
        raise SigningError(
            f"{path}: kunci privat OpenSSH rusak atau tidak dikenali: {exc}"
        ) from exc
    except UnsupportedAlgorithm as exc:
        raise SigningError(f"{path}: kunci privat tidak didukung: {exc}") from exc


def read_public_key_file(path: Path) -> str:
    """The text of a file of public key lines: a regular file of at most KEY_FILE_BYTES of UTF-8. A device, a
    folder or a program is refused by name, never read to its end."""
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise SigningError(f"{path}: bukan berkas kunci publik (folder atau perangkat); tunjuk berkas .pub")
            data = handle.read(KEY_FILE_BYTES + 1)
    except IsADirectoryError:
        raise SigningError(f"{path}: bukan berkas kunci publik (folder atau perangkat); tunjuk berkas .pub") from None
    except OSError as exc:
        raise SigningError(f"{path}: berkas kunci publik tidak dapat dibaca ({exc.strerror})") from None
    if len(data) > KEY_FILE_BYTES:
        raise SigningError(f"{path}: terlalu besar untuk berkas kunci publik (lebih dari {KEY_FILE_BYTES} bita); "
                           "tunjuk berkas .pub yang berisi baris 'ssh-ed25519 AAAA…'")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SigningError(f"{path}: bukan berkas teks kunci publik; tunjuk berkas .pub yang berisi baris "
                           "'ssh-ed25519 AAAA…'") from None


def looks_like_private_key(data: bytes) -> bool:
    """True when `data` contains a private key block (OpenSSH, PEM, PKCS#8, PuTTY…)."""
    return _PRIVATE_KEY_MARKERS.search(data) is not None


def key_file_fingerprint(path: Path) -> str | None:
    """The fingerprint of the public key an OpenSSH private key file carries in the clear (no passphrase needed);
    None when the file cannot be read as one."""
    try:
        with path.open("rb") as handle:
            data = handle.read(KEY_FILE_BYTES)
        body = data.split(OPENSSH_PRIVATE_BEGIN, 1)[1].split(b"-----END", 1)[0]
        reader = Reader(base64.b64decode(b"".join(body.split()), validate=True))
        if reader.take(15) != b"openssh-key-v1\0":
            return None
        for _ in range(3):  # cipher, kdf, kdf options
            reader.string()
        if reader.uint32() < 1:
            return None
        return blob_fingerprint(reader.string())
    except (OSError, IndexError, ValueError):
        return None


def _public_of(key: Ed25519PrivateKey | Ed25519PublicKey) -> Ed25519PublicKey:
    """The public half of `key`."""
    if isinstance(key, Ed25519PrivateKey):
        return key.public_key()
    if isinstance(key, Ed25519PublicKey):
        return key
    raise SigningError(f"kunci bertipe {type(key).__name__} tidak didukung; hanya Ed25519")


def public_key_line(key: Ed25519PrivateKey | Ed25519PublicKey, comment: str = "") -> str:
    """The OpenSSH public key line: "ssh-ed25519 AAAA… comment"."""
    return format_key_line(_public_of(key), comment)


def format_key_line(key: Ed25519PublicKey, comment: str = "") -> str:
    """Format a public key as an OpenSSH key line."""
    line = f"{KEY_TYPE} {base64.b64encode(public_blob(key)).decode()} {comment.strip()}"
    return line.strip()


def parse_public_key(line: str) -> Ed25519PublicKey:
    """Parse "ssh-ed25519 AAAA… [comment]" into a public key."""
    parts = line.strip().split(maxsplit=2) if isinstance(line, str) else []
    if len(parts) < 2:
        raise SigningError(
            f"kunci publik tidak sah: {_preview(line)!r}; diharapkan 'ssh-ed25519 AAAA…'"
        )
    if parts[0] != KEY_TYPE:
        raise SigningError(f"jenis kunci publik {parts[0]!r} tidak didukung; hanya {KEY_TYPE}")
    try:
        blob = base64.b64decode(parts[1], validate=True)
        key = _key_from_blob(blob)
    except ValueError as exc:
        raise SigningError(f"kunci publik tidak sah ({exc}): {_preview(line)!r}") from exc
    return key


def _preview(text: object) -> str:
    """A short excerpt of `text` for error messages."""
    shown = str(text)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def fingerprint(line_or_key: str | Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The SHA256 fingerprint exactly as `ssh-keygen -lf` prints it."""
    key = parse_public_key(line_or_key) if isinstance(line_or_key, str) else _public_of(line_or_key)
    return blob_fingerprint(public_blob(key))


def blob_fingerprint(key_blob: bytes) -> str:
    """The SHA256 fingerprint of a public key blob."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(key_blob).digest()).decode().rstrip("=")


def public_blob(key: Ed25519PublicKey) -> bytes:
    """The SSH wire encoding of an Ed25519 public key."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return ssh_string(KEY_TYPE.encode()) + ssh_string(raw)


def _key_from_blob(blob: bytes) -> Ed25519PublicKey:
    """Parse an SSH public key blob; only ssh-ed25519 is accepted."""
    reader = Reader(blob)
    key_type = reader.string()
    if key_type != KEY_TYPE.encode():
        raise ValueError(
            f"jenis kunci {key_type.decode(errors='replace')!r} tidak didukung; hanya {KEY_TYPE}"
        )
    raw = reader.string()
    reader.finish()
    if len(raw) != 32:
        raise ValueError("panjang kunci Ed25519 tidak sah")
    return Ed25519PublicKey.from_public_bytes(raw)
