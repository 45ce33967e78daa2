"""The change summary page ("Ringkasan Perubahan"): what changed, by whom, its state, findings, and diffs."""

from __future__ import annotations

import html
import json
import re

from ..trust.state import Pending, SiteState
from ..trust.chains import STATE_NAMES
from .diff import render_diff
from .overlay import KIND_NAMES

SUMMARY_PAGE = "ringkasan-perubahan.md"
SUMMARY_TITLE = "Ringkasan Perubahan"


def summary_markdown(state: SiteState, findings: dict[str, list[str]], preview_short: str) -> str:
    pending = state.pending
    lines = [
        "---", f"title: {json.dumps(SUMMARY_TITLE)}", "jenis: halaman", "---", "",
        f"# {SUMMARY_TITLE}", "",
        f"Pratinjau luring **{preview_short}** untuk Sub Koordinator: situs dengan semua perubahan yang "
        "tertunda diterapkan. Halaman yang belum disetujui diberi spanduk *PRATINJAU — belum disetujui*.", "",
    ]
    lines += _unreadable(state)
    if not pending:
        return "\n".join(lines + ["Tidak ada perubahan yang tertunda.", ""])
    counts = {k: sum(1 for p in pending if p.change.kind == k) for k in KIND_NAMES}
    lines += [f"Ditambah: **{counts['add']}** · diubah: **{counts['edit']}** · dihapus: **{counts['remove']}**", ""]
    lines += ["| Halaman | Perubahan | Pengaju | Status | Temuan terbuka | Hash |", "|---|---|---|---|---|---|"]
    for item in pending:
        lines.append(_row(item, findings.get(item.change.page, [])))
    lines.append("")
    for item in pending:
        lines += _detail(state, item, findings.get(item.change.page, []))
    return "\n".join(lines) + "\n"


def _unreadable(state: SiteState) -> list[str]:
    """Drafts that could not be read are named here, with the reason, never left out."""
    if not state.unreadable:
        return []
    lines = ["## Draf yang tidak dapat dibaca", "",
             "Draf berikut tidak dapat dibaca sehingga tidak ada di pratinjau ini; operator harus memperbaikinya "
             "(lihat `ppid check`):", ""]
    lines += [f"- `drafts/{_esc(page)}` — tidak dapat dibaca: {_esc(why)}" for page, why in sorted(state.unreadable.items())]
    return lines + [""]


def _row(item: Pending, found: list[str]) -> str:
    change = item.change
    link = change.page if change.kind == "remove" else f"[{_esc(_title(item))}]({change.page})"
    open_findings = f"{len(found)} temuan" if found else "—"
    return (f"| {link} | {KIND_NAMES[change.kind]} | {item.chain.author or '—'} | "
            f"{STATE_NAMES[item.chain.state]} | {open_findings} | `{change.digest.short}` |")


def _detail(state: SiteState, item: Pending, found: list[str]) -> list[str]:
    change = item.change
    lines = [f"## {_esc(change.page)}", ""]
    if change.kind != "remove":
        lines += [f"[Buka halaman ini di pratinjau]({change.page})", ""]
    lines += _attachments(state, item)
    if found:
        lines += ["**Temuan pemeriksaan:**", ""] + [f"- {_esc(text)}" for text in found] + [""]
    old = state.snap.content.pages.get(change.page)
    new = change.draft
    old_text = old.raw.decode("utf-8") if old else ""
    new_text = new.raw.decode("utf-8") if new else ""
    lines += ['<div class="ppid-diff-judul">Teks lama → teks baru</div>', "", render_diff(old_text, new_text), ""]
    return lines


def _attachments(state: SiteState, item: Pending) -> list[str]:
    change = item.change
    before = change.current.files if change.current else {}
    after = change.digest.files if change.kind != "remove" else {}
    rows = []
    for rel in sorted((set(before) | set(after)) - {change.page}):
        if rel not in before:
            rows.append(f"- lampiran ditambah: `{rel}`")
        elif rel not in after:
            rows.append(f"- lampiran dilepas: `{rel}`")
        elif before[rel] != after[rel]:
            rows.append(f"- lampiran diubah: `{rel}` (sha256 {before[rel][:12]} → {after[rel][:12]})")
    return (["**Lampiran:**", ""] + rows + [""]) if rows else []


def _title(item: Pending) -> str:
    return item.change.draft.title if item.change.draft else item.change.page


def _esc(text: str) -> str:
    """Text shown as written: neither HTML nor Markdown (a link target quoted in a finding stays text)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|])")


