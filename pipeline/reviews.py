"""Review records: one signed YAML file per decision under reviews/ — read, sign, write, verify."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import PpidError, YamlError
from .registry import Registry
from .signing import SignatureError, SigningError, canonical_bytes, sshsig_sign, sshsig_verify
from .yamlio import dumps, load_file

RECORD_TYPE = "ppid-review"
ACTIONS = {
    "submit": ("submitted",),
    "review": ("approved", "changes_requested"),
    "approve": ("approved", "rejected"),
    "withdraw": ("withdrawn",),
}
CHANGES = ("add", "edit", "remove", "withdraw")
REQUIRED = ("type", "version", "page", "change", "hash", "action", "decision", "role", "reviewer", "time")
_PAGE = re.compile(r"[A-Za-z0-9._/-]+\.md")


class RecordError(PpidError):
    """A record file that cannot be a valid record at all."""


@dataclass
class Record:
    """A decision: every field but the signature is signed, unknown fields included."""

    display: str
    fields: dict[str, Any]
    signature: str

    @property
    def page(self) -> str:
        return self.fields["page"]

    @property
    def digest(self) -> str:
        return self.fields["hash"]

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
        return self.fields["change"]

    @property
    def comment(self) -> str:
        return str(self.fields.get("comment") or "")

    @property
    def time(self) -> dt.datetime:
        return parse_time(self.fields["time"])

    def signature_problem(self, registry: Registry) -> str | None:
        """None when a registered key of the named reviewer signed exactly these fields."""
        person = registry.people.get(self.reviewer)
        if person is None:
            return f"penanda tangan '{self.reviewer}' tidak terdaftar di site_config/reviewers.yml"
        try:
            sshsig_verify(person.key, self.signature, canonical_bytes(self.fields))
        except SignatureError as exc:
            return f"tanda tangan tidak sah ({exc})"
        except SigningError as exc:
            return f"rekaman tidak dapat diperiksa ({exc})"
        return None


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def format_time(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("waktu tanpa zona waktu")
    return value.astimezone(dt.timezone.utc)


def check_page_path(page: Any) -> str | None:
    """Why a record's page field is unsafe, or None: relative, inside the tree, a .md file."""
    text = str(page)
    if not _PAGE.fullmatch(text) or text.startswith("/") or posixpath.normpath(text) != text or text.startswith(".."):
        return f"jalur halaman '{text}' tidak sah (harus relatif di dalam content/, tanpa '..')"
    return None


def parse_record(path: Path, display: str) -> Record:
    data = load_file(path, display).data
    if not isinstance(data, dict):
        raise RecordError(f"{display}: bukan rekaman tinjauan")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise RecordError(f"{display}: kolom wajib tidak ada: {', '.join(missing)}")
    wrong = [k for k in REQUIRED if k != "version" and not isinstance(data[k], str)]
    if wrong:
        raise RecordError(f"{display}: kolom {', '.join(wrong)} harus berupa teks")
    if data["type"] != RECORD_TYPE:
        raise RecordError(f"{display}: jenis rekaman '{data['type']}' tidak dikenal")
    signature = data.pop("signature", None)
    if not isinstance(signature, str):
        raise RecordError(f"{display}: rekaman tidak bertanda tangan")
    problem = check_page_path(data["page"])
    if problem:
        raise RecordError(f"{display}: {problem}")
    if data["action"] not in ACTIONS or data["decision"] not in ACTIONS[data["action"]]:
        raise RecordError(f"{display}: tindakan '{data['action']}' dengan keputusan '{data['decision']}' tidak dikenal")
    try:
        parse_time(data["time"])
    except ValueError:
        raise RecordError(f"{display}: waktu '{data['time']}' tidak sah (contoh: 2026-11-25T03:00:00Z)") from None
    return Record(display=display, fields=data, signature=signature)


@dataclass
class RecordSet:
    records: list[Record]
    problems: list[str]

    def for_page(self, page: str) -> list[Record]:
        return [r for r in self.records if r.page == page]


def load_records(reviews_dir: Path, site_root: Path) -> RecordSet:
    records, problems = [], []
    for path in sorted(reviews_dir.rglob("*.yml")) if reviews_dir.is_dir() else []:
        if "manifests" in path.relative_to(reviews_dir).parts:
            continue
        display = path.relative_to(site_root).as_posix()
        try:
            records.append(parse_record(path, display))
        except (RecordError, YamlError) as exc:
            problems.append(str(exc))
    records.sort(key=lambda r: (r.time, r.display))
    return RecordSet(records, problems)


def new_fields(page: str, change: str, digest: str, action: str, decision: str, role: str,
               reviewer: str, comment: str = "", when: dt.datetime | None = None, **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "type": RECORD_TYPE, "version": 1, "page": page, "change": change, "hash": digest,
        "action": action, "decision": decision, "role": role, "reviewer": reviewer,
        "time": format_time(when or now_utc()), "comment": comment,
    }
    fields.update({k: v for k, v in extra.items() if v is not None})
    return fields


def sign_fields(fields: dict[str, Any], private_key) -> str:
    return sshsig_sign(private_key, canonical_bytes(fields))


def write_record(reviews_dir: Path, fields: dict[str, Any], signature: str) -> Path:
    """Write a new record file atomically; never overwrite one."""
    when = parse_time(fields["time"])
    slug = fields["page"].removesuffix(".md").replace("/", "--")
    name = f"{when.strftime('%Y%m%dT%H%M%S%fZ')}-{fields['action']}-{fields['reviewer']}-{slug}.yml"
    folder = reviews_dir / when.strftime("%Y") / when.strftime("%m")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    tmp = folder / f".{name}.tmp"
    tmp.write_text(dumps({**fields, "signature": signature}), encoding="utf-8")
    try:
        os.link(tmp, target)  # fails if the name exists: records are append-only
    finally:
        tmp.unlink()
    return target


def iter_valid(records: list[Record], registry: Registry) -> Iterator[tuple[Record, str | None]]:
    for record in records:
        yield record, record.signature_problem(registry)
