"""One function per lifecycle operation: submit, review, approve, reject, withdraw, promote.

Each checks every rule first (the predicates in rules.py, the state in state.py), then signs and appends one
record to the log, citing the log heads it saw. The CLI and the desk call these and only print the outcome."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit
from dataclasses import dataclass, field
from pathlib import Path

from ..changes import linked_files, removal_digest
from ..checks.findings import Finding
from ..scan import Scanner
from .errors import DecisionRefused
from .findings import blocking, change_findings
from .identity import Signer
from .previews import MANIFESTS, Manifest, load, manifest_path, newest_showing
from .promotion import Plan, apply
from .records import format_time, now_utc, page_fields, sign_fields, write_record
from .rules import not_author, not_reviewer, signer_role
from .state import Pending, SiteState
from .verification import require_whole_log


@dataclass
class Outcome:
    """A decision taken: the record written and what happened, for people to read."""

    record: Path
    page: str
    summary: str
    notes: list[str] = field(default_factory=list)
    # The other files the decision is about, wrote, cited or removed: what a commit of its record must hold, no more.
    files: list[Path] = field(default_factory=list)


def page_arg(site_root: Path, text: str) -> str:
    """Accept `layanan/x.md`, `drafts/layanan/x.md`, `content/layanan/x.md` or a real path."""
    path = Path(text)
    if path.is_absolute() or path.exists():
        try:
            text = path.resolve().relative_to(site_root.resolve()).as_posix()
        except ValueError:
            raise DecisionRefused(f"{text}: berada di luar folder situs") from None
    text = posixpath.normpath(text.replace("\\", "/"))
    for area in ("drafts/", "content/"):
        if text.startswith(area):
            text = text[len(area):]
    if not text.endswith(".md") or text.startswith(".."):
        raise DecisionRefused(f"{text}: sebutkan halaman Markdown (.md) di dalam drafts/ atau content/")
    return text


def find_pending(state: SiteState, page: str) -> Pending:
    for item in state.pending:
        if item.change.page == page:
            return item
    unreadable = state.unreadable.get(page)
    if unreadable:
        raise DecisionRefused(f"drafts/{page}: tidak dapat dibaca — {unreadable}; perbaiki dulu (lihat 'ppid check')")
    if page in state.snap.content_digests:
        raise DecisionRefused(f"{page}: tidak ada perubahan yang tertunda; isi draf sama dengan content/ "
                              "(untuk menghapus halaman gunakan 'ppid submit --hapus')")
    raise DecisionRefused(f"{page}: halaman tidak ditemukan di drafts/ maupun content/")


def require_role(signer: Signer, state: SiteState, step: str) -> str:
    role = signer_role(signer.person, state.policy, step)
    if role is None:
        raise DecisionRefused(f"{signer.person.name} ({signer.person.id}) tidak berperan sebagai "
                              f"{state.policy.names(step)}; langkah ini tidak dapat dilakukan")
    problem = signer.person.valid_at(now_utc())
    if problem or signer.person.is_revoked:
        raise DecisionRefused(problem or f"kunci {signer.person.id} telah dicabut")
    return role


def sign_and_write(state: SiteState, signer: Signer, make_fields) -> Path:
    """Sign a record that cites the log's heads; its time must come after theirs (the log's order, not the
    clock, decides; a junk record dated in the future is never a head, so it never blocks this)."""
    when = now_utc()
    cited = _citable(state, when)
    if state.log.heads and not cited:
        newest = max((state.log.by_id(h) for h in state.log.heads), key=lambda r: r.time)
        raise DecisionRefused(f"jam komputer ini ({format_time(when)}) lebih awal dari rekaman terakhir di log "
                              f"({newest.display}, {newest.fields['time']}); periksa jam sistem")
    fields = {**make_fields(when, sorted(cited)), "registry": state.registry.version}
    path = write_record(state.site.reviews_dir, fields, sign_fields(fields, signer.key))
    state.site.forget()
    return path


def _citable(state: SiteState, when) -> set[str]:
    """The heads to cite: a head dated after `when` (another machine's clock runs a little ahead) is replaced by
    its own parents, so it never blocks anyone; it is cited once its time has come."""
    cited: set[str] = set()
    todo = list(state.log.heads)
    while todo:
        record = state.log.by_id(todo.pop())
        if record is None:
            continue
        if record.time < when:
            cited.add(record.id)
        else:
            todo.extend(record.prev)
    return cited


def _page_record(state: SiteState, signer: Signer, item_page: str, change: str, digest: str, base: str,
                 action: str, decision: str, role: str, comment: str, **extra) -> Path:
    return sign_and_write(state, signer, lambda when, prev: page_fields(
        item_page, change, digest, base, action, decision, role, signer.person.id, comment, when, prev, **extra))


def submit(state: SiteState, signer: Signer, page: str, *, remove: bool = False, comment: str = "",
           with_findings: bool = False) -> Outcome:
    role = require_role(signer, state, "submit")
    if remove:
        current = state.snap.content_digests.get(page)
        if current is None:
            raise DecisionRefused(f"{page}: tidak ada di content/, jadi tidak dapat dihapus")
        if page in state.snap.drafts.pages and state.snap.drafts.origin.get(page) == "drafts":
            raise DecisionRefused(f"drafts/{page}: ada draf untuk halaman ini; hapus draf itu dulu sebelum mengajukan penghapusan")
        digest, kind, base, notes, files = removal_digest(current), "remove", current.value, [], []
    else:
        item = find_pending(state, page)
        if item.chain.state in ("submitted", "reviewed", "approved"):
            raise DecisionRefused(f"{page}: isi ini sudah diajukan ({item.chain.state}); tidak perlu diajukan lagi")
        _refuse_problems(state, page)
        notes = _findings_at_submit(state, item, with_findings)
        digest, kind, base = item.change.digest, item.change.kind, item.base
        origin = state.snap.drafts.origin
        files = [state.site.drafts_dir / rel for rel in digest.files if origin.get(rel) == "drafts"]
    path = _page_record(state, signer, page, kind, digest.value, base, "submit", "submitted", role, comment)
    return Outcome(path, page, f"Diajukan: {page} ({_KIND[kind]}, hash {digest.short})", notes, files)


_KIND = {"add": "halaman baru", "edit": "perubahan", "remove": "penghapusan"}


def _refuse_problems(state: SiteState, page: str) -> None:
    from ..inspection import collect  # the whole check, as `ppid check` runs it

    problems = [p for p in collect(state.site).problems if p.path in (f"drafts/{page}", f"content/{page}")]
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise DecisionRefused(f"{page}: perbaiki {len(problems)} masalah ini sebelum mengajukan:\n{listing}")


def _findings_at_submit(state: SiteState, item: Pending, with_findings: bool) -> list[str]:
    scanner = Scanner(state.site)
    left = blocking(change_findings(scanner, state, item.change), frozenset(), scanner)
    if not left:
        return []
    listing = "\n".join(f"  {f}" for f in left)
    never = [f for f in left if scanner.never_acceptable(f)]
    if never:
        raise DecisionRefused(f"{item.change.page}: {len(never)} temuan tidak pernah dapat diterima dan harus diperbaiki "
                              f"sebelum diajukan:\n{listing}")
    if not with_findings:
        raise DecisionRefused(f"{item.change.page}: {len(left)} temuan pemeriksaan yang memblokir:\n{listing}\n"
                              "Perbaiki dulu. Bila temuan itu memang sah (misalnya nomor telepon kantor), ajukan dengan "
                              "--dengan-temuan: hanya Koordinator yang dapat menerimanya saat persetujuan "
                              f"(ppid approve {item.change.page} --terima-temuan ID).")
    return [f"Diajukan bersama {len(left)} temuan; hanya Koordinator yang dapat menerimanya: "
            + ", ".join(f.id for f in left)]


def _prepare(state: SiteState, page: str, signer: Signer, step: str, waiting: str, verb: str,
             seen: str | None = None) -> tuple[Pending, str]:
    """Refuse early and clearly: wrong role, change not at this step, the signer's own change, or (when the caller
    says which bytes the person looked at, as the desk does) bytes that changed since."""
    item = find_pending(state, page)
    if seen is not None and item.change.digest.value != seen:
        raise DecisionRefused(f"{page}: isinya berubah sejak halaman ini Anda buka (hash yang Anda lihat "
                              f"{seen.removeprefix('sha256:')[:12] or 'tidak ada'}, sekarang {item.change.digest.short}); "
                              "muat ulang halaman, periksa isi terbaru, lalu putuskan lagi")
    role = require_role(signer, state, step)
    if item.chain.state != waiting:
        raise DecisionRefused(f"{item.change.page}: belum siap {verb} (status: {item.chain.state}); lihat 'ppid status'")
    own = not_author(signer.person.id, item.chain.author, state.registry)
    if own:
        raise DecisionRefused(f"{item.change.page}: Anda ({signer.person.id}) mengajukan perubahan ini; pengaju tidak boleh {verb}")
    return item, role


def review(state: SiteState, signer: Signer, page: str, *, approve: bool, comment: str = "",
           preview_id: str | None = None, seen: str | None = None) -> Outcome:
    item, role = _prepare(state, page, signer, "review", "submitted", "ditinjau", seen)
    if not approve and not comment.strip():
        raise DecisionRefused("tuliskan apa yang perlu diperbaiki dengan -m \"...\"")
    change = item.change
    preview = cited_preview(state, change.page, change.digest.value, preview_id)
    path = _page_record(state, signer, change.page, change.kind, change.digest.value, item.base, "review",
                        "approved" if approve else "changes_requested", role, comment, preview=preview.id)
    return Outcome(path, change.page, f"Ditinjau: {change.page} — {'setuju' if approve else 'perlu perbaikan'} "
                                      f"(pratinjau {preview.short})", files=[manifest_path(state.site.root, preview.id)])


def cited_preview(state: SiteState, page: str, digest: str, wanted: str | None) -> Manifest:
    """The preview the reviewer opened: it must show exactly the bytes being reviewed."""
    root = state.site.root
    if wanted:
        if not all(c in "0123456789abcdef" for c in wanted.lower()) or not wanted:
            raise DecisionRefused(f"id pratinjau '{wanted}' tidak sah: tulis awal id heksadesimal yang dicetak 'ppid preview'")
        matches = sorted((root / MANIFESTS).glob(f"{wanted.lower()}*.json"))
        manifest = load(root, matches[0].stem) if len(matches) == 1 else None
        if manifest is None:
            raise DecisionRefused(f"pratinjau '{wanted}' tidak ditemukan (atau tidak unik) di {MANIFESTS}/")
        if not manifest.shows(page, digest):
            raise DecisionRefused(f"pratinjau {manifest.short} tidak memuat isi {page} yang sekarang; buat pratinjau baru (ppid preview)")
        return manifest
    manifest = newest_showing(root, page, digest)
    if manifest is None:
        raise DecisionRefused(f"{page}: belum ada pratinjau yang memuat isi ini; jalankan 'ppid preview', periksa zip-nya, "
                              "lalu tinjau")
    return manifest


def approve(state: SiteState, signer: Signer, page: str, *, accept: list[str] | None = None,
            comment: str = "", seen: str | None = None) -> Outcome:
    return _koordinator_decision(state, signer, page, True, comment, accept or [], seen)


def reject(state: SiteState, signer: Signer, page: str, *, comment: str, seen: str | None = None) -> Outcome:
    if not comment.strip():
        raise DecisionRefused("tuliskan alasan penolakan dengan -m \"...\"")
    return _koordinator_decision(state, signer, page, False, comment, [], seen)


def _koordinator_decision(state: SiteState, signer: Signer, page: str, approve: bool, comment: str,
                          accept: list[str], seen: str | None) -> Outcome:
    item, role = _prepare(state, page, signer, "approve", "reviewed", "disetujui" if approve else "ditolak", seen)
    reviewed = not_reviewer(signer.person.id, item.chain.review.reviewer if item.chain.review else None, state.registry)
    if reviewed:
        raise DecisionRefused(f"{item.change.page}: Anda sudah meninjau perubahan ini; penyetuju harus orang lain")
    change = item.change
    accepted = _accepted(state, item, accept) if approve else []
    path = _page_record(state, signer, change.page, change.kind, change.digest.value, item.base, "approve",
                        "approved" if approve else "rejected", role, comment, accepted_findings=accepted or None)
    notes = ["Jalankan 'ppid promote' untuk memindahkan perubahan yang disetujui ke content/."] if approve else []
    return Outcome(path, change.page, f"{'Disetujui' if approve else 'Ditolak'}: {change.page}", notes)


def _accepted(state: SiteState, item: Pending, wanted: list[str]) -> list[str]:
    """The findings this approval accepts: exactly those named, each one existing; nothing left blocking."""
    scanner = Scanner(state.site)
    findings = change_findings(scanner, state, item.change)
    known = {f.id: f for f in findings}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise DecisionRefused(f"temuan {', '.join(unknown)} tidak ada pada isi {item.change.page} yang sekarang; lihat 'ppid check'")
    refused = [known[i] for i in wanted if scanner.never_acceptable(known[i])]
    if refused:
        raise DecisionRefused(f"temuan ini tidak dapat diterima dan harus diperbaiki: {refused[0]}")
    left = blocking(findings, frozenset(wanted), scanner)
    if left:
        listing = "\n".join(f"  {f}" for f in left)
        raise DecisionRefused(f"{item.change.page}: {len(left)} temuan pemeriksaan belum diterima:\n{listing}\n"
                              "Minta operator memperbaikinya, atau terima temuan yang memang sah dengan --terima-temuan ID.")
    return sorted(set(wanted))


def withdraw(state: SiteState, signer: Signer, page: str, *, comment: str) -> Outcome:
    """Emergency takedown by the Koordinator alone: recorded, then the page leaves content/ at once."""
    if not comment.strip():
        raise DecisionRefused("tuliskan alasan penarikan dengan -m \"...\" (wajib untuk penarikan darurat)")
    current = state.snap.content_digests.get(page)
    if current is None:
        raise DecisionRefused(f"{page}: tidak ada di content/")
    role = require_role(signer, state, "withdraw")
    path = _page_record(state, signer, page, "withdraw", current.value, current.value, "withdraw", "withdrawn", role,
                        comment, emergency=True)
    plan = Plan(delete={page} | orphans(state, {page}))
    apply(state.site.content_dir, state.site.drafts_dir, plan, state.site.work_dir)
    state.site.forget()
    return Outcome(path, page, f"DITARIK (darurat): {page} dihapus dari content/",
                   ["Bangun dan terbitkan ulang situs sekarang agar halaman itu hilang dari situs online (ppid publish)."],
                   plan_files(state, plan))


@dataclass
class Promotion:
    promoted: list[Pending]
    held: dict[str, list]  # page -> why it stays back (unaccepted findings, links to pages not yet approved)
    waiting: list[Pending]
    files: list[Path] = field(default_factory=list)  # written, removed or cleared: what a commit of it holds


def promote(state: SiteState) -> Promotion:
    """Move every fully approved change whose base is still what content/ holds, all at once or not at all."""
    require_whole_log(state)
    approved = [p for p in state.pending if p.chain.state == "approved"]
    held = _held_back(state, approved)
    ready = [p for p in approved if p.change.page not in held]
    held.update(_dangling(state, ready))
    ready = [p for p in ready if p.change.page not in held]
    waiting = [p for p in state.pending if p.chain.state != "approved"]
    plan = _plan(state, ready) if ready else Plan()
    if ready:
        apply(state.site.content_dir, state.site.drafts_dir, plan, state.site.work_dir)
        state.site.forget()
    return Promotion(ready, held, waiting, plan_files(state, plan))


def plan_files(state: SiteState, plan: Plan) -> list[Path]:
    content = state.site.content_dir
    return sorted({content / rel for rel in [*plan.write, *plan.delete]} | set(plan.clear_drafts))


def _plan(state: SiteState, ready: list[Pending]) -> Plan:
    plan = Plan()
    drafts = state.snap.drafts
    removed = {p.change.page for p in ready if p.change.kind == "remove"}
    for item in ready:
        change = item.change
        if change.kind == "remove":
            plan.delete.add(change.page)
            continue
        for rel in change.digest.files:
            if drafts.origin.get(rel) == "drafts":
                source = drafts.pages[rel].source if rel in drafts.pages else drafts.assets[rel]
                plan.write[rel] = source
                plan.clear_drafts.add(source)
    plan.delete |= orphans(state, removed)
    return plan


def orphans(state: SiteState, removed: set[str]) -> set[str]:
    """Attachments only the removed pages linked."""
    content = state.snap.content
    if not removed:
        return set()
    still = {rel for page, p in content.pages.items() if page not in removed for rel in linked_files(p, content)}
    gone = {rel for page in removed for rel in state.snap.content_digests[page].files if rel != page}
    return gone - still


def _dangling(state: SiteState, ready: list[Pending]) -> dict[str, list[str]]:
    """Approved pages that link to a page content/ would not hold after this promotion (a draft still under
    review): promoting them alone would leave the online site with a broken link it cannot be built with."""
    after = set(state.snap.content.pages) | {p.change.page for p in ready if p.change.kind != "remove"}
    after -= {p.change.page for p in ready if p.change.kind == "remove"}
    held: dict[str, list[str]] = {}
    for item in ready:
        page = item.change.draft
        if page is None:
            continue
        missing = sorted({rel for rel in (_page_target(page.rel, link.target) for link in page.links)
                          if rel and rel not in after and rel not in state.snap.content.generated})
        if missing:
            held[item.change.page] = [f"menautkan halaman yang belum disetujui: {rel}; promosikan bersamaan "
                                      "setelah halaman itu disetujui" for rel in missing]
    return held


def _page_target(source: str, target: str) -> str | None:
    parts = urlsplit(target)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path or path.startswith("/"):
        return None
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if path.endswith("/"):
        rel = posixpath.join(rel, "index.md")
    return rel if rel.endswith(".md") else None


def _held_back(state: SiteState, ready: list[Pending]) -> dict[str, list[Finding]]:
    """Approved changes that still carry findings the Koordinator did not accept."""
    scanner = Scanner(state.site)
    held = {}
    for item in ready:
        left = blocking(change_findings(scanner, state, item.change), item.chain.accepted_findings, scanner)
        if left:
            held[item.change.page] = left
    return held
