"""Signed releases and finished builds for publishing tests (the gate that makes them is not under test here)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.cli import main
from pipeline.publish.model import ReleaseInfo
from pipeline.signing import canonical_bytes, generate_key, public_key_line, sshsig_sign

KOORDINATOR = generate_key()


def signed_release(site: Path, approved_at: str = "2026-11-30T03:00:00Z", key=KOORDINATOR) -> ReleaseInfo:
    """A release over the hashes of the site's inputs, signed like the Koordinator would."""
    inputs = {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
              for area in ("content", "overrides", "site_config") for p in sorted((site / area).rglob("*")) if p.is_file()}
    inputs["mkdocs.yml"] = hashlib.sha256((site / "mkdocs.yml").read_bytes()).hexdigest()
    release_id = "sha256:" + hashlib.sha256(canonical_bytes({"inputs": inputs})).hexdigest()
    signed = canonical_bytes({"release": release_id, "inputs": inputs, "approver": "ratna", "approved_at": approved_at})
    return ReleaseInfo(id=release_id, inputs=inputs, approver="ratna", approver_name="Ratna Dewi (contoh)",
                       approved_at=approved_at, signed_bytes=signed, signature=sshsig_sign(key, signed),
                       signer_key=public_key_line(key, "ratna@ppid"))


def build(site: Path, out: Path) -> Path:
    """The online build itself, without the gate (the gate is tested in test_publish_gate.py)."""
    from pipeline.build.online import build_online
    from pipeline.site import Site

    build_online(Site(site), out)
    return out


def write_deploy_yml(site: Path, target_root: Path, port: int, check_pages: int = 3, keep: int = 3) -> None:
    (site / "site_config" / "deploy.yml").write_text(json.dumps({"targets": {"uji": {
        "type": "local", "path": str(target_root), "url": f"http://127.0.0.1:{port}/", "keep": keep,
        "reload": ["/usr/sbin/nginx", "-c", "{nginx_conf}", "-s", "reload"], "check_pages": check_pages}}}),
        encoding="utf-8")
