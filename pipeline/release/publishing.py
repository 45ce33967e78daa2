"""`publish` as one operation: gate → build → deploy (switch, check what is served, log). The deploy half lives
in pipeline/publish/; this joins it to the gate so that nothing reaches a target that the gate did not pass."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
from pathlib import Path

from ..build.online import build_online
from ..build.schedule import live_set
from ..build.stage import today
from ..publish.deploy import deploy, live_release
from ..publish.model import DeployResult, ReleaseInfo
from ..site import Site
from ..trust.errors import LogBroken
from ..view import build_view
from .gate import Passed, publish_gate


def release_info(passed: Passed, variant: str = "") -> ReleaseInfo:
    """What the deploy side needs of the signed release: the inputs, and the Koordinator's signature over the
    approval record that names the release id."""
    approved = passed.release
    person = passed.state.registry.people[approved.approval.reviewer]
    packages = {f"@paket/{name}": version for name, version in approved.inputs.packages.items()}
    return ReleaseInfo(id=approved.inputs.id, inputs={**approved.inputs.files, **packages},
                       approver=person.id, approver_name=person.name, approved_at=approved.approval.fields["time"],
                       signed_bytes=approved.approval.canonical, signature=approved.approval.signature,
                       signer_key=person.key, variant=variant)


def publish(site: Site, target: str | None, root_key: Path | None = None) -> DeployResult:
    """Publish the approved release (or an emergency takedown on top of it); nothing new (same release, same
    pages live today) changes nothing."""
    passed = publish_gate(site, root_key)
    variant = live_set(build_view(site, ["content"]), today(site))
    if passed.takedown:
        variant += "+tarik:" + ",".join(r.id.removeprefix("sha256:")[:16] for r in passed.takedown)
    info = release_info(passed, variant)
    current = live_release(site, target)
    if current:
        require_anchored(passed.state, current)
    if current and (current.id, current.variant) == (info.id, info.variant):
        return DeployResult(target or "", "publish", "", info.id, None, False,
                            f"Tidak ada yang baru: rilis {info.id.removeprefix('sha256:')[:12]} sudah tayang dengan "
                            "halaman yang sama; tidak ada yang diubah.")
    action = "takedown" if passed.takedown else "publish"
    del passed
    site.forget()  # the gate's state and views are not the build's: freed before it runs, so publish peaks no higher
    gc.collect()
    out = site.work_dir / "terbit-build" / "site"
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_online(site, out, approved=True)
    return deploy(site, target, out, info, action=action)


def require_anchored(state, live: ReleaseInfo) -> None:
    """What is live anchors the record log: the approval it was published under, and any withdrawal it carried
    out, must still be in reviews/. A deleted record (say, a withdrawal removed to bring a page back) is caught
    here even when nothing in the repository cites it any more."""
    missing = []
    approval = "sha256:" + hashlib.sha256(live.signed_bytes).hexdigest()
    if approval not in state.log.position:
        missing.append(f"persetujuan rilis {approval.removeprefix('sha256:')[:16]}")
    marker = live.variant.partition("+tarik:")[2]
    known = {rid.removeprefix("sha256:")[:16] for rid in state.log.position}
    missing += [f"penarikan {short}" for short in marker.split(",") if short and short not in known]
    signed = json.loads(live.signed_bytes.decode("utf-8", "replace") or "{}")
    if int(signed.get("registry") or 0) > state.registry.version:
        missing.append(f"registri versi {signed['registry']} (di sini versi {state.registry.version}: registri "
                       "dikembalikan ke versi lama)")
    if missing:
        raise LogBroken(f"situs yang tayang diterbitkan berdasarkan rekaman yang tidak ada lagi di reviews/ "
                        f"({', '.join(missing)}): rekaman keputusan telah dihapus. Pulihkan dari riwayat git "
                        "(git log --diff-filter=D -- reviews/); tidak diterbitkan.")
