"""Signed decision records: one YAML file per decision under reviews/ — typed payloads, read, sign, write.

A record is the envelope (its fields plus an SSHSIG signature over their RFC 8785 canonical bytes); its id is
the SHA-256 of those canonical bytes, and `prev` names the ids of the log heads its signer saw, so the records
form an append-only hash DAG (pipeline/trust/log.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import posixpath
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any


from ..schema import compile_schema, validate_data
from ..signing import SignatureError, SigningError, canonical_bytes, sshsig_sign, sshsig_verify
from ..yamlio import dumps, load_file
from .errors import RecordError

PAGE_RECORD = "ppid-review"
RELEASE_RECORD = "ppid-release"
VERSION = 2
NEW_PAGE = "baru"
FIRST_RELEASE = "awal"
ACTIONS = {
    "submit": ("submitted",),
    "review": ("approved", "changes_requested"),
    "approve": ("approved", "rejected"),
    "withdraw": ("withdrawn",),
    "release_check": ("approved", "changes_requested"),
    "release_approve": ("approved", "rejected"),
}
PAGE_FIELDS = ("page", "change", "hash", "base")
RELEASE_FIELDS = ("release", "base_release")
SCHEMA = Path("site_config") / "schema" / "record.yml"


@dataclass(frozen=True)
class Record:
    """A decision: every field but the signature is signed, unknown fields included."""

    display: str
    fields: dict[str, Any]
    signature: str

    @cached_property
    def canonical(self) -> bytes:
        return canonical_bytes(self.fields)

    @cached_property
    def id(self) -> str:
        return "sha256:" + hashlib.sha256(self.canonical).hexdigest()

    @property
    def kind(self) -> str:
        return self.fields["type"]

    @property
    def subject(self) -> str:
        """What the decision is about: a page path, or 'rilis'."""
        return self.fields.get("page") or "rilis"

    @property
    def page(self) -> str:
        return self.fields.get("page", "")

    @property
    def digest(self) -> str:
        """The bytes decided on: a page change's digest, or a release id."""
        return self.fields.get("hash") or self.fields.get("release", "")

    @property
    def base(self) -> str:
        """What the change replaces: the live digest or 'baru'; for a release the live release or 'awal'."""
        return self.fields.get("base") or self.fields.get("base_release", "")

    @property
    def action(self) -> str:
        return self.fields["action"]

    @property
    def decision(self) -> str:
        return self.fields["decision"]

    @property
    def role(self) -> str:
        return self.fields["role"]

    @property
    def reviewer(self) -> str:
        return self.fields["reviewer"]

    @property
    def change(self) -> str:
        return self.fields.get("change", "")

    @property
    def comment(self) -> str:
        return str(self.fields.get("comment") or "")

    @property
    def prev(self) -> tuple[str, ...]:
        return tuple(self.fields.get("prev") or ())

    @property
    def accepted_findings(self) -> frozenset[str]:
        return frozenset(self.fields.get("accepted_findings") or ())

    @cached_property
    def time(self) -> dt.datetime:
        return parse_time(self.fields["time"])

    def signature_problem(self, key_line: str) -> str | None:
        """None when `key_line` signed exactly these fields."""
        try:
            sshsig_verify(key_line, self.signature, self.canonical)
        except SignatureError as exc:
            return f"tanda tangan tidak sah ({exc})"
        except SigningError as exc:
            return f"rekaman tidak dapat diperiksa ({exc})"
        return None


def record_id(fields: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_bytes(fields)).hexdigest()


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def format_time(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("waktu tanpa zona waktu")
    return value.astimezone(dt.timezone.utc)


@lru_cache(maxsize=4)
def _schema(root: Path, mtime_ns: int):
    """The schema compiled twice from the same data: a fast native check for the thousands of well-formed
    records, and the reference validator that words the message when one is not."""
    schema = load_file(root / SCHEMA, SCHEMA.as_posix()).data
    return compile_schema(schema, SCHEMA.as_posix())


def parse_record(root: Path, path: Path, display: str) -> Record:
    """Read one record file; raise RecordError naming the file and line of the first thing wrong."""
    located = load_file(path, display)
    data = located.data
    if not isinstance(data, dict):
        raise RecordError(f"{display}: bukan rekaman keputusan (harus pemetaan kolom: nilai)")
    if data.get("version") == 1:
        raise RecordError(f"{display}: rekaman format lama (versi 1, tanpa 'prev' dan 'base'); tidak dihitung")
    schema = _schema(root, (root / SCHEMA).stat().st_mtime_ns)
    if not schema.is_valid(data):
        problems = list(validate_data(schema, data, display, located.line_of))
        raise RecordError(f"{problems[0]}" if problems else f"{display}: rekaman tidak sesuai skema {SCHEMA.as_posix()}")
    required = PAGE_FIELDS if data["type"] == PAGE_RECORD else RELEASE_FIELDS
    missing = [k for k in required if k not in data]
    if missing:
        raise RecordError(f"{display}: kolom wajib tidak ada: {', '.join(missing)}")
    if data["decision"] not in ACTIONS[data["action"]]:
        raise RecordError(f"{display}:{located.line_of(('decision',))}: keputusan '{data['decision']}' tidak sah "
                          f"untuk tindakan '{data['action']}'")
    if (data["type"] == RELEASE_RECORD) != data["action"].startswith("release_"):
        raise RecordError(f"{display}: tindakan '{data['action']}' tidak cocok dengan jenis rekaman '{data['type']}'")
    problem = check_page_path(data.get("page"))
    if data["type"] == PAGE_RECORD and problem:
        raise RecordError(f"{display}:{located.line_of(('page',))}: {problem}")
    try:
        parse_time(data["time"])
    except ValueError:
        raise RecordError(f"{display}:{located.line_of(('time',))}: waktu '{data['time']}' bukan tanggal dan jam yang ada") from None
    signature = data.pop("signature")
    return Record(display=display, fields=data, signature=signature)


def check_page_path(page: Any) -> str | None:
    """Why a record's page field is unsafe, or None: relative, inside the tree, a .md file."""
    text = str(page)
    if text.startswith("/") or posixpath.normpath(text) != text or text.startswith("..") or not text.endswith(".md"):
        return f"jalur halaman '{text}' tidak sah (harus relatif di dalam content/, tanpa '..')"
    return None


MAX_RECORD_BYTES = 64 * 1024


def unusable_file(info: os.stat_result, limit: int = MAX_RECORD_BYTES) -> str | None:
    """Why a file under reviews/ (or records/) cannot be a record at all, from its lstat: a link, a device, too
    large."""
    if stat.S_ISLNK(info.st_mode):
        return "tautan simbolik, bukan berkas rekaman; hapus tautan ini"
    if not stat.S_ISREG(info.st_mode):
        return "bukan berkas biasa; hapus"
    if info.st_size > limit:
        return f"terlalu besar untuk sebuah rekaman (batas {limit} bita)"
    return None


def record_files(reviews_dir: Path) -> list[str]:
    """Every decision record file under reviews/, relative to it, sorted (preview manifests live in
    reviews/manifests/). Strings, not Paths: the log reads thousands of them on every command."""
    found = []
    for folder, dirs, files in os.walk(reviews_dir):
        rel = os.path.relpath(folder, reviews_dir)
        rel = "" if rel == "." else rel + "/"
        dirs[:] = [d for d in dirs if d != "manifests"]
        # a linked folder is not walked into; it is named (as a link) rather than left out silently
        found += [rel + d for d in dirs if os.path.islink(os.path.join(folder, d))]
        found += [rel + name for name in files if name.endswith(".yml") and not name.startswith(".")]
    return sorted(found)


def page_fields(page: str, change: str, digest: str, base: str, action: str, decision: str, role: str,
                reviewer: str, comment: str, when: dt.datetime, prev: list[str], **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "type": PAGE_RECORD, "version": VERSION, "page": page, "change": change, "hash": digest, "base": base,
        "action": action, "decision": decision, "role": role, "reviewer": reviewer,
        "time": format_time(when), "comment": comment, "prev": sorted(prev),
    }
    fields.update({k: v for k, v in extra.items() if v is not None})
    return fields


def release_fields(release: str, base_release: str, action: str, decision: str, role: str, reviewer: str,
                   comment: str, when: dt.datetime, prev: list[str], **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "type": RELEASE_RECORD, "version": VERSION, "release": release, "base_release": base_release,
        "action": action, "decision": decision, "role": role, "reviewer": reviewer,
        "time": format_time(when), "comment": comment, "prev": sorted(prev),
    }
    fields.update({k: v for k, v in extra.items() if v is not None})
    return fields


def sign_fields(fields: dict[str, Any], private_key) -> str:
    return sshsig_sign(private_key, canonical_bytes(fields))


def write_record(reviews_dir: Path, fields: dict[str, Any], signature: str) -> Path:
    """Write a new record file atomically; never overwrite one (records are append-only)."""
    when = parse_time(fields["time"])
    slug = (fields.get("page") or "rilis").removesuffix(".md").replace("/", "--")
    name = f"{when.strftime('%Y%m%dT%H%M%S%fZ')}-{fields['action']}-{fields['reviewer']}-{slug}.yml"
    folder = reviews_dir / when.strftime("%Y") / when.strftime("%m")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    tmp.write_text(dumps({**fields, "signature": signature}), encoding="utf-8")
    try:
        os.link(tmp, target)  # fails if the name exists: two people at once never overwrite each other
    except FileExistsError:
        raise RecordError(f"{target.name}: rekaman dengan nama ini sudah ada (keputusan lain ditulis pada saat yang sama); "
                          "jalankan lagi perintahnya") from None
    finally:
        tmp.unlink()
    return target
