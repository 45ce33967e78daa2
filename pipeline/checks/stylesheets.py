"""The stylesheets around a site's pages, read from its sources, and the page check's view of them: which
links to other hosts they hide (the cascade itself is `visibility`, imported only when a page is judged, so
a warm check reads no CSS parser)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

# The modules whose judgement a cached verdict depends on.
JUDGES = ("visibility.py", "css.py", "colours.py", "media.py", "stylesheets.py")


class PageStyles:
    """The site's stylesheets as they apply to a page's content inside Material's frame (the page check)."""

    def __init__(self, root: Path) -> None:
        self.sheets, self.unlinked, self.body = site_sheets(root)
        self.fingerprint = fingerprint(self.sheets + [("", "")] + self.unlinked)
        self._styles = None
        self._frame = None
        self._cascades: list = []
        self.judged = leaves_site  # which links are judged

    @property
    def styles(self):
        if self._styles is None:
            from .visibility import Styles

            self._styles = Styles(self.sheets, self.unlinked)
        return self._styles

    def hidden_links(self, tree) -> list[list[str]]:
        """[href, text, why] of every link to another host that a reader of the page cannot see."""
        from xml.etree import ElementTree

        from .visibility import element_tree, framed, hidden_links, new_cascades

        if self._frame is None:  # the frame is the same around every page: its cascade is computed once
            self._frame = framed(ElementTree.Element("body"), self.body)
            self._cascades = new_cascades(self.styles)
        article = next(self._frame.iter("article"))
        content = element_tree(tree.body)
        article.text, article[:] = content.text, list(content)
        try:
            return [[h.href, h.text, h.why] for h in
                    hidden_links(self._frame, self.styles, leaves_site, True, self._cascades)]
        finally:
            article.text, article[:] = None, []
            kept = {id(e) for e in self._frame.iter()}
            for cascade in self._cascades:
                cascade.forget(kept)


def leaves_site(href: str) -> bool:
    """A link to another host: what injected spam links are (a hidden link within the site leads to a page
    that is itself checked)."""
    from .unsafe import other_host, plain_relative

    return not plain_relative(href) and other_host(href) is not None


def site_sheets(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    """The stylesheets a built page of the site loads (the theme's, its palette's, mkdocs.yml's extra_css), every
    other .css file the site holds (a template may link any: they may hide, never reveal), and the attributes
    Material writes on <body>. Read before a build, from the sources."""
    import material

    from ..yamlio import load_file

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    config = load_file(root / "mkdocs.yml", "mkdocs.yml").data or {}
    config = config if isinstance(config, dict) else {}
    settings = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    palette = settings.get("palette") or {}
    palette = (palette[0] if palette else {}) if isinstance(palette, list) else palette
    paths = sorted(theme.glob("main.*.min.css")) + (sorted(theme.glob("palette.*.min.css")) if palette else [])
    folders = [root / str(settings.get("custom_dir") or "overrides"), root / "content", root / "drafts"]
    for entry in config.get("extra_css") or []:
        path = str(entry.get("path", "") if isinstance(entry, dict) else entry)
        paths += [folder / path for folder in folders if (folder / path).is_file()]
    others = [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*.css")) if p not in paths]
    sheets, unlinked = ([(_shown(p, root, theme), p.read_text(encoding="utf-8", errors="replace")) for p in group]
                        for group in (paths, others))
    body = {"dir": "ltr"}
    if isinstance(palette, dict) and palette:
        body.update({f"data-md-color-{k}": str(palette.get(k) or d) for k, d in
                     (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo"))})
    return sheets, unlinked, body


def _shown(path: Path, root: Path, theme: Path) -> str:
    if path.is_relative_to(theme):
        return f"tema Material ({path.name})"
    return path.relative_to(root).as_posix()


def fingerprint(sheets: Iterable[tuple[str, str]]) -> str:
    digest = hashlib.sha256(b"".join(Path(__file__).with_name(name).read_bytes() for name in JUDGES))
    for origin, text in sheets:
        digest.update(f"{origin}\0{text}\0".encode())
    return digest.hexdigest()
