"""Whether some bytes are (or hold) a private key: armored (OpenSSH, PEM, SSH2, PuTTY) at the start or anywhere,
unarmored DER (PKCS#1, PKCS#8 plain or encrypted, SEC1), PKCS#12 with a key (or sealed with a password), and the
same inside a zip (an Office document is one). Public keys and certificates are not keys."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

BOM = b"\xef\xbb\xbf"
ARMOR_STARTS = (b"-----BEGIN", b"---- BEGIN", b"PuTTY-User-Key-File")
ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 64 * 1024
MAX_DEPTH = 2  # a zip inside a zip is looked into; deeper is not

# A whole block: the armor, any headers (Proc-Type, DEK-Info, Comment), lines of base64 only, the end armor;
# lines may be split by a written "\\n", as in a JSON credentials file. A page showing what a key looks like
# ("…" for a body), or code that names the armor, is not a key.
_NL = rb"[ \t]*(?:\r?\n|\\n)"
_BLOCK = re.compile(rb"(?:-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----)"
                    + _NL + rb"(?:[ \t]*[A-Za-z-]+:[^\r\n\\]*" + _NL + rb")*(?:" + _NL + rb")?"
                    rb"(?P<body>(?:[ \t]*[A-Za-z0-9+/=]+" + _NL + rb"){1,1000})[ \t]*(?:-----END|---- END)")
_PUTTY = re.compile(rb"^PuTTY-User-Key-File-\d+:.{0,3000}?^Private-Lines: *\d+", re.S | re.M)
_BASE64 = re.compile(rb"[A-Za-z0-9+/]")
BODY_CHARS = 64  # the smallest key (Ed25519, OpenSSH) has a few hundred
# PKCS#12: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data | pkcs7-signedData, … } }
_PFX = re.compile(rb"\x30(?:[\x00-\x7f]|\x81.|\x82..|\x83...|\x84....)\x02\x01\x03\x30", re.S)
_PKCS7 = (b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01", b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02")


def holds_private_key(data: bytes, depth: int = 0) -> bool:
    start = data.removeprefix(BOM).lstrip()
    if start.startswith(ARMOR_STARTS):
        from .signing import looks_like_private_key  # only for the rare file that starts like a key

        if looks_like_private_key(start[:200]):
            return True
    if _armored_anywhere(data):
        return True
    if data.startswith(b"\x30"):
        return _der_private_key(data)
    if data.startswith(ZIP_MAGIC) and depth < MAX_DEPTH:
        return _zip_holds_key(data, depth)
    return False


def _armored_anywhere(data: bytes) -> bool:
    if b"PRIVATE KEY" not in data and b"PuTTY-User-Key-File" not in data:
        return False
    for found in _BLOCK.finditer(data):
        if len(_BASE64.findall(found.group("body"))) >= BODY_CHARS:
            return True
    return _PUTTY.search(data) is not None


def _der_private_key(data: bytes) -> bool:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        serialization.load_der_private_key(data, None)
        return True
    except TypeError:  # an encrypted PKCS#8 key: still a key
        return True
    except (ValueError, UnsupportedAlgorithm):
        pass
    if not (_PFX.match(data[:12]) and any(oid in data[:40] for oid in _PKCS7)):
        return False
    try:
        key, _, _ = pkcs12.load_key_and_certificates(data, None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return True  # sealed with a password: a PKCS#12 file is where keys travel, so it is refused unopened
    return key is not None


def _zip_holds_key(data: bytes, depth: int) -> bool:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()[:MAX_MEMBERS]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # not a readable zip: the attachment checks say so
    for info in members:
        if info.is_dir() or info.file_size > MAX_MEMBER_BYTES:
            continue
        try:
            with archive.open(info) as member:
                content = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, ValueError, EOFError, zlib.error):
            continue  # an encrypted or broken member
        if holds_private_key(content[:MAX_MEMBER_BYTES], depth + 1):
            return True
    return False
