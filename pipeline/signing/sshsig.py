"""SSHSIG signatures, byte-for-byte as `ssh-keygen -Y sign` writes them."""

from __future__ import annotations

import base64
import hashlib
import struct

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .errors import SignatureError, SigningError
from .keys import KEY_TYPE, blob_fingerprint, fingerprint, parse_public_key, public_blob
from .wire import Reader, ssh_string

NAMESPACE = "ppid"
SSHSIG_MAGIC = b"SSHSIG"
SSHSIG_VERSION = 1
SIGN_HASH = "sha512"
VERIFY_HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
ARMOR_END = "-----END SSH SIGNATURE-----"
ARMOR_WIDTH = 70


def _signed_data(namespace: str, hash_name: str, message: bytes) -> bytes:
    """The blob that SSHSIG actually signs."""
    digest = VERIFY_HASHES[hash_name](message).digest()
    return (
        SSHSIG_MAGIC
        + ssh_string(namespace.encode())
        + ssh_string(b"")
        + ssh_string(hash_name.encode())
        + ssh_string(digest)
    )


def check_namespace(namespace: str) -> None:
    """SSHSIG requires a non-empty namespace."""
    if not namespace:
        raise SigningError("namespace tanda tangan tidak boleh kosong")


def sshsig_sign(private_key: Ed25519PrivateKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """Sign `message` exactly as `ssh-keygen -Y sign -n <namespace>` would."""
    check_namespace(namespace)
    raw_signature = private_key.sign(_signed_data(namespace, SIGN_HASH, message))
    blob = (
        SSHSIG_MAGIC
        + struct.pack(">I", SSHSIG_VERSION)
        + ssh_string(public_blob(private_key.public_key()))
        + ssh_string(namespace.encode())
        + ssh_string(b"")
        + ssh_string(SIGN_HASH.encode())
        + ssh_string(ssh_string(KEY_TYPE.encode()) + ssh_string(raw_signature))
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
    reader = Reader(blob)
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
    reader = Reader(blob)
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
    if key_blob != public_blob(expected):
        raise SignatureError(
            f"tanda tangan dibuat dengan kunci lain ({blob_fingerprint(key_blob)}), "
            f"bukan {fingerprint(expected)}"
        )
    if signed_ns != namespace:
        raise SignatureError(f"namespace tanda tangan {signed_ns!r}, seharusnya {namespace!r}")
    if hash_name not in VERIFY_HASHES:
        raise SignatureError(f"algoritma hash {hash_name!r} tidak didukung")
