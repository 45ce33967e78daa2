"""The trust root: root public keys pinned outside the repository, and the one check that the registry and the
role policy were signed by one of them. Every command that signs, changes content/ or serves bytes calls
`trusted_config` first: with no pinned root, or a registry edited without the root's signature, it refuses."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..signing import SignatureError, SigningError, parse_public_key, read_public_key_file, sshsig_verify
from .errors import RootNotPinned, UntrustedConfig
from .registry import POLICY, REGISTRY, REGISTRY_SIG, Policy, Registry, load_policy, load_registry, registry_message

ROOT_ENV = "PPID_ROOT_KEYS"


def user_root_file(site_root: Path | None = None) -> Path:
    """A root public key a person pinned once (`ppid keys pin-root`), outside every repository: for one site
    (keyed by its folder) or for every site on this computer."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")) / "ppid"
    if site_root is None:
        return base / "root.pub"
    tag = hashlib.sha256(str(site_root.resolve()).encode()).hexdigest()[:20]
    return base / "roots" / f"{tag}.pub"


def pinned_root_keys(explicit: Path | None = None, site_root: Path | None = None) -> list[str] | None:
    """Root keys pinned outside the repository: a file given on the command line, $PPID_ROOT_KEYS (key lines, or a
    path to a file of them), the user's pin for this site, or the user's pin for every site. None when none."""
    source = str(explicit) if explicit else os.environ.get(ROOT_ENV, "").strip()
    for pinned in ([user_root_file(site_root)] if site_root else []) + [user_root_file()]:
        if not source and pinned.is_file():
            source = str(pinned)
    if not source:
        return None
    if not source.startswith("ssh-") and site_root and Path(source).resolve().is_relative_to(site_root.resolve()):
        raise UntrustedConfig(f"{source}: kunci akar tidak boleh diambil dari dalam folder situs (siapa pun yang dapat "
                              "meng-commit dapat menggantinya); pasang kunci publik akar di luar repositori")
    text = source if source.startswith("ssh-") else _read_keys_file(Path(source))
    keys = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in keys:
        try:
            parse_public_key(line)
        except SigningError as exc:
            raise UntrustedConfig(f"kunci akar yang dipasang ({source}): {exc}") from None
    if not keys:
        raise UntrustedConfig(f"kunci akar yang dipasang ({source}) kosong")
    return keys


def _read_keys_file(path: Path) -> str:
    try:
        return read_public_key_file(path)
    except SigningError as exc:
        raise UntrustedConfig(f"berkas kunci akar: {exc}") from None


def require_root(explicit: Path | None = None, site_root: Path | None = None) -> list[str]:
    keys = pinned_root_keys(explicit, site_root)
    if keys is None:
        raise RootNotPinned(
            f"tidak ada kunci akar yang dipasang: registri peninjau tidak dapat dipercaya. Pasang kunci publik akar "
            f"instansi sekali saja dengan 'ppid keys pin-root BERKAS.pub' (disimpan di {user_root_file()}), atau "
            f"${ROOT_ENV}=BERKAS, atau --root-key BERKAS")
    return keys


def verify_registry(root: Path, registry: Registry, policy: Policy, root_keys: list[str]) -> None:
    """Raise UntrustedConfig unless a pinned root key signed exactly this registry and policy."""
    sig_path = root / REGISTRY_SIG
    if not sig_path.exists():
        raise UntrustedConfig(f"{REGISTRY_SIG} tidak ada: registri peninjau belum ditandatangani kunci akar "
                              "('ppid keys sign-registry')")
    armored = sig_path.read_text(encoding="utf-8", errors="replace")
    message = registry_message(root, registry, policy)
    for key in root_keys:
        try:
            sshsig_verify(key, armored, message)
            return
        except (SignatureError, SigningError):
            continue
    raise UntrustedConfig(f"{REGISTRY} atau {POLICY}: tanda tangan kunci akar tidak cocok; registri peninjau atau "
                          "kebijakan peran telah diubah tanpa ditandatangani ulang oleh pemegang kunci akar. "
                          "Kembalikan perubahannya, atau minta pemegang kunci akar menandatanganinya ('ppid keys sign-registry')")


@dataclass(frozen=True)
class TrustedConfig:
    registry: Registry
    policy: Policy
    verified: bool  # False only for an explicit local look without a root


def trusted_config(root: Path, explicit: Path | None = None, allow_unverified: bool = False) -> TrustedConfig:
    """The registry and policy, verified against the pinned root; `allow_unverified` is only for a local look
    that never changes content/ and never signs."""
    registry, policy = load_registry(root), load_policy(root)
    keys = pinned_root_keys(explicit, root)
    if keys is None and allow_unverified:
        return TrustedConfig(registry, policy, verified=False)
    verify_registry(root, registry, policy, require_root(explicit, root))
    return TrustedConfig(registry, policy, verified=True)
