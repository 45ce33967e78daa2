"""Taking a decision: find the change a command names, check the rules first, sign and write the record."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .errors import PpidError
from .identity import Signer
from .reviews import format_time, new_fields, now_utc, sign_fields, write_record
from .state import Pending, SiteState


class DecisionError(PpidError):
    """The decision is not allowed now (wrong role, wrong state, own change...)."""


def page_arg(site_root: Path, text: str) -> str:
    """Accept `layanan/x.md`, `drafts/layanan/x.md`, `content/layanan/x.md` or a real path."""
    path = Path(text)
    if path.is_absolute() or path.exists():
        try:
            text = path.resolve().relative_to(site_root.resolve()).as_posix()
        except ValueError:
            raise DecisionError(f"{text}: berada di luar folder situs") from None
    text = posixpath.normpath(text.replace("\\", "/"))
    for area in ("drafts/", "content/"):
        if text.startswith(area):
            text = text[len(area):]
    if not text.endswith(".md") or text.startswith(".."):
        raise DecisionError(f"{text}: sebutkan halaman Markdown (.md) di dalam drafts/ atau content/")
    return text


def find_pending(state: SiteState, page: str) -> Pending:
    for item in state.pending:
        if item.change.page == page:
            return item
    if page in state.snap.content_digests:
        raise DecisionError(f"{page}: tidak ada perubahan yang tertunda; isi draf sama dengan content/ "
                            "(untuk menghapus halaman gunakan 'ppid submit --hapus')")
    raise DecisionError(f"{page}: halaman tidak ditemukan di drafts/ maupun content/")


def require_role(signer: Signer, state: SiteState, step: str) -> str:
    allowed = state.policy.steps[step]
    roles = [r for r in signer.person.roles if r in allowed]
    if not roles:
        names = ", ".join(state.policy.role_name(r) for r in allowed)
        raise DecisionError(f"{signer.person.name} ({signer.person.id}) tidak berperan sebagai {names}; langkah ini tidak dapat dilakukan")
    problem = signer.person.valid_at(now_utc())
    if problem:
        raise DecisionError(problem)
    return roles[0]


def record(state: SiteState, signer: Signer, page: str, change: str, digest: str, action: str,
           decision: str, role: str, comment: str = "", **extra) -> Path:
    previous = [r.time for r in state.records.records]
    when = now_utc()
    if previous and when <= max(previous):
        raise DecisionError(f"jam komputer ini ({format_time(when)}) lebih awal dari rekaman terakhir; periksa jam sistem")
    fields = new_fields(page, change, digest, action, decision, role, signer.person.id, comment, when, **extra)
    path = write_record(state.site.reviews_dir, fields, sign_fields(fields, signer.key))
    state.site.forget()
    return path


@dataclass
class Decision:
    """Everything a reviewer's command checks before signing: the change, its chain, who signs, as what."""

    state: SiteState
    item: Pending
    signer: Signer
    role: str


def prepare(state: SiteState, page: str, signer: Signer, step: str, waiting: str, verb: str) -> Decision:
    """Refuse early and clearly: wrong role, change not at this step, or the signer's own change."""
    item = find_pending(state, page)
    role = require_role(signer, state, step)
    if item.chain.state != waiting:
        raise DecisionError(f"{item.change.page}: belum siap {verb} (status: {item.chain.state}); lihat 'ppid status'")
    if signer.person.id == item.chain.author:
        raise DecisionError(f"{item.change.page}: Anda ({signer.person.id}) mengajukan perubahan ini; "
                            f"pengaju tidak boleh {verb}")
    return Decision(state, item, signer, role)
