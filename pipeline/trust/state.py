"""The state of the whole site, derived from drafts/, content/, reviews/ and site_config/ alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..changes import Change, Digest, Snapshot, draft_changes, removal_digest, snapshot
from ..errors import ConfigError
from ..site import Site
from ..view import allowed_file_types, file_type_allowed
from .chains import Chain, History, explain, replay
from .log import RecordLog, load_log
from .previews import Manifest
from .previews import load as load_manifest
from .records import NEW_PAGE, PAGE_RECORD, Record
from .registry import REGISTRY, Policy, Registry
from .root import TrustedConfig, trusted_config


@dataclass
class Pending:
    change: Change
    chain: Chain

    @property
    def base(self) -> str:
        return base_of(self.change)


def base_of(change: Change) -> str:
    """What a change replaces: the live digest, or 'baru'."""
    return change.current.value if change.current else NEW_PAGE


@dataclass
class SiteState:
    site: Site
    snap: Snapshot
    log: RecordLog
    config: TrustedConfig
    _manifests: dict[str, Manifest | None] = field(default_factory=dict, repr=False)
    _histories: dict[str, History] = field(default_factory=dict, repr=False)

    @property
    def registry(self) -> Registry:
        return self.config.registry

    @property
    def policy(self) -> Policy:
        return self.config.policy

    @cached_property
    def _by_subject(self) -> dict[str, list[tuple[int, Record]]]:
        grouped: dict[str, list[tuple[int, Record]]] = {}
        for record in self.log.counted:
            grouped.setdefault(record.subject, []).append((self.log.position[record.id], record))
        return grouped

    def history(self, subject: str) -> History:
        if subject not in self._histories:
            self._histories[subject] = replay(self._by_subject.get(subject, []), self.registry, self.policy,
                                              self.preview_problem)
        return self._histories[subject]

    def chain(self, page: str, base: str, digest: str) -> Chain:
        return self.history(page).chain(base, digest)

    def preview_problem(self, record: Record) -> str | None:
        """A Sub Koordinator's review counts only if the preview it cites showed exactly these bytes (a page's
        change, or the whole release)."""
        preview_id = str(record.fields.get("preview") or "")
        if not preview_id:
            return "tinjauan tidak menyebut pratinjau yang diperiksa"
        if preview_id not in self._manifests:
            self._manifests[preview_id] = load_manifest(self.site.root, preview_id)
        manifest = self._manifests[preview_id]
        if manifest is None:
            return f"pratinjau {preview_id[:12]} yang dikutip tidak ada di reviews/manifests/ atau isinya telah diubah"
        shown = manifest.shows(record.page, record.digest) if record.kind == PAGE_RECORD else \
            manifest.shows_release(record.digest)
        if not shown:
            return f"pratinjau {preview_id[:12]} yang dikutip tidak memuat isi yang ditinjau (hash berbeda)"
        return None

    @cached_property
    def unreadable(self) -> dict[str, str]:
        """Drafts that could not be read, with the reason: never left out silently."""
        found = {}
        for problem in self.snap.drafts.problems:
            rel = problem.path.removeprefix("drafts/")
            if problem.path.startswith("drafts/") and rel in self.snap.drafts.unreadable:
                found[rel] = f"baris {problem.line}: {problem.message}" if problem.line else problem.message
        return found

    @cached_property
    def pending(self) -> list[Pending]:
        items = [Pending(c, self.chain(c.page, base_of(c), c.digest.value)) for c in draft_changes(self.snap)]
        items += self._removals()
        return sorted(items, key=lambda p: p.change.page)

    def _removals(self) -> list[Pending]:
        found = []
        drafted = set(self.snap.draft_digests) - set(self.snap.content_digests)
        for page, current in sorted(self.snap.content_digests.items()):
            if page in drafted:
                continue
            digest = removal_digest(current)
            chain = self.chain(page, current.value, digest.value)
            if chain.submit:
                found.append(Pending(Change(page, "remove", digest, None, current), chain))
        return found

    def live_problem(self, page: str, digest: Digest) -> str | None:
        """Why this content/ version of the page is not a valid live version, or None."""
        history = self.history(page)
        if history.live_approval(digest.value):
            return None
        if any(c.digest == digest.value for c in history.completions):
            return "halaman ini ditarik atau dihapus setelah disetujui; mengembalikannya perlu persetujuan baru"
        refused = [(r, why) for chain in history.chains.values() if chain.submit and
                   chain.submit.digest == digest.value for r, why in chain.refused]
        if refused:
            return explain(Chain(refused=refused), self.policy).removeprefix("belum ada pengajuan (ppid submit) untuk isi saat ini; ")
        return ("tidak ada rantai persetujuan untuk isi halaman saat ini (halaman atau lampirannya diubah setelah "
                "disetujui, atau dimasukkan langsung ke content/)")

    def content_problems(self) -> list[tuple[str, str]]:
        """Every content/ page without a complete, valid chain for its current bytes, and why."""
        problems = []
        for page, digest in sorted(self.snap.content_digests.items()):
            why = self.live_problem(page, digest)
            if why:
                problems.append((page, why))
        for problem in self.snap.content.problems:
            problems.append((problem.path.removeprefix("content/"), problem.message))
        return problems + self.unbound_files()

    def unbound_files(self) -> list[tuple[str, str]]:
        """Files in content/ that no approval covers (no page links them). A type the policy refuses is the
        view's problem (view.file_type_allowed), reported with the content's other problems."""
        bound = {rel for digest in self.snap.content_digests.values() for rel in digest.files}
        allowed_file_types(self.site.root)  # fail closed: a security.yml that cannot be read stops verify here
        problems = []
        for rel in sorted(self.snap.content.assets):
            if not file_type_allowed(self.site, rel):
                continue
            if rel not in bound:
                problems.append((rel, "berkas ini tidak ditautkan oleh halaman mana pun, jadi tidak tercakup persetujuan "
                                      "apa pun; tautkan dari halaman (lalu ajukan halaman itu) atau hapus berkasnya"))
        return problems

    @cached_property
    def withdrawn(self) -> dict[str, Record]:
        """Pages taken down in an emergency and not approved again since: page -> the withdrawal record."""
        found = {}
        for subject in self._by_subject:
            history = self.history(subject)
            if not history.withdrawals or subject in self.snap.content_digests:
                continue
            position, record = history.withdrawals[-1]
            if all(c.position < position for c in history.completions):
                found[subject] = record
        return found

    def accepted(self, page: str, digest: Digest) -> frozenset[str]:
        """Finding ids accepted by the approval that makes this live version valid."""
        done = self.history(page).live_approval(digest.value)
        return done.record.accepted_findings if done else frozenset()


def derive(site: Site, root_key: Path | None = None, allow_unverified: bool = False) -> SiteState:
    """The state of the site, computed once per command (Site.forget() after writing records or content).
    Refuses unless the registry and policy verify against a pinned root, except for an explicit local look."""
    key = ("state", allow_unverified)
    if allow_unverified and ("state", False) in site.views:
        return site.views[("state", False)]  # a state verified against the root serves a local look as well
    if key not in site.views:
        config = trusted_config(site.root, root_key, allow_unverified)
        log = load_log(site.root, site.reviews_dir, config.registry)
        if log.ordered and not (site.root / REGISTRY).exists():
            raise ConfigError(f"{REGISTRY} tidak ada, padahal reviews/ berisi rekaman bertanda tangan; "
                              "pulihkan berkas itu dari riwayat git")
        site.views[key] = SiteState(site, snapshot(site), log, config)
    return site.views[key]
