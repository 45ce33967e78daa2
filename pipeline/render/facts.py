"""What the checks read from a page's rendered HTML, parsed as a browser parses it (HTML5, via Lexbor)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..checks.stylesheets import PageStyles


# Attributes whose value is a URL a browser follows or fetches.
URL_ATTRIBUTES = frozenset({
    "href", "src", "poster", "data", "action", "formaction", "background", "cite", "longdesc", "ping",
    "lowsrc", "dynsrc", "codebase", "archive", "manifest", "icon", "profile", "usemap", "xlink:href", "itemtype",
})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# Elements the parser adds around a fragment: only their attributes can come from the page.
IMPLIED = frozenset({"html", "head", "body"})
# Elements that cannot do harm when they carry no attribute: not worth keeping in the cache.
PLAIN = frozenset({"p", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "br", "hr", "table",
                   "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd"})


@dataclass
class Facts:
    """The served HTML of one page, reduced to what the checks judge."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (tag, attributes), in order
    urls: list[tuple[str, str, str]] = field(default_factory=list)            # (tag, attribute, URL)
    anchors: list[str] = field(default_factory=list)
    text: str = ""
    closed_details_links: list[str] = field(default_factory=list)             # hrefs in a closed <details> whose
    #                                                                           summary shows nothing to open it by
    folded_links: list[str] = field(default_factory=list)                     # hrefs in a closed <details> a reader
    #                                                                           opens by its visible summary
    empty_links: list[str] = field(default_factory=list)                      # hrefs of links showing nothing
    hidden_links: list[list[str]] = field(default_factory=list)               # [href, text, why] the site's CSS hides

    def to_json(self) -> dict:
        return {"elements": self.elements, "urls": self.urls, "anchors": self.anchors, "text": self.text,
                "closed_details_links": self.closed_details_links, "empty_links": self.empty_links,
                "hidden_links": self.hidden_links, "folded_links": self.folded_links}

    @classmethod
    def from_json(cls, data: dict) -> "Facts":
        return cls([(t, a) for t, a in data["elements"]], [tuple(u) for u in data["urls"]], data["anchors"],
                   data["text"], data["closed_details_links"], data["folded_links"], data["empty_links"],
                   [list(h) for h in data["hidden_links"]])


def srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


# What a link may show instead of text.
VISIBLE = "img, svg, picture, video, iframe, object, embed, input, button"
_INVISIBLE = re.compile("[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]+")


def _shows_nothing(node) -> bool:
    """A link with no visible text (empty, spaces or zero-width characters) and nothing else to see."""
    return not _INVISIBLE.sub("", node.text() or "") and node.css_first(VISIBLE) is None


def _opened_by_its_summary(details) -> bool:
    """A closed <details> whose own <summary> shows text (and holds no link itself): a reader sees it and opens it."""
    summary = next((child for child in details.iter(include_text=False) if child.tag == "summary"), None)
    return summary is not None and not _shows_nothing(summary) and summary.css_first("a[href]") is None


def read_html(html: str, styles: "PageStyles | None" = None) -> Facts:
    """The facts of a rendered page; with the site's `styles`, also the links they hide from a reader."""
    from selectolax.lexbor import LexborHTMLParser  # only when a page is rendered, not to read a cached one

    tree = LexborHTMLParser(html)
    facts = Facts()
    anchors: dict[str, None] = {}
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if not tag or tag.startswith(("-", "#")):
            continue  # comments and doctype: never rendered
        attrs = {name.lower(): value or "" for name, value in node.attributes.items()}
        if tag in IMPLIED and not attrs:
            continue
        if attrs or tag not in PLAIN:
            facts.elements.append((tag, attrs))
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES:
                facts.urls.append((tag, name, value))
            elif name in SRCSET_ATTRIBUTES:
                facts.urls += [(tag, name, url) for url in srcset_urls(value)]
        if "id" in attrs:
            anchors[attrs["id"]] = None
        if tag == "a" and "name" in attrs:
            anchors[attrs["name"]] = None
        if tag == "a" and not attrs.get("href", "#").startswith("#") and _shows_nothing(node):
            facts.empty_links.append(attrs["href"])
        if tag == "details" and "open" not in attrs:
            hrefs = [a.attributes.get("href") or "" for a in node.css("a[href]")]
            if _opened_by_its_summary(node):
                facts.folded_links += hrefs
            else:
                facts.closed_details_links += hrefs
    facts.anchors = list(anchors)
    if styles is not None and any(styles.judged(u) for t, n, u in facts.urls if n == "href" and t in ("a", "area")):
        facts.hidden_links = styles.hidden_links(tree)
    # Text nodes joined as a reader sees them: `sl<b></b>ot` reads "slot"; blocks are apart by the line
    # breaks the engine writes between them.
    facts.text = " ".join(part for part in (tree.root.text(separator=""),
                                            *(a.get(k, "") for _, a in facts.elements for k in ("title", "alt"))) if part)
    return facts
