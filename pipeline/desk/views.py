"""What each desk page shows, read from the same SiteState the CLI uses: queues, a change in full, a draft's
findings, the release. Nothing here decides; it only gathers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks.findings import Finding
from ..content import Page, read_page
from ..errors import YamlError
from ..checks.registry import PAGE_CHECKS
from ..release import approval as release_approval
from ..release.inputs import collect_inputs, differences, load_inputs
from ..scan import Scanner
from ..site import Site
from ..trust.chains import NEXT_STEP, STATE_NAMES, explain
from ..trust.findings import accepted_in, blocking, change_findings, files_findings
from ..trust.operations import find_pending
from ..trust.previews import Manifest, newest_showing
from ..trust.registry import Person, Policy
from ..trust.state import Pending, SiteState
from ..view import build_view, renderer_of
from . import render

KIND = {"add": "halaman baru", "edit": "perubahan", "remove": "penghapusan"}
PREVIEW_DIR = "preview"


def my_steps(person: Person, policy: Policy) -> set[str]:
    return {step for step, roles in policy.steps.items() if set(roles) & set(person.roles)}


def role_names(person: Person, policy: Policy) -> str:
    return ", ".join(policy.role_name(r) for r in person.roles)


@dataclass
class Row:
    page: str
    kind: str
    state: str
    state_text: str
    reason: str
    next_text: str
    author: str
    blocking: int


@dataclass
class Queue:
    mine: list[Row] = field(default_factory=list)
    from_me: list[Row] = field(default_factory=list)
    others: list[Row] = field(default_factory=list)
    ready: list[Row] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def queue(state: SiteState, person: Person) -> Queue:
    """What waits on this person, and what they wait for from others."""
    steps, scanner, found = my_steps(person, state.policy), Scanner(state.site), Queue()
    for item in state.pending:
        step = NEXT_STEP[item.chain.state]
        row = _row(state, item, step, scanner)
        if step is None:
            found.ready.append(row)
        elif step in steps:
            found.mine.append(row)
        elif item.chain.author == person.id:
            found.from_me.append(row)
        else:
            found.others.append(row)
    if "submit" in steps:
        found.unreadable = sorted(state.unreadable.items())
    return found


def _row(state: SiteState, item: Pending, step: str | None, scanner: Scanner) -> Row:
    author = state.registry.people.get(item.chain.author or "")
    left = blocking(change_findings(scanner, state, item.change), accepted_in(item.chain), scanner)
    return Row(item.change.page, KIND[item.change.kind], item.chain.state, STATE_NAMES[item.chain.state],
               explain(item.chain, state.policy), state.policy.names(step) if step else "promosi (Koordinator)",
               author.name if author else "", len(left))


@dataclass
class Attachment:
    rel: str
    area: str
    changed: bool


@dataclass
class ChangeView:
    item: Pending
    kind: str
    state_text: str
    reason: str
    author: str
    old_html: object
    new_html: object
    source_diff: object
    meta: list[dict]
    findings: list[Finding]
    blocking_ids: set[str]
    problems: list[str]
    attachments: list[Attachment]
    preview: Manifest | None
    preview_zip: str


def change_view(state: SiteState, page: str) -> ChangeView:
    item = find_pending(state, page)
    change, site = item.change, state.site
    old_text, old_meta = _live(site, page)
    new_text = change.draft.body if change.draft else ""
    new_meta = dict(change.draft.meta) if change.draft else {}
    old_html, new_html = render.side_by_side(old_text, new_text)
    scanner = Scanner(site)
    findings = change_findings(scanner, state, change)
    blocking_ids = {f.id for f in blocking(findings, accepted_in(item.chain), scanner)}
    rels = {f"drafts/{rel}" for rel in change.digest.files}
    problems = [str(p) for p in state.snap.drafts.problems if p.path in rels]
    current = change.current.files if change.current else {}
    attachments = [Attachment(rel, state.snap.drafts.origin.get(rel, "content"), current.get(rel) != sha)
                   for rel, sha in change.digest.files.items() if rel != page]
    author = state.registry.people.get(item.chain.author or "")
    preview = newest_showing(site.root, page, change.digest.value)
    return ChangeView(item, KIND[change.kind], STATE_NAMES[item.chain.state], explain(item.chain, state.policy),
                      f"{author.name} ({author.id})" if author else "", old_html, new_html,
                      render.source_diff(old_text, new_text), render.meta_rows(old_meta, new_meta), findings,
                      blocking_ids, problems, attachments, preview, _zip_of(site, preview))


def _live(site: Site, page: str) -> tuple[str, dict]:
    source = site.content_dir / page
    if not source.is_file():
        return "", {}
    try:
        live = read_page(source, page, f"content/{page}")
    except YamlError:
        return source.read_text(encoding="utf-8", errors="replace"), {}
    return live.body, dict(live.meta)


def _zip_of(site: Site, preview: Manifest | None) -> str:
    if preview is None:
        return ""
    found = sorted((site.root / PREVIEW_DIR).glob(f"pratinjau-*-{preview.short}.zip"))
    return found[-1].name if found else ""


@dataclass
class DraftChecks:
    problems: list[str]
    findings: list[Finding]


def draft_checks(site: Site, page: str, attachments: list[str]) -> DraftChecks:
    """The checks of `ppid check` on this draft and its attachments only (the whole site's would be slow),
    as the offline preview's summary runs them."""
    view = build_view(site, ["drafts", "content"])
    mine = [rel for rel in [page, *attachments] if view.origin.get(rel) == "drafts"]
    paths = {f"drafts/{rel}" for rel in [page, *attachments]}
    problems = [p for p in view.problems if p.path in paths]
    if page in mine and page in view.pages:
        problems += [p for check in PAGE_CHECKS for p in check(site, view.pages[page], view)]
    return DraftChecks([str(p) for p in problems], files_findings(Scanner(site), view, mine))


def text_findings(site: Site, page: str, text: str) -> list[str]:
    """The page checks' findings on text not saved yet (as the operator types): the same detectors as
    `ppid check`, run on the typed bytes."""
    typed = Page(rel=page or "baru.md", source=site.drafts_dir / (page or "baru.md"),
                 display=f"drafts/{page or 'baru.md'}", raw=text.encode("utf-8"), body=text,
                 renderer=renderer_of(site))  # the site's own Markdown engine, as the checks expect
    return [f"[{f.severity}] {f.detector}: {f.message} — {f.excerpt}" + (f" (baris {f.line})" if f.line else "")
            for f in Scanner(site).page(typed)]


@dataclass
class ReleaseView:
    short: str
    state_text: str
    reason: str
    changes: list[tuple[str, str]]
    first: bool
    preview_zip: str  # the offline preview of exactly this release, when one was made


def release_view(state: SiteState) -> ReleaseView:
    inputs = collect_inputs(state.site)
    latest = release_approval.latest_approved(state)
    chain = release_approval.release_chain(state, inputs)
    changes = [] if latest is None or latest.digest == inputs.id else differences(load_inputs(state.site, latest.digest), inputs)
    preview = release_approval.release_preview(state.site, inputs)
    return ReleaseView(inputs.short, STATE_NAMES[chain.state], explain(chain, state.policy), changes, latest is None,
                       _zip_of(state.site, preview))


def preview_file(site: Site, name: str) -> Path | None:
    path = site.root / PREVIEW_DIR / name
    return path if name.startswith("pratinjau-") and name.endswith(".zip") and "/" not in name and path.is_file() else None
