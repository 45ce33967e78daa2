"""Quality of the personal-data detectors on the labelled corpus of real Indonesian public text.

    python bench/pii_real.py [--corpus PATH] [--examples 5]

The corpus is data in the repository: bench/data/pii-real/corpus.jsonl, built from the excerpts, sources and
licences in bench/data/pii-real/sources.yml by bench/pii_real_build.py (its README says where every excerpt comes
from and how its personal values were replaced). One JSON document per line, {"id", "source": {"url", "publisher",
"licence", "licence_note", "retrieved", "template", "note"}, "text", "labels": [[start, end, kind, personal,
verdict], ...]}; a label may omit the verdict. `--corpus`, else the environment variable PPID_PII_REAL_CORPUS, else
the repository's corpus. Beside it, an optional `corpus-holdout.jsonl` holds documents from sources never looked at
while the detectors were tuned; it is scored separately, and is the fairer estimate.

Scoring, per kind: a label counts as found when a hit of the same detector overlaps it (recall); a hit counts as
right when it overlaps a label of its own kind (precision). Kinds "telepon_kantor" and "email_instansi" are public
bodies' contact data: besides their own precision/recall, the report counts how many of them a blocking hit
covers ("diblokir"; the issue's complaint was 89%). Kind "transaksi" (transaction, billing, receipt and registration
numbers) is a negative: the report counts how many any hit covers. Labels with an expected verdict (blokir, tinjau,
none) are also checked against the severity of the hit that covers them. Targets: precision >= 90% and recall >= 99%
per kind with at least MIN_LABELS labels.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.checks.findings import BLOCK  # noqa: E402
from pipeline.checks.pii import DETECTORS, load_policy, scan_text  # noqa: E402

ENV = "PPID_PII_REAL_CORPUS"
DEFAULT = REPO / "bench" / "data" / "pii-real" / "corpus.jsonl"
# Documents from sources never looked at while the detectors were tuned, beside the corpus: scored on their own.
HOLDOUT_NAME = "corpus-holdout.jsonl"
PRECISION_TARGET = 0.90
RECALL_TARGET = 0.99
MIN_LABELS = 5
PUBLIC = ("telepon_kantor", "email_instansi")
NEGATIVE = "transaksi"


def corpus_path(given: Path | None = None) -> Path:
    if given is not None:
        return given
    return Path(os.environ[ENV]) if os.environ.get(ENV) else DEFAULT


def holdout_path(path: Path | None = None) -> Path:
    return corpus_path(path).with_name(HOLDOUT_NAME)


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _verdict(over: list) -> str:
    """The verdict a reader gets for a labelled value: the strictest severity among the hits covering it."""
    if any(m.severity == BLOCK for m in over):
        return BLOCK
    return over[0].severity if over else "none"


def run(path: Path | None = None, examples: int = 0, log=print) -> dict | None:
    """Score the corpus; None when it is not there. Prints a table; returns the numbers per kind."""
    path = corpus_path(path)
    if not path.is_file():
        log(f"real-world corpus not found at {path} (set {ENV}); not measured")
        return None
    docs = load(path)
    policy = load_policy(REPO)
    kinds = [*DETECTORS, NEGATIVE]
    counts = {k: {"labels": 0, "tp": 0, "hits": 0, "right": 0, "blocked": 0, "flagged": 0} for k in kinds}
    wrong: list[str] = []
    verdicts = {"labels": 0, "mismatch": 0}
    chars = 0
    for doc in docs:
        text, labels = doc["text"], doc["labels"]
        chars += len(text)
        matches = scan_text(text, policy)
        for label in labels:
            a, b, kind = label[:3]
            row = counts.setdefault(kind, {"labels": 0, "tp": 0, "hits": 0, "right": 0, "blocked": 0, "flagged": 0})
            row["labels"] += 1
            over = [m for m in matches if _overlaps(m.start, m.end, a, b)]
            if len(label) > 4:
                verdicts["labels"] += 1
                got = _verdict(over)
                if got != label[4]:
                    verdicts["mismatch"] += 1
                    if len(wrong) < examples * 10:
                        wrong.append(f"VERDICT [{doc['id']}] {kind} {text[a:b]!r}: expected {label[4]}, got {got}")
            if any(m.detector == kind for m in over):
                row["tp"] += 1
            elif kind != NEGATIVE and len(wrong) < examples * 10:
                wrong.append(f"FN [{doc['id']}] {kind} {text[a:b]!r} got {[m.detector for m in over] or 'nothing'} "
                             f"in …{text[max(0, a - 50):b + 10]!r}")
            row["blocked"] += any(m.severity == BLOCK for m in over)
            row["flagged"] += bool(over)
        for m in matches:
            row = counts[m.detector]
            row["hits"] += 1
            if any(label[2] == m.detector and _overlaps(m.start, m.end, label[0], label[1]) for label in labels):
                row["right"] += 1
            elif len(wrong) < examples * 10:
                wrong.append(f"FP [{doc['id']}] {m.detector} {m.value!r} in "
                             f"…{text[max(0, m.start - 50):m.end + 10]!r}")
    result: dict = {"corpus": str(path), "docs": len(docs), "chars": chars, "kinds": {}, "targets_met": True}
    log(f"PII detector quality on the real-world corpus: {len(docs)} documents, {chars / 1e3:.0f} k characters "
        f"({path})")
    log(f"{'kind':<15}{'labels':>7}{'TP':>6}{'hits':>6}{'FP':>5}{'precision':>11}{'recall':>9}{'blocked':>9}  target")
    for kind, c in counts.items():
        if not c["labels"] and not c["hits"]:
            continue
        fp = c["hits"] - c["right"]
        precision = c["right"] / c["hits"] if c["hits"] else (1.0 if c["labels"] else 0.0)
        recall = c["tp"] / c["labels"] if c["labels"] else 1.0
        targeted = kind != NEGATIVE and c["labels"] >= MIN_LABELS
        ok = (precision >= PRECISION_TARGET and recall >= RECALL_TARGET) if targeted else None
        if ok is False:
            result["targets_met"] = False
        row = {"labels": c["labels"], "tp": c["tp"], "hits": c["hits"], "fp": fp, "precision": round(precision, 4),
               "recall": round(recall, 4), "blocked": c["blocked"], "flagged": c["flagged"], "target_ok": ok}
        result["kinds"][kind] = row
        if kind == NEGATIVE:
            log(f"{kind:<15}{c['labels']:>7}{'':>6}{'':>6}{'':>5}{'':>11}{'':>9}{c['blocked']:>9}  "
                f"negatives: {c['flagged']} of {c['labels']} got a finding")
            continue
        status = {True: "OK", False: "GAGAL", None: "-" if kind not in counts or c["labels"] else "-"}[ok]
        if ok is None and 0 < c["labels"] < MIN_LABELS:
            status = f"- (< {MIN_LABELS} labels)"
        blocked = f"{c['blocked']:>9}" if kind in PUBLIC else f"{'':>9}"
        log(f"{kind:<15}{c['labels']:>7}{c['tp']:>6}{c['hits']:>6}{fp:>5}{precision:>10.2%}{recall:>9.2%}{blocked}  "
            f"{status}")
    public = [result["kinds"][k] for k in PUBLIC if k in result["kinds"]]
    n_public = sum(r["labels"] for r in public)
    if n_public:
        share = sum(r["blocked"] for r in public) / n_public
        result["public_blocked"] = round(share, 4)
        log(f"public bodies' contact data blocked: {sum(r['blocked'] for r in public)} of {n_public} ({share:.1%})")
    if verdicts["labels"]:
        result["verdicts"] = dict(verdicts)
        agree = verdicts["labels"] - verdicts["mismatch"]
        log(f"expected verdict (blokir / tinjau / none) met: {agree} of {verdicts['labels']} labels")
    log(f"targets (precision >= {PRECISION_TARGET:.0%}, recall >= {RECALL_TARGET:.0%} per kind with >= {MIN_LABELS} "
        f"labels): {'OK' if result['targets_met'] else 'GAGAL'}")
    for line in wrong[:examples * 10]:
        log(f"  {line}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--examples", type=int, default=0, help="print this many misses and false hits per kind")
    args = parser.parse_args(argv)
    result = run(args.corpus, args.examples)
    held = holdout_path(args.corpus)
    if held.is_file() and held != corpus_path(args.corpus):
        print()
        run(held, args.examples)
    return 0 if result is None or result["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
