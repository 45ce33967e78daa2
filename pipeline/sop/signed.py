"""A signed records/ document: its body (checked by site_config/schema/records/KIND.yml) and a chain of
signature entries (site_config/schema/records/tanda_tangan.yml).

Each entry signs, with the SSHSIG of pipeline.signing, the RFC 8785 bytes of {jenis, dokumen, its own fields},
where `isi` is the SHA-256 of the body's canonical bytes and `sebelumnya` the digest of the entry before it. So
editing the body after signing, moving a signature to another document, or dropping or reordering an entry all
fail verification, naming the file and line."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import YamlError
from ..schema import compile_schema, validate_data
from ..signing import SignatureError, SigningError, canonical_bytes, sshsig_sign, sshsig_verify
from ..trust.identity import Signer
from ..trust.records import format_time, parse_time
from ..trust.registry import Policy, Registry
from ..yamlio import Located, dumps, load_file
from .errors import NotVerified, SopError

SCHEMA_DIR = Path("site_config") / "schema" / "records"
ENTRY_SCHEMA = "tanda_tangan"
FUTURE_SLACK = dt.timedelta(minutes=10)
# For each kind: action -> (the policy step that may take it, the actions that may come just before it).
# None as a step: only the person who raised the request (the requester verifies the repair).
ACTIONS: dict[str, dict[str, tuple[str | None, frozenset[str | None]]]] = {
    "rencana": {"susun": ("plan_prepare", frozenset({None})),
                "tandatangani": ("plan_sign", frozenset({"susun"}))},
    "notulen": {"catat": ("minutes_record", frozenset({None})),
                "terima": ("minutes_receive", frozenset({"catat"}))},
    "permintaan": {"ajukan": ("request_raise", frozenset({None})),
                   "terima": ("request_handle", frozenset({"ajukan"})),
                   "kerjakan": ("request_handle", frozenset({"terima"})),
                   "selesai": ("request_handle", frozenset({"terima", "kerjakan"})),
                   "verifikasi": (None, frozenset({"selesai"}))},
}


@dataclass(frozen=True)
class Entry:
    fields: dict[str, Any]  # everything but the signature
    signature: str
    line: int

    @property
    def action(self) -> str:
        return self.fields["tindakan"]

    @property
    def by(self) -> str:
        return self.fields["oleh"]

    @property
    def time(self) -> dt.datetime:
        return parse_time(self.fields["waktu"])

    @property
    def result(self) -> str:
        return str(self.fields.get("hasil") or "")

    @property
    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(canonical_bytes({**self.fields, "tanda_tangan": self.signature})).hexdigest()


@dataclass
class Document:
    kind: str
    path: Path
    display: str
    body: dict[str, Any]
    entries: list[Entry]
    located: Located
    valid: list[Entry] = field(default_factory=list)   # the verified prefix of `entries`
    problems: list[str] = field(default_factory=list)  # why the rest does not count

    @property
    def id(self) -> str:
        return self.path.stem

    @property
    def body_digest(self) -> str:
        return "sha256:" + hashlib.sha256(canonical_bytes(self.body)).hexdigest()

    def last(self, action: str) -> Entry | None:
        """The latest verified entry of this action."""
        return next((e for e in reversed(self.valid) if e.action == action), None)

    @property
    def state(self) -> str | None:
        return self.valid[-1].action if self.valid else None

    def line_of(self, *path: Any) -> int:
        return self.located.line_of(path) or 1


@lru_cache(maxsize=8)
def _validator(schema_file: Path, mtime_ns: int, display: str):
    return compile_schema(load_file(schema_file, display).data, display)


def validator(root: Path, name: str):
    path = root / SCHEMA_DIR / f"{name}.yml"
    display = (SCHEMA_DIR / f"{name}.yml").as_posix()
    if not path.is_file():
        raise SopError(f"{display}: skema rekaman tidak ada; pulihkan dari riwayat git")
    return _validator(path, path.stat().st_mtime_ns, display)


def load_document(root: Path, path: Path, kind: str) -> Document:
    """Read one records/ document; raise SopError naming file:line for anything its schemas refuse."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    located = load_file(path, display)
    data = located.data
    if not isinstance(data, dict):
        raise SopError(f"{display}: bukan rekaman {kind} (harus pemetaan kolom: nilai)")
    problems = [str(p) for p in validate_data(validator(root, kind), data, display, located.line_of)]
    entries: list[Entry] = []
    for index, raw in enumerate(data.get("tanda_tangan") or []):
        prefix = ("tanda_tangan", index)
        found = [str(p) for p in validate_data(validator(root, ENTRY_SCHEMA), raw, display,
                                               lambda p, pre=prefix: located.line_of(pre + tuple(p)))]
        problems += found
        if not found:
            fields = {k: v for k, v in raw.items() if k != "tanda_tangan"}
            entries.append(Entry(fields, raw["tanda_tangan"], located.line_of(prefix) or 1))
    if problems:
        raise SopError(problems[0] if len(problems) == 1 else
                       f"{len(problems)} masalah di {display}:\n" + "\n".join(f"  {p}" for p in problems))
    body = {k: v for k, v in data.items() if k != "tanda_tangan"}
    return Document(kind, path, display, body, entries, located)


def load_folder(root: Path, folder: Path, kind: str) -> tuple[list[Document], list[str]]:
    """Every document of a records/ folder that parses, and one message for each that does not."""
    documents, problems = [], []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue
        try:
            documents.append(load_document(root, path, kind))
        except (SopError, YamlError) as exc:
            problems.append(str(exc))
    return documents, problems


def payload(doc: Document, fields: dict[str, Any]) -> bytes:
    """What an entry's signature covers: the kind, the document's name and the entry's fields."""
    return canonical_bytes({"jenis": doc.kind, "dokumen": doc.id, **fields})


def verify(doc: Document, registry: Registry, policy: Policy, now: dt.datetime) -> Document:
    """Fill doc.valid with the entries that verify, in order, and doc.problems with why the first that does not
    fails (the chain stops there: later entries depend on it)."""
    doc.valid, doc.problems = [], []
    previous: Entry | None = None
    for entry in doc.entries:
        problem = entry_problem(doc, entry, previous, registry, policy, now)
        if problem:
            doc.problems.append(f"{doc.display}:{entry.line}: {problem}")
            break
        doc.valid.append(entry)
        previous = entry
    return doc


def entry_problem(doc: Document, entry: Entry, previous: Entry | None, registry: Registry, policy: Policy,
                  now: dt.datetime) -> str | None:
    """Why this entry does not count, in Bahasa Indonesia, or None."""
    fields = entry.fields
    if fields["isi"] != doc.body_digest:
        return (f"isi dokumen telah diubah setelah ditandatangani ({entry.action} oleh {entry.by}); kembalikan isinya "
                "dari riwayat git, atau buat dokumen baru dan tandatangani ulang")
    if fields.get("sebelumnya") != (previous.digest if previous else None):
        return "urutan tanda tangan tidak cocok (tanda tangan sebelumnya dihapus, diubah atau ditukar)"
    rules = ACTIONS[doc.kind]
    if entry.action not in rules:
        return f"tindakan '{entry.action}' tidak berlaku untuk {doc.kind}"
    step, after = rules[entry.action]
    if (previous.action if previous else None) not in after:
        return f"tindakan '{entry.action}' tidak boleh sesudah '{previous.action if previous else 'awal'}'"
    person = registry.people.get(entry.by)
    if person is None:
        return f"penanda tangan '{entry.by}' tidak terdaftar di site_config/reviewers.yml"
    try:
        sshsig_verify(person.key, entry.signature, payload(doc, fields))
    except (SignatureError, SigningError) as exc:
        return f"tanda tangan {entry.by} tidak sah ({exc}); dokumen dipalsukan atau diubah setelah ditandatangani"
    if previous and entry.time <= previous.time:
        return "bertanggal sebelum tanda tangan sebelumnya"
    if entry.time > now + FUTURE_SLACK:
        return "bertanggal di masa depan"
    return _authority_problem(doc, entry, step, registry, policy)


def _authority_problem(doc: Document, entry: Entry, step: str | None, registry: Registry, policy: Policy) -> str | None:
    person = registry.people[entry.by]
    why = person.valid_at(entry.time)
    if why:
        return why
    if person.revoked_after is not None or (person.revoked and person.revoked <= entry.time.date()):
        return f"kunci {person.id} telah dicabut"
    role = entry.fields["peran"]
    if role not in person.roles:
        return f"{person.id} tidak memegang peran '{role}'"
    if step is None:
        raiser = doc.entries[0].by
        return None if entry.by == raiser else f"hanya pengaju ({raiser}) yang memverifikasi hasil perbaikan"
    if role not in policy.steps[step]:
        return f"peran '{policy.role_name(role)}' tidak boleh '{entry.action}' (site_config/policy.yml: {step}: {policy.names(step)})"
    return None


def role_for(signer: Signer, policy: Policy, step: str | None, doc: Document) -> str:
    """The signer's role that may take this step; SopError naming who may, when none."""
    if step is None:
        if doc.entries and signer.person.id == doc.entries[0].by:
            return doc.entries[0].fields["peran"]
        raiser = doc.entries[0].by if doc.entries else "pengaju"
        raise SopError(f"{doc.display}: hanya pengaju ({raiser}) yang memverifikasi hasil perbaikan")
    allowed = [r for r in signer.person.roles if r in policy.steps[step]]
    if not allowed:
        raise SopError(f"{doc.display}: {signer.person.id} ({', '.join(policy.role_name(r) for r in signer.person.roles)}) "
                       f"tidak boleh melakukan ini; yang boleh: {policy.names(step)}")
    return allowed[0]


def sign_entry(root: Path, doc: Document, action: str, signer: Signer, registry: Registry, policy: Policy,
               when: dt.datetime, **extra: Any) -> Path:
    """Verify the document, then append one signed entry and rewrite it atomically."""
    verify(doc, registry, policy, when)
    if doc.problems:
        raise NotVerified(doc.problems[0])
    step, after = ACTIONS[doc.kind][action]
    if doc.state not in after:
        shown = doc.state or "belum ditandatangani"
        raise SopError(f"{doc.display}: '{action}' tidak dapat dilakukan sekarang (tahap terakhir: {shown})")
    fields: dict[str, Any] = {
        "tindakan": action, "langkah": step or "request_verify", "oleh": signer.person.id,
        "peran": role_for(signer, policy, step, doc), "waktu": format_time(when), "isi": doc.body_digest,
    }
    if doc.valid:
        fields["sebelumnya"] = doc.valid[-1].digest
        if when <= doc.valid[-1].time:
            raise SopError(f"{doc.display}: jam komputer ini lebih awal dari tanda tangan terakhir; periksa jamnya")
    fields.update({k: v for k, v in extra.items() if v})
    signature = sshsig_sign(signer.key, payload(doc, fields))
    entries = [{**e.fields, "tanda_tangan": e.signature} for e in doc.valid] + [{**fields, "tanda_tangan": signature}]
    write_document(doc.path, {**doc.body, "tanda_tangan": entries}, replace=True)
    return doc.path


def write_document(path: Path, data: dict[str, Any], replace: bool = False, header: str = "") -> None:
    """Write atomically; a new document never overwrites another."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(header + dumps(data), encoding="utf-8")
    try:
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise SopError(f"{path.name}: sudah ada; pilih nama lain atau ubah berkas itu") from None
    finally:
        tmp.unlink(missing_ok=True)
