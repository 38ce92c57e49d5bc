"""``iis-access history`` for people: hosts by label, local times with the zone, aligned columns,
an empty history said as such, and files written before labels were kept read as they are."""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bridge.history import History, Outcome
from bridge.history_text import local_time, render
from tests.factories import intent

BERLIN = ZoneInfo("Europe/Berlin")


def _intent(history: History, label: str, path: str = "D:\\Sites\\Shop") -> str:
    return intent(history, host="127.0.0.1", host_label=label, path=path).id


def test_times_are_shown_on_the_local_clock_with_the_zone() -> None:
    assert local_time("2026-12-02T01:36:09+00:00", BERLIN) == "2026-12-02 02:36:09 CET"
    assert local_time("2026-07-02T01:36:09+00:00", BERLIN) == "2026-07-02 03:36:09 CEST"
    assert local_time("2026-12-02T01:36:09+00:00", timezone.utc) == "2026-12-02 01:36:09 UTC"
    # A zone without a short name (as Windows names them, or "+0530" ones) shows its offset.
    india = timezone(timedelta(hours=5, minutes=30), "India Standard Time")
    assert local_time("2026-12-02T01:36:09+00:00", india) == "2026-12-02 07:06:09 UTC+05:30"
    # Without an offset the time is UTC, as every version wrote it; a hand-edited one stays as written.
    assert local_time("2026-12-02T01:36:09", BERLIN) == "2026-12-02 02:36:09 CET"
    assert local_time("yesterday", BERLIN) == "yesterday"


def test_an_empty_history_says_so(tmp_path: Path) -> None:
    history = History(tmp_path / "history.jsonl")
    expected = f"No changes yet: the history ({history.path}) is empty."
    assert render(history.records(), history.path) == expected


def test_columns_align_and_two_hosts_on_one_address_are_told_apart(tmp_path: Path) -> None:
    history = History(tmp_path / "history.jsonl")
    first = _intent(history, "127.0.0.1:5985")
    history.record_outcome(first, Outcome.CHANGED, "D:P")
    second = _intent(history, "127.0.0.1:61234", "D:\\Sites\\A much longer folder name")
    history.record_outcome(second, Outcome.CHANGED, "D:P")
    history.record_undo_intent(second, "D:P")
    third = _intent(history, "Demo lab")

    lines = render(history.records(), history.path, BERLIN).splitlines()
    assert lines[0].split() == ["Change", "Time", "Host", "Kind", "Status", "Folder"]
    assert [line.split("  ")[0] for line in lines[1:]] == [first, second, third]
    assert "127.0.0.1:5985 " in lines[1] and "127.0.0.1:61234" in lines[2] and "Demo lab" in lines[3]
    # Every column starts where its heading does, whatever the width of the cells above it.
    for heading in ("Time", "Host", "Kind", "Status", "Folder"):
        column = lines[0].index(heading)
        assert all(line[column - 2 : column] == "  " and line[column] != " " for line in lines[1:]), heading
    assert "changed, undo unknown" in lines[2]
    assert "unknown" in lines[3]


def test_a_history_written_before_labels_were_kept_reads_and_shows_its_hosts(tmp_path: Path) -> None:
    path = tmp_path / "history.jsonl"
    old = {"type": "intent", "id": "3f9c2a1b", "time": "2026-11-30T09:00:00+00:00", "host": "web01"}
    old |= {"target": "Shop", "kind": "iusr-read", "path": "D:\\Sites\\Shop", "identity": "IUSR"}
    old |= {"sid": "S-1-5-17", "rights": "ReadAndExecute", "before": "D:P"}
    path.write_text(json.dumps(old) + "\n", encoding="utf-8")
    history = History(path)
    record = history.get("3f9c2a1b")
    assert record.host_label is None and record.host_display == "web01"
    assert record.to_json()["hostLabel"] == "web01"
    assert " web01 " in render(history.records(), path, BERLIN).splitlines()[1]
    assert history.skipped == []


def test_a_label_of_the_wrong_type_makes_the_line_invalid(tmp_path: Path) -> None:
    path = tmp_path / "history.jsonl"
    line = {"type": "intent", "id": "a", "time": "t", "host": "h", "target": "t", "kind": "k", "path": "p"}
    line |= {"identity": "i", "sid": "s", "rights": "r", "before": "b", "hostLabel": 5985}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    history = History(path)
    assert history.records() == []
    assert history.skipped == [1]
