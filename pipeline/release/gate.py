"""The gate every path to the public passes: a pinned root, a whole log, every content/ file approved as it is,
no unaccepted blocking finding, and (for publishing) inputs exactly equal to the release the Koordinator signed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PpidError
from ..inspection import collect
from ..site import Site
from ..trust.state import SiteState, derive
from ..trust.verification import verify_site_tree
from ..trust.records import Record
from .approval import SUBJECT, ApprovedRelease, latest_approved, release_chain
from .inputs import ReleaseInputs, collect_inputs, differences, input_problems, load_inputs


class GateRefused(PpidError):
    """Something about to go online was not approved exactly as it is."""

    exit_code = 1


@dataclass(frozen=True)
class Passed:
    state: SiteState
    inputs: ReleaseInputs
    release: ApprovedRelease | None
    takedown: tuple[Record, ...] = ()  # emergency withdrawals published on top of the last approved release


def content_failures(site: Site, state: SiteState) -> list[str]:
    failures = verify_site_tree(state).failures
    report = collect(site)
    withdrawn = set(state.withdrawn)  # a link to a page taken down in an emergency must not stop the takedown
    failures += [str(p) for p in report.problems
                 if p.path.startswith(("content/", "site_config/")) and p.refers not in withdrawn]
    failures += [f"{f} — temuan belum diterima Koordinator" for f in report.blocking("content/")]
    return list(dict.fromkeys(failures))  # a view problem is both unverifiable and a check problem: named once


def release_failures(site: Site, state: SiteState, inputs: ReleaseInputs
                     ) -> tuple[list[str], ApprovedRelease | None, tuple[Record, ...]]:
    chain = release_chain(state, inputs)
    if chain.state == "approved" and chain.approval and chain.review:
        return [], ApprovedRelease(inputs, chain.approval, chain.review), ()
    latest = latest_approved(state)
    takedown = _takedown(site, state, inputs, latest)
    if takedown:
        return [], *takedown
    if latest is None:
        return [f"rilis {inputs.short} belum disetujui Koordinator, dan belum pernah ada rilis yang disetujui "
                "(ppid release)"], None, ()
    lines = [f"masukan situs sekarang (rilis {inputs.short}) berbeda dari rilis yang terakhir disetujui "
             f"({latest.digest.removeprefix('sha256:')[:12]}); berkas yang berbeda:"]
    lines += [f"  {path}: {what}" for path, what in differences(load_inputs(site, latest.digest), inputs)]
    lines.append("Minta Sub Koordinator memeriksa dan Koordinator menyetujui rilis baru (ppid release).")
    return ["\n".join(lines)], None, ()  # one failure, on several lines


def _takedown(site: Site, state: SiteState, inputs: ReleaseInputs, latest: Record | None
              ) -> tuple[ApprovedRelease, tuple[Record, ...]] | None:
    """The last approved release less pages the Koordinator withdrew after approving it (and files only they
    linked): publishable at once, by the Koordinator's withdrawal alone, as the SOP's one shortcut."""
    if latest is None:
        return None
    approved = load_inputs(site, latest.digest)
    if approved is None or approved.packages != inputs.packages:
        return None
    changes = differences(approved, inputs)
    after = state.log.position[latest.id]
    withdrawn = {f"content/{page}": record for page, record in state.withdrawn.items()
                 if state.log.position[record.id] > after}
    removed_pages = [path for path, what in changes if path.endswith(".md")]
    if not changes or any(what != "dihapus" for _, what in changes) or not removed_pages:
        return None
    if any(path not in withdrawn for path in removed_pages):
        return None
    review = state.history(SUBJECT).chain(latest.base, latest.digest).review
    records = tuple(withdrawn[path] for path in sorted(removed_pages))
    return ApprovedRelease(approved, latest, review or latest), records


def publish_gate(site: Site, root_key: Path | None = None, need_release: bool = True) -> Passed:
    """Raise GateRefused naming each page or file and why; return what passed."""
    state = derive(site, root_key)
    failures = input_problems(site) + content_failures(site, state)
    inputs = collect_inputs(site)
    release, takedown = None, ()
    if need_release:
        more, release, takedown = release_failures(site, state, inputs)
        failures += more
    if failures:
        listing = "\n".join("  " + failure.replace("\n", "\n  ") for failure in failures)
        raise GateRefused(f"tidak diterbitkan — {len(failures)} hal belum disetujui persis seperti isinya sekarang:\n{listing}")
    return Passed(state, inputs, release, takedown)
