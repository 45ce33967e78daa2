"""Running every security and privacy check on pages and files, with results cached by content hash."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from . import cache
from .checks import secrets, unsafe
from .checks.findings import BLOCK, Finding, mask, value_hash
from .content import Page, file_sha256
from .parallel import PARALLEL_FROM, run_forked
from .site import Site

SCAN_VERSION = "1"
POLICY_FILES = ("site_config/privacy.yml", "site_config/security.yml", "mkdocs.yml")  # mkdocs.yml: the renderer


class Scanner:
    """Scans pages and attachments; a result is reused while the file's bytes and the policies are unchanged."""

    def __init__(self, site: Site) -> None:
        from .checks import pii

        self.site = site
        self.privacy = pii.load_policy(site.root)
        self.security = unsafe.load_policy(site.root)
        self._pii = pii.scan_text
        self.cache_dir = site.work_dir / "cache" / "scan"
        self.fingerprint = _fingerprint(site)

    def page(self, page: Page) -> list[Finding]:
        return self._cached(page.display, page.sha256, lambda: self._scan_page(page))

    def prefetch(self, pages: list[Page]) -> None:
        """Scan the pages missing from the cache on every core at once: a cold check of a large site is then
        bounded by the detectors' speed divided by the cores (each page's result lands in the cache)."""
        missing = [p for p in pages if not self._path(p.display, p.sha256).exists()]
        if len(missing) >= PARALLEL_FROM:
            for page in missing:
                page.rendered  # rendered (or read from the render cache) here, once, before the work is shared
        run_forked(self.page, missing)

    def file(self, display: str, path: Path) -> list[Finding]:
        return self._cached(display, self._sha256(path), lambda: self._scan_file(display, path))

    def _sha256(self, path: Path) -> str:
        """The file's hash, remembered while its inode, size, mtime and ctime stay the same (as git does):
        re-reading a gigabyte of unchanged attachments would cost more than the rest of a warm run.
        ctime cannot be set back by a user, so a file edited in place is always hashed again."""
        info = path.stat()
        key = hashlib.sha256(f"{path}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}".encode()).hexdigest()
        memo = self.cache_dir.parent / "stat" / key[:2] / key
        known = cache.read(memo)
        if known is not None:
            return known.decode("ascii")
        sha = file_sha256(path)
        cache.write(memo, sha.encode("ascii"))
        return sha

    def never_acceptable(self, finding: Finding) -> bool:
        return finding.detector in self.security.never_acceptable

    def _scan_page(self, page: Page) -> list[Finding]:
        text = page.raw.decode("utf-8", errors="replace")
        found = self._personal_data(page.display, text, line_numbers=True)
        found += unsafe.check(page, self.security) + secrets.check(page)
        if page.meta.get("klasifikasi") == "dikecualikan":
            found.append(Finding(page.display, "dikecualikan", BLOCK,
                                 "informasi yang dikecualikan (Pasal 17 UU 14/2008) tidak boleh diterbitkan",
                                 "klasifikasi: dikecualikan", line=page.line_of(("klasifikasi",)),
                                 value_hash=value_hash("dikecualikan")))
        return _unique(found)

    def _scan_file(self, display: str, path: Path) -> list[Finding]:
        from .checks.documents import inspect

        report = inspect(path, display)
        found = list(report.findings)
        for part in report.parts:
            found += self._personal_data(display, part.text, pdf_page=part.pdf_page, field=part.field)
            for detector, message, value, _, _ in secrets.scan_text(part.text):
                found.append(Finding(display, detector, BLOCK, f"{message}; jangan pernah diterbitkan",
                                     mask(value, 4, 0), pdf_page=part.pdf_page, field=part.field,
                                     value_hash=value_hash(value)))
        return _unique(found)

    def _personal_data(self, display: str, text: str, line_numbers: bool = False, **where) -> list[Finding]:
        found = []
        for match in self._pii(text, self.privacy):
            line = text.count("\n", 0, match.start) + 1 if line_numbers else None
            found.append(Finding(display, match.detector, match.severity, match.message, mask(match.value),
                                 line=line, value_hash=value_hash(match.value), **where))
        return found

    def _path(self, display: str, sha: str) -> Path:
        key = hashlib.sha256(f"{self.fingerprint}|{display}|{sha}".encode()).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.json"

    def _cached(self, display: str, sha: str, compute) -> list[Finding]:
        path = self._path(display, sha)
        stored = cache.read(path)
        if stored is not None:
            try:
                return [Finding(**item) for item in json.loads(stored)]
            except (ValueError, TypeError):
                pass
        findings = compute()
        cache.write(path, json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False).encode("utf-8"))
        return findings


def _fingerprint(site: Site) -> str:
    """Results stay valid while the policies and the detectors' code are unchanged."""
    digest = hashlib.sha256(SCAN_VERSION.encode())
    code = [*Path(__file__).parent.joinpath("checks").rglob("*.py"), *Path(__file__).parent.joinpath("render").rglob("*.py")]
    for path in [*(site.root / f for f in POLICY_FILES), *sorted(code)]:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for finding in findings:
        seen.setdefault(finding.id, finding)
    return list(seen.values())
