"""A JSON document decoded a piece at a time, so a large answer never holds the interpreter lock for long.

``json.loads`` decodes a whole document in one C call, and a C call keeps the lock until it returns:
a 30 MB inventory keeps the GUI thread waiting 140-225 ms while a worker thread decodes it. An
operation's answer is an object whose big members are arrays (the sites, the paths), so
``loads_in_pieces`` walks the top-level object and its arrays here and gives the C scanner one member
value or one array element per call; between calls the interpreter can hand the lock to another
thread (every ``sys.getswitchinterval()``, 5 ms by default).

Only the standard library's ``json`` is used: a streaming parser such as ijson would be a new
dependency, and in its pure-Python mode slower than the C scanner by far; the C scanner on each
element is the speed we want, only in smaller bites.

What it costs: the C scanner shares one string per key name only within a call, so each element
keeps its own copies of its keys. On the lab's 20,000-site answers that is 17 % more CPU than
json.loads for the inventory, and 38 MB more memory while the decoded answer lives; for path access
it was 63 % and 81 MB when each of its 120,000 entries carried a dozen keys (measured before the
answer left its null keys out and named each DACL by index; not measured since).
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable
from typing import Any

# The whitespace JSON allows between tokens (json.decoder.WHITESPACE), and nothing more: the C scanner
# skips exactly these four characters, so the pieces see the same document it does.
_WHITESPACE = re.compile(r"[ \t\n\r]*")
# One comma between elements with the whitespace either side: one match per element instead of two, as
# the per-element overhead is what the piecewise decode costs over json.loads.
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_comma = _COMMA.match

# The decoder json.loads uses when given no options: NaN and Infinity accepted, control characters
# in strings refused.
_raw_decode = json.JSONDecoder().raw_decode
# What the C scanner reads keys with (strict, as json.loads). The typeshed stub of json.decoder
# leaves it out, hence its signature here.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def loads_in_pieces(text: str) -> Any:
    """``json.loads(text)``: the same value, and the same JSONDecodeError when it raises one."""
    start = _skip(text, 0)
    if not text.startswith("{", start):
        # A top-level array or scalar is not how an operation answers, and a BOM is an error
        # json.loads words best: none is worth a path of its own.
        return json.loads(text)
    try:
        return _object_in_pieces(text, start + 1)
    except ValueError:
        # A broken answer is rare, and re-reading it whole gives json.loads's own message and position
        # (they differ between Python versions) rather than an imitation of them.
        return json.loads(text)


def _skip(text: str, index: int) -> int:
    """Where the whitespace from ``index`` on ends (the pattern always matches; None is for mypy)."""
    spaces = _WHITESPACE.match(text, index)
    return index if spaces is None else spaces.end()


def _object_in_pieces(text: str, index: int) -> dict[str, Any]:
    """The top-level object whose ``{`` ends before ``index``; raises ValueError where json.loads would."""
    document: dict[str, Any] = {}
    index = _skip(text, index)
    if not text.startswith("}", index):
        while True:
            if not text.startswith('"', index):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, index)
            key, index = _scanstring(text, index + 1)
            index = _skip(text, index)
            if not text.startswith(":", index):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, index)
            index = _skip(text, index + 1)
            # A repeated key keeps its first place and takes its last value, as in json.loads's dict.
            if text.startswith("[", index):
                document[key], index = _array_in_pieces(text, index + 1)
            else:
                document[key], index = _raw_decode(text, index)
            index = _skip(text, index)
            if text.startswith("}", index):
                break
            if not text.startswith(",", index):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
            index = _skip(text, index + 1)
    end = _skip(text, index + 1)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return document


def _array_in_pieces(text: str, index: int) -> tuple[list[Any], int]:
    """The array whose ``[`` ends before ``index``, and where it ends; each element decoded on its own."""
    items: list[Any] = []
    index = _skip(text, index)
    if text.startswith("]", index):
        return items, index + 1
    append = items.append
    while True:
        item, index = _raw_decode(text, index)
        append(item)
        comma = _comma(text, index)
        if comma is None:
            break
        index = comma.end()
    index = _skip(text, index)
    if not text.startswith("]", index):
        raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
    return items, index + 1
