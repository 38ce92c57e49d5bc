"""Property-based fuzzing (Hypothesis) of the parsers that read what a server or a crash left behind:
the SDDL parser, the path normaliser and the history reader.

Each property has a fixed budget and is derandomised, so CI runs the same examples every time and
a failure reproduces; raise ``max_examples`` locally to search harder.
"""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bridge import sddl
from bridge.history import History, Outcome
from bridge.safety import normalize

BUDGET = settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# What SDDL is written in, plus the characters a torn or hostile answer brings.
SDDL_ALPHABET = string.ascii_letters + string.digits + "():;-_ " + "\t\n"
TOKENS = st.sampled_from(
    ["D:", "O:", "G:", "S:", "P", "AI", "AR", "(", ")", ";", "A", "D", "OI", "CI", "ID", "IO",
     "FA", "0x1200a9", "0x", "4294967296", "BA", "SY", "IS", "S-1-5-17", "S-1-5-21-1-2-3-500", "DA"]
)  # fmt: skip
ACE_FLAGS = st.sets(st.sampled_from(sddl.ACE_FLAG_ORDER)).map(lambda flags: "".join(sorted(flags)))
SIDS = st.sampled_from(["BA", "SY", "BU", "IS", "WD", "S-1-5-17", "S-1-5-82-1-2-3-4-5"])


@BUDGET
@given(st.one_of(st.text(SDDL_ALPHABET, max_size=80), st.lists(TOKENS, max_size=25).map("".join)))
def test_the_sddl_parser_answers_a_dacl_or_sddl_error_for_any_text(text: str) -> None:
    try:
        dacl = sddl.parse_dacl(text)
    except sddl.SddlError:
        return
    # What it accepted, it prints back in a form it reads again to the same value.
    assert sddl.parse_dacl(sddl.format_dacl(dacl)) == dacl


@BUDGET
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "D"]), ACE_FLAGS, st.integers(0, 0xFFFFFFFF), SIDS),
        max_size=8,
    ),
    st.sampled_from(["", "P", "AI", "PAI", "PAIAR"]),
)
def test_every_well_formed_dacl_round_trips(aces: list[tuple[str, str, int, str]], flags: str) -> None:
    text = (
        "D:"
        + flags
        + "".join(f"({kind};{ace_flags};0x{mask:x};;;{sid})" for kind, ace_flags, mask, sid in aces)
    )
    dacl = sddl.parse_dacl(text)
    assert [ace.mask for ace in dacl.aces] == [mask for _, _, mask, _ in aces]
    assert sddl.parse_dacl(sddl.format_dacl(dacl)) == dacl


PATH_PARTS = st.sampled_from(
    [
        *("C:", "c:", "D:", "\\", "/", "\\\\", "..", ".", "inetpub", "wwwroot", "Sites", "a ", "b."),
        *("\\\\?\\", "\\\\.\\", "UNC", "server", "share", "Ü", "ß", " "),
    ]
)


@BUDGET
@given(st.lists(PATH_PARTS, max_size=12).map("".join))
def test_the_path_normaliser_is_idempotent_and_ignores_separator_style(path: str) -> None:
    normal = normalize(path)
    assert normalize(normal) == normal
    assert normalize(path.replace("\\", "/")) == normalize(path.replace("/", "\\"))


@BUDGET
@given(st.lists(st.sampled_from(["..", ".", "x", "y "]), max_size=10).map("\\".join))
def test_dot_dot_never_climbs_above_the_drive(rest: str) -> None:
    assert normalize("C:\\inetpub\\" + rest).startswith("c:\\")


def _intent(change_id: str) -> str:
    keys = ("host", "target", "kind", "path", "identity", "sid", "rights", "before")
    return json.dumps(
        {"type": "intent", "id": change_id, "time": "2026-01-01T00:00:00+00:00"} | dict.fromkeys(keys, "x")
    )


JSON_VALUES = st.recursive(
    st.none() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
GARBAGE = st.one_of(
    st.text(max_size=40).filter(lambda text: "\n" not in text and "\r" not in text),
    st.sampled_from(["5", "null", "[]", "{}", '{"type": "intent"}', '{"id": "z", "time": "t"}', "[" * 5000]),
    st.builds(json.dumps, JSON_VALUES),
)


@settings(BUDGET, max_examples=150)
@given(
    st.lists(
        st.one_of(
            st.builds(lambda n: ("intent", f"id{n}"), st.integers(0, 50)),
            GARBAGE.map(lambda g: ("garbage", g)),
        ),
        max_size=15,
    )
)
def test_the_history_reader_keeps_every_intent_whatever_lies_between(
    tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[str, str]]
) -> None:
    folder = tmp_path_factory.mktemp("history")
    history = History(folder / "history.jsonl")
    history.path.write_text(
        "".join((_intent(value) if kind == "intent" else value) + "\n" for kind, value in lines),
        encoding="utf-8",
    )
    records = history.records()
    expected = list(dict.fromkeys(value for kind, value in lines if kind == "intent"))
    assert [record.id for record in records] == expected
    assert all(record.outcome is Outcome.UNKNOWN for record in records)
