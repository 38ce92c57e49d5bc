"""A JSON document decoded a piece at a time, so a large answer never holds the interpreter lock for long.

``json.loads`` decodes a whole document in one C call, and a C call keeps the lock until it returns:
a 30 MB inventory keeps the GUI thread waiting 140-225 ms while a worker thread decodes it. An
operation's answer is an object whose big members are arrays (the sites, the paths), so
``loads_in_pieces`` walks the top-level object and its arrays here and gives the C scanner a piece
per call: a member value, a batch of array elements of about 64 KB where they are compact objects
(as ConvertTo-Json -Compress writes them), else one element. Between calls the interpreter can hand
the lock to another thread (every ``sys.getswitchinterval()``, 5 ms by default).

Only the standard library's ``json`` is used: a streaming parser such as ijson would be a new
dependency, and in its pure-Python mode slower than the C scanner by far; the C scanner on each
piece is the speed we want, only in smaller bites.

What it costs: the C scanner makes one string per key name within a call, so one element per call
kept its own copies of its keys: 17 % more CPU than json.loads and 34 MB more memory for the lab's
20,000-site inventory. In batches, measured on the same answers (batched against json.loads): 574
against 562 ms and 101 against 100 MB for the inventory, 159 against 153 ms and 46 MB each for path
access.
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable
from typing import Any, cast

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
# Characters of an array decoded in one call where its elements allow (compact objects, as
# ConvertTo-Json -Compress writes them): about 0.4 ms of holding the interpreter lock on the 2-core
# machine, and within one call the scanner makes each key name once, not once per element.
BATCH = 65536
# How far an element's first key may reach for batches to be looked for ('{"physicalPath":' and the like).
_KEY_SPAN = 64
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
    """The array whose ``[`` ends before ``index``, and where it ends; its elements decoded a batch at
    a time where they are compact objects, else one at a time."""
    items: list[Any] = []
    index = _skip(text, index)
    if text.startswith("]", index):
        return items, index + 1
    append = items.append
    # Where to look for the end of a batch next, and the place found there (-1: none).
    again, cut = index, -1
    while True:
        if index >= again:
            cut = _next_cut(text, index)
            again = cut + 1 if cut >= 0 else index + BATCH
        if cut >= index:
            batch = _batch(text, index, cut)
            if batch is not None:
                items += batch
                again = index = cut + 2
                continue
            # Not between two elements: one at a time past it, so a document that defeats the
            # batches costs at most about one more decode of itself.
            cut = -1
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


def _next_cut(text: str, index: int) -> int:
    """Where, BATCH to 4 BATCH characters after the element at ``index``, an object ends and another
    begins with the same first key (``},{"path":``), or -1: the likely end of a batch of elements,
    which then holds the lock about a millisecond at most."""
    colon = text.find(":", index, index + _KEY_SPAN)
    if colon < 0 or not text.startswith('{"', index):
        return -1
    return text.find("}," + text[index : colon + 1], index + BATCH, index + 4 * BATCH)


def _batch(text: str, index: int, cut: int) -> list[Any] | None:
    """The elements from ``index`` to the object ending at ``cut``, or None where ``cut`` is not
    between two elements.

    It may be inside a string or inside an element (a nested object with the same first key); then
    the text up to it, taken as an array's content, ends inside a string or leaves a bracket open,
    and does not decode: a batch that decodes holds exactly the elements the text has there."""
    content = "[" + text[index : cut + 1] + "]"
    try:
        elements, end = _raw_decode(content)
    except ValueError:
        return None
    return cast(list[Any], elements) if end == len(content) else None
