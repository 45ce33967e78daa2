"""Tests for pipeline.signing: SSHSIG, OpenSSH interop, keys and canonical bytes."""

from __future__ import annotations

import base64
import os
import re
import stat
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.signing import (
    SignatureError,
    SigningError,
    allowed_signers_line,
    canonical_bytes,
    fingerprint,
    generate_key,
    load_private_key,
    looks_like_private_key,
    parse_public_key,
    private_key_bytes,
    public_key_line,
    sshsig_sign,
    sshsig_sign_with_ssh_keygen,
    sshsig_verify,
    write_private_key,
)

MESSAGE = b'{"decision":"approve","path":"informasi/berkala.md"}'
SAFE_INT = 2**53 - 1


def run(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run an OpenSSH tool, capturing its output."""
    return subprocess.run(args, input=stdin, capture_output=True, check=False, timeout=30, env=env)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    """An unencrypted Ed25519 key written by write_private_key, with its .pub."""
    path = tmp_path / "keys" / "id_ppid"
    key = generate_key()
    write_private_key(path, key, None)
    path.with_suffix(".pub").write_text(public_key_line(key, "alice@ppid") + "\n")
    return path


def ssh_keygen_sign(key: Path, message: bytes, namespace: str = "ppid") -> str:
    """Sign with `ssh-keygen -Y sign`, reading stdin and writing stdout."""
    result = run("ssh-keygen", "-Y", "sign", "-f", str(key), "-n", namespace, stdin=message)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


def ssh_keygen_verify(
    tmp_path: Path, signers: str, armored: str, message: bytes, namespace: str = "ppid", *extra: str
) -> subprocess.CompletedProcess[bytes]:
    """Verify with `ssh-keygen -Y verify` against an allowed_signers text."""
    (tmp_path / "allowed_signers").write_text(signers + "\n")
    (tmp_path / "record.sig").write_text(armored)
    return run(
        "ssh-keygen", "-Y", "verify", "-f", str(tmp_path / "allowed_signers"), "-I", "alice",
        "-n", namespace, "-s", str(tmp_path / "record.sig"), *extra, stdin=message,
    )


# --- SSHSIG round trip and refusals -----------------------------------------


def test_sign_then_verify_accepts() -> None:
    key = generate_key()
    armored = sshsig_sign(key, MESSAGE)
    assert armored.startswith("-----BEGIN SSH SIGNATURE-----\n")
    assert armored.endswith("-----END SSH SIGNATURE-----\n")
    assert all(len(line) <= 70 for line in armored.splitlines())
    assert sshsig_verify(public_key_line(key), armored, MESSAGE) is None


def test_verify_refuses_modified_message() -> None:
    key = generate_key()
    armored = sshsig_sign(key, MESSAGE)
    with pytest.raises(SignatureError):
        sshsig_verify(public_key_line(key), armored, MESSAGE.replace(b"approve", b"reject"))


def test_verify_refuses_other_key() -> None:
    armored = sshsig_sign(generate_key(), MESSAGE)
    with pytest.raises(SignatureError, match="kunci lain"):
        sshsig_verify(public_key_line(generate_key()), armored, MESSAGE)


def test_verify_refuses_wrong_namespace() -> None:
    key = generate_key()
    with pytest.raises(SignatureError, match="namespace"):
        sshsig_verify(public_key_line(key), sshsig_sign(key, MESSAGE, namespace="git"), MESSAGE)
    with pytest.raises(SignatureError, match="namespace"):
        sshsig_verify(public_key_line(key), sshsig_sign(key, MESSAGE), MESSAGE, namespace="git")


def flip_char(line: str, index: int) -> str:
    """`line` with one base64 character replaced by another."""
    return line[:index] + ("A" if line[index] != "A" else "B") + line[index + 1 :]


@pytest.mark.parametrize(
    "damage", ["magic", "signature", "truncate", "no_footer", "garbage", "empty"]
)
def test_verify_refuses_damaged_armor(damage: str) -> None:
    key = generate_key()
    armored = sshsig_sign(key, MESSAGE)
    lines = armored.splitlines()
    damaged = {
        "magic": "\n".join([lines[0], flip_char(lines[1], 2), *lines[2:]]),
        "signature": "\n".join([*lines[:-2], flip_char(lines[-2], 5), lines[-1]]),
        "truncate": "\n".join([*lines[:-2], lines[-1]]),
        "no_footer": "\n".join(lines[:-1]),
        "garbage": "\n".join([lines[0], "!!!not base64!!!", lines[-1]]),
        "empty": "",
    }[damage]
    with pytest.raises(SignatureError):
        sshsig_verify(public_key_line(key), damaged, MESSAGE)


def test_verify_refuses_unusable_expected_key() -> None:
    key = generate_key()
    with pytest.raises(SignatureError):
        sshsig_verify("ssh-rsa AAAAB3NzaC1yc2E", sshsig_sign(key, MESSAGE), MESSAGE)


# --- interop with OpenSSH ----------------------------------------------------


def test_ssh_keygen_signature_is_identical_to_ours_and_verifies(key_file: Path) -> None:
    key = load_private_key(key_file, None)
    theirs = ssh_keygen_sign(key_file, MESSAGE)
    assert theirs == sshsig_sign(key, MESSAGE)
    sshsig_verify(key_file.with_suffix(".pub").read_text(), theirs, MESSAGE)


def test_our_signature_verifies_with_ssh_keygen(tmp_path: Path) -> None:
    key = generate_key()
    armored = sshsig_sign(key, MESSAGE)
    signers = allowed_signers_line("alice", public_key_line(key), None, None)
    assert ssh_keygen_verify(tmp_path, signers, armored, MESSAGE).returncode == 0
    assert ssh_keygen_verify(tmp_path, signers, armored, MESSAGE, "git").returncode != 0
    assert ssh_keygen_verify(tmp_path, signers, armored, MESSAGE + b" ").returncode != 0


def test_ssh_keygen_reads_our_key_file(key_file: Path) -> None:
    key = load_private_key(key_file, None)
    derived = run("ssh-keygen", "-y", "-f", str(key_file))
    assert derived.returncode == 0, derived.stderr
    assert derived.stdout.decode().split()[:2] == public_key_line(key).split()
    listed = run("ssh-keygen", "-lf", str(key_file.with_suffix(".pub"))).stdout.decode().split()
    assert listed[1] == fingerprint(key) == fingerprint(public_key_line(key, "x"))
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700


def test_passphrase_key_is_readable_by_ssh_keygen_and_us(tmp_path: Path) -> None:
    path = tmp_path / "id_ppid"
    key = generate_key()
    write_private_key(path, key, "rahasia sekali")
    assert b"OPENSSH PRIVATE KEY" in path.read_bytes()
    derived = run("ssh-keygen", "-y", "-P", "rahasia sekali", "-f", str(path))
    assert derived.stdout.decode().split()[:2] == public_key_line(key).split()
    assert public_key_line(load_private_key(path, "rahasia sekali")) == public_key_line(key)


def test_key_made_by_ssh_keygen_loads(tmp_path: Path) -> None:
    path = tmp_path / "id_ed25519"
    made = run(
        "ssh-keygen", "-q", "-t", "ed25519", "-N", "kata sandi", "-C", "bob", "-f", str(path)
    )
    assert made.returncode == 0, made.stderr
    key = load_private_key(path, "kata sandi")
    assert public_key_line(key, "bob") == path.with_suffix(".pub").read_text().strip()


def test_allowed_signers_validity_period_is_enforced_by_ssh_keygen(tmp_path: Path) -> None:
    key = generate_key()
    armored = sshsig_sign(key, MESSAGE)
    expired = allowed_signers_line("alice", public_key_line(key), "2020-01-01", "2021-01-01")
    assert 'valid-after="20200101Z"' in expired and 'valid-before="20210101Z"' in expired
    assert ssh_keygen_verify(tmp_path, expired, armored, MESSAGE).returncode != 0
    in_period = ssh_keygen_verify(
        tmp_path, expired, armored, MESSAGE, "ppid", "-Overify-time=20200601"
    )
    assert in_period.returncode == 0, in_period.stderr
    future = (date.today() + timedelta(days=5 * 365)).isoformat()  # never .replace(year=…): 29 February
    current = allowed_signers_line("alice", public_key_line(key), "2020-01-01", future)
    assert ssh_keygen_verify(tmp_path, current, armored, MESSAGE).returncode == 0


def test_allowed_signers_line_format_and_refusals() -> None:
    line = public_key_line(generate_key(), "komentar")
    produced = allowed_signers_line("alice", line, "2024-01-01", None)
    assert produced == f'alice namespaces="ppid",valid-after="20240101Z" {line.rsplit(" ", 1)[0]}'
    for bad_date in ["2024-13-01", "20240101", "2024-1-1", "kemarin"]:
        with pytest.raises(SigningError, match="tanggal"):
            allowed_signers_line("alice", line, bad_date, None)
    for bad_principal in ["", "alice bob", "*", "a,b", 'a"b']:
        with pytest.raises(SigningError):
            allowed_signers_line(bad_principal, line, None, None)


# --- key files ---------------------------------------------------------------


def test_write_private_key_refuses_to_overwrite(key_file: Path) -> None:
    before = key_file.read_bytes()
    with pytest.raises(SigningError, match=re.escape(str(key_file))):
        write_private_key(key_file, generate_key(), None)
    assert key_file.read_bytes() == before


def test_wrong_or_missing_passphrase_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "id_ppid"
    write_private_key(path, generate_key(), "benar")
    with pytest.raises(SigningError, match=re.escape(str(path)) + ".*salah"):
        load_private_key(path, "keliru")
    with pytest.raises(SigningError, match=re.escape(str(path)) + ".*frasa sandi"):
        load_private_key(path, None)


def test_unencrypted_key_loads_even_if_a_passphrase_is_given(key_file: Path) -> None:
    assert isinstance(public_key_line(load_private_key(key_file, "tidak perlu")), str)


def test_key_readable_by_others_is_refused(key_file: Path) -> None:
    key_file.chmod(0o644)
    with pytest.raises(SigningError, match=re.escape(f"chmod 600 {key_file}")):
        load_private_key(key_file, None)


def test_missing_and_foreign_key_files_are_refused(tmp_path: Path) -> None:
    missing = tmp_path / "tidak_ada"
    with pytest.raises(SigningError, match=re.escape(str(missing)) + ".*tidak ditemukan"):
        load_private_key(missing, None)
    ecdsa = tmp_path / "id_ecdsa"
    assert run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", str(ecdsa)).returncode == 0
    with pytest.raises(SigningError, match=re.escape(str(ecdsa)) + ".*bukan Ed25519"):
        load_private_key(ecdsa, None)
    public = tmp_path / "public_only"
    descriptor = os.open(public, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(descriptor, public_key_line(generate_key()).encode())
    os.close(descriptor)
    with pytest.raises(SigningError, match=re.escape(str(public)) + ".*bukan kunci privat"):
        load_private_key(public, None)


def test_parse_public_key_accepts_comment_and_refuses_others() -> None:
    key = generate_key()
    line = public_key_line(key, "alice laptop")
    assert line.endswith(" alice laptop")
    assert public_key_line(parse_public_key(line)) == public_key_line(key)
    rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 bob"
    for bad in [rsa, "", "ssh-ed25519", "ssh-ed25519 bukan-base64!", "ssh-ed25519 AAAA", "sampah"]:
        with pytest.raises(SigningError):
            parse_public_key(bad)
    blob = base64.b64decode(line.split()[1])
    rsa_blob = b"\x00\x00\x00\x07ssh-rsa" + blob[15:]
    for bad_blob in [blob[:-1], blob + b"\x00", rsa_blob]:
        with pytest.raises(SigningError):
            parse_public_key("ssh-ed25519 " + base64.b64encode(bad_blob).decode())


def test_looks_like_private_key() -> None:
    key = generate_key()
    assert looks_like_private_key(private_key_bytes(key, None))
    assert looks_like_private_key(private_key_bytes(key, "sandi"))
    headers = ["", "RSA ", "EC ", "ENCRYPTED ", "DSA ", "OPENSSH "]
    for header in (f"{kind}PRIVATE KEY" for kind in headers):
        assert looks_like_private_key(f"isi\n-----BEGIN {header}-----\nMIIE\n".encode())
    assert looks_like_private_key(b"PuTTY-User-Key-File-3: ssh-ed25519\n")
    assert not looks_like_private_key(public_key_line(key).encode())
    assert not looks_like_private_key(sshsig_sign(key, MESSAGE).encode())
    assert not looks_like_private_key(b"# Halaman\n\nKunci publik ada di registri.\n")


# --- signing through ssh-agent -----------------------------------------------


@pytest.fixture
def agent_socket(tmp_path: Path) -> Iterator[str]:
    """A real ssh-agent for the test, stopped afterwards."""
    socket = tmp_path / "agent.sock"
    agent = subprocess.Popen(
        ["ssh-agent", "-s", "-D", "-a", str(socket)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert agent.stdout is not None
        found = re.search(r"SSH_AUTH_SOCK=([^;]+);", agent.stdout.readline().decode())
        assert found, "ssh-agent did not print SSH_AUTH_SOCK"
        yield found.group(1)
    finally:
        agent.terminate()
        agent.wait(timeout=10)


def test_sign_through_ssh_agent(
    key_file: Path, agent_socket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**os.environ, "SSH_AUTH_SOCK": agent_socket}
    added = run("ssh-add", str(key_file), env=env)
    assert added.returncode == 0, added.stderr
    key = load_private_key(key_file, None)
    key_file.unlink()  # only the agent holds the private key now
    monkeypatch.setenv("SSH_AUTH_SOCK", agent_socket)
    armored = sshsig_sign_with_ssh_keygen(key_file.with_suffix(".pub"), MESSAGE)
    sshsig_verify(public_key_line(key), armored, MESSAGE)
    assert armored == sshsig_sign(key, MESSAGE)


def test_ssh_keygen_signing_failure_reports_stderr(
    tmp_path: Path, agent_socket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pub = tmp_path / "orphan.pub"
    pub.write_text(public_key_line(generate_key()) + "\n")
    monkeypatch.setenv("SSH_AUTH_SOCK", agent_socket)
    with pytest.raises(SigningError, match="ssh-keygen gagal.*orphan.pub"):
        sshsig_sign_with_ssh_keygen(pub, MESSAGE)


# --- canonical form ----------------------------------------------------------

KEYS = st.text(max_size=8).map(lambda text: unicodedata.normalize("NFC", text))
LEAVES = st.text(max_size=12) | st.integers(-SAFE_INT, SAFE_INT) | st.booleans() | st.none()
VALUES = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=16,
)
RECORDS = st.dictionaries(KEYS, VALUES, min_size=1, max_size=6)
FAST = settings(max_examples=100, deadline=None)


def transform(value: Any, on_str: Any, reverse: bool = False) -> Any:
    """Rebuild `value`, applying `on_str` to strings and optionally reversing dict order."""
    if isinstance(value, str):
        return on_str(value)
    if isinstance(value, list):
        return [transform(item, on_str, reverse) for item in value]
    if isinstance(value, dict):
        items = list(value.items())[::-1] if reverse else list(value.items())
        return {on_str(k): transform(v, on_str, reverse) for k, v in items}
    return value


def leaf_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every scalar inside `value`."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, (*prefix, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaf_paths(v, (*prefix, i))]
    return [prefix]


def changed(value: Any) -> Any:
    """A different scalar of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value - 1 if value == SAFE_INT else value + 1
    if isinstance(value, str):
        return value + "x"
    return 0


def with_leaf(record: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A copy of `record` with the scalar at `path` replaced."""
    if not path:
        return new
    copy = dict(record) if isinstance(record, dict) else list(record)
    copy[path[0]] = with_leaf(record[path[0]], path[1:], new)
    return copy


@FAST
@given(RECORDS)
def test_canonical_bytes_ignore_order_and_unicode_form(record: dict[str, Any]) -> None:
    expected = canonical_bytes(record)
    assert canonical_bytes(record) == expected
    assert canonical_bytes(transform(record, lambda s: s, reverse=True)) == expected
    assert canonical_bytes(transform(record, lambda s: unicodedata.normalize("NFD", s))) == expected


@FAST
@given(RECORDS, st.data())
def test_changing_any_value_changes_bytes_and_breaks_signature(
    record: dict[str, Any], data: st.DataObject
) -> None:
    paths = leaf_paths(record)
    assume(paths)
    path = data.draw(st.sampled_from(paths))
    old_leaf: Any = record
    for step in path:
        old_leaf = old_leaf[step]
    tampered = with_leaf(record, path, changed(old_leaf))
    assert canonical_bytes(tampered) != canonical_bytes(record)
    key = generate_key()
    armored = sshsig_sign(key, canonical_bytes(record))
    with pytest.raises(SignatureError):
        sshsig_verify(public_key_line(key), armored, canonical_bytes(tampered))


def test_canonical_bytes_known_value() -> None:
    record = {"b": [1, True, None], "a": "Cafe\u0301", "é": {"z": -5, "y": "x"}}
    expected = '{"a":"Café","b":[1,true,null],"é":{"y":"x","z":-5}}'
    assert canonical_bytes(record) == expected.encode()


@pytest.mark.parametrize(
    "bad",
    [1.5, 0.0, float("nan"), 2**53, -(2**53), 10**20, date(2025, 1, 1), b"bytes", {1, 2}, object()],
)
def test_canonical_bytes_refuses_inexact_values(bad: Any) -> None:
    with pytest.raises(SigningError, match="teks"):
        canonical_bytes({"daftar": [{"nilai": bad}]})


def test_canonical_bytes_refuses_keys_equal_after_nfc() -> None:
    with pytest.raises(SigningError, match="dua kali"):
        canonical_bytes({"caf\u00e9": 1, "cafe\u0301": 2})
    with pytest.raises(SigningError):
        canonical_bytes({1: "bukan teks"})  # type: ignore[dict-item]


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x7f), max_size=12)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _JSONISH, max_size=6))
def test_canonical_bytes_are_rfc8785_whatever_the_data(fields: dict) -> None:
    """The fast path for plain ASCII data writes exactly the library's bytes: a record signed by one path
    verifies by the other, and a page digest never changes with the data's shape."""
    import rfc8785

    from pipeline.signing.canonical import _normalise

    try:
        expected = rfc8785.dumps(_normalise(fields, "rekaman"))
    except Exception:
        return  # refused by the library; canonical_bytes refuses too (tested above)
    assert canonical_bytes(fields) == expected
