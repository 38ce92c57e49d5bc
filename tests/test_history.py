"""The change history: intents survive a crash, outcomes and undos fold into one record per change."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bridge.history import DATA_DIR_VARIABLE, History, Outcome, UnknownChange, default_data_dir
from tests.factories import intent

BEFORE = "D:PAI(A;OICI;FA;;;BA)"
AFTER = "D:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;S-1-5-17)"


def _intent(history: History, path: str = r"C:\inetpub\wwwroot") -> str:
    return intent(history, path=path, before=BEFORE).id


def test_intent_alone_reads_back_as_unknown_outcome_with_the_sddl_to_restore(tmp_path: Path) -> None:
    change_id = _intent(History(tmp_path / "h.jsonl"))
    # A new History object stands for a new process after a crash.
    record = History(tmp_path / "h.jsonl").get(change_id)
    assert record.outcome is Outcome.UNKNOWN
    assert record.before == BEFORE
    assert record.after is None
    assert not record.undone


def test_outcome_and_undo_fold_into_the_change(tmp_path: Path) -> None:
    history = History(tmp_path / "h.jsonl")
    change_id = _intent(history)
    history.record_outcome(change_id, Outcome.CHANGED, AFTER)
    assert history.get(change_id).after == AFTER
    undone = history.record_undo(change_id)
    assert undone.undone
    assert undone.outcome is Outcome.CHANGED
    assert [line["type"] for line in map(json.loads, history.path.read_text().splitlines())] == [
        "intent",
        "outcome",
        "undo",
    ]


def test_ids_are_short_and_distinct_and_order_is_kept(tmp_path: Path) -> None:
    history = History(tmp_path / "h.jsonl")
    ids = [_intent(history, rf"C:\site{n}") for n in range(20)]
    assert len(set(ids)) == 20
    assert all(len(change_id) <= 8 for change_id in ids)
    assert [record.id for record in history.records()] == ids


def test_a_line_cut_short_by_a_crash_does_not_hide_the_others(tmp_path: Path) -> None:
    history = History(tmp_path / "h.jsonl")
    change_id = _intent(history)
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write('{"type": "outcome", "id": "')
    assert [record.id for record in history.records()] == [change_id]


def test_a_record_after_a_torn_line_starts_a_line_of_its_own(tmp_path: Path) -> None:
    # The crash cut the outcome short; the next grant's intent must not be glued onto it.
    history = History(tmp_path / "h.jsonl")
    first = _intent(history)
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write('{"type": "outcome", "id": "' + first + '", "ti')
    second = _intent(History(history.path), r"C:\inetpub\other")
    assert [record.id for record in History(history.path).records()] == [first, second]
    assert History(history.path).get(second).path == r"C:\inetpub\other"


@pytest.mark.parametrize(
    "line",
    [
        "5",
        "null",
        '"text"',
        "[1, 2]",
        '{"type": "intent", "id": "abc"}',
        '{"type": "intent", "id": "abc", "host": "h", "target": "t", "kind": "k", "path": "p",'
        ' "identity": "i", "sid": "s", "rights": "r", "before": "b"}',
        '{"type": "intent", "id": 7, "time": "t"}',
        '{"type": "outcome", "time": "t"}',
        "[" * 100_000,
        "\udcff\udcfe not UTF-8",  # bytes 0xff 0xfe, written with surrogateescape
    ],
    ids=[
        "number",
        "null",
        "string",
        "list",
        "bare-intent",
        "intent-without-time",
        "numeric-id",
        "no-id",
        "deep",
        "garbage",
    ],
)
def test_a_line_that_is_not_a_record_is_skipped_with_one_warning_naming_it(
    tmp_path: Path, line: str, caplog: pytest.LogCaptureFixture
) -> None:
    history = History(tmp_path / "h.jsonl")
    first = _intent(history)
    with history.path.open("ab") as stream:
        stream.write(line.encode("utf-8", "surrogateescape") + b"\n")
    second = _intent(history, r"C:\second")
    history.record_outcome(second, Outcome.CHANGED, AFTER)
    with caplog.at_level(logging.WARNING, logger="bridge.history"):
        records = history.records()
        history.records()
    assert [record.id for record in records] == [first, second]
    assert records[1].outcome is Outcome.CHANGED
    assert history.skipped == [2]
    warnings = [entry.getMessage() for entry in caplog.records]
    assert len(warnings) == 1 and "line 2 " in warnings[0] and str(history.path) in warnings[0]


def test_an_outcome_of_the_wrong_shape_is_skipped_and_the_intent_stays_unknown(tmp_path: Path) -> None:
    history = History(tmp_path / "h.jsonl")
    change_id = _intent(history)
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write(
            json.dumps({"type": "outcome", "id": change_id, "time": "t", "outcome": "exploded"}) + "\n"
        )
        stream.write(
            json.dumps({"type": "outcome", "id": change_id, "time": "t", "outcome": "changed", "after": 5})
            + "\n"
        )
    assert history.get(change_id).outcome is Outcome.UNKNOWN
    assert history.skipped == [2, 3]


def test_records_of_a_later_version_are_read_around(tmp_path: Path) -> None:
    # A later change type adds record types and keys: this version keeps what it knows.
    history = History(tmp_path / "h.jsonl")
    change_id = _intent(history)
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write(
            json.dumps({"type": "member-change", "id": "x1", "time": "t", "group": "IIS_IUSRS"}) + "\n"
        )
    history.record_outcome(change_id, Outcome.CHANGED, AFTER)
    assert [record.id for record in history.records()] == [change_id]
    assert history.skipped == []


def test_non_ascii_paths_round_trip(tmp_path: Path) -> None:
    history = History(tmp_path / "h.jsonl")
    path = 'C:\\Sites\\Müller\'s "$(calc)";&\nÜ'
    change_id = _intent(history, path)
    assert History(history.path).get(change_id).path == path


def test_unknown_id_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownChange) as caught:
        History(tmp_path / "h.jsonl").get("nope")
    assert caught.value.exit_code == 2


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    assert default_data_dir() == tmp_path
    assert History().path.parent == tmp_path
