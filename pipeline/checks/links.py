"""Internal links, anchors and attachments: every target exists and stays inside the site."""

from __future__ import annotations

import posixpath
from typing import Iterator
from urllib.parse import unquote, urlsplit

from ..content import Page, Problem
from ..view import View


def check(page: Page, view: View) -> Iterator[Problem]:
    for link in page.links:
        message = _problem(page, link.target, view)
        if message:
            yield Problem(page.display, link.line, message, refers=_target_rel(page, link.target))
    for index, item in enumerate(page.attachments):
        message = _attachment_problem(item, view)
        if message:
            yield Problem(page.display, page.line_of(("lampiran", index)), message)


def _problem(page: Page, target: str, view: View) -> str | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None  # external targets are the unsafe-content check's business
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        if fragment and fragment not in page.anchors:
            return f"jangkar '#{fragment}' tidak ada di halaman ini"
        return None
    if path.startswith("/"):
        return f"tautan '{target}' memakai jalur absolut; tulis jalur relatif terhadap halaman ini"
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if rel == ".." or rel.startswith("../"):
        return f"tautan '{target}' menunjuk ke luar folder situs"
    if path.endswith("/") or rel in view.directories:
        rel = posixpath.join(rel, "index.md")
    if rel.endswith(".md"):
        if not view.has_page(rel):
            return f"tautan ke halaman yang tidak ada: '{target}'"
        target_page = view.pages.get(rel)
        if fragment and target_page is not None and fragment not in target_page.anchors:
            return f"jangkar '#{fragment}' tidak ada di halaman '{rel}'"
        return None
    if not view.has_file(rel):
        return f"tautan ke berkas yang tidak ada: '{target}'"
    return None


def _target_rel(page: Page, target: str) -> str | None:
    path = unquote(urlsplit(target).path)
    if not path or path.startswith("/") or urlsplit(target).scheme:
        return None
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    return posixpath.join(rel, "index.md") if path.endswith("/") else rel


def _attachment_problem(item: str, view: View) -> str | None:
    if item.startswith("/") or "\\" in item:
        return f"lampiran '{item}' harus ditulis relatif terhadap folder content/, misalnya files/nama.pdf"
    rel = posixpath.normpath(item)
    if rel == ".." or rel.startswith("../"):
        return f"lampiran '{item}' menunjuk ke luar folder situs"
    if not view.has_file(rel):
        return f"lampiran '{item}' tidak ditemukan"
    return None
