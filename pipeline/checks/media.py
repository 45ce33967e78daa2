"""Media queries evaluated for the screens readers use (Media Queries 4: types, `and`/`or`/`not`, min-/max-
and range features): a rule that hides a link on a phone only still hides it from every phone reader."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUERY_SPLIT = re.compile(r",(?![^()]*\))")
_TYPE = re.compile(r"^(?:(not|only)\s+)?(all|screen|print|speech|tty|tv|projection|handheld|braille|embossed|aural)"
                   r"\b\s*(?:and\s+)?")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|em|rem|pt|cm|mm|in|pc|vw|vh)?$")
_PX = {"px": 1.0, "em": 16.0, "rem": 16.0, "pt": 4 / 3, "cm": 37.8, "mm": 3.78, "in": 96.0, "pc": 16.0}
_RANGE = re.compile(r"^(?:(.+?)\s*(<=|>=|<|>|=)\s*)?(width|height|aspect-ratio)\s*(?:(<=|>=|<|>|=)\s*(.+))?$")
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}


@dataclass(frozen=True)
class Screen:
    name: str  # in Bahasa Indonesia, as a finding names it
    width: int
    height: int
    fine_pointer: bool


SCREENS = (Screen("layar lebar", 1280, 800, True), Screen("layar ponsel", 390, 844, False))


def matches(query_list: str, screen: Screen) -> bool:
    """Whether a media query list (the prelude of @media, lower case) holds on `screen`."""
    queries = [q.strip() for q in _QUERY_SPLIT.split(query_list.lower()) if q.strip()]
    return not queries or any(_query(q, screen) for q in queries)


def _query(query: str, screen: Screen) -> bool:
    negated = False
    kind = _TYPE.match(query)
    if kind:
        negated = kind.group(1) == "not"
        if kind.group(2) not in ("all", "screen"):
            return negated
        query = query[kind.end():]
    result = _condition(query.strip(), screen) if query.strip() else True
    return result != negated


def _condition(text: str, screen: Screen) -> bool:
    """`(a) and (b)`, `(a) or (b)`, `not (a)`, nested: unknown features are false, as a browser reads them."""
    text = text.strip()
    if text.startswith("not "):
        return not _condition(text[4:], screen)
    parts, depth, start, joiners = [], 0, 0, []
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and char == ")":
            parts.append(text[start:index + 1].strip())
            rest = text[index + 1:].lstrip()
            joiner = rest.split(" ", 1)[0] if rest else ""
            if joiner in ("and", "or"):
                joiners.append(joiner)
            start = index + 1 + (len(text[index + 1:]) - len(rest)) + len(joiner)
    if not parts:
        return False
    results = [_feature(p[1:-1].strip(), screen) if not p[1:-1].strip().startswith(("(", "not ")) else
               _condition(p[1:-1], screen) for p in parts]
    return any(results) if "or" in joiners else all(results)


def _feature(feature: str, screen: Screen) -> bool:
    name, colon, value = (s.strip() for s in feature.partition(":"))
    if colon:
        return _plain(name, value, screen)
    match = _RANGE.match(feature)
    if not match:
        return feature in ("color", "hover", "pointer", "any-hover", "any-pointer") and \
            (screen.fine_pointer or feature == "color")
    before, first, what, second, after = match.groups()
    actual = _actual(what, screen)
    ok = True
    if before is not None:
        ok = ok and _compare(actual, _FLIP[first], _value(before, what))
    if after is not None:
        ok = ok and _compare(actual, second, _value(after, what))
    return ok


def _plain(name: str, value: str, screen: Screen) -> bool:
    for prefix, op in (("min-", ">="), ("max-", "<=")):
        if name.startswith(prefix) and name[len(prefix):] in ("width", "height", "aspect-ratio", "device-width",
                                                                "device-height"):
            what = name[len(prefix):].replace("device-", "")
            return _compare(_actual(what, screen), op, _value(value, what))
    if name in ("width", "height"):
        return _compare(_actual(name, screen), "=", _value(value, name))
    answers = {
        "orientation": "portrait" if screen.height >= screen.width else "landscape",
        "prefers-color-scheme": "light", "prefers-reduced-motion": "no-preference", "prefers-contrast": "no-preference",
        "hover": "hover" if screen.fine_pointer else "none", "any-hover": "hover" if screen.fine_pointer else "none",
        "pointer": "fine" if screen.fine_pointer else "coarse", "any-pointer": "fine" if screen.fine_pointer else "coarse",
        "scripting": "enabled", "display-mode": "browser", "forced-colors": "none", "inverted-colors": "none",
        "update": "fast",
    }
    return answers.get(name) == value


def _actual(what: str, screen: Screen) -> float:
    return {"width": screen.width, "height": screen.height}.get(what, screen.width / screen.height)


def _value(text: str, what: str) -> float | None:
    text = text.strip()
    if what == "aspect-ratio":
        top, _, bottom = text.partition("/")
        try:
            return float(top) / float(bottom or 1)
        except (ValueError, ZeroDivisionError):
            return None
    match = _LENGTH.match(text)
    if not match or (match.group(2) or "px") not in _PX:
        return None
    return float(match.group(1)) * _PX[match.group(2) or "px"]


def _compare(actual: float, op: str, value: float | None) -> bool:
    if value is None:
        return False
    return {"<": actual < value, ">": actual > value, "<=": actual <= value, ">=": actual >= value,
            "=": abs(actual - value) < 0.5}[op]
