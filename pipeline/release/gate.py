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
from .approval import ApprovedRelease, latest_approved, release_chain
from .inputs import ReleaseInputs, collect_inputs, differences, input_problems, load_inputs


class GateRefused(PpidError):
    """Something about to go online was not approved exactly as it is."""

    exit_code = 1


@dataclass(frozen=True)
class Passed:
    state: SiteState
    inputs: ReleaseInputs
    release: ApprovedRelease | None


def content_failures(site: Site, state: SiteState) -> list[str]:
    failures = verify_site_tree(state).failures
    report = collect(site)
    failures += [str(p) for p in report.problems if p.path.startswith(("content/", "site_config/"))]
    failures += [f"{f} — temuan belum diterima Koordinator" for f in report.blocking("content/")]
    return failures


def release_failures(site: Site, state: SiteState, inputs: ReleaseInputs) -> tuple[list[str], ApprovedRelease | None]:
    chain = release_chain(state, inputs)
    if chain.state == "approved" and chain.approval and chain.review:
        return [], ApprovedRelease(inputs, chain.approval, chain.review)
    latest = latest_approved(state)
    if latest is None:
        return [f"rilis {inputs.short} belum disetujui Koordinator, dan belum pernah ada rilis yang disetujui "
                "(ppid release)"], None
    lines = [f"masukan situs sekarang (rilis {inputs.short}) berbeda dari rilis yang terakhir disetujui "
             f"({latest.digest.removeprefix('sha256:')[:12]}); berkas yang berbeda:"]
    lines += [f"  {path}: {what}" for path, what in differences(load_inputs(site, latest.digest), inputs)]
    lines.append("Minta Sub Koordinator memeriksa dan Koordinator menyetujui rilis baru (ppid release).")
    return lines, None


def publish_gate(site: Site, root_key: Path | None = None, need_release: bool = True) -> Passed:
    """Raise GateRefused naming each page or file and why; return what passed."""
    state = derive(site, root_key)
    failures = input_problems(site) + content_failures(site, state)
    inputs = collect_inputs(site)
    release = None
    if need_release:
        more, release = release_failures(site, state, inputs)
        failures += more
    if failures:
        listing = "\n".join(f"  {line}" for line in failures)
        raise GateRefused(f"tidak diterbitkan — {len(failures)} hal belum disetujui persis seperti isinya sekarang:\n{listing}")
    return Passed(state, inputs, release)
