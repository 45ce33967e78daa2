"""Ed25519 keys, SSHSIG signatures and the canonical bytes of signed records."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
import struct
import subprocess
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from pipeline.errors import PpidError

NAMESPACE = "ppid"
KEY_TYPE = "ssh-ed25519"
MAX_SAFE_INT = 2**53 - 1
SSHSIG_MAGIC = b"SSHSIG"
SSHSIG_VERSION = 1
SIGN_HASH = "sha512"
VERIFY_HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
ARMOR_END = "-----END SSH SIGNATURE-----"
ARMOR_WIDTH = 70
OPENSSH_PRIVATE_BEGIN = b"-----BEGIN OPENSSH PRIVATE KEY-----"
SSH_KEYGEN_TIMEOUT = 120.0

_PRIVATE_KEY_MARKERS = re.compile(
    rb"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
    rb"|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
    rb"|^PuTTY-User-Key-File-\d+:",
    re.MULTILINE,
)
_PRINCIPAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class SigningError(PpidError):
    """A key, a record or a signing tool cannot be used."""


class SignatureError(SigningError):
    """A signature does not prove what it should."""


# --- canonical form -------------------------------------------------------


def canonical_bytes(fields: Mapping[str, Any]) -> bytes:
    """RFC 8785 canonical JSON of `fields`, every string NFC-normalised."""
    if not isinstance(fields, Mapping):
        raise SigningError("rekaman bertanda tangan harus berupa pemetaan kunci → nilai")
    normalised = _normalise(fields, "rekaman")
    try:
        return rfc8785.dumps(normalised)
    except (rfc8785.CanonicalizationError, UnicodeError) as exc:
        raise SigningError(f"rekaman tidak dapat dikanonikkan: {exc}") from exc


def _normalise(value: Any, where: str) -> Any:
    """Return `value` with strings in NFC; refuse what cannot be signed exactly."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, int):
        return _check_int(value, where)
    if isinstance(value, Mapping):
        return _normalise_mapping(value, where)
    if isinstance(value, (list, tuple)):
        return [_normalise(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise SigningError(
        f"{where}: nilai bertipe {type(value).__name__} tidak boleh ada dalam rekaman "
        "bertanda tangan; tulis sebagai teks"
    )


def _check_int(value: int, where: str) -> int:
    """Refuse integers that JSON consumers cannot represent exactly."""
    if abs(value) > MAX_SAFE_INT:
        raise SigningError(
            f"{where}: bilangan bulat {value} melebihi 2^53 − 1 dan tidak dapat "
            "ditandatangani dengan tepat; tulis sebagai teks"
        )
    return value


def _normalise_mapping(value: Mapping[Any, Any], where: str) -> dict[str, Any]:
    """Normalise keys and values; refuse non-text keys and keys equal after NFC."""
    result: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise SigningError(f"{where}: kunci {key!r} harus berupa teks")
        nfc_key = unicodedata.normalize("NFC", key)
        if nfc_key in result:
            raise SigningError(
                f"{where}: kunci {nfc_key!r} muncul dua kali (setelah normalisasi NFC)"
            )
        result[nfc_key] = _normalise(item, f"{where}.{nfc_key}")
    return result


# --- SSH wire format ------------------------------------------------------


def _ssh_string(data: bytes) -> bytes:
    """Encode `data` as an SSH `string` (uint32 length, then bytes)."""
    return struct.pack(">I", len(data)) + data


class _Reader:
    """Reads SSH wire-format fields; raises ValueError on malformed input."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def take(self, size: int) -> bytes:
        """Read exactly `size` raw bytes."""
        if size > len(self._data) - self._pos:
            raise ValueError("data terpotong")
        chunk = self._data[self._pos : self._pos + size]
        self._pos += size
        return chunk

    def uint32(self) -> int:
        """Read a big-endian uint32."""
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        """Read an SSH `string`."""
        return self.take(self.uint32())

    def finish(self) -> None:
        """Refuse trailing bytes."""
        if self._pos != len(self._data):
            raise ValueError("ada byte berlebih di akhir data")


def _public_blob(key: Ed25519PublicKey) -> bytes:
    """The SSH wire encoding of an Ed25519 public key."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _ssh_string(KEY_TYPE.encode()) + _ssh_string(raw)


def _key_from_blob(blob: bytes) -> Ed25519PublicKey:
    """Parse an SSH public key blob; only ssh-ed25519 is accepted."""
    reader = _Reader(blob)
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


# --- keys -----------------------------------------------------------------


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


def load_private_key(path: Path, passphrase: str | None) -> Ed25519PrivateKey:
    """Read an OpenSSH Ed25519 private key, refusing files others can read."""
    _check_private_mode(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: kunci privat tidak dapat dibaca: {exc.strerror}") from exc
    if OPENSSH_PRIVATE_BEGIN not in data:
        raise SigningError(f"{path}: bukan kunci privat berformat OpenSSH (ssh-ed25519)")
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


def _public_of(key: Ed25519PrivateKey | Ed25519PublicKey) -> Ed25519PublicKey:
    """The public half of `key`."""
    if isinstance(key, Ed25519PrivateKey):
        return key.public_key()
    if isinstance(key, Ed25519PublicKey):
        return key
    raise SigningError(f"kunci bertipe {type(key).__name__} tidak didukung; hanya Ed25519")


def public_key_line(key: Ed25519PrivateKey | Ed25519PublicKey, comment: str = "") -> str:
    """The OpenSSH public key line: "ssh-ed25519 AAAA… comment"."""
    return _format_key_line(_public_of(key), comment)


def _format_key_line(key: Ed25519PublicKey, comment: str = "") -> str:
    """Format a public key as an OpenSSH key line."""
    line = f"{KEY_TYPE} {base64.b64encode(_public_blob(key)).decode()} {comment.strip()}"
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
    digest = hashlib.sha256(_public_blob(key)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def looks_like_private_key(data: bytes) -> bool:
    """True when `data` contains a private key block (OpenSSH, PEM, PKCS#8, PuTTY…)."""
    return _PRIVATE_KEY_MARKERS.search(data) is not None


# --- SSHSIG ---------------------------------------------------------------


def _signed_data(namespace: str, hash_name: str, message: bytes) -> bytes:
    """The blob that SSHSIG actually signs."""
    digest = VERIFY_HASHES[hash_name](message).digest()
    return (
        SSHSIG_MAGIC
        + _ssh_string(namespace.encode())
        + _ssh_string(b"")
        + _ssh_string(hash_name.encode())
        + _ssh_string(digest)
    )


def _check_namespace(namespace: str) -> None:
    """SSHSIG requires a non-empty namespace."""
    if not namespace:
        raise SigningError("namespace tanda tangan tidak boleh kosong")


def sshsig_sign(private_key: Ed25519PrivateKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """Sign `message` exactly as `ssh-keygen -Y sign -n <namespace>` would."""
    _check_namespace(namespace)
    raw_signature = private_key.sign(_signed_data(namespace, SIGN_HASH, message))
    blob = (
        SSHSIG_MAGIC
        + struct.pack(">I", SSHSIG_VERSION)
        + _ssh_string(_public_blob(private_key.public_key()))
        + _ssh_string(namespace.encode())
        + _ssh_string(b"")
        + _ssh_string(SIGN_HASH.encode())
        + _ssh_string(_ssh_string(KEY_TYPE.encode()) + _ssh_string(raw_signature))
    )
    return _armor(blob)


def _armor(blob: bytes) -> str:
    """Wrap a signature blob the way OpenSSH does."""
    text = base64.b64encode(blob).decode()
    lines = [text[i : i + ARMOR_WIDTH] for i in range(0, len(text), ARMOR_WIDTH)]
    return "\n".join([ARMOR_BEGIN, *lines, ARMOR_END]) + "\n"


def _unarmor(armored: str) -> bytes:
    """Extract the signature blob from its armor."""
    if not isinstance(armored, str):
        raise SignatureError("tanda tangan harus berupa teks berzirah SSH SIGNATURE")
    lines = [line.strip() for line in armored.strip().splitlines()]
    if len(lines) < 3 or lines[0] != ARMOR_BEGIN or lines[-1] != ARMOR_END:
        raise SignatureError(f"tanda tangan tidak berbentuk '{ARMOR_BEGIN}' … '{ARMOR_END}'")
    try:
        return base64.b64decode("".join(lines[1:-1]), validate=True)
    except ValueError as exc:
        raise SignatureError("isi tanda tangan bukan base64 yang sah") from exc


def _parse_sshsig(blob: bytes) -> tuple[bytes, str, str, bytes]:
    """Return (public key blob, namespace, hash name, raw Ed25519 signature)."""
    reader = _Reader(blob)
    if reader.take(len(SSHSIG_MAGIC)) != SSHSIG_MAGIC:
        raise ValueError("bukan tanda tangan SSHSIG (penanda awal salah)")
    version = reader.uint32()
    if version != SSHSIG_VERSION:
        raise ValueError(f"versi SSHSIG {version} tidak didukung")
    key_blob = reader.string()
    namespace = reader.string().decode()
    reader.string()  # reserved
    hash_name = reader.string().decode()
    raw_signature = _parse_signature_blob(reader.string())
    reader.finish()
    return key_blob, namespace, hash_name, raw_signature


def _parse_signature_blob(blob: bytes) -> bytes:
    """The raw 64-byte signature inside an SSH signature blob."""
    reader = _Reader(blob)
    sig_type = reader.string()
    if sig_type != KEY_TYPE.encode():
        raise ValueError(
            f"algoritma tanda tangan {sig_type.decode(errors='replace')!r} tidak didukung"
        )
    raw = reader.string()
    reader.finish()
    if len(raw) != 64:
        raise ValueError("panjang tanda tangan Ed25519 tidak sah")
    return raw


def sshsig_verify(
    public_key_line: str, armored: str, message: bytes, namespace: str = NAMESPACE
) -> None:
    """Raise SignatureError unless `armored` is a valid SSHSIG by that key over `message`."""
    try:
        expected = parse_public_key(public_key_line)
    except SigningError as exc:
        raise SignatureError(f"kunci publik penanda tangan tidak dapat dipakai: {exc}") from exc
    try:
        key_blob, signed_ns, hash_name, raw_signature = _parse_sshsig(_unarmor(armored))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SignatureError(f"tanda tangan rusak: {exc}") from exc
    _check_signature_fields(expected, key_blob, signed_ns, namespace, hash_name)
    try:
        expected.verify(raw_signature, _signed_data(signed_ns, hash_name, message))
    except InvalidSignature as exc:
        raise SignatureError(
            "tanda tangan tidak cocok dengan isi rekaman (isi berubah atau kunci lain)"
        ) from exc


def _check_signature_fields(
    expected: Ed25519PublicKey, key_blob: bytes, signed_ns: str, namespace: str, hash_name: str
) -> None:
    """Compare what the signature claims with what the caller expects."""
    if key_blob != _public_blob(expected):
        raise SignatureError(
            f"tanda tangan dibuat dengan kunci lain ({_blob_fingerprint(key_blob)}), "
            f"bukan {fingerprint(expected)}"
        )
    if signed_ns != namespace:
        raise SignatureError(f"namespace tanda tangan {signed_ns!r}, seharusnya {namespace!r}")
    if hash_name not in VERIFY_HASHES:
        raise SignatureError(f"algoritma hash {hash_name!r} tidak didukung")


def _blob_fingerprint(key_blob: bytes) -> str:
    """Fingerprint of a raw key blob, for messages."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(key_blob).digest()).decode().rstrip("=")


# --- ssh-keygen / ssh-agent -----------------------------------------------


def sshsig_sign_with_ssh_keygen(
    public_key_path: Path, message: bytes, namespace: str = NAMESPACE
) -> str:
    """Sign through `ssh-keygen -Y sign` (stdin → stdout), e.g. with a key in ssh-agent."""
    _check_namespace(namespace)
    expected_line = _read_public_key_file(public_key_path)
    command = ["ssh-keygen", "-Y", "sign", "-f", str(public_key_path), "-n", namespace]
    result = _run_ssh_keygen(command, message)
    armored = result.stdout.decode("ascii", errors="replace")
    if result.returncode != 0 or ARMOR_BEGIN not in armored:
        stderr = result.stderr.decode(errors="replace").strip()
        raise SigningError(f"ssh-keygen gagal menandatangani (kode {result.returncode}): {stderr}")
    sshsig_verify(expected_line, armored, message, namespace)
    return armored


def _read_public_key_file(path: Path) -> str:
    """The first line of a .pub file, checked to be an ssh-ed25519 key."""
    try:
        line = path.read_text(encoding="utf-8").strip().splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise SigningError(f"{path}: berkas kunci publik tidak dapat dibaca") from exc
    try:
        parse_public_key(line)
    except SigningError as exc:
        raise SigningError(f"{path}: {exc}") from exc
    return line


def _run_ssh_keygen(command: list[str], message: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run ssh-keygen with `message` on stdin, without a terminal prompt hanging forever."""
    try:
        return subprocess.run(
            command, input=message, capture_output=True, timeout=SSH_KEYGEN_TIMEOUT, check=False
        )
    except FileNotFoundError as exc:
        raise SigningError(
            "ssh-keygen tidak ditemukan; pasang OpenSSH (paket openssh-client)"
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise SigningError(
            f"ssh-keygen tidak selesai dalam {SSH_KEYGEN_TIMEOUT:.0f} detik"
        ) from exc


# --- allowed_signers ------------------------------------------------------


def allowed_signers_line(
    principal: str, public_key_line: str, valid_after: str | None, valid_before: str | None
) -> str:
    """One `allowed_signers` line for OpenSSH, limited to the ppid namespace.

    `valid_after`/`valid_before` are "YYYY-MM-DD", written with a "Z" so that OpenSSH reads
    each as midnight UTC (as our records are timed), whatever the auditor's time zone; the
    key is no longer valid on the `valid_before` day.
    """
    if not _PRINCIPAL.fullmatch(principal):
        raise SigningError(
            f"identitas penanda tangan {principal!r} tidak sah untuk allowed_signers; "
            "gunakan huruf, angka, '.', '_', '@', '+' atau '-'"
        )
    options = [f'namespaces="{NAMESPACE}"']
    if valid_after is not None:
        options.append(f'valid-after="{_compact_date(valid_after)}"')
    if valid_before is not None:
        options.append(f'valid-before="{_compact_date(valid_before)}"')
    key_line = _format_key_line(parse_public_key(public_key_line))
    return f"{principal} {','.join(options)} {key_line}"


def _compact_date(text: str) -> str:
    """"YYYY-MM-DD" → "YYYYMMDDZ" (midnight UTC), refusing anything else."""
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text).strftime("%Y%m%dZ")
    except (TypeError, ValueError) as exc:
        raise SigningError(
            f"tanggal {text!r} tidak sah; gunakan bentuk TTTT-BB-HH (mis. 2025-01-31)"
        ) from exc
