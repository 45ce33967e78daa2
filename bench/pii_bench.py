"""Detector quality benchmark: precision and recall per personal-data detector on the labelled corpus."""

from __future__ import annotations

from pathlib import Path

from . import pii_quality
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
    return result
