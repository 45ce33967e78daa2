"""Ed25519 keys, SSHSIG signatures and the canonical bytes of signed records."""

from __future__ import annotations

from .allowed_signers import allowed_signers_line
from .canonical import MAX_SAFE_INT, canonical_bytes
from .errors import SignatureError, SigningError
from .keys import (
    KEY_TYPE,
    OPENSSH_PRIVATE_BEGIN,
    fingerprint,
    generate_key,
    load_private_key,
    looks_like_private_key,
    parse_public_key,
    private_key_bytes,
    public_key_line,
    read_public_key_file,
    write_private_key,
)
from .ssh_keygen import SSH_KEYGEN_TIMEOUT, sshsig_sign_with_ssh_keygen
from .sshsig import (
    ARMOR_BEGIN,
    ARMOR_END,
    ARMOR_WIDTH,
    NAMESPACE,
    SIGN_HASH,
    SSHSIG_MAGIC,
    SSHSIG_VERSION,
    VERIFY_HASHES,
    sshsig_sign,
    sshsig_verify,
)

__all__ = [
    "ARMOR_BEGIN",
    "ARMOR_END",
    "ARMOR_WIDTH",
    "KEY_TYPE",
    "MAX_SAFE_INT",
    "NAMESPACE",
    "OPENSSH_PRIVATE_BEGIN",
    "SIGN_HASH",
    "SSHSIG_MAGIC",
    "SSHSIG_VERSION",
    "SSH_KEYGEN_TIMEOUT",
    "VERIFY_HASHES",
    "SignatureError",
    "SigningError",
    "allowed_signers_line",
    "canonical_bytes",
    "fingerprint",
    "generate_key",
    "load_private_key",
    "looks_like_private_key",
    "parse_public_key",
    "private_key_bytes",
    "public_key_line",
    "read_public_key_file",
    "sshsig_sign",
    "sshsig_sign_with_ssh_keygen",
    "sshsig_verify",
    "write_private_key",
]
