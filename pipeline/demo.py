"""Throwaway identities and signed records for the demo site, so its lifecycle can be walked at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .content import file_sha256
from .signing import generate_key, load_private_key, public_key_line, sshsig_sign, write_private_key
from .site import Site
from .trust.previews import make_manifest
from .trust.previews import save as save_manifest
from .trust.records import page_fields, record_id, sign_fields, write_record
from .trust.registry import REGISTRY, REGISTRY_SIG, load_registry, registry_message
from .trust.state import base_of, derive
from .yamlio import dumps


@dataclass(frozen=True)
class DemoPerson:
    id: str
    name: str
    roles: tuple[str, ...]


PEOPLE = (
    DemoPerson("siti", "Siti Rahmawati (contoh)", ("operator",)),
    DemoPerson("agus", "Agus Setiawan (contoh)", ("operator",)),
    DemoPerson("budi", "Budi Santoso (contoh)", ("subkoordinator",)),
    DemoPerson("ratna", "Ratna Dewi (contoh)", ("koordinator",)),
    DemoPerson("dodi", "Dodi Prasetyo (contoh)", ("webdev",)),
    DemoPerson("wahyu", "Wahyu Hidayat (contoh)", ("kepala_dinas",)),
)


def create_identities(site: Site, key_dir: Path, people=PEOPLE, valid_from: str = "2025-01-01",
                      valid_until: str | None = None) -> dict[str, Path]:
    """Keys for each person and for the root, written under key_dir; a registry signed by that root. Unless told,
    the keys are valid until three years from today (UTC): a fixed date would stop the demo on that day."""
    valid_until = valid_until or (dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=3 * 365)).isoformat()
    key_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    paths: dict[str, Path] = {}
    entries = []
    for person in people:
        key = generate_key()
        paths[person.id] = key_dir / person.id
        write_private_key(paths[person.id], key, None)
        entries.append({"id": person.id, "name": person.name, "roles": list(person.roles),
                        "key": public_key_line(key, f"{person.id}@ppid"),
                        "valid_from": valid_from, "valid_until": valid_until})
    root = generate_key()
    paths["root"] = key_dir / "root"
    write_private_key(paths["root"], root, None)
    (key_dir / "root.pub").write_text(public_key_line(root, "root@ppid") + "\n", encoding="utf-8")
    header = "# Reviewers and their public keys. Signed by the root key: see reviewers.yml.sig.\n"
    (site.root / REGISTRY).write_text(header + dumps({"versi": 1, "reviewers": entries}), encoding="utf-8")
    sign_registry(site, root)
    return paths


def sign_registry(site: Site, root_key) -> None:
    armored = sshsig_sign(root_key, registry_message(site.root, load_registry(site.root)))
    (site.root / REGISTRY_SIG).write_text(armored, encoding="utf-8")


def approve_all_content(site: Site, keys: dict[str, Path], start: dt.datetime) -> int:
    """Sign submit, review and approval records for every content page that lacks a valid chain.
    The reviews cite a manifest of the content as it stands (the demo's stand-in for a preview)."""
    site.forget()
    state = derive(site, root_pub(keys))
    signers = {pid: load_private_key(path, None) for pid, path in keys.items() if pid != "root"}
    todo = {page: digest for page, digest in sorted(state.snap.content_digests.items())
            if state.live_problem(page, digest)}
    manifest = make_manifest(
        {page: {"change": "add", "hash": d.value, "state": "submitted", "author": "siti"} for page, d in todo.items()},
        {f"content/{rel}": file_sha256(p.source) for rel, p in state.snap.content.pages.items()})
    save_manifest(site.root, manifest)
    when, prev = start, list(state.log.heads)
    for page, digest in todo.items():
        for action, who, role in (("submit", "siti", "operator"), ("review", "budi", "subkoordinator"),
                                  ("approve", "ratna", "koordinator")):
            when += dt.timedelta(minutes=7)
            fields = page_fields(page, "add", digest.value, "baru", action,
                                 "submitted" if action == "submit" else "approved", role, who, "", when, prev,
                                 preview=manifest.id if action == "review" else None)
            write_record(site.reviews_dir, fields, sign_fields(fields, signers[who]))
            prev = [record_id(fields)]
    site.forget()
    return len(todo)


def submit_all_drafts(site: Site, keys: dict[str, Path], start: dt.datetime, by: str = "agus") -> int:
    site.forget()
    state = derive(site, root_pub(keys))
    key = load_private_key(keys[by], None)
    when, prev = start, list(state.log.heads)
    for item in state.pending:
        if item.chain.state != "draft":
            continue
        when += dt.timedelta(minutes=3)
        change = item.change
        fields = page_fields(change.page, change.kind, change.digest.value, base_of(change), "submit", "submitted",
                             "operator", by, "Contoh draf untuk pratinjau.", when, prev)
        write_record(site.reviews_dir, fields, sign_fields(fields, key))
        prev = [record_id(fields)]
    site.forget()
    return len(state.pending)


def root_pub(keys: dict[str, Path]) -> Path:
    return keys["root"].with_name("root.pub")


def keys_outside(site_root: Path) -> Path:
    """Where the demo keeps its throwaway keys: beside the site folder, never inside it."""
    return site_root.with_name(site_root.name + ".kunci")


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc)


