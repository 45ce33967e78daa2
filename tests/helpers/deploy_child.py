"""Run one deploy (or rollback) in a child process, so a test can SIGKILL it at a named step.

Usage: python deploy_child.py SITE BUILT RELEASE_JSON   |   python deploy_child.py SITE --rollback"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.errors import PpidError
from pipeline.publish.deploy import deploy, rollback
from pipeline.publish.model import ReleaseInfo
from pipeline.site import Site


def main(argv: list[str]) -> int:
    site = Site(Path(argv[0]))
    try:
        if argv[1] == "--rollback":
            result = rollback(site, "uji")
        else:
            release = ReleaseInfo.from_public(json.loads(Path(argv[2]).read_text()))
            result = deploy(site, "uji", Path(argv[1]), release)
    except PpidError as exc:
        print(f"ppid: {exc}", file=sys.stderr)
        return 2
    print(result.message)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
