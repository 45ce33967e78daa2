"""The state of the whole site, derived from drafts/, content/, reviews/ and site_config/ alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .changes import Change, Snapshot, draft_changes, removal_digest, snapshot
from .errors import ConfigError
from .registry import REGISTRY, Policy, Registry, load_policy, load_registry
from .preview.manifest import Manifest
from .preview.manifest import load as load_manifest
from .reviews import Record, RecordSet, load_records
from .site import Site
from .workflow import Chain, evaluate, explain, takedowns


@dataclass
class Pending:
    change: Change
    chain: Chain


@dataclass
class SiteState:
    site: Site
    snap: Snapshot
    records: RecordSet
    registry: Registry
    policy: Policy
    _manifests: dict[str, Manifest | None] = field(default_factory=dict, repr=False)

    def void_before(self, page: str) -> dt.datetime | None:
        """Decisions up to this instant no longer count for the page: it was withdrawn or removed since."""
        records = self.records.for_page(page)
        times = [r.time for r in takedowns(records, self.registry, self.policy)]
        for digest in {r.digest for r in records if r.change == "remove"}:
            approved = evaluate(records, digest, self.registry, self.policy).approved_at
            if approved:
                times.append(approved)
        return max(times) if times else None

    def chain(self, page: str, digest: str, void: bool = True) -> Chain:
        void_before = self.void_before(page) if void else None
        return evaluate(self.records.for_page(page), digest, self.registry, self.policy, void_before,
                        self.preview_problem)

    def preview_problem(self, record: Record) -> str | None:
        """A Sub Koordinator's review counts only if the preview it cites showed exactly these bytes."""
        preview_id = str(record.fields.get("preview") or "")
        if not preview_id:
            return "tinjauan tidak menyebut pratinjau yang diperiksa"
        if preview_id not in self._manifests:
            self._manifests[preview_id] = load_manifest(self.site.root, preview_id)
        manifest = self._manifests[preview_id]
        if manifest is None:
            return f"pratinjau {preview_id[:12]} yang dikutip tidak ada di reviews/manifests/ atau isinya telah diubah"
        if not manifest.shows(record.page, record.digest):
            return f"pratinjau {preview_id[:12]} yang dikutip tidak memuat isi yang ditinjau (hash berbeda)"
        return None

    @cached_property
    def pending(self) -> list[Pending]:
        items = [Pending(c, self.chain(c.page, c.digest.value)) for c in draft_changes(self.snap)]
        items += self._removals()
        return sorted(items, key=lambda p: p.change.page)

    def _removals(self) -> list[Pending]:
        found = []
        drafted = set(self.snap.draft_digests) - set(self.snap.content_digests)
        for page, current in sorted(self.snap.content_digests.items()):
            if page in drafted:
                continue
            digest = removal_digest(current)
            asked = [r for r in self.records.for_page(page) if r.change == "remove" and r.digest == digest.value]
            if not asked:
                continue
            chain = evaluate(self.records.for_page(page), digest.value, self.registry, self.policy)
            live = self.chain(page, current.value, void=False).approved_at
            if chain.submit and (live is None or chain.submit.time > live):
                found.append(Pending(Change(page, "remove", digest, None, current), chain))
        return found

    def content_problems(self) -> list[tuple[str, str]]:
        """Every content/ page without a complete, valid chain for its current bytes, and why."""
        problems = []
        for page, digest in sorted(self.snap.content_digests.items()):
            chain = self.chain(page, digest.value)
            if chain.state != "approved":
                problems.append((page, _why_not_published(chain, self.policy)))
        for problem in self.snap.content.problems:
            problems.append((problem.path.removeprefix("content/"), problem.message))
        return problems


def _why_not_published(chain: Chain, policy: Policy) -> str:
    if chain.state == "draft" and not chain.refused:
        return "tidak ada rantai persetujuan untuk isi halaman saat ini (halaman atau lampirannya diubah setelah disetujui, atau dimasukkan langsung ke content/)"
    return explain(chain, policy)


def derive(site: Site) -> SiteState:
    """The state of the site, computed once per command (Site.forget() after writing records or content)."""
    if "state" not in site.views:
        records = load_records(site.reviews_dir, site.root)
        if records.records and not (site.root / REGISTRY).exists():
            raise ConfigError(f"{REGISTRY} tidak ada, padahal reviews/ berisi rekaman bertanda tangan; "
                              "pulihkan berkas itu dari riwayat git")
        site.views["state"] = SiteState(site, snapshot(site), records, load_registry(site.root), load_policy(site.root))
    return site.views["state"]
