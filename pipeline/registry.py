"""The reviewer registry (site_config/reviewers.yml), its root signature, and the policy of roles."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .signing import (SignatureError, SigningError, canonical_bytes, fingerprint, parse_public_key,
                      sshsig_verify)
from .yamlio import Located, load_file

REGISTRY = Path("site_config") / "reviewers.yml"
REGISTRY_SIG = Path("site_config") / "reviewers.yml.sig"
POLICY = Path("site_config") / "policy.yml"
ROOT_ENV = "PPID_ROOT_KEYS"
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
STEPS = ("submit", "review", "approve", "withdraw")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    roles: tuple[str, ...]
    key: str
    valid_from: dt.date
    valid_until: dt.date
    revoked: dt.date | None = None

    def valid_at(self, when: dt.datetime) -> str | None:
        """None when the key may sign at `when` (UTC), else why not, in Bahasa Indonesia."""
        day = when.date()
        if day < self.valid_from:
            return f"kunci {self.id} baru berlaku mulai {self.valid_from.isoformat()}"
        if day > self.valid_until:
            return f"kunci {self.id} kedaluwarsa sejak {self.valid_until.isoformat()}"
        if self.revoked and day >= self.revoked:
            return f"kunci {self.id} dicabut sejak {self.revoked.isoformat()}"
        return None


@dataclass
class Registry:
    people: dict[str, Person] = field(default_factory=dict)
    data: Any = None
    located: Located | None = None

    def by_key(self, key_line: str) -> Person | None:
        wanted = fingerprint(key_line)
        return next((p for p in self.people.values() if fingerprint(p.key) == wanted), None)


@dataclass(frozen=True)
class Policy:
    role_names: dict[str, str]
    steps: dict[str, tuple[str, ...]]

    def role_name(self, role: str) -> str:
        return self.role_names.get(role, role)


def load_registry(root: Path) -> Registry:
    path = root / REGISTRY
    if not path.exists():
        return Registry(data={"reviewers": []})
    located = load_file(path, str(REGISTRY))
    entries = (located.data or {}).get("reviewers") if isinstance(located.data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{REGISTRY}:1: harus berisi daftar 'reviewers:'")
    registry = Registry(data=located.data, located=located)
    for index, entry in enumerate(entries):
        person = _person(entry, located.line_of(("reviewers", index)))
        if person.id in registry.people:
            raise ConfigError(f"{REGISTRY}:{located.line_of(('reviewers', index))}: id '{person.id}' ditulis dua kali")
        registry.people[person.id] = person
    return registry


def _person(entry: Any, line: int | None) -> Person:
    where = f"{REGISTRY}:{line}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: setiap peninjau harus berupa pemetaan (id, name, roles, key, valid_from, valid_until)")
    missing = [k for k in ("id", "name", "roles", "key", "valid_from", "valid_until") if k not in entry]
    if missing:
        raise ConfigError(f"{where}: kolom wajib tidak ada: {', '.join(missing)}")
    if not _ID.fullmatch(str(entry["id"])):
        raise ConfigError(f"{where}: id '{entry['id']}' tidak sah; gunakan huruf kecil, angka, '.', '_' atau '-'")
    roles = entry["roles"] if isinstance(entry["roles"], list) else [entry["roles"]]
    try:
        parse_public_key(str(entry["key"]))
        return Person(
            id=str(entry["id"]), name=str(entry["name"]), roles=tuple(str(r) for r in roles),
            key=str(entry["key"]).strip(), valid_from=_date(entry["valid_from"]),
            valid_until=_date(entry["valid_until"]),
            revoked=_date(entry["revoked"]) if entry.get("revoked") else None,
        )
    except (SigningError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"tanggal '{value}' tidak sah; gunakan TTTT-BB-HH") from None


def registry_message(root: Path, registry: Registry) -> bytes:
    """The bytes the root key signs: who may sign (the registry) and what each role may do (the policy),
    so that neither can be changed by a commit alone."""
    policy = load_file(root / POLICY, str(POLICY)).data if (root / POLICY).exists() else None
    return canonical_bytes({"reviewers": registry.data or {}, "policy": policy or {}})


def pinned_root_keys(explicit: Path | None = None) -> list[str] | None:
    """Root keys pinned outside the repository: a file given on the command line, or $PPID_ROOT_KEYS
    (key lines, or a path to a file of them). None when nothing is pinned."""
    source = str(explicit) if explicit else os.environ.get(ROOT_ENV, "").strip()
    if not source:
        return None
    text = source if source.startswith("ssh-") else _read_keys_file(Path(source))
    keys = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in keys:
        try:
            parse_public_key(line)
        except SigningError as exc:
            raise ConfigError(f"kunci akar yang dipasang ({source}): {exc}") from None
    if not keys:
        raise ConfigError(f"kunci akar yang dipasang ({source}) kosong")
    return keys


def _read_keys_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise ConfigError(f"{path}: berkas kunci akar tidak dapat dibaca") from None


def verify_registry(root: Path, registry: Registry, root_keys: list[str]) -> None:
    """Raise SignatureError unless a pinned root key signed exactly this registry."""
    sig_path = root / REGISTRY_SIG
    if not sig_path.exists():
        raise SignatureError(f"{REGISTRY_SIG} tidak ada: registri peninjau belum ditandatangani kunci akar")
    armored = sig_path.read_text(encoding="utf-8")
    message = registry_message(root, registry)
    for key in root_keys:
        try:
            sshsig_verify(key, armored, message)
            return
        except SignatureError:
            continue
    raise SignatureError(f"{REGISTRY} atau {POLICY}: tanda tangan kunci akar tidak cocok; registri peninjau atau "
                         "kebijakan peran telah diubah tanpa ditandatangani ulang oleh pemegang kunci akar")


def load_policy(root: Path) -> Policy:
    located = load_file(root / POLICY, str(POLICY))
    data = located.data if isinstance(located.data, dict) else {}
    steps_raw = data.get("steps") or {}
    steps: dict[str, tuple[str, ...]] = {}
    for step in STEPS:
        roles = steps_raw.get(step)
        if not isinstance(roles, list) or not roles:
            raise ConfigError(f"{POLICY}:{located.line_of(('steps',)) or 1}: langkah '{step}' harus berisi daftar peran")
        steps[step] = tuple(str(r) for r in roles)
    return Policy(role_names={str(k): str(v) for k, v in (data.get("roles") or {}).items()}, steps=steps)
