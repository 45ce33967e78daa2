"""Build bench/data/pii-real/corpus.jsonl from the labelled excerpts in bench/data/pii-real/sources.yml.

    python bench/pii_real_build.py            # write corpus.jsonl and corpus-holdout.jsonl
    python bench/pii_real_build.py --check    # exit 1 when either is not what its sources file gives

Two parts, never sharing a source page: the development part (sources.yml -> corpus.jsonl), which the detectors
were tuned on, and the held-out part (sources-holdout.yml -> corpus-holdout.jsonl), written before any detector ran
on it and never tuned on (README.md).

An excerpt's text marks each labelled value in place: {{kind:value}}; {{kind@badan:value}} for a value of that kind
owned by a body, public or a company (not personal, expected verdict "tinjau"); {{kind!verdict:value}} to set the expected verdict.
Each corpus line is {"id", "source": {...}, "text", "labels": [[start, end, kind, personal, verdict], ...]}.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.checks.pii.identifiers import nik_ok, nip_ok  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "pii-real"
SOURCES = DATA / "sources.yml"
CORPUS = DATA / "corpus.jsonl"
HOLDOUT_SOURCES = DATA / "sources-holdout.yml"
HOLDOUT_CORPUS = DATA / "corpus-holdout.jsonl"
PARTS = ((SOURCES, CORPUS), (HOLDOUT_SOURCES, HOLDOUT_CORPUS))

PUBLIC_KINDS = ("telepon_kantor", "email_instansi")
NEGATIVE = "transaksi"
KINDS = ("nik", "kk", "npwp", "telepon", "email", "paspor", "rekening", "tanggal_lahir", "nip", "bpjs",
         *PUBLIC_KINDS, NEGATIVE)
VERDICTS = ("blokir", "tinjau", "none")
# What OCR reads for a digit in scanned forms ("3204O5l2..."): a labelled value keeps the letters it was printed with.
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_MARK = re.compile(r"\{\{([a-z_]+)(@badan)?(?:!([a-z]+))?:(.*?)\}\}", re.DOTALL)


class CorpusError(ValueError):
    """A malformed source entry or mark: the message names the excerpt."""


def default_verdict(kind: str, public_body: bool) -> str:
    if kind == NEGATIVE:
        return "none"
    if public_body or kind in PUBLIC_KINDS or kind == "nip":
        return "tinjau"
    return "blokir"


def parse_marked(marked: str, where: str) -> tuple[str, list[list]]:
    """The plain text and its labels [start, end, kind, personal, verdict] from a marked excerpt."""
    out: list[str] = []
    labels: list[list] = []
    pos = length = 0
    for m in _MARK.finditer(marked):
        kind, badan, verdict, value = m.group(1), bool(m.group(2)), m.group(3), m.group(4)
        if kind not in KINDS:
            raise CorpusError(f"{where}: unknown kind {kind!r} in {m.group(0)!r}")
        _check_shape(kind, value, where)
        verdict = verdict or default_verdict(kind, badan)
        if verdict not in VERDICTS:
            raise CorpusError(f"{where}: unknown verdict {verdict!r} in {m.group(0)!r}")
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        labels.append([length, length + len(value), kind, not badan and kind not in (*PUBLIC_KINDS, NEGATIVE),
                       verdict])
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise CorpusError(f"{where}: an unclosed or malformed {{{{…}}}} mark")
    return text, labels


def _check_shape(kind: str, value: str, where: str) -> None:
    """Generated NIK/KK and NIP values keep the structure of real ones (REGULATION.md), so a detector is tested on
    the shape it meets in real documents."""
    digits = re.sub(r"\D", "", value.translate(_OCR_DIGITS))
    if kind in ("nik", "kk") and not nik_ok(digits):
        raise CorpusError(f"{where}: {value!r} is not shaped like a NIK/KK")
    if kind == "nip" and len(digits) == 18 and not nip_ok(digits):
        raise CorpusError(f"{where}: {value!r} is not shaped like an NIP")


def build(sources: Path = SOURCES) -> list[dict]:
    data = yaml.safe_load(sources.read_text(encoding="utf-8"))
    licences = data["licences"]
    docs: list[dict] = []
    seen: set[str] = set()
    for src in data["sources"]:
        sid = src["id"]
        if sid in seen:
            raise CorpusError(f"source id {sid!r} appears twice")
        seen.add(sid)
        if src["licence"] not in licences:
            raise CorpusError(f"{sid}: licence {src['licence']!r} is not declared under 'licences'")
        meta = {"url": src["url"], "publisher": src["publisher"], "licence": src["licence"],
                "licence_note": licences[src["licence"]], "retrieved": data["retrieved"]}
        for n, ex in enumerate(src["excerpts"], 1):
            text, labels = parse_marked(ex["text"], f"{sid}#{n}")
            source = dict(meta, template=bool(ex.get("template", False)))
            if ex.get("note"):
                source["note"] = ex["note"]
            docs.append({"id": f"{sid}#{n}", "source": source, "text": text, "labels": labels})
    return docs


def render(docs: list[dict]) -> str:
    return "".join(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n" for doc in docs)


def write_atomic(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare corpus.jsonl with sources.yml")
    args = parser.parse_args(argv)
    status = 0
    for sources, corpus in PARTS:
        try:
            content = render(build(sources))
        except CorpusError as exc:
            print(f"{sources.name}: {exc}", file=sys.stderr)
            return 2
        if args.check:
            same = corpus.is_file() and corpus.read_text(encoding="utf-8") == content
            print(f"{corpus.name} is up to date" if same else f"{corpus.name} differs from {sources.name}: run the build")
            status = status or (0 if same else 1)
            continue
        write_atomic(corpus, content)
        print(f"wrote {corpus} ({content.count(chr(10))} excerpts)")
    return status


if __name__ == "__main__":
    sys.exit(main())
