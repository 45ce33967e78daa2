"""Links a reader cannot see. The stylesheets around a page are parsed as a browser parses them (tinycss2),
their selectors matched on the page's HTML (cssselect2) and cascaded (order, specificity, !important, the
style attribute, custom properties, inheritance of colour); each link is then judged through its ancestors:
hidden, shrunk, clipped, pushed off screen, transparent, or painted in its background's colour."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple
from xml.etree import ElementTree

import cssselect2
import tinycss2

from . import colours, css, media
from .media import SCREENS, Screen

# What a browser itself hides, before any stylesheet (the HTML standard's rendering section).
BROWSER_SHEET = ("[hidden]:not([hidden=until-found]), template, noscript, script, style, head, title, datalist, "
                 "dialog:not([open]) { display: none } [hidden=until-found] { content-visibility: hidden }")
BROWSER = "bawaan peramban"
# At-rules whose rules hold at rest: @media as evaluated per screen, the others as if their condition held.
# (@starting-style only styles the first frame of a transition.)
_GROUPING = frozenset({"media", "supports", "layer", "container", "scope"})
# Properties that decide whether a box and its text can be seen; others are not kept.
_RELEVANT = re.compile(r"--|(display|visibility|content-visibility|opacity|filter|transform|scale|zoom|translate|"
                       r"font|font-size|left|top|right|bottom|inset|text-indent|margin|margin-left|margin-top|width|"
                       r"height|max-width|max-height|clip|clip-path|position|overflow|overflow-x|color|"
                       r"-webkit-text-fill-color|background|background-color|background-image|background-clip|"
                       r"-webkit-background-clip|mix-blend-mode)$")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)")
_KEYWORDS = ("inherit", "initial", "unset", "revert", "revert-layer")
FLOOR, UNLAYERED = -1, 1_000_000
# Material's frame around a page's content, as every built page has it (mkdocs-material 9.8.1).
FRAME = [("div", {"class": "md-container", "data-md-component": "container"}), ("main", {"class": "md-main"}),
         ("div", {"class": "md-main__inner md-grid"}), ("div", {"class": "md-content", "data-md-component": "content"}),
         ("article", {"class": "md-content__inner md-typeset"})]


@dataclass(frozen=True)
class Rule:
    selector: str
    origin: str  # the stylesheet's file, as the site holds it
    declarations: tuple[tuple[str, str, bool], ...]  # (name, value, important)
    layer: int = UNLAYERED  # cascade layer: FLOOR, a named layer's rank, or UNLAYERED


@dataclass(frozen=True)
class Scenario:
    """A reader's screen, and whether the rules under @supports or @container hold (a condition the browser
    decides and this does not: both answers are judged)."""
    screen: Screen
    conditional: bool

    @property
    def name(self) -> str:
        return self.screen.name if self.conditional else f"{self.screen.name}, bila syarat @supports/@container tidak terpenuhi"


SCENARIOS = tuple(Scenario(screen, conditional) for screen in SCREENS for conditional in (True, False))


@dataclass(frozen=True)
class HiddenLink:
    href: str
    text: str
    why: str  # in Bahasa Indonesia: what hides it and which rule says so


class Styles:
    """The stylesheets of a page, parsed once; their rules matched as they apply in each of `SCENARIOS`.
    `unlinked`: sheets the site holds that no page may load; they may hide, never reveal (lowest in the cascade)."""

    def __init__(self, sheets: list[tuple[str, str]], unlinked: list[tuple[str, str]] = ()) -> None:
        # (media queries, under @supports/@container, compiled selector, rule)
        self.entries: list[tuple[tuple[str, ...], bool, object, Rule]] = []
        self.layers: dict[str, int] = {}
        for origin, text in [(BROWSER, BROWSER_SHEET), *sheets]:
            self._add(_parsed(text), _Context(origin, None, (), False, UNLAYERED))
        for origin, text in unlinked:
            self._add(_parsed(text), _Context(origin, None, (), False, FLOOR))
        self._matcher: cssselect2.Matcher | None = None

    def match(self, element) -> list[tuple[tuple, tuple, tuple[bool, ...], Rule]]:
        """(normal order, !important order, in which of `SCENARIOS` it applies, rule) of every matching rule."""
        if self._matcher is None:
            self._matcher = cssselect2.Matcher()
            for queries, conditional, selector, rule in self.entries:
                applies = tuple(all(media.matches(q, s.screen) for q in queries) and (s.conditional or not conditional)
                                for s in SCENARIOS)
                if any(applies):
                    self._matcher.add_selector(selector, (applies, rule))
        return [((rule.layer, specificity, order), (_important_rank(rule.layer), specificity, order), applies, rule)
                for specificity, order, _, (applies, rule) in self._matcher.match(element)]

    def _add(self, rules: list, context: "_Context") -> None:
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword == "layer":
                names = [n.strip() for n in tinycss2.serialize(rule.prelude).split(",") if n.strip()]
                for name in names or [f"(tanpa nama {len(self.layers)})"]:
                    self.layers.setdefault(name, len(self.layers))
                if rule.content is not None and context.layer != FLOOR:
                    inner = self.layers[names[0] if names else f"(tanpa nama {len(self.layers) - 1})"]
                    self._add(_rules(rule.content), context._replace(layer=inner))
                elif rule.content is not None:
                    self._add(_rules(rule.content), context)
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING:
                keyword = rule.lower_at_keyword
                self._add(_rules(rule.content), context._replace(
                    queries=context.queries + ((tinycss2.serialize(rule.prelude),) if keyword == "media" else ()),
                    conditional=context.conditional or keyword in ("supports", "container")))
            elif rule.type == "qualified-rule":
                self._qualified(rule, context)

    def _qualified(self, rule, context: "_Context") -> None:
        selector = " ".join(tinycss2.serialize(rule.prelude).split())
        if context.parent is not None:  # CSS nesting: `&` is the parent rule's selector, else a descendant of it
            parent = context.parent
            selector = selector.replace("&", f":is({parent})") if "&" in selector else f":is({parent}) {selector}"
        contents = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        # A sheet on the floor may hide, never reveal: its !important counts for nothing.
        declared = tuple((d.lower_name, css.value_text(d.value), d.important and context.layer != FLOOR)
                         for d in contents if d.type == "declaration" and _RELEVANT.match(d.lower_name))
        try:
            compiled = cssselect2.compile_selector_list(selector)
        except cssselect2.SelectorError:
            compiled = []  # a browser drops a rule it cannot read, and so is it dropped here
        if declared and compiled:
            for text, one in zip(_selectors(selector), compiled):
                if one.pseudo_element is None:
                    self.entries.append((context.queries, context.conditional, one,
                                         Rule(text, context.origin, declared, context.layer)))
        nested = [item for item in contents if item.type in ("qualified-rule", "at-rule")]
        if compiled and nested:
            self._add(nested, context._replace(parent=selector))


class _Context(NamedTuple):
    origin: str
    parent: str | None  # the selector of the rule a nested rule is in
    queries: tuple[str, ...]
    conditional: bool
    layer: int


def _important_rank(layer: int) -> int:
    """!important reverses the layers' order (a layer's important beats unlayered important); the floor stays
    lowest."""
    return layer if layer == FLOOR else 0 if layer == UNLAYERED else UNLAYERED - layer


def _rules(content: list) -> list:
    return tinycss2.parse_rule_list(content, skip_comments=True, skip_whitespace=True)


@lru_cache(maxsize=32)
def _parsed(text: str) -> list:
    return tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)


def _selectors(selector_list: str) -> list[str]:
    """The selectors of a list, each as written (commas inside :is() or :not() do not split)."""
    parts, current = [], []
    for token in tinycss2.parse_component_value_list(selector_list):
        if token.type == "literal" and token.value == ",":
            parts.append(" ".join(tinycss2.serialize(current).split()))
            current = []
        else:
            current.append(token)
    parts.append(" ".join(tinycss2.serialize(current).split()))
    return parts


class _Cascade:
    """Computed values of the properties that decide visibility, element by element (memoised)."""

    def __init__(self, styles: Styles, scenario: int, matched: dict[int, list]) -> None:
        self.styles, self.scenario, self.matched = styles, scenario, matched  # `matched`: shared by every scenario
        self.verdicts: dict[tuple[int, bool, bool], tuple[str | None, float]] = {}
        self.own: dict[int, tuple[dict[str, str], dict[str, Rule | None]]] = {}
        self.custom: dict[int, dict[str, str]] = {}

    def declared(self, element) -> tuple[dict[str, str], dict[str, Rule | None]]:
        """The element's own cascaded values (vars resolved) and the rule each comes from (None: its style)."""
        pending = []
        node = element
        while node is not None and id(node.etree_element) not in self.own:
            pending.append(node)
            node = node.parent
        for node in reversed(pending):  # from the top down: custom properties are inherited
            self._compute(node)
        return self.own[id(element.etree_element)]

    def _compute(self, element) -> None:
        normal: dict[str, tuple[str, Rule | None]] = {}
        important: dict[str, tuple[str, Rule | None]] = {}
        key = id(element.etree_element)
        if key not in self.matched:
            self.matched[key] = self.styles.match(element)
        matched = [m for m in self.matched[key] if m[2][self.scenario]]
        for _, _, _, rule in sorted(matched, key=lambda m: m[0]):
            for name, value, weighty in rule.declarations:
                if not weighty:
                    normal[name] = (value, rule)
        for _, _, _, rule in sorted(matched, key=lambda m: m[1]):
            for name, value, weighty in rule.declarations:
                if weighty:
                    important[name] = (value, rule)
        inline = element.etree_element.get("style")
        if inline is not None:
            for item in tinycss2.parse_blocks_contents(inline, skip_comments=True, skip_whitespace=True):
                if item.type == "declaration" and _RELEVANT.match(item.lower_name):
                    if item.important:
                        important[item.lower_name] = (css.value_text(item.value), None)
                    elif item.lower_name not in important:
                        normal[item.lower_name] = (css.value_text(item.value), None)
        normal.update(important)
        custom = dict(self.custom[id(element.parent.etree_element)]) if element.parent is not None else {}
        for name, (value, _) in normal.items():
            if name.startswith("--"):
                custom[name] = _resolve(value, custom)
        self.custom[key] = custom
        self.own[key] = ({name: _resolve(value, custom) for name, (value, _) in normal.items() if not name.startswith("--")},
                         {name: rule for name, (_, rule) in normal.items() if not name.startswith("--")})

    def verdict(self, element, is_link: bool, skip_inline: bool) -> tuple[str | None, float]:
        """The element's own verdict (see _verdict) and opacity; memoised for the elements around links."""
        key = (id(element.etree_element), is_link, skip_inline)
        if key not in self.verdicts:
            values, rules = self.declared(element)
            self.verdicts[key] = (_verdict(values, rules, element.etree_element, is_link, skip_inline),
                                  _opacity(values.get("opacity", "1")))
        return self.verdicts[key]

    def forget(self, keep: set[int]) -> None:
        """Drop what was computed for elements other than `keep` (their ids may be reused once they are gone)."""
        for memo in (self.own, self.custom, self.matched):
            for key in [k for k in memo if k not in keep]:
                del memo[key]
        self.verdicts = {k: v for k, v in self.verdicts.items() if k[0] in keep}

    def colour(self, element, name: str) -> colours.RGBA | None:
        """The inherited text colour (`color` or `-webkit-text-fill-color`); None when it cannot be read."""
        for node in _upward(element):
            values, _ = self.declared(node)
            value = values.get(name)
            if value is None or value in _KEYWORDS or value == colours.CURRENT:
                continue
            parsed = colours.parse(value)
            return parsed if isinstance(parsed, tuple) else None
        return (0.0, 0.0, 0.0, 1.0) if name == "color" else None


def _resolve(value: str, custom: dict[str, str]) -> str:
    for _ in range(8):
        if "var(" not in value:
            break
        value = _VAR.sub(lambda m: custom.get(m.group(1), (m.group(2) or "").strip()), value)
    return value


def element_tree(node) -> ElementTree.Element:
    """A Lexbor node and its elements as an ElementTree (what cssselect2 matches), without recursion: a page
    may nest deeper than Python's stack."""
    root = ElementTree.Element(node.tag, _attributes(node))
    stack = [(node, root)]
    while stack:
        source, target = stack.pop()
        last = None
        for child in source.iter(include_text=True):
            if child.tag == "-text":
                text = child.text_content or ""
                if last is None:
                    target.text = (target.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
            elif child.tag and not child.tag.startswith(("-", "#", "!")):
                last = ElementTree.SubElement(target, child.tag, _attributes(child))
                stack.append((child, last))
    return root


def _attributes(node) -> dict[str, str]:
    return {str(k).lower(): v or "" for k, v in node.attributes.items() if k and ":" not in str(k)}


def framed(html_root: ElementTree.Element, body: dict[str, str]) -> ElementTree.Element:
    """A page's rendered content placed where the built page holds it: inside Material's frame."""
    document = ElementTree.Element("html", {"lang": "id"})
    node = ElementTree.SubElement(document, "body", body)
    for tag, attrs in FRAME:
        node = ElementTree.SubElement(node, tag, attrs)
    node.text = html_root.text
    node.extend(list(html_root))
    return document


def hidden_links(document: ElementTree.Element, styles: Styles, judged: Callable[[str], bool],
                 skip_inline: bool, cascades: list[_Cascade] | None = None) -> list[HiddenLink]:
    """Every link whose href `judged` accepts and that a reader cannot see in one of `SCENARIOS` at least.
    `skip_inline`: a style attribute that alone hides is already reported where it is written (the page
    check), so it is not named again. `cascades`, one per screen, may keep what they know across calls."""
    links = [e for e in cssselect2.ElementWrapper.from_html_root(document).iter_subtree()
             if e.local_name in ("a", "area") and judged(e.etree_element.get("href") or "#")]
    if not links:
        return []
    cascades = cascades or new_cascades(styles)
    found = []
    for link in links:
        hidden = [(screen, why) for screen, why in
                  ((s, _why_hidden(cascade, link, skip_inline)) for s, cascade in zip(SCENARIOS, cascades)) if why]
        if hidden:
            why = hidden[0][1] if len(hidden) == len(SCENARIOS) else f"{hidden[0][1]}, di {hidden[0][0].name}"
            text = " ".join("".join(link.etree_element.itertext()).split())[:60]
            found.append(HiddenLink(link.etree_element.get("href") or "", text, why))
    return found


def new_cascades(styles: Styles) -> list[_Cascade]:
    matched: dict[int, list] = {}
    return [_Cascade(styles, index, matched) for index in range(len(SCENARIOS))]


def _why_hidden(cascade: _Cascade, link, skip_inline: bool) -> str | None:
    chain = _upward(link)
    opacity = 1.0
    for node in chain:
        why, own_opacity = cascade.verdict(node, node is link, skip_inline)
        if why is not None:
            return why or None
        opacity *= own_opacity
        if opacity < 0.1:
            values, rules = cascade.declared(node)
            return f"opacity hampir 0 (gabungan elemen pembungkusnya){_named(_culprit(values, rules, _opaque))}"
    return _colour_problem(cascade, link, chain)


def _verdict(values: dict[str, str], rules: dict[str, Rule | None], element, is_link: bool,
             skip_inline: bool) -> str | None:
    """What the element itself does to a link it is or holds: '' when its own style attribute hides it (already
    reported), a reason naming the rule, or None."""
    inline = element.get("style")
    if skip_inline and inline is not None and css.hiding(inline):
        return ""
    if element.get("aria-hidden", "").strip().lower() == "true":
        return "disembunyikan dari pembaca layar (aria-hidden) padahal berisi tautan"
    judge = css.concealing if is_link else _hides_inside
    reason = judge(values)
    return f"{reason}{_named(_culprit(values, rules, judge))}" if reason else None


def _hides_inside(values: dict[str, str]) -> str | None:
    """What an element around a link does to it: a box that covers the page does not hide what it holds, and
    a box of no size hides it only when it cuts off what overflows."""
    if css.overlay(values):
        values = {k: v for k, v in values.items() if k not in ("position", "inset", "width", "height")}
    if values.get("overflow", values.get("overflow-x", "visible")) in ("visible", ""):
        values = {k: v for k, v in values.items() if k not in ("width", "height", "max-width", "max-height")}
    return css.concealing(values)


def _upward(element) -> list:
    """The element, its parent, and so on up to the root."""
    chain = []
    while element is not None:
        chain.append(element)
        element = element.parent
    return chain


def _opacity(value: str) -> float:
    try:
        amount = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0
    return min(max(amount, 0.0), 1.0)


def _opaque(values: dict[str, str]) -> str | None:
    return "opacity" if _opacity(values.get("opacity", "1")) < 1 else None


def _colour_problem(cascade: _Cascade, link, chain: list) -> str | None:
    if any(css.clipped_to_text(cascade.declared(node)[0]) for node in chain):
        return None  # the letters show a background image or gradient: not judged here
    text = cascade.colour(link, "-webkit-text-fill-color") or cascade.colour(link, "color")
    if text is None:
        return None
    under = colours.WHITE
    for node in reversed(chain):
        paint = css.background(cascade.declared(node)[0])
        if paint == "?":
            return None  # an image or gradient: its colours are not known here
        if isinstance(paint, tuple):
            under = colours.over(paint, under)
    problem = css.colour_problem(text, under)
    if problem is None:
        return None
    rules = [rule for node in chain for name, rule in cascade.declared(node)[1].items()
             if name in ("color", "-webkit-text-fill-color", "background", "background-color")]
    return f"{problem}{_named(rules[0] if rules else None)}"


def _culprit(values: dict[str, str], rules: dict[str, Rule | None], judge: Callable) -> Rule | None:
    """The rule whose declarations make `judge` say yes: alone, or without which the element would be seen."""
    for rule in dict.fromkeys(rules.values()):
        if judge({k: v for k, v in values.items() if rules.get(k) is rule}):
            return rule
    for name, rule in rules.items():
        if name in values and not judge({k: v for k, v in values.items() if k != name}):
            return rule
    return next(iter(rules.values()), None)


def _named(rule: Rule | None) -> str:
    if rule is None:
        return " (atribut style)"
    return f" (aturan '{rule.selector[:80]}' di {rule.origin})"


def served_hidden_links(tree, page: Path, site_dir: Path, judged: Callable[[str], bool]) -> list[HiddenLink]:
    """Links of a built page that `judged` accepts and a reader cannot see, with the stylesheets the page itself
    loads from the built site (<link rel=stylesheet>, their @import, <style>): what the visitor's browser gets."""
    sheets: list[tuple[str, str]] = []
    for node in tree.css("link[rel], style"):
        if node.tag == "style":
            sheets.append((f"<style> di {page.relative_to(site_dir).as_posix()}", node.text() or ""))
        elif "stylesheet" in (node.attributes.get("rel") or "").lower().split():
            _served_sheet(page.parent, node.attributes.get("href") or "", site_dir, sheets, 0)
    document = element_tree(tree.root)
    return hidden_links(document, _styles_of(tuple(sheets)), judged, skip_inline=False)


def _served_sheet(base: Path, href: str, site_dir: Path, sheets: list[tuple[str, str]], depth: int) -> None:
    path = (base / href.split("?")[0].split("#")[0]).resolve()
    if depth > 8 or not path.is_relative_to(site_dir.resolve()) or not path.is_file():
        return  # another host is refused by the gate itself; a missing file styles nothing
    text, imports = _read_sheet(path)
    for target in imports:
        _served_sheet(path.parent, target, site_dir, sheets, depth + 1)
    sheets.append((path.relative_to(site_dir.resolve()).as_posix(), text))


_SHEETS: dict[tuple, tuple[str, list[str]]] = {}


def _read_sheet(path: Path) -> tuple[str, list[str]]:
    """A stylesheet's text and the URLs it @imports; read once per process while its file is unchanged."""
    info = path.stat()
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
    if key not in _SHEETS:
        text = path.read_text(encoding="utf-8", errors="replace")
        imports = []
        for rule in _parsed(text):
            if rule.type == "at-rule" and rule.lower_at_keyword == "import":
                target = next((t.value for t in rule.prelude if t.type in ("url", "string")), None)
                if target is None:
                    target = next((tinycss2.serialize(t.arguments).strip(" '\"") for t in rule.prelude
                                   if t.type == "function" and t.lower_name == "url"), "")
                imports.append(target)
        _SHEETS[key] = (text, imports)
    return _SHEETS[key]


_PARSED: dict[tuple, Styles] = {}


def _styles_of(sheets: tuple[tuple[str, str], ...]) -> Styles:
    """Pages of one site load the same few stylesheets: parsed once per process."""
    key = tuple((origin, hashlib.sha256(text.encode()).hexdigest()) for origin, text in sheets)
    if key not in _PARSED:
        if len(_PARSED) > 16:
            _PARSED.clear()
        _PARSED[key] = Styles(list(sheets))
    return _PARSED[key]
