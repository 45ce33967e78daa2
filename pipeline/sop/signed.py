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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..errors import YamlError, os_error_message
from ..problems import shown_name
from ..schema import compile_schema, validate_data
from ..signing import SignatureError, SigningError, canonical_bytes, sshsig_sign, sshsig_verify
from ..trust.identity import Signer
from ..trust.records import format_time, parse_time, unusable_file
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
# Steps the SOP gives to two different people: the action, and the earlier one its signer must not have taken.
SEPARATE = {("rencana", "tandatangani"): "susun", ("notulen", "terima"): "catat", ("permintaan", "terima"): "ajukan",
            ("permintaan", "kerjakan"): "ajukan", ("permintaan", "selesai"): "ajukan"}
DOING = {"susun": "menyusunnya", "catat": "mencatatnya", "ajukan": "mengajukannya (sebagai pengaju)",
         "tandatangani": "menandatanganinya", "terima": "menerimanya", "kerjakan": "mengerjakannya",
         "selesai": "menyelesaikannya"}
MAX_BYTES = 256 * 1024
# The name of the file is the document's identity (it is signed): the body must say the same.
IDENTITY = {"rencana": "triwulan", "permintaan": "nomor", "notulen": "tanggal"}
# Free text may span lines; every other value is one line (so "2027-T1\n" never passes for "2027-T1").
MULTILINE = frozenset({"uraian", "catatan", "tanda_tangan"})
# C0/C1 controls (tab and newline aside), bidi overrides and isolates, line and paragraph separators: invisible in
# a terminal or a printed form, and able to make a value read as something else.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


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
    not_before: dt.datetime | None = None              # no entry may be older (minutes: the meeting's day)
    source: str = ""                                   # SHA-256 of the file as read: a rewrite replaces only that
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


Check = Callable[["Document"], list[tuple[tuple, str]]]


def load_document(root: Path, path: Path, kind: str, check: Check | None = None) -> Document:
    """Read one records/ document; raise SopError naming file:line for anything its schemas (or `check`, the
    kind's own rules: (field path, message) pairs) refuse."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    refuse_linked_folder(path.parent)
    why = unusable_file(path.lstat(), MAX_BYTES) if path.exists() or path.is_symlink() else None
    if why:
        raise SopError(f"{display}: tidak dapat dibaca ({why})")
    try:
        located = load_file(path, display)
    except YamlError as exc:
        if exc.line is None:
            raise SopError(f"{display}: tidak dapat dibaca ({exc.message})") from None
        raise
    data = located.data
    if not isinstance(data, dict):
        raise SopError(f"{display}: bukan rekaman {kind} (harus pemetaan kolom: nilai)")
    problems = [f"{display}:{located.line_of(where) or 1}: {message}" for where, message in _text_problems(data, ())]
    problems += [str(p) for p in validate_data(validator(root, kind), data, display, located.line_of)]
    entries: list[Entry] = []
    for index, raw in enumerate(data.get("tanda_tangan") or []):
        prefix = ("tanda_tangan", index)
        found = [str(p) for p in validate_data(validator(root, ENTRY_SCHEMA), raw, display,
                                               lambda p, pre=prefix: located.line_of(pre + tuple(p)))]
        problems += found
        if not found:
            fields = {k: v for k, v in raw.items() if k != "tanda_tangan"}
            entries.append(Entry(fields, raw["tanda_tangan"], located.line_of(prefix) or 1))
    body = {k: v for k, v in data.items() if k != "tanda_tangan"}
    doc = Document(kind, path, display, body, entries, located, source=_file_digest(path))
    if not problems:
        rules = [_identity_problem(doc)] + (check(doc) if check else [])
        problems += [f"{display}:{doc.line_of(*where)}: {message}" for where, message in filter(None, rules)]
    if not problems:
        try:
            doc.body_digest  # noqa: B018 (a value that cannot be signed exactly is this file's problem, here)
        except SigningError as exc:
            problems.append(f"{display}: {exc}")
    if problems:
        raise SopError(problems[0] if len(problems) == 1 else
                       f"{len(problems)} masalah di {display}:\n" + "\n".join(f"  {p}" for p in problems))
    return doc


def _text_problems(value: Any, where: tuple) -> list[tuple[tuple, str]]:
    """Hidden characters anywhere, line breaks outside free text: (field path, message) pairs."""
    if isinstance(value, dict):
        found = [p for key in value for p in _text_problems(key, where)]
        return found + [p for key, item in value.items() for p in _text_problems(item, where + (key,))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _text_problems(item, where + (index,))]
    if not isinstance(value, str):
        return []
    name = ".".join(str(w) for w in where) or "kunci"
    hidden = _HIDDEN.search(value)
    if hidden:
        return [(where, f"'{name}' memuat karakter kendali tak terlihat (U+{ord(hidden.group()):04X}); hapus karakter itu")]
    own = next((w for w in reversed(where) if isinstance(w, str)), "")  # list items take their list's name
    if ("\n" in value or "\t" in value) and own not in MULTILINE:
        return [(where, f"'{name}' harus satu baris (tanpa ganti baris atau tab)")]
    return []


def _identity_problem(doc: Document) -> tuple[tuple, str] | None:
    name = IDENTITY[doc.kind]
    value = str(doc.body.get(name, ""))
    if doc.id == value or (doc.kind == "notulen" and doc.id.startswith(value + "-")):
        return None
    return (name,), f"{name} '{value}' tidak cocok dengan nama berkas ({doc.path.name}); samakan keduanya"


_RECORD_NAME = re.compile(r"[A-Za-z0-9._-]+")


def load_folder(root: Path, folder: Path, kind: str, check: Check | None = None) -> tuple[list[Document], list[str]]:
    """Every document of a records/ folder that parses, and one message for each entry that does not (a file
    under another name, a folder, a link, a leftover temporary file: nothing there is skipped in silence)."""
    documents, problems = [], []
    linked = _linked_folder(folder)
    if linked or (folder.exists() and not folder.is_dir()):
        return [], [f"{(linked or folder).relative_to(root).as_posix()}: tidak dapat dibaca (bukan folder, atau tautan "
                    f"simbolik); rekaman {kind} harus berada di folder repositori ini"]
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = path.relative_to(root).as_posix()
        if path.name == ".gitkeep":
            continue
        if not _RECORD_NAME.fullmatch(path.name):  # bytes that are not text, spaces, control characters
            problems.append(f"{shown_name(display)}: tidak dapat dibaca (nama berkas rekaman hanya huruf, angka, titik, garis bawah "
                            "dan tanda hubung); ganti namanya atau hapus")
            continue
        if path.suffix != ".yml" or path.name.startswith("."):
            problems.append(f"{display}: tidak dapat dibaca (bukan rekaman {kind}: nama berkas rekaman berakhiran .yml, "
                            "tanpa titik di depan); ganti namanya atau hapus")
            continue
        try:
            documents.append(load_document(root, path, kind, check))
        except (SopError, YamlError) as exc:
            problems.append(f"{exc}\n  (rekaman ini tidak dihitung)")
    return documents, problems


def checked_id(ident: str, pattern: str, what: str, example: str) -> str:
    """An identifier typed on the command line, refused unless it is exactly a record's name (never a path)."""
    if not re.fullmatch(pattern, ident, flags=re.ASCII):
        raise SopError(f"'{ident}' bukan {what} yang sah; tulis seperti {example} (nama berkas tanpa .yml, tanpa folder)")
    return ident


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
    try:
        entry.time  # noqa: B018 (every later use of the entry's time relies on it parsing)
    except ValueError:
        return f"waktu '{fields['waktu']}' bukan waktu yang sah (contoh 2026-11-30T03:00:00Z)"
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
    if doc.not_before and entry.time < doc.not_before:
        return f"bertanggal {format_time(entry.time)}, sebelum rapat yang dicatatnya"
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
    return _same_person_problem(doc, entry)


def _same_person_problem(doc: Document, entry: Entry) -> str | None:
    earlier = SEPARATE.get((doc.kind, entry.action))
    if earlier and any(e.action == earlier and e.by == entry.by for e in doc.entries if e is not entry):
        return (f"{entry.by} sudah {DOING[earlier]}; orang yang sama tidak boleh juga {DOING[entry.action]} "
                "(SOP: dua orang yang berbeda)")
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
    _refuse_bad_entry(root, doc, fields)
    signature = sshsig_sign(signer.key, payload(doc, fields))
    # The new entry must count as `verify` will judge it (revoked or expired key, same person twice, before the
    # meeting): refuse now rather than write a signature that never counts.
    entry = Entry(fields, signature, 0)
    problem = entry_problem(doc, entry, doc.valid[-1] if doc.valid else None, registry, policy, when)
    if problem:
        raise SopError(f"{doc.display}: {problem}; tidak ada yang ditulis")
    entries = [{**e.fields, "tanda_tangan": e.signature} for e in doc.valid] + [{**fields, "tanda_tangan": signature}]
    write_document(doc.path, {**doc.body, "tanda_tangan": entries}, replace=True, expect=doc.source)
    return doc.path


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _refuse_bad_entry(root: Path, doc: Document, fields: dict[str, Any]) -> None:
    """The entry about to be signed passes the rules every entry is read with (so a short --hasil never leaves a
    document that no longer loads)."""
    where = ("tanda_tangan", len(doc.valid))
    problems = [f"{doc.display}: {message}" for _, message in _text_problems(fields, where)]
    problems += [str(p) for p in validate_data(validator(root, ENTRY_SCHEMA),
                                               {**fields, "tanda_tangan": "-----BEGIN SSH SIGNATURE-----"},
                                               doc.display, lambda path: None)]
    if problems:
        raise SopError(f"{problems[0]}; tidak ada yang ditulis")


def _linked_folder(folder: Path) -> Path | None:
    """records/ or records/KIND/ as a symbolic link (a commit can hold one): reading or writing through it would
    leave the repository."""
    return next((p for p in (folder, folder.parent) if p.is_symlink()), None)


def refuse_linked_folder(folder: Path) -> None:
    linked = _linked_folder(folder)
    if linked:
        raise SopError(f"{linked}: tautan simbolik, bukan folder; rekaman hanya dibaca dan ditulis di folder "
                       "repositori sendiri (hapus tautannya)")


def write_document(path: Path, data: dict[str, Any], replace: bool = False, header: str = "", expect: str = "") -> None:
    """Write atomically; a new document never overwrites another, a rewrite only the bytes it read (`expect`)."""
    refuse_linked_folder(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        refused = os_error_message(exc)
        raise SopError(refused or f"{path.parent}: folder rekaman tidak dapat dibuat ({exc.strerror or exc}); harus "
                       "berupa folder") from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(header + dumps(data), encoding="utf-8")
        if replace:
            if expect and _file_digest(path) != expect:  # a concurrent signer got there first: keep its entry
                raise SopError(f"{path.name}: berubah sejak dibaca (perintah lain menandatanganinya?); tidak ada yang "
                               "ditulis, jalankan perintah ini lagi")
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise SopError(f"{path.name}: sudah ada; pilih nama lain atau ubah berkas itu") from None
    finally:
        tmp.unlink(missing_ok=True)
