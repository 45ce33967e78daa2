"""The YAML we trust: YAML 1.2 core scalars, line numbers, and refusal of aliases, tags and duplicate keys."""

from __future__ import annotations

import pytest

from pipeline.errors import YamlError
from pipeline.yamlio import dumps, loads


def test_scalars_follow_yaml_1_2_core_not_1_1() -> None:
    data = loads('a: yes\nb: "12"\nc: 12\nd: 010\ne: 2026-11-24\nf: false\ng: ~\nh: 1.5\n', "x.yml").data
    assert data == {"a": "yes", "b": "12", "c": 12, "d": "010", "e": "2026-11-24", "f": False, "g": None, "h": "1.5"}


def test_lines_are_kept_for_every_key_and_item() -> None:
    located = loads("a: 1\nb:\n  - x\n  - y\n", "x.yml", first_line=10)
    assert located.line_of(("b", 1)) == 13 and located.line_of(("a",)) == 10


@pytest.mark.parametrize("text,line,message", [
    ("a: &x [1, 2]\nb: *x\n", 1, "anchor/alias"),
    ("a: 1\nb: 2\na: 3\n", 3, "kunci 'a' ditulis dua kali"),
    ("a: !!python/object:os.system x\n", 1, "tag YAML"),
    ("a: [1, 2\n", 2, "YAML tidak valid"),
])
def test_unsafe_or_broken_yaml_is_refused_with_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(YamlError) as caught:
        loads(text, "x.yml")
    assert caught.value.line == line and message in caught.value.message


def test_alias_bomb_is_refused_before_it_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    with pytest.raises(YamlError, match="anchor/alias"):
        loads(bomb, "bom.yml")


def test_dumps_round_trips_strings_that_look_like_other_types() -> None:
    data = {"a": "yes", "b": "010", "c": "2026-01-01", "d": "multi\nline\n", "e": ["1", 1]}
    assert loads(dumps(data), "x.yml").data == data
