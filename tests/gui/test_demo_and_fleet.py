"""The demo lab as a server that keeps its changes (until Host > Reset demo lab), hosts named alike
everywhere, and "Check all hosts" on the CLI's fleet runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from bridge import operations
from bridge.demo import DEMO_LABEL, DemoHost
from bridge.history import History
from bridge.history_text import local_time
from bridge.lab.host import LabHost
from bridge.needs import CheckStatus
from bridge.plans import GrantKind
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from gui import hosts
from gui.hosts import HostEntry, HostKind, HostState
from gui.main_window import MainWindow
from gui.settings import SavedHost
from tests.factories import free_port, intent
from tests.gui.conftest import LAB_USER, WAIT_MS, WindowFactory, lab_entry, wait_for_dialog

BAKERY = "O'Brien Bakery"


def _bakery(window: MainWindow) -> CheckStatus:
    check = window.sites.check_for(BAKERY)
    assert check is not None
    return check.status


def test_the_demo_keeps_a_grant_made_by_another_run_until_it_is_reset_from_the_host_menu(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path
) -> None:
    # A CLI run (or an earlier app) grants on the demo lab and ends.
    with DemoHost() as settings, HostSession(PsrpTransport(settings), DEMO_LABEL) as session:
        plan = operations.plan(session, GrantKind.IUSR_READ, BAKERY)
        operations.apply(session, plan, History(tmp_path / "cli-history.jsonl"))

    window = open_window(HostEntry("demo", "Demo lab", HostKind.DEMO))
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.select_host("demo")
    assert _bakery(window) is CheckStatus.OK, "the demo shows the grant the other run made"
    assert "simulated server" in window.host_status.text()
    assert window.host_actions.reset_demo_action.isVisible()

    window.host_actions.reset_demo_action.trigger()
    question = wait_for_dialog(qtbot, lambda: window.host_actions.question)
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        question.button(QMessageBox.StandardButton.Reset).click()
    assert _bakery(window) is CheckStatus.MISSING, "back as shipped"


def test_the_reset_is_offered_for_the_demo_lab_only(lab_window: MainWindow) -> None:
    assert not lab_window.host_actions.reset_demo_action.isVisible()


def test_the_history_tab_names_each_host_as_recorded_with_local_times(
    open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(HostEntry("demo", "Demo lab", HostKind.DEMO))
    history = window.controller.history
    intent(history, host="127.0.0.1", host_label=DEMO_LABEL)
    intent(history, host="127.0.0.1", host_label="127.0.0.1:5985")
    intent(history, host="127.0.0.1", host_label="127.0.0.1:5986")
    # A record written before labels were kept: its host as it was recorded.
    intent(history)
    window.history.reload()

    model = window.history.model
    shown = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert shown == {"Demo lab", "127.0.0.1:5985", "127.0.0.1:5986", "web01"}
    # The admin's clock with its zone, as the CLI prints it (bridge.history_text has the zone tests).
    assert model.index(0, 0).data() == local_time(history.records()[-1].time)


def test_check_all_hosts_runs_on_the_fleet_runner_and_one_host_down_stops_no_other(
    qtbot: QtBot, lab: LabHost, lab_password: str, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[list[str]] = []
    shared = hosts.run_on_hosts

    def spied(items: list[HostEntry], *args: Any, **kwargs: Any) -> Any:
        runs.append([entry.key for entry in items])
        return shared(items, *args, **kwargs)

    monkeypatch.setattr(hosts, "run_on_hosts", spied)
    up = lab_entry(lab, lab_password)
    down_saved = SavedHost(host="127.0.0.1", port=free_port(), transport="http", auth="ntlm", user=LAB_USER)
    down = HostEntry(down_saved.key, "Down", HostKind.REMOTE, down_saved, "password")
    window = open_window(up)
    window.controller.add(down)

    window.check_all_action.trigger()
    assert up.state is HostState.CONNECTING and down.state is HostState.CONNECTING
    busy = window.controller.runner.is_busy
    qtbot.waitUntil(lambda: not busy(up.key) and not busy(down.key), timeout=WAIT_MS)
    assert runs == [[up.key, down.key]], "one fleet run for every host"
    assert up.state is HostState.READY
    assert down.state is HostState.FAILED
    assert {str(row.check.target) for row in window.findings.records()} >= {BAKERY}
    qtbot.waitUntil(lambda: not busy(hosts.CHECK_ALL_KEY), timeout=WAIT_MS)
