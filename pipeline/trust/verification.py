"""One verification entry point: is what content/ holds exactly what was approved, on a whole log?"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import LogBroken, TrustError
from .state import SiteState


@dataclass
class TreeVerification:
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    files: int = 0
    records: int = 0

    def raise_for_failures(self) -> None:
        if self.failures:
            listing = "\n".join(f"  {line}" for line in self.failures)
            raise TrustError(f"{len(self.failures)} kegagalan verifikasi:\n{listing}")


def verify_site_tree(state: SiteState) -> TreeVerification:
    result = TreeVerification(pages=len(state.snap.content_digests), files=len(state.snap.content.assets),
                              records=len(state.log.ordered))
    result.failures += [str(p) for p in state.log.fatal]
    result.failures += [f"content/{page}: {why}" for page, why in state.content_problems()]
    result.warnings += [str(p) for p in state.log.problems if not p.fatal]
    result.warnings += state.registry.warnings
    return result


def require_whole_log(state: SiteState) -> None:
    """A gate that changes content/ or serves bytes refuses on a log that lost records."""
    if state.log.fatal:
        listing = "\n".join(f"  {p}" for p in state.log.fatal)
        raise LogBroken(f"log rekaman keputusan tidak utuh:\n{listing}")
