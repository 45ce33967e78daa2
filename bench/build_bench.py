"""Build benchmark: our online build against a naive flat-nav MkDocs build of the same pages.

For every size (synthetic site from bench/synth.py: ~10 top-level sections, sub-sections of at
most ~50 pages):
  - ours: `build_online` end to end (read + stage content/, generated nested nav with Material's
    `navigation.prune`, DIP page + CSV, `mkdocs build` in a subprocess). The share of that time
    spent in the `mkdocs build` subprocess is shown separately.
  - naive (sizes <= NAIVE_MAX only): plain `mkdocs build` of the very same staged docs/ (DIP page
    included), the same mkdocs.yml (theme, features, plugins, extensions), but `nav:` a flat
    list of every page, which `navigation.prune` cannot shrink. Only mkdocs is timed, so the
    naive side pays no staging: the comparison is conservative for ours.

Targets (a report, not assertions): ours/naive at 1000 pages <= 0.25; ours time(5000)/time(1000)
<= 5.5; HTML bytes per HTML page of ours at 5000 <= 100 KB.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pipeline.build.online as build_command
from pipeline.build.mkdocs_backend import run_build, site_config
from pipeline.site import Site
from pipeline.view import build_view
from pipeline.yamlio import dumps

from .common import Options, Result, Target, Timer, html_stats, tree_bytes
from .synth import make_site

NAME = "build"
NAIVE_MAX = 1000          # a flat nav puts every page in every page: ~0.4 MB a page at 1000, minutes at 5000
RATIO_SIZE, SCALE_FROM, SCALE_TO = 1000, 1000, 5000
TARGET_RATIO, TARGET_SCALE, TARGET_KB = 0.25, 5.5, 100.0
WARMUP_PAGES = 20


def naive_config(site: Site, docs: Path, out: Path, where: Path) -> Path:
    """mkdocs.yml for a plain MkDocs+Material build of `docs` with a flat nav of every page."""
    view = build_view(site, ["content"])
    titles = {rel: page.title for rel, page in view.pages.items()}
    titles[site.dip_page] = "Daftar Informasi Publik"
    rels = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    config = site_config(site)
    # Plain Material: without our overrides (their lighter menu is part of what is being compared).
    theme = {k: v for k, v in (config.get("theme") or {}).items() if k != "custom_dir"}
    config.pop("extra_css", None)
    config.update(theme=theme, docs_dir=str(docs.resolve()), site_dir=str(out.resolve()),
                  nav=[{titles.get(rel, rel): rel} for rel in rels])
    where.mkdir(parents=True, exist_ok=True)
    path = where / "mkdocs.yml"
    path.write_text(dumps(config), encoding="utf-8")
    return path


class _MkdocsClock:
    """Times the `run_build` call made inside `build_online` (restored on exit)."""

    def __enter__(self) -> "_MkdocsClock":
        self.seconds = 0.0
        self._original = build_command.run_build

        def timed(*args, **kwargs):
            with Timer() as t:
                result = self._original(*args, **kwargs)
            self.seconds += t.seconds
            return result

        build_command.run_build = timed
        return self

    def __exit__(self, *exc) -> None:
        build_command.run_build = self._original


def _ours_once(root: Path) -> dict:
    shutil.rmtree(root / ".ppid", ignore_errors=True)   # cold: no staged tree left from a previous run
    shutil.rmtree(root / "site", ignore_errors=True)
    with _MkdocsClock() as clock, Timer() as t:
        count = build_command.build_online(Site(root), root / "site")
    return {"pages": count, "seconds": t.seconds, "cpu": t.cpu, "mkdocs_seconds": clock.seconds}


def _naive_once(config: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    with Timer() as t:
        run_build(config)
    return {"seconds": t.seconds, "cpu": t.cpu}


def _best(runs: list[dict]) -> dict:
    best = min(runs, key=lambda m: m["seconds"])
    return {**best, "runs": [round(m["seconds"], 2) for m in runs]}


def _output(out: Path) -> dict:
    html_pages, html_bytes = html_stats(out)
    return {"html_pages": html_pages, "html_bytes": html_bytes,
            "kb_per_page": html_bytes / max(html_pages, 1) / 1024, "out_mb": tree_bytes(out) / 1e6}


def _row(label: str, size: int, m: dict) -> str:
    line = (f"  {label:<6}{size:>6} pages {m['seconds']:7.2f} s (cpu {m['cpu']:6.1f} s) {m['seconds'] / size * 1000:5.1f} ms/page"
            f" {m['kb_per_page']:6.1f} KB/page {m['out_mb']:6.1f} MB")
    if "mkdocs_seconds" in m:
        line += f"  [mkdocs {m['mkdocs_seconds']:.2f} s, staging {m['seconds'] - m['mkdocs_seconds']:.2f} s]"
    if len(m.get("runs", [])) > 1:
        line += f"  runs {m['runs']}"
    return line


def run(options: Options, work: Path) -> Result:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    log = options.log
    result = Result(NAME)
    ours: dict[int, dict] = {}
    naive: dict[int, dict] = {}

    # Untimed warm-up: the first mkdocs process of a session pays cold imports from disk.
    warm = work / "warmup"
    make_site(warm, WARMUP_PAGES, options.seed)
    build_command.build_online(Site(warm), warm / "site")
    shutil.rmtree(warm)

    log(f"[{NAME}] ours = build_online (nested nav, navigation.prune); "
        f"naive = mkdocs build of the same pages, flat nav (<= {NAIVE_MAX} pages)")
    for size in options.sizes:
        root = work / f"site-{size}"
        info = make_site(root, size, options.seed)
        log(f"  site {size}: {info.top_sections} top-level sections, {info.folders} folders, depth {info.max_depth}, "
            f"<= {info.max_folder_pages} entries per folder")
        ours[size] = _best([_ours_once(root) for _ in range(options.repeat)])
        ours[size].update(_output(root / "site"))
        log(_row("ours", size, ours[size]))
        if size <= NAIVE_MAX:
            # The staged docs/ of the last build_online above: the very same pages, DIP page included.
            docs = Site(root).work_dir / "stage" / "online" / "docs"
            naive_out = work / f"naive-{size}" / "site"
            config = naive_config(Site(root), docs, naive_out, work / f"naive-{size}")
            naive[size] = _best([_naive_once(config, naive_out) for _ in range(options.repeat)])
            naive[size].update(_output(naive_out))
            log(_row("naive", size, naive[size]))
            if not options.keep:
                shutil.rmtree(work / f"naive-{size}")
        else:
            log(f"  naive {size:>6} pages: not built, a flat nav of {size} entries on every page would take "
                f"many minutes (see bench/README.md)")
        if not options.keep:
            shutil.rmtree(root)

    ratio = (ours[RATIO_SIZE]["seconds"] / naive[RATIO_SIZE]["seconds"]
             if RATIO_SIZE in ours and RATIO_SIZE in naive else None)
    scale = ours[SCALE_TO]["seconds"] / ours[SCALE_FROM]["seconds"] if SCALE_FROM in ours and SCALE_TO in ours else None
    kb = ours[SCALE_TO]["kb_per_page"] if SCALE_TO in ours else None
    result.targets = [
        Target(f"build time ours/naive at {RATIO_SIZE} pages", ratio, TARGET_RATIO),
        Target(f"scaling of ours, time({SCALE_TO})/time({SCALE_FROM})", scale, TARGET_SCALE),
        Target(f"HTML per page of ours at {SCALE_TO} pages", kb, TARGET_KB, " KB"),
    ]
    if any(s > NAIVE_MAX for s in options.sizes):
        result.notes.append(f"naive not built above {NAIVE_MAX} pages (too slow).")
    result.notes.append("times are wall clock, the fastest of --repeat runs (default 1); compare only numbers "
                        "of the same run, as other load on the machine shifts them.")
    result.data = {"ours": ours, "naive": naive}
    return result
