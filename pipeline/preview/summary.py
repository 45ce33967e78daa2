"""The change summary page ("Ringkasan Perubahan"): what changed, by whom, its state, findings, and diffs."""

from __future__ import annotations

import html
import json
import re

from ..trust.state import Pending, SiteState
from ..trust.chains import STATE_NAMES
from ..build.dip import CARD_TABLE_END, card_row, card_table_head
from .diff import render_diff
from .overlay import KIND_NAMES, SUMMARY_PAGE, anchor

SUMMARY_TITLE = "Ringkasan Perubahan"
COLUMNS = ["Halaman", "Perubahan", "Pengaju", "Status", "Temuan terbuka", "Hash"]
DESK_COMMAND = "meja"  # `ppid meja`, the reviewer's desk, once the CLI has it


def summary_markdown(state: SiteState, findings: dict[str, list[str]], preview_short: str) -> str:
    pending = state.pending
    lines = [
        "---", f"title: {json.dumps(SUMMARY_TITLE)}", "jenis: halaman",
        "hide: [toc]", "---", "", f"# {SUMMARY_TITLE}", "",
        f"Pratinjau luring **{preview_short}** untuk Sub Koordinator: situs dengan semua perubahan yang "
        "tertunda diterapkan. Halaman yang belum disetujui diberi spanduk *PRATINJAU — belum disetujui*.", "",
    ]
    lines += _unreadable(state)
    if not pending:
        return "\n".join(lines + ["Tidak ada perubahan yang tertunda.", ""])
    counts = {k: sum(1 for p in pending if p.change.kind == k) for k in KIND_NAMES}
    lines += [f"Ditambah: **{counts['add']}** · diubah: **{counts['edit']}** · dihapus: **{counts['remove']}**", ""]
    lines += [card_table_head(COLUMNS, SUMMARY_TITLE)]
    lines += [_row(item, findings.get(item.change.page, [])) for item in pending]
    lines += [CARD_TABLE_END, ""]
    lines += next_step(preview_short, pending[0].change.page)
    for item in pending:
        lines += _detail(state, item, findings.get(item.change.page, []))
    return "\n".join(lines) + "\n"


def next_step(preview_short: str, example: str) -> list[str]:
    """What the reviewer does after reading: record a decision per page, citing this preview."""
    lines = ["## Langkah berikutnya", "",
             "Setelah memeriksa setiap perubahan di bawah, catat keputusan Anda per halaman dengan kunci Anda:", "",
             f"- setuju: `ppid review HALAMAN --setuju --pratinjau {preview_short}`",
             f"- minta perbaikan: `ppid review HALAMAN --minta-perbaikan -m \"alasan\" --pratinjau {preview_short}`", "",
             f"HALAMAN adalah jalur berkas yang tertulis di kolom Halaman (misalnya `{example}`)."]
    if _has_command(DESK_COMMAND):
        lines += ["", f"Meja kerja: `ppid {DESK_COMMAND}` menampilkan semua yang menunggu keputusan Anda."]
    return lines + [""]


def _has_command(name: str) -> bool:
    from ..cli import COMMANDS

    return name in COMMANDS


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
    page = html.escape(change.page)
    link = page if change.kind == "remove" else \
        f'<a href="{html.escape(_html_url(change.page))}">{html.escape(_title(item))}</a><br><code>{page}</code>'
    open_findings = f"{len(found)} temuan" if found else "—"
    cells = [link, KIND_NAMES[change.kind], html.escape(item.chain.author or "—"), STATE_NAMES[item.chain.state],
             open_findings, f"<code class=\"ppid-hash\">{change.digest.short}</code>"]
    return card_row(COLUMNS, cells)


def _html_url(rel: str) -> str:
    """The page's address in the preview (built without directory URLs; raw HTML links are not rewritten)."""
    return rel[: -len(".md")] + ".html"


def _detail(state: SiteState, item: Pending, found: list[str]) -> list[str]:
    change = item.change
    lines = [f"## {_esc(change.page)} {{ #{anchor(item)} }}", ""]
    if change.kind != "remove":
        lines += [f"[Buka halaman ini di pratinjau]({change.page}){{ .ppid-layar }}", ""]
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


