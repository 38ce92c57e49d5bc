"""How ``--json`` prints a whole server's check: one JSON array, one element per line, written as made."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from bridge import commands


def test_each_element_is_one_line_of_one_json_array() -> None:
    out = io.StringIO()
    items = [{"target": "site-1", "reason": "Müller\nhas\u202e access"}, {"target": "site-2"}]
    commands._emit_each(iter(items), out)
    text = out.getvalue()
    assert json.loads(text) == items
    assert text.splitlines()[1:-1] == [json.dumps(item, ensure_ascii=False) + "," for item in items[:1]] + [
        json.dumps(items[1], ensure_ascii=False)
    ]


def test_no_elements_is_an_empty_array() -> None:
    out = io.StringIO()
    commands._emit_each(iter([]), out)
    assert json.loads(out.getvalue()) == []


def test_elements_are_written_as_they_are_made() -> None:
    out = io.StringIO()
    written: list[int] = []

    def items() -> Iterator[dict[str, int]]:
        for number in range(3):
            written.append(len(out.getvalue()))
            yield {"n": number}

    commands._emit_each(items(), out)
    # Each element is asked for only once the one before it is on the output.
    assert written[0] < written[1] < written[2]
