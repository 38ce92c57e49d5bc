"""Every folder under tests/recordings replayed into the real window: its models show what the CLI decides."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bridge import operations
from bridge.connection import connection_settings
from bridge.lab.host import LabHost
from bridge.lab.replay import RecordedServer
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from gui.main_window import MainWindow
from gui.site_model import Column
from gui.texts import status_text
from tests.gui.conftest import LAB_USER, WAIT_MS
from tests.recordings import recording_folders

RECORDINGS = recording_folders()


@pytest.fixture(params=RECORDINGS, ids=[folder.name for folder in RECORDINGS])
def server(request: pytest.FixtureRequest) -> RecordedServer:
    """The recorded server the lab host of each test serves (overrides the demo scenario)."""
    folder: Path = request.param
    return RecordedServer(folder)


def test_the_window_shows_each_recorded_server_as_the_bridge_judges_it(
    qtbot: QtBot, lab: LabHost, lab_window: MainWindow, lab_password: str
) -> None:
    settings = connection_settings(
        "127.0.0.1", port=lab.port, scheme="http", auth="ntlm", user=LAB_USER, password=lab_password
    )
    with HostSession(PsrpTransport(settings)) as session:
        expected = {str(check.target): check.status.value for check in operations.check_all(session)}
    assert expected
    shown = {}
    for target in expected:
        index = lab_window.sites.index_for(target)
        assert index.isValid(), target
        check = lab_window.sites.check_for(target)
        assert check is not None, target
        shown[target] = check.status.value
        assert index.siblingAtColumn(Column.ACCESS).data() == status_text(check.status.value)
    assert shown == expected
    first = next(iter(expected))
    assert lab_window.select_target(first)
    qtbot.waitUntil(lambda: lab_window.details.acl.rowCount() > 0, timeout=WAIT_MS)
