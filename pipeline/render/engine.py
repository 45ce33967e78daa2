"""The Markdown engine of the build: Python-Markdown with exactly the extensions of the site's mkdocs.yml."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..yamlio import load_file

if TYPE_CHECKING:  # imported when a page is first rendered: commands that render nothing start faster
    import markdown

# MkDocs adds these to every site, whatever mkdocs.yml says (mkdocs/config/defaults.py).
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]


@dataclass(frozen=True)
class MarkdownConfig:
    extensions: tuple[str, ...]
    configs: dict[str, dict[str, Any]]

    @property
    def fingerprint(self) -> str:
        text = json.dumps([self.extensions, self.configs], sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def markdown_config(root: Path) -> MarkdownConfig:
    """`markdown_extensions` of mkdocs.yml, read the way MkDocs' MarkdownExtensions option reads it."""
    data = load_file(root / "mkdocs.yml", "mkdocs.yml").data or {}
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in (data.get("markdown_extensions") if isinstance(data, dict) else None) or []:
        if isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            if options is not None and not isinstance(options, dict):
                raise ConfigError(f"mkdocs.yml: pengaturan ekstensi '{name}' harus berupa pemetaan")
            configs[str(name)] = options or {}
        elif isinstance(item, str):
            name = item
        else:
            raise ConfigError("mkdocs.yml: setiap butir markdown_extensions harus nama ekstensi atau 'nama: {pengaturan}'")
        names.append(str(name))
    return MarkdownConfig(tuple(dict.fromkeys(MKDOCS_BUILTINS + names)), configs)  # MkDocs' reduce_list


class RenderFailed(Exception):
    """The engine could not render a page; the build would stop on it."""


def parsable(url: str) -> bool:
    """Whether urllib (MkDocs, and every step after the check) can split this URL. It only refuses brackets
    in the host and hosts that change under NFKC, so most URLs are answered without parsing them."""
    if url.isascii() and "[" not in url and "]" not in url:
        return True
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


class _LinksAsMkDocsReads:
    """MkDocs parses the URL of every Markdown link and image to rewrite it (its relpath treeprocessor, same
    priority); a URL it cannot parse (`http://[x`) stops the whole build, so it fails the page here too."""

    def run(self, root):
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key:
                url = element.get(key)
                if url is None:
                    raise ValueError(f"<{element.tag}> tanpa {key}")
                if not parsable(url):
                    raise ValueError(f"alamat '{url[:60]}' tidak dapat diurai")
        return root


class Engine:
    """One Markdown instance reused for every page (building it costs more than rendering a small page)."""

    def __init__(self, config: MarkdownConfig) -> None:
        self.config = config
        self._md: "markdown.Markdown | None" = None

    def _instance(self) -> "markdown.Markdown":
        if self._md is None:
            import markdown
            from mkdocs.structure.pages import _RawHTMLPreprocessor

            try:
                md = markdown.Markdown(extensions=list(self.config.extensions), extension_configs=self.config.configs)
            except Exception as exc:  # an unknown extension or a bad option: the build would fail too
                raise ConfigError(f"mkdocs.yml: markdown_extensions tidak dapat dimuat: {exc}") from None
            # The same raw-HTML pass MkDocs runs before rendering: its failures are the build's failures.
            _RawHTMLPreprocessor()._register(md)
            md.treeprocessors.register(_LinksAsMkDocsReads(), "ppid_relpath", 0)
            self._md = md
        return self._md

    def render(self, body: str) -> str:
        md = self._instance()
        try:
            html = md.reset().convert(body)
        except Exception as exc:  # any failure of the engine on this page belongs to this page only
            self._md = None  # a failed run may leave the instance half-reset
            raise RenderFailed(f"{type(exc).__name__}: {exc}"[:200]) from None
        if html.count("<") > MAX_DEPTH and nesting_depth(html) > MAX_DEPTH:
            raise RenderFailed(f"HTML bersarang lebih dari {MAX_DEPTH} tingkat; peramban meratakannya (Chromium "
                               "pada 512 tingkat, termasuk tema) sehingga halaman tidak dapat diperiksa seperti yang tampil")
        return html


# Chromium's parser stops nesting at 512 elements (the theme takes about 20), and an HTML5 parser spends
# time growing with the square of the depth: a page nested deeper is read differently and slowly.
MAX_DEPTH = 400
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
# Elements that do not nest in themselves (their end tag is implied), and elements that never have content.
_FLAT = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt",
                   "rp", "colgroup", "caption", "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "source", "track", "wbr"})


def nesting_depth(html: str) -> int:
    """The deepest element nesting of `html`, read from its tags (a close upper bound, without parsing)."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in _FLAT or match.group(3):
            continue
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest
