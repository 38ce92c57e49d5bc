"""Who IIS reads a site as, and the fix to press, driven through the real window against the demo lab:
every reader in its role under Served as, the Role and Path columns, the recommended fix as the
highlighted action with its why, the grants that would not help greyed out with the reason, the fix
and the Reduce link of a finding running the one grant and reduce flow, the History tab's empty text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bridge.access import AccessLevel
from bridge.change import ChangeKind, Verdict
from bridge.lab.simulator import SimulatedServer
from bridge.plans import GrantKind
from bridge.sddl import parse_dacl
from gui.confirm import ConfirmDialog
from gui.details import DetailsPane
from gui.hosts import acl_key
from gui.main_window import MainWindow
from gui.wrapping import unglued
from tests.gui.conftest import WAIT_MS

SCANS = "Records Archive/scans"  # a virtual directory read as CORP\svc-archive (Connect as)
SCANS_FOLDER = "D:\\Records\\Scans"
ARCHIVE_SID = "S-1-5-21-1004336348-1177238915-682003330-1301"
PAYROLL = "Payroll 32-bit"  # its pool lacks Modify on the 32-bit Temporary ASP.NET Files
TEMP32 = "C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\Temporary ASP.NET Files"
EVERYONE = "S-1-1-0"
AUTHENTICATED_USERS = "S-1-5-11"


def _select(qtbot: QtBot, window: MainWindow, target: str) -> DetailsPane:
    """Select ``target`` and wait for its folder's ACL (the Fix box decides with it)."""
    assert window.select_target(target)
    details = window.details
    key = window.current_key
    assert key is not None
    qtbot.waitUntil(lambda: not window.controller.runner.is_busy(acl_key(key)), timeout=WAIT_MS)
    return details


def _plain(rich: str) -> str:
    """A rich-text label's text as the admin reads it."""
    document = QTextDocument()
    document.setHtml(rich)
    return unglued(document.toPlainText())


def _served_as(details: DetailsPane) -> str:
    return _plain(details.served_as.text())


def _press_fix(qtbot: QtBot, window: MainWindow) -> ConfirmDialog:
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(window.details.fix_box.fix_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    return dialog


def _confirm(qtbot: QtBot, window: MainWindow, dialog: ConfirmDialog) -> None:
    assert dialog.grant_button is not None
    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)


def test_served_as_names_every_reader_in_its_role(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    scans = _served_as(_select(qtbot, window, SCANS))
    assert f"Connect as: CORP\\svc-archive ({ARCHIVE_SID})" in scans
    assert "physical path credentials of virtual directory Records Archive/scans (logon method " in scans
    hr = _served_as(_select(qtbot, window, "HR Portal"))
    assert "Signed-in users (Windows authentication): CORP\\HR-Staff (S-1-5-21-" in hr
    assert "the accounts URL authorization allows" in hr
    timesheets = _served_as(_select(qtbot, window, "Timesheets"))
    assert "Anonymous: anonymous authentication is off." in timesheets
    assert "NT AUTHORITY\\Authenticated Users (S-1-5-11) — any user who signs in" in timesheets
    assert "Impersonated (ASP.NET): WEB01\\svc-timesheets (S-1-5-21-" in timesheets
    intranet = _select(qtbot, window, "Intranet")
    # The worker as the account it runs as and its pool SID, and the note on why both count.
    assert "Worker process: WEB01\\svc-intranet (S-1-5-21-" in _served_as(intranet)
    assert "and its pool SID IIS AppPool\\IntranetPool (S-1-5-82-" in _served_as(intranet)
    assert intranet.notes.isVisible()
    assert "Note: The worker process of application pool IntranetPool runs as WEB01\\svc-intranet" in (
        _plain(intranet.notes.text())
    )
    share = _served_as(_select(qtbot, window, "Photo Library"))
    assert "On the file server: CORP\\WEB01$ (S-1-5-21-" in share
    assert "NT AUTHORITY\\IUSR (S-1-5-17, Anonymous) — the accounts the share is read as." in share


def test_the_table_names_each_requirement_s_role_and_path(qtbot: QtBot, lab_window: MainWindow) -> None:
    details = _select(qtbot, lab_window, SCANS)
    model = details.requirements
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["Identity", "Role", "Needs", "Has", "Status", "Path"]
    rows = [
        [model.index(row, c).data() for c in range(model.columnCount())] for row in range(model.rowCount())
    ]
    assert ["CORP\\svc-archive", "Connect as", "Read", "No access", "Missing", "This folder"] in rows
    assert ["CORP\\svc-archive", "Connect as", "Read", "No access", "Missing", "web.config"] in rows
    # A web.config above the folder and the Temporary ASP.NET Files are named in full (drawn elided).
    assert rows[1][:5] == ["IIS AppPool\\RecordsPool", "Worker", "Read", "Read & execute", "OK"]
    assert rows[1][5] == "D:\\Sites\\RecordsArchive\\web.config"
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(f"CORP\\svc-archive ({ARCHIVE_SID})\nVirtual directory Records Archive/scans")
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole).startswith(f"This folder: {SCANS_FOLDER}\n")

    share = _select(qtbot, lab_window, "Photo Library").requirements
    assert [share.index(row, 4).data() for row in range(share.rowCount())] == ["On the file server"] * 2
    assert [share.index(row, 3).data() for row in range(share.rowCount())] == ["—"] * 2
    assert not share.index(0, 4).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_the_recommended_fix_leads_the_fix_box_with_its_why(qtbot: QtBot, lab_window: MainWindow) -> None:
    box = _select(qtbot, lab_window, SCANS).fix_box
    assert box.fix_button.isVisible() and box.fix_button.isEnabled() and box.fix_button.isDefault()
    assert box.fix_button.full_text() == f"Grant CORP\\svc-archive Read & execute on {SCANS_FOLDER}"
    # The shown text may shorten the path to fit, never the ampersand into a mnemonic.
    assert "Read && execute" in box.fix_button.text()
    assert unglued(box.why.text()).startswith(f"Gives CORP\\svc-archive Read access to {SCANS_FOLDER}: ")

    several = _select(qtbot, lab_window, "Partner API/v2").fix_box
    assert several.fix_button.text() == "Apply the 2 recommended grants"
    assert "• Grant IIS AppPool\\PartnerApiPool Read & execute on D:\\Sites\\PartnerApi" in unglued(
        several.why.text()
    )
    none = _select(qtbot, lab_window, "Photo Library").fix_box
    assert not none.fix_button.isVisible()
    assert none.why.text().startswith("The content is on a network share: the fix belongs on the file server")


def test_grants_that_would_not_help_are_greyed_out_saying_why(qtbot: QtBot, lab_window: MainWindow) -> None:
    buttons = _select(qtbot, lab_window, SCANS).grant_buttons
    for kind in (GrantKind.IUSR_READ, GrantKind.POOL_READ):
        assert not buttons[kind].isEnabled()
        assert "reads its content as CORP\\svc-archive (Connect as)" in buttons[kind].toolTip()
    assert buttons[GrantKind.POOL_MODIFY].isEnabled() and not buttons[GrantKind.POOL_MODIFY].toolTip()

    buttons = _select(qtbot, lab_window, "Timesheets").grant_buttons
    assert buttons[GrantKind.IUSR_READ].toolTip().startswith("Anonymous authentication is off here")
    # Already there, as the plan would say.
    assert buttons[GrantKind.POOL_READ].toolTip() == (
        "IIS AppPool\\TimesheetsPool already has this access to D:\\Sites\\Timesheets."
    )
    buttons = _select(qtbot, lab_window, "O'Brien Bakery").grant_buttons
    assert buttons[GrantKind.IUSR_READ].isEnabled()


def test_pressing_the_fix_grants_the_connect_as_user_by_sid(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    _select(qtbot, window, SCANS)
    dialog = _press_fix(qtbot, window)
    change = dialog.change
    assert (change.label, change.sid, change.folder, change.verdict) == (
        GrantKind.ACCOUNT_READ.value,
        ARCHIVE_SID,
        SCANS_FOLDER,
        Verdict.APPLY,
    )
    _confirm(qtbot, window, dialog)
    granted = [
        ace for ace in parse_dacl(server.filesystem.access_sddl(SCANS_FOLDER)).aces if ace.sid == ARCHIVE_SID
    ]
    assert len(granted) == 1 and granted[0].is_allow and not granted[0].inherited
    [record] = window.history.model.records()
    assert (record.sid, record.path) == (ARCHIVE_SID, SCANS_FOLDER)
    assert not window.history.empty.isVisibleTo(window.history)


def test_a_fix_on_a_path_the_check_named_goes_there(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    _select(qtbot, window, PAYROLL)
    check = window.sites.check_for(PAYROLL)
    assert check is not None and check.recommendation is not None
    [fix] = check.recommendation.fixes
    dialog = _press_fix(qtbot, window)
    assert (dialog.change.label, dialog.change.sid, dialog.change.folder) == (
        GrantKind.ACCOUNT_MODIFY.value,
        fix.sid,
        TEMP32,
    )
    assert dialog.change.verdict is Verdict.APPLY
    dialog.reject()


def test_several_recommended_grants_are_confirmed_one_after_another(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    _select(qtbot, window, "Partner API/v2")
    first = _press_fix(qtbot, window)
    assert (first.change.label, first.change.folder) == (
        GrantKind.POOL_READ.value,
        "D:\\Sites\\PartnerApi\\v2",
    )
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        _confirm(qtbot, window, first)
    second = opened.args[0]
    assert isinstance(second, ConfirmDialog)
    assert (second.change.label, second.change.folder) == (
        GrantKind.ACCOUNT_READ.value,
        "D:\\Sites\\PartnerApi",
    )
    _confirm(qtbot, window, second)
    assert [record.path for record in window.history.model.records()] == [
        "D:\\Sites\\PartnerApi",
        "D:\\Sites\\PartnerApi\\v2",
    ]
    check = window.sites.check_for("Partner API/v2")
    assert check is not None and all(requirement.ok for requirement in check.requirements)


def test_declining_one_of_the_recommended_grants_ends_the_run(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    _select(qtbot, window, "Partner API/v2")
    first = _press_fix(qtbot, window)
    key = window.current_key
    assert key is not None
    with qtbot.assertNotEmitted(window.grants.dialogOpened):
        first.reject()
        # What a moved-on run would post (the next plan) runs on the event loop's next turn.
        QApplication.processEvents()
    assert not window.controller.runner.is_busy(key)
    assert window.grants.dialog is None
    assert window.history.model.records() == []


def test_the_reduce_link_of_a_finding_reduces_it(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    details = _select(qtbot, window, "Community Forum")
    assert '<a href="reduce:0">Reduce to Read &amp; execute</a>' in details.reasons.text()
    with (
        qtbot.waitSignal(details.reduceRequested, timeout=WAIT_MS) as asked,
        qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened,
    ):
        details.reasons.linkActivated.emit("reduce:0")
    assert asked.args == [EVERYONE, AccessLevel.READ_EXECUTE, None]
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    assert (dialog.change.kind, dialog.change.verdict, dialog.change.folder) == (
        ChangeKind.REDUCE,
        Verdict.APPLY,
        "D:\\Sites\\Forum",
    )
    _confirm(qtbot, window, dialog)
    masks = [
        ace.mask
        for ace in parse_dacl(server.filesystem.access_sddl("D:\\Sites\\Forum")).aces
        if ace.sid == EVERYONE
    ]
    assert masks == [0x1200A9]


def test_an_inherited_finding_is_reduced_where_it_is_set(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    details = _select(qtbot, window, "Team Docs")
    assert "Reduce to Read &amp; execute on D:\\Shared, where it is set" in unglued(details.reasons.text())
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        details.reasons.linkActivated.emit("reduce:0")
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    assert (dialog.change.sid, dialog.change.folder) == (AUTHENTICATED_USERS, "D:\\Shared")
    dialog.reject()


def test_a_pool_identity_finding_says_what_to_do_instead_of_a_link(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    details = _select(qtbot, lab_window, "Reports")
    assert "reduce:" not in details.reasons.text()
    assert "In IIS Manager, set application pool ReportsPool" in unglued(details.reasons.text())


def test_the_history_tab_says_when_there_is_nothing_yet(lab_window: MainWindow) -> None:
    history = lab_window.history
    assert history.empty.text() == "No changes yet"
    assert history.empty.isVisibleTo(history)


def test_the_fix_box_and_served_as_read_in_german(qtbot: QtBot, german: None, lab_window: MainWindow) -> None:
    details = _select(qtbot, lab_window, "O'Brien Bakery")
    assert "Anonym: NT AUTHORITY\\IUSR (S-1-5-17)" in _served_as(details)
    assert unglued(details.fix_box.why.text()).startswith(
        "Gibt NT AUTHORITY\\IUSR auf D:\\Sites\\O'Brien Bakery "
    )
    buttons = _select(qtbot, lab_window, "Default Web Site").grant_buttons
    tooltip = buttons[GrantKind.IUSR_READ].toolTip()
    assert tooltip and "already" not in tooltip
