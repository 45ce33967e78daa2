"""Rebuilding a preview without a cold build: only changed pages are rendered, nav and search kept whole."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..build.mkdocs_backend import run_build
from ..build.stage import Staged

SEARCH = Path("search") / "search_index.json"


def nav_key(staged: Staged, config: Path) -> str:
    """Changes whenever any page's menu could differ: the nav (titles, order, pages) or the config."""
    text = config.read_text(encoding="utf-8")
    return hashlib.sha256((json.dumps(staged.nav, sort_keys=True) + text).encode("utf-8")).hexdigest()


def build(staged: Staged, config: Path, out: Path, work: Path) -> bool:
    """Build into `out`; returns True when only changed pages were re-rendered (a warm build)."""
    state_file, cache = work / "nav-key", work / "search-docs.json"
    key = nav_key(staged, config)
    warm = out.is_dir() and cache.is_file() and state_file.is_file() and state_file.read_text() == key
    if not warm:
        shutil.rmtree(out, ignore_errors=True)
        run_build(config)
        docs = _read_index(out)["docs"]
    else:
        run_build(config, dirty=True)
        docs = _merge(json.loads(cache.read_text(encoding="utf-8")), _read_index(out)["docs"])
        _write_index(out, docs)
    _atomic_write(cache, json.dumps(docs, ensure_ascii=False))
    _atomic_write(state_file, key)
    return warm


def drop_from_index(out: Path, prefix: str) -> None:
    """Remove from the search index every section whose location starts with `prefix` (MkDocs' own search
    plugin has no per-block exclusion): the summary's diffs would otherwise answer searches with raw text."""
    docs = _read_index(out)["docs"]
    kept = [doc for doc in docs if not doc["location"].startswith(prefix)]
    if len(kept) != len(docs):
        _write_index(out, kept)


def _read_index(out: Path) -> dict:
    return json.loads((out / SEARCH).read_text(encoding="utf-8"))


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _merge(cached: list[dict], rebuilt: list[dict]) -> list[dict]:
    """`mkdocs build --dirty` indexes only the pages it rendered: keep the others from the last build."""
    fresh = {_page(doc["location"]) for doc in rebuilt}
    return [doc for doc in cached if _page(doc["location"]) not in fresh] + rebuilt


def _write_index(out: Path, docs: list[dict]) -> None:
    index = _read_index(out)
    index["docs"] = docs
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    _atomic_write(out / SEARCH, data)
    _atomic_write(out / "search" / "search_index.js", f"var __index = {data}")  # what file:// search reads


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
