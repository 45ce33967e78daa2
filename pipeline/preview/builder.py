"""Building the offline preview: stage the overlay with banners and the summary, build, manifest, zip."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..build.mkdocs_backend import write_config
from ..checks.registry import PAGE_CHECKS
from ..checks.served import refuse_unsafe_output
from ..build.nav import NavEntry
from ..build.stage import stage, today, write_tree
from ..trust.findings import accepted_in, change_findings
from ..scan import Scanner
from ..site import Site
from ..trust.state import SiteState, derive
from ..view import View
from . import incremental
from ..trust.previews import Manifest, PreviewError, make_manifest, save
from .overlay import ANCHOR_PREFIX, SUMMARY_PAGE, body_rewriter, preview_view, unapproved_pages
from .package import write_zip
from .summary import SUMMARY_TITLE, summary_markdown

SHIM = "assets/javascripts/iframe-worker-1.0.4-shim.js"
PREVIEW_FOOTER = ("PRATINJAU LURING untuk peninjauan — bukan situs resmi. Halaman bertanda "
                  "\"belum disetujui\" belum disetujui Koordinator dan tidak tampil di situs publik.")


@dataclass
class Preview:
    manifest: Manifest
    zip_path: Path
    site_dir: Path
    changes: int
    warm: bool


def manifest_for(state: SiteState, view: View) -> Manifest:
    changes = {
        p.change.page: {"change": p.change.kind, "hash": p.change.digest.value, "state": p.chain.state,
                        "author": p.chain.author or ""}
        for p in state.pending
    }
    inputs = {f"{view.origin[rel]}/{rel}": page.sha256 for rel, page in view.pages.items()}
    inputs.update({f"{view.origin[rel]}/{rel}": view.sha256(rel) for rel in view.assets})
    return make_manifest(changes, inputs)


def open_findings(site: Site, state: SiteState) -> dict[str, list[str]]:
    """Check problems and security/privacy findings of each pending change, as the summary shows them."""
    drafts, scanner = state.snap.drafts, Scanner(site)
    found: dict[str, list[str]] = {}
    for item in state.pending:
        rels = item.change.digest.files if item.change.kind != "remove" else {}
        texts = [str(p) for p in drafts.problems if p.path in {f"drafts/{rel}" for rel in rels}]
        for rel in rels:
            if rel in drafts.pages and drafts.origin.get(rel) == "drafts":
                texts += [str(p) for check in PAGE_CHECKS for p in check(site, drafts.pages[rel], drafts)]
        accepted = accepted_in(item.chain)
        texts += [f"{f}{' (diterima Koordinator)' if f.id in accepted else ''}"
                  for f in change_findings(scanner, state, item.change)]
        found[item.change.page] = texts
    return found


def build_preview(site: Site, out_dir: Path) -> Preview:
    shim = shim_path(site)
    state = derive(site, allow_unverified=True)
    view = preview_view(state)
    manifest = manifest_for(state, view)
    summary = summary_markdown(state, open_findings(site, state), manifest.short).encode("utf-8")
    staged = stage(site, view, directory_urls=False, body_of=body_rewriter(state),
                   extra={SUMMARY_PAGE: (summary, NavEntry(SUMMARY_TITLE, -10))}, withhold=True,
                   pending=unapproved_pages(state))
    work = site.work_dir / "preview"
    write_tree(staged, work / "docs")
    config = write_config(site, work / "docs", work / "site", staged.nav,
                          {"plugins": ["offline"], "extra": {"polyfills": [shim], "ppid_base": "."},
                           "copyright": PREVIEW_FOOTER})
    warm = incremental.build(staged, config, work / "site", work)
    # Each change's section holds its diff: searching the preview finds pages, not raw old text.
    incremental.drop_from_index(work / "site", SUMMARY_PAGE.replace(".md", ".html#") + ANCHOR_PREFIX)
    refuse_unsafe_output(site, work / "site", "Pratinjau", remember=True)
    save(site.root, manifest)
    name = f"pratinjau-{today(site).strftime('%Y%m%d')}-{manifest.short}.zip"
    zip_path = write_zip(work / "site", out_dir / name, manifest)
    return Preview(manifest, zip_path, work / "site", len(state.pending), warm)


def shim_path(site: Site) -> str:
    from ..build.mkdocs_backend import site_config

    custom = (site_config(site).get("theme") or {}).get("custom_dir") or "overrides"
    if not (site.root / custom / SHIM).is_file():
        raise PreviewError(f"{custom}/{SHIM} tidak ada: pencarian pratinjau luring membutuhkannya. "
                           "Jalankan 'make preview' (atau 'bash scripts/vendor.sh') sekali untuk memasangnya.")
    return SHIM
