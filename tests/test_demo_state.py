"""The demo lab's saved state: kept across instances (runs), shared through the file, reset, and
written so that a crash leaves the old state or the new one."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from bridge.demo_state import SavedDemo, reset_demo, write_atomically
from bridge.lab.simulator import demo_scenario_path
from bridge.model import path_entries
from bridge.scripts import Operation, script_text

BAKERY = "D:\\Sites\\O'Brien Bakery"
IUSR = "S-1-5-17"


def _sddl(demo: SavedDemo, path: str = BAKERY) -> str:
    answer = json.loads(demo.execute(script_text(Operation.PATH_ACCESS), {"Path": [path]}))
    text: str = path_entries(answer)[0]["sddl"]
    return text


def _grant(demo: SavedDemo, path: str = BAKERY) -> dict[str, Any]:
    parameters = {"Path": path, "Sid": IUSR, "Rights": "ReadAndExecute", "ExpectedSddl": _sddl(demo, path)}
    answer: dict[str, Any] = json.loads(demo.execute(script_text(Operation.GRANT), parameters))
    return answer


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "demo-lab.json"


def test_a_grant_is_still_there_for_the_next_run_and_gone_after_a_reset(state: Path) -> None:
    first = SavedDemo(demo_scenario_path(), state)
    assert first.first_use
    shipped = _sddl(first)
    assert _grant(first)["status"] == "changed"
    granted = _sddl(first)
    assert granted != shipped

    second = SavedDemo(demo_scenario_path(), state)
    assert not second.first_use, "only the first run says that this is the demo"
    assert _sddl(second) == granted
    # Inheritance was saved with it: the folder's children carry the new entry too.
    assert IUSR in _sddl(second, BAKERY + "\\web.config")

    assert reset_demo(state)
    assert not reset_demo(state), "a second reset finds nothing to do"
    assert SavedDemo(demo_scenario_path(), state).first_use
    assert _sddl(SavedDemo(demo_scenario_path(), state)) == shipped


def test_a_demo_already_running_sees_what_another_process_changed_and_a_reset(state: Path) -> None:
    app, cli = SavedDemo(demo_scenario_path(), state), SavedDemo(demo_scenario_path(), state)
    shipped = _sddl(app)
    _grant(cli)
    assert _sddl(app) == _sddl(cli) != shipped, "the app reads the CLI's grant at its next operation"
    reset_demo(state)
    assert _sddl(app) == shipped, "and a reset at its next operation"


def test_only_what_changed_is_saved_with_the_scenario_it_belongs_to(state: Path) -> None:
    demo = SavedDemo(demo_scenario_path(), state)
    assert json.loads(state.read_text(encoding="utf-8"))["dacls"] == {}
    _grant(demo)
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["format"] == 1 and len(saved["scenario"]) == 64
    assert BAKERY in saved["dacls"]
    assert "D:\\Sites\\Contoso Shop" not in saved["dacls"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{not json", "cannot be read"),
        ('{"dacls": [1]}', "not one IIS Access wrote"),
        ('{"format": 1, "scenario": "another", "dacls": {}}', "another version's demo"),
    ],
)
def test_a_state_that_cannot_be_used_starts_the_demo_as_shipped_and_says_why(
    state: Path, text: str, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    shipped = _sddl(SavedDemo(demo_scenario_path(), state))
    state.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bridge.demo_state"):
        demo = SavedDemo(demo_scenario_path(), state)
    assert _sddl(demo) == shipped
    assert why in caplog.text


def test_a_crash_while_saving_leaves_the_previous_state_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "state.json"
    write_atomically(target, "old\n")

    def crash(source: object, destination: object) -> None:
        raise OSError("the machine went down before the rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="went down"):
        write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["state.json"], "no scratch file is left behind"


def test_a_failed_save_keeps_the_demo_running_and_says_so(
    state: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    demo = SavedDemo(demo_scenario_path(), state)

    def full(source: object, destination: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with caplog.at_level(logging.WARNING, logger="bridge.demo_state"):
        assert _grant(demo)["status"] == "changed"
    assert "could not be saved" in caplog.text
