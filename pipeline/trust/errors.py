"""Typed refusals of the trust core; each carries the message people read (Bahasa Indonesia)."""

from __future__ import annotations

from ..errors import PpidError


class TrustError(PpidError):
    """Something the trust core refuses to rely on or to do."""


class RecordError(TrustError):
    """A record file that cannot be a valid record at all."""


class RootNotPinned(TrustError):
    """No root key is pinned outside the repository: nothing can be trusted."""


class UntrustedConfig(TrustError):
    """The registry or the role policy does not verify against the pinned root."""


class LogBroken(TrustError):
    """The record log lost, reordered or gained records it cannot account for."""


class DecisionRefused(TrustError):
    """The decision is not allowed now (wrong role, wrong state, own change...)."""


class IdentityError(TrustError):
    """No usable signing key, or a key nobody registered."""


class PromotionError(TrustError):
    """content/ cannot be changed now."""
