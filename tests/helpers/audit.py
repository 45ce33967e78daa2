"""The audit tools the accessibility test runs: axe-core in the page, the Nu HTML Checker on the files.
Both are fetched at set-up (scripts/vendor.sh, `make test`) with pinned checksums."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Page

from conftest import REPO

AXE = REPO / ".ppid" / "audit" / "axe-4.14.1.min.js"
VNU = REPO / ".ppid" / "audit" / "vnu-26.9.27.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def require_tools() -> None:
    """The audit is never skipped: a machine without the tools fails, saying how to install them."""
    missing = [str(p) for p in (AXE, VNU) if not p.is_file()]
    if shutil.which("java") is None:
        missing.append("java (Debian: default-jre-headless)")
    assert not missing, f"alat audit tidak ada: {', '.join(missing)}; jalankan 'make test' (scripts/vendor.sh)"


def axe_violations(page: Page) -> list[str]:
    """One line per violating node: rule id, target selector, and axe's summary."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return [f"{page.url}: {v['id']} {node['target']} {node.get('failureSummary', '').splitlines()[-1:]}"
            for v in result["violations"] for node in v["nodes"]]


def vnu_errors(files: list[Path]) -> list[dict]:
    """The checker's errors for the given HTML files."""
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True)
    return json.loads(result.stderr)["messages"]
