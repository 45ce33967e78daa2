"""What the checks read from a page's rendered HTML, parsed as a browser parses it (HTML5, via Lexbor)."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    closed_details_links: list[str] = field(default_factory=list)             # hrefs in a closed <details>

    def to_json(self) -> dict:
        return {"elements": self.elements, "urls": self.urls, "anchors": self.anchors, "text": self.text,
                "closed_details_links": self.closed_details_links}

    @classmethod
    def from_json(cls, data: dict) -> "Facts":
        return cls([(t, a) for t, a in data["elements"]], [tuple(u) for u in data["urls"]], data["anchors"],
                   data["text"], data["closed_details_links"])


def srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


def read_html(html: str) -> Facts:
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
        if tag == "details" and "open" not in attrs:
            facts.closed_details_links += [a.attributes.get("href") or "" for a in node.css("a[href]")]
    facts.anchors = list(anchors)
    facts.text = " ".join(part for part in (tree.root.text(separator=" "),
                                            *(a.get(k, "") for _, a in facts.elements for k in ("title", "alt"))) if part)
    return facts
