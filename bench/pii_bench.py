"""Detector quality benchmark: precision and recall per personal-data detector, on the labelled synthetic corpus and
on the labelled corpus of real Indonesian public text (bench/pii_real.py says where that one lives)."""

from __future__ import annotations

from pathlib import Path

from . import pii_quality, pii_real
from .common import Options, Result, Target

NAME = "pii"
DOCS = 2000


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    numbers = pii_quality.run(DOCS, options.seed, log=lambda line: options.log(f"  {line}"))
    for detector in pii_quality.TARGETED:
        row = numbers["detectors"][detector]
        result.targets.append(Target(f"{detector} precision", row["precision"] * 100, pii_quality.PRECISION_TARGET * 100,
                                     "%", higher_is_better=True))
        result.targets.append(Target(f"{detector} recall", row["recall"] * 100, pii_quality.RECALL_TARGET * 100,
                                     "%", higher_is_better=True))
    real = pii_real.run(log=lambda line: options.log(f"  {line}"))
    if real is None:
        result.targets.append(Target("real corpus (not found)", None, pii_real.RECALL_TARGET * 100, "%",
                                     higher_is_better=True))
        return result
    for kind, row in real["kinds"].items():
        if row["target_ok"] is None:
            continue
        result.targets.append(Target(f"real {kind} precision", row["precision"] * 100,
                                     pii_real.PRECISION_TARGET * 100, "%", higher_is_better=True))
        result.targets.append(Target(f"real {kind} recall", row["recall"] * 100, pii_real.RECALL_TARGET * 100, "%",
                                     higher_is_better=True))
    held = pii_real.holdout_path()
    if held.is_file():
        options.log("  held-out sources (never used to tune the detectors):")
        out = pii_real.run(held, log=lambda line: options.log(f"  {line}"))
        for kind, row in (out or {}).get("kinds", {}).items():
            if row["target_ok"] is not None:
                result.targets.append(Target(f"real held-out {kind} precision", row["precision"] * 100,
                                             pii_real.PRECISION_TARGET * 100, "%", higher_is_better=True))
                result.targets.append(Target(f"real held-out {kind} recall", row["recall"] * 100,
                                             pii_real.RECALL_TARGET * 100, "%", higher_is_better=True))
    if "public_blocked" in real:
        result.notes.append(f"real corpus: public bodies' contact data blocked {real['public_blocked']:.1%}; "
                            f"negatives (transaction ids) with a finding: {real['kinds'].get('transaksi', {}).get('flagged', 0)}")
    return result
