"""The offline preview of a release: the site exactly as `publish` builds it from these inputs (content/,
templates, configuration, package versions), with a summary of what changed since the last approved release —
the pages, and the lines of every changed template and configuration file, for the web developer's work. The
Sub Koordinator checks it; the release check cites it."""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..build.dip import CARD_TABLE_END, card_row, card_table_head
from ..build.mkdocs_backend import write_config
from ..build.nav import NavEntry
from ..build.stage import stage, today, write_tree
from ..checks.served import refuse_unsafe_output
from ..preview import incremental
from ..preview.builder import Preview, shim_path
from ..preview.diff import render_diff
from ..preview.package import write_zip
from ..site import Site
from ..trust.chains import STATE_NAMES
from ..trust.previews import save
from ..trust.state import derive
from ..view import build_view
from . import approval
from .history import current_text, text_with_hash
from .inputs import ReleaseInputs, collect_inputs, differences, load_inputs, save_inputs

SUMMARY_PAGE = "ringkasan-rilis.md"
SUMMARY_TITLE = "Ringkasan Rilis"
COLUMNS = ["Berkas", "Perubahan"]
FOOTER = "PRATINJAU LURING RILIS {short} untuk pemeriksaan Sub Koordinator — bukan situs resmi."


def build_release_preview(site: Site, out_dir: Path) -> Preview:
    shim = shim_path(site)
    state = derive(site, allow_unverified=True)
    inputs = collect_inputs(site)
    save_inputs(site, inputs)
    latest = approval.latest_approved(state)
    old = load_inputs(site, latest.digest) if latest else None
    view = build_view(site, ["content"])
    manifest = approval.release_manifest(view, inputs)
    chain = approval.release_chain(state, inputs)
    summary = summary_markdown(site, inputs, old, STATE_NAMES[chain.state], manifest.short).encode("utf-8")
    staged = stage(site, view, directory_urls=False, extra={SUMMARY_PAGE: (summary, NavEntry(SUMMARY_TITLE, -10))},
                   withhold=True)
    work = site.work_dir / "release-preview"
    write_tree(staged, work / "docs")
    config = write_config(site, work / "docs", work / "site", staged.nav,
                          {"plugins": ["offline"], "extra": {"polyfills": [shim], "ppid_base": "."},
                           "copyright": FOOTER.format(short=inputs.short)})
    warm = incremental.build(staged, config, work / "site", work)
    refuse_unsafe_output(site, work / "site", "Pratinjau rilis", remember=True)
    save(site.root, manifest)
    name = f"pratinjau-rilis-{today(site).strftime('%Y%m%d')}-{manifest.short}.zip"
    zip_path = write_zip(work / "site", out_dir / name, manifest)
    return Preview(manifest, zip_path, work / "site", len(differences(old, inputs)), warm)


def summary_markdown(site: Site, inputs: ReleaseInputs, old: ReleaseInputs | None, state_name: str,
                     preview_short: str) -> str:
    changed = differences(old, inputs)
    lines = ["---", f"title: {json.dumps(SUMMARY_TITLE)}", "jenis: halaman", "hide: [toc]", "---", "",
             f"# {SUMMARY_TITLE}", "",
             f"Pratinjau luring **{preview_short}** dari rilis **{inputs.short}** ({len(inputs.files)} berkas masukan; "
             f"status: {html.escape(state_name)}): situs persis seperti yang akan diterbitkan `ppid publish`, dengan "
             "templat, konfigurasi dan versi paket rilis ini.", ""]
    if old is None:
        lines += ["Belum ada rilis yang disetujui sebelumnya: semua berkas baru.", ""]
    elif not changed:
        lines += ["Sama dengan rilis yang terakhir disetujui.", ""]
    else:
        lines += [f"Perubahan sejak rilis yang terakhir disetujui ({old.short}): **{len(changed)}** berkas.", "",
                  card_table_head(COLUMNS, SUMMARY_TITLE)]
        lines += [card_row(COLUMNS, [f"<code>{html.escape(path)}</code>", html.escape(what)]) for path, what in changed]
        lines += [CARD_TABLE_END, ""]
    lines += next_step(preview_short)
    if old is not None:
        for path, what in changed:
            if not path.startswith(("content/", "paket ")):
                lines += _file_diff(site, path, what, old)
    return "\n".join(lines) + "\n"


def next_step(preview_short: str) -> list[str]:
    return ["## Langkah berikutnya", "",
            "Sub Koordinator, setelah memeriksa situs ini secara luring (setiap halaman, templat dan konfigurasi yang "
            "berubah di bawah), mencatat hasilnya dengan kuncinya; catatan itu mengutip pratinjau ini:", "",
            f"- layak terbit: `ppid release --periksa --setuju` (pratinjau {preview_short})",
            "- perlu perbaikan: `ppid release --periksa --minta-perbaikan -m \"alasan\"`", "",
            "Lalu Koordinator menyetujui rilis: `ppid release --setujui`. Keduanya juga dapat dilakukan di meja kerja "
            "(`ppid meja`), halaman Rilis.", ""]


def _file_diff(site: Site, path: str, what: str, old: ReleaseInputs) -> list[str]:
    """The lines of a changed template or configuration file (its earlier text from the git history)."""
    lines = [f"## <code>{html.escape(path)}</code> — {html.escape(what)}", ""]  # a file name is text, not Markdown
    before = "" if what == "ditambah" else text_with_hash(site.root, path, old.files.get(path, ""))
    after = "" if what == "dihapus" else current_text(site.root / path)
    if before is None or after is None:
        return lines + ["Isi berkas ini tidak dapat ditampilkan (bukan teks, terlalu besar, atau versi lamanya tidak "
                        "ada di riwayat git); bandingkan dengan `git diff`.", ""]
    return lines + ['<div class="ppid-diff-judul">Teks lama → teks baru</div>', "", render_diff(before, after), ""]
