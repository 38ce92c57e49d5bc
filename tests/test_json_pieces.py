"""The piecewise JSON decoder answers exactly what json.loads answers, and lets other threads run meanwhile.

The properties are derandomised with a fixed budget, as in tests/test_properties.py, so a failure
reproduces.
"""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bridge import json_pieces
from bridge.errors import UnexpectedAnswer
from bridge.json_pieces import loads_in_pieces
from bridge.transport import NotJson, decode_answer

BUDGET = settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Strings that trip a JSON decoder: quotes, backslashes, control characters, a lone surrogate (which
# json.dumps writes and json.loads reads back), characters outside the BMP and JavaScript's line breaks.
TRICKY = st.sampled_from(['"', "\\", "\x00", "\x1f", "\u2028", "\ud800", "\U0001f600", "é", "{[,:]}", ""])
TEXTS = st.one_of(st.text(max_size=12), TRICKY, st.lists(TRICKY, max_size=4).map("".join))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    # json.dumps writes NaN and Infinity, and json.loads reads them back.
    st.floats(allow_nan=True, allow_infinity=True),
    TEXTS,
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(TEXTS, children, max_size=5)),
    max_leaves=25,
)
# What an operation answers: an object whose members are often arrays of objects.
DOCUMENTS = st.one_of(
    st.dictionaries(TEXTS, st.one_of(VALUES, st.lists(VALUES, max_size=6)), max_size=6),
    VALUES,
)
WHITESPACE = st.text(" \t\n\r", max_size=3)


def outcome(decode: Callable[[str], Any], text: str) -> tuple[str, str]:
    """What ``decode`` made of ``text``, comparable across decoders: the value's repr (NaN, -0.0,
    key order and int-versus-float all show in it) or the error's message and position."""
    try:
        return "value", repr(decode(text))
    except json.JSONDecodeError as error:
        return "error", f"{error.msg} at {error.pos}"


def assert_same_as_json_loads(text: str) -> None:
    assert outcome(loads_in_pieces, text) == outcome(json.loads, text)


def _no_whole_decode(text: str) -> Any:
    raise AssertionError("a valid object was decoded whole, not in pieces")


@contextmanager
def pieces_only() -> Iterator[None]:
    """json_pieces with json.loads taken away: a valid object must decode without falling back to it."""
    without_loads = SimpleNamespace(**{**vars(json), "loads": _no_whole_decode})
    with mock.patch.object(json_pieces, "json", without_loads):
        yield


@st.composite
def formatted(draw: st.DrawFn) -> str:
    """A document as json.dumps writes it: compact, indented, or with whitespace wherever JSON allows it."""
    value = draw(DOCUMENTS)
    style = draw(st.sampled_from(["compact", "default", "indented", "whitespace"]))
    ensure_ascii = draw(st.booleans())
    if style == "compact":
        return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))
    if style == "default":
        return json.dumps(value, ensure_ascii=ensure_ascii)
    if style == "indented":
        return json.dumps(value, ensure_ascii=ensure_ascii, indent=draw(st.sampled_from([0, 2, "\t"])))
    # The indent puts whitespace after every opening bracket and before every closing one; the
    # separators put it around every comma and colon.
    indent = draw(WHITESPACE)
    separators = (draw(WHITESPACE) + "," + draw(WHITESPACE), draw(WHITESPACE) + ":" + draw(WHITESPACE))
    text = json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators)
    return draw(WHITESPACE) + text + draw(WHITESPACE)


@st.composite
def with_repeated_keys(draw: st.DrawFn) -> str:
    """An object whose keys repeat, which json.dumps never writes: the last value wins, in the first place."""
    pairs = draw(
        st.lists(st.tuples(st.sampled_from("abc"), st.one_of(SCALARS, st.lists(SCALARS))), max_size=8)
    )
    return "{" + ",".join(f"{json.dumps(key)}:{json.dumps(value)}" for key, value in pairs) + "}"


@BUDGET
@given(formatted())
def test_a_valid_document_decodes_to_what_json_loads_gives(text: str) -> None:
    assert_same_as_json_loads(text)


@BUDGET
@given(with_repeated_keys())
def test_a_repeated_key_keeps_its_first_place_and_its_last_value(text: str) -> None:
    assert_same_as_json_loads(text)


@BUDGET
@given(st.one_of(formatted(), with_repeated_keys()))
def test_a_valid_object_is_decoded_in_pieces_never_whole(text: str) -> None:
    if not text.lstrip(" \t\n\r").startswith("{"):
        return
    expected = json.loads(text)
    with pieces_only():
        assert repr(loads_in_pieces(text)) == repr(expected)


# What a torn, truncated or garbled answer brings: JSON's punctuation, the starts of its literals,
# whitespace it allows and some it does not (form feed, no-break space), a BOM and plain garbage.
NOISE = st.sampled_from(
    [*"{}[],:\"\\ \t\n\r0-+.eE", "true", "nul", "NaN", "Infinity", "-I", "\\u", "\\u12", "\f", "\xa0",
     "\ufeff", "x", "", "\x00"]
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> str:
    return draw(mutated_from(draw(formatted())))


@st.composite
def mutated_from(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["truncate", "delete", "insert", "replace"]))
        if change == "truncate":
            text = text[:at]
        elif change == "delete":
            text = text[:at] + text[at + 1 :]
        elif change == "insert":
            text = text[:at] + draw(NOISE) + text[at:]
        else:
            text = text[:at] + draw(NOISE) + text[at + 1 :]
    return text


@settings(BUDGET, max_examples=1000)
@given(mutated())
def test_a_garbled_document_raises_exactly_when_json_loads_does_and_with_its_error(text: str) -> None:
    assert_same_as_json_loads(text)


@contextmanager
def small_batches(size: int) -> Iterator[None]:
    """Batches of a few characters, so the small documents of these tests are decoded in batches too."""
    with mock.patch.object(json_pieces, "BATCH", size):
        yield


@st.composite
def compact_objects(draw: st.DrawFn) -> str:
    """An answer's shape: arrays of objects, often with the same first key and nested objects that
    start with it too, in strings "},{" and the first key's text, written compact."""
    first = draw(st.sampled_from(["path", "name", "},{", '},{"path":']))
    nested = st.dictionaries(st.sampled_from([first, "x"]), VALUES, max_size=3)
    element = st.fixed_dictionaries({first: st.one_of(TEXTS, nested, st.lists(nested, max_size=3))}).flatmap(
        lambda head: st.dictionaries(TEXTS, st.one_of(VALUES, nested), max_size=3).map(
            lambda rest: head | rest
        )
    )
    arrays = st.one_of(
        st.lists(element, min_size=2, max_size=12),
        st.lists(st.one_of(element, VALUES), min_size=1, max_size=12),
    )
    document = draw(st.dictionaries(st.sampled_from(["paths", "sites", "sddls"]), arrays, min_size=1))
    return json.dumps(document, separators=(",", ":"), ensure_ascii=draw(st.booleans()))


@BUDGET
@given(st.one_of(formatted(), compact_objects()), st.integers(0, 40))
def test_a_document_decodes_the_same_in_batches_of_any_size(text: str, size: int) -> None:
    with small_batches(size):
        assert_same_as_json_loads(text)


@settings(BUDGET, max_examples=1000)
@given(compact_objects().flatmap(mutated_from), st.integers(0, 40))
def test_a_garbled_document_raises_in_batches_exactly_as_json_loads_does(text: str, size: int) -> None:
    with small_batches(size):
        assert_same_as_json_loads(text)


def test_compact_objects_are_decoded_a_batch_at_a_time() -> None:
    text = _sites_document(2_000)
    calls: list[int] = []
    real = json_pieces._raw_decode

    def counted(piece: str, index: int = 0) -> Any:
        calls.append(index)
        return real(piece, index)

    with mock.patch.object(json_pieces, "_raw_decode", counted):
        assert loads_in_pieces(text) == json.loads(text)
    # 2,000 sites of about 200 characters: a few dozen calls of 64 KB, not one per site.
    assert len(text) // json_pieces.BATCH <= len(calls) < 40


@pytest.mark.parametrize(
    "text",
    [
        *("{}", " {} ", "{ }", "\r\n{\t}\n", '{"a":[]}', '{"a":[ ]}', '{"a":[\t\n\r]}', '{"a":[],"b":{}}'),
        *('{"a" : [ 1 , [ 2 ] , { "b" : [ ] } ] , "c" : "\\u00e9\\"" }', '{"":[""]}'),
        *('{"a":NaN,"b":[Infinity,-Infinity,-0.0,1e400]}', '{"a":1,"a":[2],"b":3,"a":4}'),
        *('{"\\ud83d\\ude00":["\\ud800"]}', '{"big":[123456789012345678901234567890]}'),
        # Trailing commas, missing commas and colons, doubled punctuation.
        *('{"a":[1,2,],}', '{"a":[1,2,]}', '{"a":[1,2],}', '{"a":1,}', '{,}', '{"a":[,1]}', '{"a":[1,,2]}'),
        *('{"a" 1}', '{"a"::1}', '{"a":1 "b":2}', '{"a":[1 2]}', '{"a":[1]]}', '{"a":[1}', '{"a":1]'),
        # Trailing data, and truncation at every kind of place.
        *('{"a":[1,2]}x', '{"a":[1,2]} {}', '{"a":[1,2]}]', '{}{}', '{"a":[1,2]}\n'),
        *("", " ", "{", '{"', '{"a', '{"a"', '{"a":', '{"a":[', '{"a":[1', '{"a":[1,', '{"a":[1]', '{"a":"x'),
        # A BOM, whitespace JSON does not allow, and values json.loads refuses.
        *('\ufeff{"a":[]}', '{"a":\xa0[1]}', '{"a":[1]\f}', '{"a":[1,\u2028 2]}'),
        *('{"a":"\x00"}', '{"a\x01":1}', '{"a":[1]}\x00'),
        *('{"a":[01]}', '{"a":[-]}', '{"a":[1.]}', '{"a":[nan]}', '{"a":[tru]}', '{"a":[\'x\']}', "{'a':1}"),
        *('{"a":"\\x"}', '{"a":["\\u12"]}', '{1:2}'),
        # What is not an object falls back to json.loads whole.
        *("[1,2]", " [ ] ", "1", '"x"', "null", "NaN", "[1,]", "1 2"),
    ],
)  # fmt: skip
def test_each_case_answers_as_json_loads_does(text: str) -> None:
    assert_same_as_json_loads(text)


def test_decode_answer_still_refuses_a_too_deep_member_and_a_broken_document() -> None:
    deep = '{"sites":[' + "[" * 200_000 + "]" * 200_000 + "]}"
    with pytest.raises(UnexpectedAnswer, match="nested too deeply"):
        decode_answer("web01", deep)
    with pytest.raises(NotJson):
        decode_answer("web01", '{"sites":[{"name":"a"},]}')
    assert decode_answer("web01", b'{"sites":[{"name":"\xc3\xa9"}]}') == {"sites": [{"name": "é"}]}


def _sites_document(count: int) -> str:
    sites = [
        {
            "name": f"site-{number:05}",
            "id": number,
            "state": "Started",
            "bindings": [{"protocol": "http", "bindingInformation": f"*:80:site{number}.example"}],
            "physicalPath": f"D:\\Sites\\site-{number:05}",
        }
        for number in range(count)
    ]
    return json.dumps({"server": {"computerName": "WEB01"}, "sites": sites}, separators=(",", ":"))


def _longest_wait_and_decode_time(decode: Callable[[str], Any], text: str) -> tuple[float, float]:
    """The longest this thread went without running while another thread decoded ``text``, and the
    processor time that decode took: a C call that keeps the interpreter lock shows as a gap this long.

    Processor time, not elapsed time: the decoding thread's waits for the lock do not count, nor
    does the machine being busy with something else.
    """
    # The decoder starts only once this thread is counting, so the count sees all of the decode.
    counting, finished = threading.Event(), threading.Event()
    took: list[float] = []
    decoded: list[Any] = []  # kept until the measurement ends: freeing it is one long C call of its own

    def work() -> None:
        counting.wait()
        begin = time.thread_time()
        decoded.append(decode(text))
        took.append(time.thread_time() - begin)
        finished.set()

    worker = threading.Thread(target=work)
    worker.start()
    longest, last = 0.0, time.perf_counter()
    counting.set()
    while not finished.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return longest, took[0]


def test_other_threads_run_between_the_pieces_of_a_large_document() -> None:
    text = _sites_document(60_000)
    interval = sys.getswitchinterval()
    # A collection inside one piece's C call would hold the lock as long as the heap is big, whatever
    # the pieces; the app reads answers with the collector off (bridge.collector.bulk_answer).
    collecting = gc.isenabled()
    gc.disable()
    # A short switch interval hands the lock over often enough that a piece-sized hold is far
    # below the whole decode even for a document small enough for a test.
    sys.setswitchinterval(0.0005)
    try:
        whole_gap, whole_took = _longest_wait_and_decode_time(json.loads, text)
        # The best of three: a hold on the lock shows in every run, the machine's other work
        # delaying this thread's wake-up now and then only in one.
        pieces = min(
            (_longest_wait_and_decode_time(loads_in_pieces, text) for _ in range(3)),
            key=lambda measured: measured[0] / measured[1],
        )
    finally:
        sys.setswitchinterval(interval)
        if collecting:
            gc.enable()
    # The measurement sees a stall when there is one: json.loads's single call holds the lock throughout.
    assert whole_gap > 0.5 * whole_took, (whole_gap, whole_took)
    pieces_gap, pieces_took = pieces
    # Far below, not near zero: this thread waking up takes the machine a few milliseconds at times.
    assert pieces_gap < 0.25 * pieces_took, pieces
