"""Render benchmark: `ppid check` on the synthetic site, cold (no cache) and warm (nothing changed),
against Python-Markdown alone rendering the same page bodies with the same extensions, each run as a
fresh process. The checks read the HTML of the site's own Markdown engine, so that rendering is their
floor. Targets: cold check <= 1.5x Python-Markdown alone; warm <= 5% of cold.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .common import Options, Result, Target, Timer
from .synth import make_site

NAME = "render"
TARGET_COLD = 1.5
TARGET_WARM = 0.05
PAGES = 1000

MARKDOWN_ALONE = """
import sys
from pathlib import Path
import frontmatter, markdown
from pipeline.render.engine import markdown_config
config = markdown_config(Path(sys.argv[1]))
md = markdown.Markdown(extensions=list(config.extensions), extension_configs=config.configs)
for path in sorted(Path(sys.argv[1], "content").rglob("*.md")):
    md.reset().convert(frontmatter.loads(path.read_text(encoding="utf-8")).content)
"""


def _timed(command: list[str], env: dict[str, str]) -> Timer:
    with Timer() as timer:
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode not in (0, 1):  # 1: the synthetic site may hold findings; that is still a full run
        raise RuntimeError(f"{command[:3]} failed ({result.returncode}): {result.stderr[-500:]}")
    return timer


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    root = work / "situs"
    shutil.rmtree(root, ignore_errors=True)
    make_site(root, PAGES, options.seed)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg")}
    ppid = [sys.executable, "-m", "pipeline.cli", "--site", str(root), "check"]
    alones, colds = [], []
    for _ in range(options.repeat):  # interleaved, so a busy moment of the machine hits both alike
        alones.append(_timed([sys.executable, "-c", MARKDOWN_ALONE, str(root)], env))
        shutil.rmtree(root / ".ppid" / "cache", ignore_errors=True)
        colds.append(_timed(ppid, env))
    alone, cold = (min(runs, key=lambda t: t.seconds) for runs in (alones, colds))
    warm = min((_timed(ppid, env) for _ in range(options.repeat)), key=lambda t: t.seconds)
    options.log(f"  render {PAGES} pages: Python-Markdown alone {alone.seconds:.2f} s (CPU {alone.cpu:.2f} s); "
                f"ppid check cold {cold.seconds:.2f} s (x{cold.seconds / alone.seconds:.2f}; CPU {cold.cpu:.2f} s, "
                f"x{cold.cpu / alone.cpu:.2f}), warm {warm.seconds:.2f} s ({warm.seconds / cold.seconds:.1%} of cold)")
    result.data.update(markdown_alone=alone.seconds, cold=cold.seconds, warm=warm.seconds)
    result.targets.append(Target("ppid check cold / Python-Markdown alone", cold.seconds / alone.seconds, TARGET_COLD))
    result.targets.append(Target("ppid check warm / cold", warm.seconds / cold.seconds, TARGET_WARM))
    return result
