"""The rules of the review chain, one predicate each. Every command, the desk and the verifier ask these same
functions; each returns None when the rule holds, else why not (Bahasa Indonesia)."""

from __future__ import annotations

from .records import Record
from .registry import Person, Policy, Registry


def role_problem(person: Person, role: str, policy: Policy, step: str) -> str | None:
    """The person holds `role` in the registry and the policy lets that role take `step`."""
    if role not in person.roles:
        return f"{person.id} tidak terdaftar dengan peran '{policy.role_name(role)}'"
    if role not in policy.steps[step]:
        return f"peran '{policy.role_name(role)}' tidak boleh melakukan langkah ini (hanya: {policy.names(step)})"
    return None


def signer_role(person: Person, policy: Policy, step: str) -> str | None:
    """The role under which `person` may take `step`, or None."""
    return next((r for r in person.roles if r in policy.steps[step]), None)


def same_person(a: str | None, b: str | None, registry: Registry) -> bool:
    """Separation of duties compares keys as well as ids: one key is one person."""
    if not a or not b:
        return False
    if a == b:
        return True
    pa, pb = registry.people.get(a), registry.people.get(b)
    return bool(pa and pb and (pa.fingerprint == pb.fingerprint or pa.key == pb.key))


def not_author(actor: str, author: str | None, registry: Registry) -> str | None:
    if same_person(actor, author, registry):
        return f"{actor} adalah pengaju perubahan ini; pengaju tidak boleh meninjau atau menyetujui"
    return None


def not_reviewer(actor: str, reviewer: str | None, registry: Registry) -> str | None:
    if same_person(actor, reviewer, registry):
        return f"{actor} sudah meninjau perubahan ini; peninjau dan penyetuju harus orang yang berbeda"
    return None


def record_problem(record: Record, registry: Registry, policy: Policy) -> str | None:
    """Why an authentic record does not count for its own step: the signer's role."""
    return role_problem(registry.people[record.reviewer], record.role, policy, record.action)
