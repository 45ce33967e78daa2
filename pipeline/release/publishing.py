"""`publish` as one operation: gate → build → deploy (switch, check what is served, log). The deploy half lives
in pipeline/publish/; this joins it to the gate so that nothing reaches a target that the gate did not pass."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..build.online import build_online
from ..build.schedule import live_set
from ..build.stage import today
from ..publish.deploy import deploy, live_release
from ..publish.model import DeployResult, ReleaseInfo
from ..site import Site
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
    """Publish the approved release; nothing new (same release, same pages live today) changes nothing."""
    passed = publish_gate(site, root_key)
    variant = live_set(build_view(site, ["content"]), today(site))
    current = live_release(site, target)
    if current and current == (passed.inputs.id, variant):
        return DeployResult(target or "", "publish", "", passed.inputs.id, None, False,
                            f"Tidak ada yang baru: rilis {passed.inputs.short} sudah tayang dengan "
                            "halaman yang sama; tidak ada yang diubah.")
    out = site.work_dir / "terbit-build" / "site"
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_online(site, out, approved=True)
    return deploy(site, target, out, release_info(passed, variant))
