"""The data publishing passes around: an approved release, a kept release folder, a deploy's outcome."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReleaseInfo:
    """A release the Koordinator signed; the gate hands it to `deploy()` with the finished build."""

    id: str                  # "sha256:<hex>" of the canonical inputs manifest
    inputs: dict[str, str]   # input path -> sha256 hex
    approver: str            # reviewer id of the Koordinator who signed
    approver_name: str
    approved_at: str         # UTC ISO 8601, "2026-11-30T03:00:00Z"
    signed_bytes: bytes      # the exact bytes signed (canonical JSON)
    signature: str           # armored SSHSIG, namespace "ppid", over signed_bytes
    signer_key: str          # "ssh-ed25519 AAAA..." of the signer
    variant: str = ""        # which approved pages are live that day (publish_at / expire_at): same release,
                             # other variant = something new to publish

    def to_public(self) -> dict:
        """The release as the served manifest shows it (signed bytes as text: canonical JSON is UTF-8)."""
        return {"id": self.id, "inputs": dict(sorted(self.inputs.items())), "approver": self.approver,
                "approver_name": self.approver_name, "approved_at": self.approved_at,
                "signed": self.signed_bytes.decode("utf-8"), "signature": self.signature,
                "signer_key": self.signer_key, "variant": self.variant}

    @classmethod
    def from_public(cls, data: dict) -> "ReleaseInfo":
        return cls(id=data["id"], inputs=dict(data["inputs"]), approver=data["approver"],
                   approver_name=data["approver_name"], approved_at=data["approved_at"],
                   signed_bytes=data["signed"].encode("utf-8"), signature=data["signature"],
                   signer_key=data["signer_key"], variant=str(data.get("variant") or ""))


@dataclass(frozen=True)
class KeptRelease:
    """One complete release folder on a target."""

    folder: str
    release_id: str
    approver: str
    approver_name: str
    approved_at: str
    live: bool


@dataclass(frozen=True)
class DeployResult:
    """What a deploy or rollback did (`changed` is False when the release was already live)."""

    target: str
    action: str              # publish | rollback | takedown
    folder: str
    release_id: str
    previous: str | None     # folder live before, if any
    changed: bool
    message: str
