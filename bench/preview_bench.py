"""Preview benchmark: a cold `ppid preview` against a plain `mkdocs build` of the same files, and the
rebuild after one draft changed against the cold one.

The synthetic site (bench/synth.py) gets a few drafts (edits of existing pages), then:
  - cold: `build_preview` with no preview state (.ppid/preview removed): check, scan, stage, build
    with the offline plugin, manifest, zip;
  - plain: `mkdocs build` of the very same staged docs/ and nav, without the offline plugin;
  - warm: one draft gets one more sentence, then `build_preview` again.
Targets: warm / cold <= 0.15.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.build.mkdocs_backend import run_build, write_config
from pipeline.preview.builder import build_preview
from pipeline.site import Site

from .common import Options, Result, Target, Timer
from .synth import make_site

NAME = "preview"
SIZE = 1000
DRAFTS = 5
TARGET_WARM = 0.15


def _drafts(root: Path, count: int) -> list[Path]:
    pages = sorted(p for p in (root / "content").rglob("*.md") if p.name != "index.md")[:count]
    made = []
    for page in pages:
        target = root / "drafts" / page.relative_to(root / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8") + "\nParagraf tambahan untuk pratinjau.\n", encoding="utf-8")
        made.append(target)
    return made


def run(options: Options, work: Path) -> Result:
    size = max((s for s in options.sizes if s <= SIZE), default=min(options.sizes))
    result = Result(NAME)
    root = work / f"situs-{size}"
    make_site(root, size, options.seed)
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides", root / "overrides", dirs_exist_ok=True)
    drafts = _drafts(root, DRAFTS)
    site = Site(root)
    out = work / "zip"
    with Timer() as cold:
        build_preview(site, out)
    staged_docs = root / ".ppid" / "preview" / "docs"
    plain_config = write_config(site, staged_docs, work / "plain-site", _nav(root), {})
    with Timer() as plain:
        run_build(plain_config)
    drafts[0].write_text(drafts[0].read_text(encoding="utf-8") + "Satu kalimat lagi.\n", encoding="utf-8")
    with Timer() as warm:
        preview = build_preview(Site(root), out)
    ratio = warm.seconds / cold.seconds
    options.log(f"  preview {size} pages, {DRAFTS} drafts: cold {cold.seconds:.2f} s, plain mkdocs build "
                f"{plain.seconds:.2f} s (cold/plain {cold.seconds / plain.seconds:.2f}), one draft changed "
                f"{warm.seconds:.2f} s ({'warm' if preview.warm else 'COLD'} rebuild, {ratio:.1%} of cold)")
    result.data.update(size=size, cold=cold.seconds, plain=plain.seconds, warm=warm.seconds)
    result.targets.append(Target(f"preview rebuild after one draft changed / cold, {size} pages", ratio, TARGET_WARM))
    result.notes.append(f"cold preview {cold.seconds:.1f} s vs plain mkdocs build {plain.seconds:.1f} s "
                        f"of the same files (x{cold.seconds / plain.seconds:.2f})")
    return result


def _nav(root: Path) -> list:
    from pipeline.yamlio import load_file

    return load_file(root / ".ppid" / "preview" / "mkdocs.yml").data["nav"]
