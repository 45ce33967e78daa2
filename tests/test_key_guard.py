"""The key guard refuses a private key anywhere in the site tree, in every form a key file takes (OpenSSH, PEM,
DER PKCS#1/PKCS#8/SEC1, PKCS#12, PuTTY), with CRLF line ends, a byte-order mark or a few lines before it, and
inside a zip or an Office document; public keys, certificates and a page that only shows what a key looks like
raise no alarm."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from conftest import write_bytes
from pipeline.guard import private_keys_in
from pipeline.signing import generate_key, private_key_bytes

RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC = ec.generate_private_key(ec.SECP256R1())
ED = ed25519.Ed25519PrivateKey.generate()
DER, PEM = serialization.Encoding.DER, serialization.Encoding.PEM
PKCS8, PKCS1 = serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL
PLAIN = serialization.NoEncryption()
OPENSSH = private_key_bytes(generate_key(), None)
PUTTY = (b"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ratna\nPublic-Lines: 2\n"
         b"AAAAC3NzaC1lZDI1NTE5AAAAIHk3Jd2cJ2x6o3sVfVtqz0b0qQH7l9Q4c4q3a8F1dXbN\nPrivate-Lines: 1\n"
         b"AAAAIGv1sY3tD0n3Jv9b8rJkq6gC1gY5q2vYkq3f5mXhR0pX\nPrivate-MAC: 0d6f1c\n")


def _certificate() -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ppid.contoh.go.id")])
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(EC.public_key())
            .serial_number(1).not_valid_before(start).not_valid_after(start + dt.timedelta(days=365))
            .sign(EC, hashes.SHA256()))


def _zipped(name: str, data: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(name, data)
    return out.getvalue()


CERT = _certificate()
KEYS = {
    "openssh-crlf": OPENSSH.replace(b"\n", b"\r\n"),
    "openssh-bom": b"\xef\xbb\xbf" + OPENSSH,
    "openssh-after-a-note.txt": b"Kunci Ratna untuk server, jangan disebar:\n\n" + OPENSSH,
    "pem-rsa-after-a-note.md": b"# Catatan\n\nIni kuncinya:\n\n```\n"
                               + RSA.private_bytes(PEM, PKCS1, PLAIN) + b"```\n",
    "rsa-pkcs1.der": RSA.private_bytes(DER, PKCS1, PLAIN),
    "rsa-pkcs8.der": RSA.private_bytes(DER, PKCS8, PLAIN),
    "rsa-pkcs8-encrypted.der": RSA.private_bytes(DER, PKCS8, serialization.BestAvailableEncryption(b"rahasia")),
    "ec-sec1.der": EC.private_bytes(DER, PKCS1, PLAIN),
    "ed25519-pkcs8.key": ED.private_bytes(DER, PKCS8, PLAIN),
    "sertifikat-dan-kunci.p12": pkcs12.serialize_key_and_certificates(b"x", EC, CERT, None, PLAIN),
    "sertifikat-dan-kunci-bersandi.pfx": pkcs12.serialize_key_and_certificates(
        b"x", EC, CERT, None, serialization.BestAvailableEncryption(b"rahasia")),
    "akun-layanan.json": b'{"type": "service_account", "private_key": "'
                         + RSA.private_bytes(PEM, PKCS8, PLAIN).replace(b"\n", b"\\n") + b'"}\n',
    "ratna.ppk": PUTTY,
    "ratna-crlf-bom.ppk": b"\xef\xbb\xbf" + PUTTY.replace(b"\n", b"\r\n"),
    "cadangan.zip": _zipped("home/ratna/.ssh/id_ed25519", OPENSSH),
    "cadangan-tanpa-kompresi.zip": _zipped("kunci.der", RSA.private_bytes(DER, PKCS8, PLAIN), zipfile.ZIP_STORED),
    "laporan.docx": _zipped("word/media/kunci.txt", b"catatan\n" + OPENSSH),
}
HARMLESS = {
    "id_ed25519.pub": b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk3Jd2cJ2x6o3sVfVtqz0b0qQH7l9Q4c4q3a8F1dXbN ratna\n",
    "publik.pem": EC.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    "publik.der": RSA.public_key().public_bytes(DER, serialization.PublicFormat.SubjectPublicKeyInfo),
    "sertifikat.pem": CERT.public_bytes(PEM),
    "sertifikat.der": CERT.public_bytes(DER),
    "sertifikat-saja.p12": pkcs12.serialize_key_and_certificates(b"x", None, None, [CERT], PLAIN),
    "panduan-kunci.md": b"# Bentuk kunci\n\nBerkas kunci privat diawali\n\n```\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        b"...\n-----END OPENSSH PRIVATE KEY-----\n```\n\njangan pernah diunggah.\n",
    "putty-panduan.md": b"Berkas PuTTY diawali baris `PuTTY-User-Key-File-3: ssh-ed25519`.\n",
    "kode.py": (b'BEGIN = b"-----BEGIN OPENSSH PRIVATE KEY-----"\n'
                b'def body(data):\n    return data.split(BEGIN)[1].split(b"-----END")[0]  # base64 lines in between\n'),
    "acak.bin": b"\x30\x82\x01\x00" + bytes(range(256)) * 3,
    "laporan-biasa.docx": _zipped("word/document.xml", b"<w:document>Laporan</w:document>"),
    "rusak.zip": b"PK\x03\x04" + b"\x00" * 200,
}


@pytest.mark.parametrize("name", sorted(KEYS))
def test_a_private_key_in_any_form_is_found(tmp_path: Path, name: str) -> None:
    write_bytes(tmp_path / "content" / "files" / name, KEYS[name])
    assert private_keys_in(tmp_path) == [tmp_path / "content" / "files" / name]


def test_public_keys_certificates_and_pages_about_keys_raise_no_alarm(tmp_path: Path) -> None:
    for name, data in HARMLESS.items():
        write_bytes(tmp_path / "content" / "files" / name, data)
    assert private_keys_in(tmp_path) == []


def test_a_key_in_an_attachment_stops_every_command(site: Path, ppid) -> None:
    write_bytes(site / "content" / "files" / "lampiran.zip", KEYS["cadangan.zip"])
    code, out, err = ppid("check")
    assert code == 2 and "kunci privat ditemukan di dalam folder situs: content/files/lampiran.zip" in err
    assert "Traceback" not in out + err
