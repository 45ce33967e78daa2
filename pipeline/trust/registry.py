"""The people who sign (site_config/reviewers.yml) and what each role may do (site_config/policy.yml).

Both are read through their schemas and are trusted only once a pinned root key has signed them together
(pipeline/trust/root.py); a key listed twice is refused, so one key is one identity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import config_path, load_config
from ..errors import ConfigError
from ..signing import SigningError, canonical_bytes, fingerprint, parse_public_key

REGISTRY = config_path("reviewers")
REGISTRY_SIG = Path("site_config") / "reviewers.yml.sig"
POLICY = config_path("policy")
STEPS = ("submit", "review", "approve", "withdraw", "release_check", "release_approve",
         # SOP records (pipeline/sop/): the plan, minutes and change requests
         "plan_prepare", "plan_sign", "minutes_record", "minutes_receive", "request_raise", "request_handle")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    roles: tuple[str, ...]
    key: str
    fingerprint: str
    valid_from: dt.date
    valid_until: dt.date
    revoked: dt.date | None = None
    revoked_after: tuple[str, ...] | None = None  # the log heads at revocation; None = not revoked

    @property
    def is_revoked(self) -> bool:
        return self.revoked is not None or self.revoked_after is not None

    def valid_at(self, when: dt.datetime) -> str | None:
        """None when the key's validity period covers `when`, else why not, in Bahasa Indonesia. Validity is in UTC
        days: a time written in another zone (08.00 WIB is 01.00 UTC) counts on its UTC day."""
        day = (when.astimezone(dt.timezone.utc) if when.tzinfo else when).date()
        if day < self.valid_from:
            return f"kunci {self.id} baru berlaku mulai {self.valid_from.isoformat()}"
        if day > self.valid_until:
            return f"kunci {self.id} kedaluwarsa sejak {self.valid_until.isoformat()}"
        return None


@dataclass
class Registry:
    people: dict[str, Person] = field(default_factory=dict)
    data: Any = None
    version: int = 0
    warnings: list[str] = field(default_factory=list)

    def by_key(self, key_line: str) -> Person | None:
        wanted = fingerprint(key_line)
        return next((p for p in self.people.values() if p.fingerprint == wanted), None)


@dataclass(frozen=True)
class Policy:
    role_names: dict[str, str]
    steps: dict[str, tuple[str, ...]]
    data: Any = None

    def role_name(self, role: str | None) -> str:
        return self.role_names.get(role or "", role or "")

    def names(self, step: str) -> str:
        return ", ".join(self.role_name(r) for r in self.steps[step])


def load_registry(root: Path) -> Registry:
    if not (root / REGISTRY).exists():
        return Registry(data={"versi": 0, "reviewers": []})
    located = load_config(root, "reviewers")
    registry = Registry(data=located.data, version=located.data["versi"])
    keys: dict[str, str] = {}
    names: dict[str, str] = {}
    for index, entry in enumerate(located.data["reviewers"]):
        where = f"{REGISTRY}:{located.line_of(('reviewers', index))}"
        person = _person(entry, where)
        if person.id in registry.people:
            raise ConfigError(f"{where}: id '{person.id}' ditulis dua kali")
        if person.fingerprint in keys:
            raise ConfigError(f"{where}: kunci publik '{person.id}' sama dengan kunci '{keys[person.fingerprint]}'; satu kunci "
                              "hanya boleh untuk satu orang (kalau tidak, satu orang dapat mengajukan sekaligus menyetujui)")
        folded = " ".join(person.name.casefold().split())
        if folded in names:
            registry.warnings.append(f"{where}: nama '{person.name}' juga dipakai oleh '{names[folded]}'; pastikan ini dua "
                                     "orang yang berbeda (satu orang tidak boleh memegang dua identitas)")
        keys[person.fingerprint], names[folded] = person.id, person.id
        registry.people[person.id] = person
    return registry


def _person(entry: dict[str, Any], where: str) -> Person:
    try:
        parse_public_key(entry["key"])
    except SigningError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    valid_from, valid_until = _date(entry["valid_from"], where), _date(entry["valid_until"], where)
    if valid_until < valid_from:
        raise ConfigError(f"{where}: valid_until sebelum valid_from")
    revoked_after = entry.get("revoked_after")
    return Person(
        id=entry["id"], name=entry["name"], roles=tuple(entry["roles"]), key=entry["key"].strip(),
        fingerprint=fingerprint(entry["key"]), valid_from=valid_from, valid_until=valid_until,
        revoked=_date(entry["revoked"], where) if entry.get("revoked") else None,
        revoked_after=tuple(revoked_after) if revoked_after is not None else None,
    )


def _date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{where}: tanggal '{value}' tidak sah; gunakan TTTT-BB-HH") from None


def load_policy(root: Path) -> Policy:
    located = load_config(root, "policy")
    data = located.data
    roles = data["roles"]
    for step, allowed in data["steps"].items():
        unknown = [r for r in allowed if r not in roles]
        if unknown:
            raise ConfigError(f"{POLICY}:{located.line_of(('steps', step))}: peran {', '.join(unknown)} pada langkah "
                              f"'{step}' tidak ada di 'roles'")
    if set(data["steps"]["approve"]) & set(data["steps"]["submit"]):
        raise ConfigError(f"{POLICY}:{located.line_of(('steps', 'approve'))}: peran yang mengajukan tidak boleh juga "
                          "menyetujui")
    return Policy(role_names=dict(roles), steps={s: tuple(data["steps"][s]) for s in STEPS}, data=data)


def registry_message(root: Path, registry: Registry, policy: Policy | None = None) -> bytes:
    """The bytes the root key signs: who may sign (the registry) and what each role may do (the policy),
    so that neither can be changed by a commit alone."""
    policy_data = (policy or load_policy(root)).data
    return canonical_bytes({"reviewers": registry.data or {}, "policy": policy_data or {}})
