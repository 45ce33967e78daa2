"""Publish benchmark (issue 13: publishing): a signed, fully approved synthetic site of 1000 pages with a signed
release, published to local targets served by real nginx instances on 127.0.0.1 (started here, stopped by pid).

Measured in one run, each command in a fresh `ppid` process (CPU seconds of its process tree and wall time; peak
RSS of ppid's own process and of the largest process of the tree):
  build     `ppid build` of the same site: the baseline, before, between and after the publishes;
  publish   a first `ppid publish` (gate, build, release folder, server configuration, switch, byte check of
            every served file, Chromium on `check_pages` pages, log), once per round to a fresh target;
            overhead = mean publish - mean build;
  again     `ppid publish` with nothing new: says so, exits 0, builds nothing.
Targets: again <= 2 s; overhead <= 25% of the build; peak RSS of publish <= that of the build. nginx is not a
child of `ppid`: the CPU it spends serving the byte check is logged beside, not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .common import Options, Result, Target
from .synth import REPO, make_signed_site

NAME = "publish"
SIZE = 1000
CHECK_PAGES = 5     # the default of a target: a publish as a user runs it
NGINX = "/usr/sbin/nginx"


# `ppid` run in-process so that its own peak RSS is known apart from its children's (mkdocs, Playwright, Chromium).
_MEASURED = ("import json, resource, sys\nfrom pipeline.cli import main\ncode = main(sys.argv[2:])\n"
             "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
             "open(sys.argv[1], 'w').write(json.dumps(own))\nsys.exit(code)")


@dataclass(frozen=True)
class Run:
    cpu: float        # user + system seconds of the process tree (every descendant that was waited for)
    wall: float
    own_mb: float     # peak RSS of the ppid process itself
    tree_mb: float    # peak RSS of the largest process in the tree (sampled every 20 ms: renderers included)
    out: str


class _Sampler(threading.Thread):
    """The largest RSS of any process under `pid`, read from /proc while it runs. Chromium's renderers are
    forked by its zygote and never show up in RUSAGE_CHILDREN, so the tree is sampled instead."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            for pid in _descendants(self.pid):
                self.peak_kb = max(self.peak_kb, _rss_kb(pid))


def _proc_stats() -> Iterator[tuple[int, list[str]]]:
    """(pid, fields of /proc/<pid>/stat after the command name) of every process still there when read."""
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                yield int(name), Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # it ended meanwhile


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, fields in _proc_stats():
        children.setdefault(int(fields[1]), []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _nginx_helpers():
    """The tests' nginx on 127.0.0.1 (config, pid and logs in the target's folder), shared rather than copied."""
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from helpers.nginx import free_port, running_nginx
    finally:
        sys.path.remove(str(REPO / "tests"))
    return free_port, running_nginx


def _ppid(root: Path, root_pub: Path, work: Path, *args: str) -> Run:
    """One `ppid` command in a fresh process; CPU and peak RSS from wait4(), so the sampler's own work is not
    counted."""
    env = {**os.environ, "PPID_ROOT_KEYS": str(root_pub), "XDG_CONFIG_HOME": str(work / "config"),
           "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PPID_KEY", None)
    own_file, out_file = work / "own-rss.json", work / "ppid-out.txt"
    with open(out_file, "w+", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", _MEASURED, str(own_file), "--site", str(root), *args],
                                   env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
        out.seek(0)
        text = out.read()
    if process.returncode != 0:
        raise RuntimeError(f"ppid {' '.join(args)} failed ({process.returncode}):\n{text}")
    own_kb = json.loads(own_file.read_text())
    return Run(usage.ru_utime + usage.ru_stime, wall, own_kb / 1024,
               max(usage.ru_maxrss, sampler.peak_kb, own_kb) / 1024, text)


def _deploy_yml(root: Path, targets: dict[str, tuple[Path, int]]) -> None:
    """The bench's targets (written before the release is signed: site_config/ is a release input)."""
    (root / "site_config" / "deploy.yml").write_text(json.dumps({"targets": {name: {
        "type": "local", "path": str(www), "url": f"http://127.0.0.1:{port}/", "keep": 3,
        "reload": [NGINX, "-c", "{nginx_conf}", "-s", "reload"], "check_pages": CHECK_PAGES}
        for name, (www, port) in targets.items()}}), encoding="utf-8")


def _cpus(runs: list[Run]) -> str:
    return ", ".join(f"{r.cpu:.2f}" for r in runs)


def _mean(runs: list[Run]) -> Run:
    return Run(sum(r.cpu for r in runs) / len(runs), sum(r.wall for r in runs) / len(runs),
               max(r.own_mb for r in runs), max(r.tree_mb for r in runs), "")


def _nginx_cpu(pid_file: Path) -> float:
    """CPU seconds of the nginx master, its reaped workers and its live workers (old workers exit at a reload)."""
    tick = os.sysconf("SC_CLK_TCK")
    master = int(pid_file.read_text())
    total = 0
    for pid, fields in _proc_stats():
        if pid == master:
            total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
        elif int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def _approve_release(root: Path, root_pub: Path, work: Path, keys: dict[str, Path]) -> None:
    _ppid(root, root_pub, work, "release", "--pratinjau")  # the offline preview the Sub Koordinator's check cites
    _ppid(root, root_pub, work, "release", "--periksa", "--setuju", "--key", str(keys["budi"]))
    _ppid(root, root_pub, work, "release", "--setujui", "--key", str(keys["ratna"]))


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    size = max((s for s in options.sizes if s <= SIZE), default=min(options.sizes))
    rounds = max(2, options.repeat)
    free_port, running_nginx = _nginx_helpers()
    root, keys = make_signed_site(work, size, options.seed)
    root_pub = keys["root"].with_name("root.pub")
    # One target (and nginx) per round: each publish is a first publish of the same signed release.
    targets = {f"bench{i}": (work / f"www{i}", free_port()) for i in range(1, rounds + 1)}
    _deploy_yml(root, targets)
    _approve_release(root, root_pub, work, keys)
    with ExitStack() as stack:
        for www, port in targets.values():
            www.mkdir()
            stack.enter_context(running_nginx(www, port))
        # Builds and publishes alternate, a build first and last: the load of a shared machine drifts.
        builds = [_ppid(root, root_pub, work, "build", "--out", str(work / "build0"))]
        publishes, served = [], 0.0
        for i, (name, (www, _)) in enumerate(targets.items(), start=1):
            served_before = _nginx_cpu(www / "nginx" / "run" / "nginx.pid")
            publishes.append(_ppid(root, root_pub, work, "publish", "--target", name))
            served += _nginx_cpu(www / "nginx" / "run" / "nginx.pid") - served_before
            builds.append(_ppid(root, root_pub, work, "build", "--out", str(work / f"build{i}")))
        agains = [_ppid(root, root_pub, work, "publish", "--target", "bench1") for _ in range(rounds)]
    for again in agains:
        if "Tidak ada yang baru" not in again.out:
            raise RuntimeError(f"a publish with nothing new did not say so:\n{again.out}")
    again = min(agains, key=lambda r: r.cpu)
    build, first = _mean(builds), _mean(publishes)
    www1 = targets["bench1"][0]
    files = len(json.loads((www1 / "live" / ".well-known" / "ppid" / "manifest.json").read_text())["files"])
    overhead, overhead_wall = first.cpu - build.cpu, first.wall - build.wall
    ratio = overhead / build.cpu
    options.log(f"  publish {size} pages, {files} files served: build {build.cpu:.2f} s CPU ({build.wall:.2f} s wall; "
                f"each {_cpus(builds)}); publish {first.cpu:.2f} s CPU ({first.wall:.2f} s wall; each "
                f"{_cpus(publishes)}); overhead {overhead:.2f} s CPU = {ratio:.0%} of the build ({overhead_wall:.2f} s "
                f"wall = {overhead_wall / build.wall:.0%}); nginx served the checks with {served / rounds:.2f} s CPU "
                f"a publish (not counted); nothing new {again.cpu:.2f} s CPU ({again.wall:.2f} s wall)")
    options.log(f"  peak RSS, ppid's own process / largest process of the tree: build {build.own_mb:.0f} / "
                f"{build.tree_mb:.0f} MB, publish {first.own_mb:.0f} / {first.tree_mb:.0f} MB, nothing new "
                f"{again.own_mb:.0f} / {again.tree_mb:.0f} MB")
    result.data.update(size=size, files=files, builds=builds, publishes=publishes, again=again,
                       nginx_cpu=served / rounds)
    result.targets.append(Target(f"publish with nothing new, {size} pages, CPU s", again.cpu, 2.0, " s"))
    result.targets.append(Target(f"publish overhead / build, {size} pages, CPU", ratio, 0.25))
    result.targets.append(Target("peak RSS publish / build, largest process (Chromium included)",
                                 first.tree_mb / build.tree_mb, 1.0))
    result.targets.append(Target("peak RSS publish / build, ppid's own process", first.own_mb / build.own_mb, 1.0))
    return result
