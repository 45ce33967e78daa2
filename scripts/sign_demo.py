"""Re-sign the repository's demo site: throwaway identities, a root-signed registry, and review records
for every page in content/ (approved) and every draft (submitted). The private keys are deleted at the end:
nobody can sign for the demo identities afterwards. Run after changing the demo content."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.demo import approve_all_content, create_identities, submit_all_drafts, utc  # noqa: E402
from pipeline.site import Site  # noqa: E402

ROOT_PUB = REPO / "tests" / "data" / "demo-root.pub"


def main() -> int:
    site = Site(REPO)
    for path in [*site.reviews_dir.glob("[0-9]*"), site.reviews_dir / "manifests"]:
        shutil.rmtree(path, ignore_errors=True)  # records of the previous throwaway identities
    with tempfile.TemporaryDirectory() as tmp:
        keys = create_identities(site, Path(tmp) / "kunci")
        pages = approve_all_content(site, keys, utc("2026-11-02T01:00:00"))
        drafts = submit_all_drafts(site, keys, utc("2026-11-24T02:00:00"))
        ROOT_PUB.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(keys["root"].with_name("root.pub"), ROOT_PUB)
    print(f"{pages} halaman disetujui, {drafts} draf diajukan; kunci akar publik: {ROOT_PUB.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
