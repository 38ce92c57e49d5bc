"""The change history: intents survive a crash, outcomes and undos fold into one record per change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge.history import DATA_DIR_VARIABLE, History, Outcome, UnknownChange, default_data_dir

BEFORE = "D:PAI(A;OICI;FA;;;BA)"
AFTER = "D:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;S-1-5-17)"


def _intent(history: History, path: str = r"C:\inetpub\wwwroot") -> str:
    return history.record_intent(
        host="web01",
        target="Default Web Site",
        kind="iusr-read",
        path=path,
        identity="IUSR",
        sid="S-1-5-17",
        rights="ReadAndExecute",
        before=BEFORE,
    ).id


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
