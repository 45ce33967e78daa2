"""The two signatures on a release: the Sub Koordinator checked the updated site offline, the Koordinator
approved exactly these inputs. Both are records in the same log as page decisions (subject 'rilis')."""

from __future__ import annotations

from dataclasses import dataclass

from ..trust.chains import Chain
from ..trust.errors import DecisionRefused
from ..trust.identity import Signer
from ..trust.operations import Outcome, require_role, sign_and_write
from ..trust.records import FIRST_RELEASE, Record, release_fields
from ..trust.rules import not_reviewer
from ..trust.previews import Manifest, load, make_manifest, manifest_path
from ..trust.state import SiteState
from ..view import View, build_view
from .inputs import ReleaseInputs, collect_inputs, save_inputs

SUBJECT = "rilis"


def release_manifest(view: View, inputs: ReleaseInputs) -> Manifest:
    """The manifest of the offline preview of this release: every content/ file it shows, and the release."""
    files = {f"content/{rel}": page.sha256 for rel, page in view.pages.items()}
    files.update({f"content/{rel}": view.sha256(rel) for rel in view.assets})
    return make_manifest({}, files, release=inputs.id)


def release_preview(site, inputs: ReleaseInputs) -> Manifest | None:
    """The preview built from exactly these inputs ('ppid release --pratinjau'), or None. Its manifest is
    computed from the files, not found by a claim inside it: a hand-written manifest naming this release with
    other files is never the one cited."""
    return load(site.root, release_manifest(build_view(site, ["content"]), inputs).id)


def latest_approved(state: SiteState) -> Record | None:
    done = state.history(SUBJECT).completions
    return done[-1].record if done else None


def base_release(state: SiteState) -> str:
    latest = latest_approved(state)
    return latest.digest if latest else FIRST_RELEASE


def release_chain(state: SiteState, inputs: ReleaseInputs) -> Chain:
    """The chain of the current inputs on top of the latest approved release."""
    latest = latest_approved(state)
    if latest and latest.digest == inputs.id:
        return state.history(SUBJECT).chain(latest.base, inputs.id)
    return state.history(SUBJECT).chain(base_release(state), inputs.id)


def check(state: SiteState, signer: Signer, *, approve: bool, comment: str = "") -> Outcome:
    role = require_role(signer, state, "release_check")
    if not approve and not comment.strip():
        raise DecisionRefused("tuliskan apa yang perlu diperbaiki dengan -m \"...\"")
    inputs = collect_inputs(state.site)
    chain = release_chain(state, inputs)
    if chain.state in ("reviewed", "approved") and approve:
        raise DecisionRefused(f"rilis {inputs.short} sudah diperiksa ({chain.state}); tidak perlu diperiksa lagi")
    preview = release_preview(state.site, inputs)
    if preview is None:
        raise DecisionRefused(f"rilis {inputs.short} belum dipratinjau luring: buat pratinjaunya dengan 'ppid release "
                              "--pratinjau', periksa situs di dalamnya, lalu catat hasilnya (pratinjau yang lebih lama "
                              "menunjukkan isi lain)")
    save_inputs(state.site, inputs)
    base = base_release(state)
    path = sign_and_write(state, signer, lambda when, prev: release_fields(
        inputs.id, base, "release_check", "approved" if approve else "changes_requested", role, signer.person.id,
        comment, when, prev, preview=preview.id))
    verdict = "layak terbit" if approve else "perlu perbaikan"
    return Outcome(path, SUBJECT, f"Rilis {inputs.short} diperiksa: {verdict}",
                   ["Berikutnya: Koordinator menyetujui rilis ini (ppid release --setujui)."] if approve else [],
                   [manifest_path(state.site.root, preview.id)])


def approve(state: SiteState, signer: Signer, *, comment: str = "") -> Outcome:
    role = require_role(signer, state, "release_approve")
    inputs = collect_inputs(state.site)
    chain = release_chain(state, inputs)
    if chain.state == "approved":
        raise DecisionRefused(f"rilis {inputs.short} sudah disetujui")
    if chain.state != "reviewed":
        raise DecisionRefused(f"rilis {inputs.short} belum diperiksa Sub Koordinator pada pratinjau luring "
                              "(ppid release --periksa --setuju); isi yang diperiksa harus persis isi sekarang")
    same = not_reviewer(signer.person.id, chain.review.reviewer if chain.review else None, state.registry)
    if same:
        raise DecisionRefused("Anda sudah memeriksa rilis ini; penyetuju harus orang lain")
    path = sign_and_write(state, signer, lambda when, prev: release_fields(
        inputs.id, chain.review.base if chain.review else base_release(state), "release_approve", "approved", role,
        signer.person.id, comment, when, prev))
    return Outcome(path, SUBJECT, f"Rilis {inputs.short} disetujui",
                   ["Tugas penerbitan (ppid publish) kini boleh menerbitkan rilis ini."])


@dataclass(frozen=True)
class ApprovedRelease:
    inputs: ReleaseInputs
    approval: Record
    check: Record
