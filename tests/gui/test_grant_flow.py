"""The admin's main path, driven through the real window against a lab host."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from bridge.change import Verdict
from bridge.lab.simulator import SimulatedServer
from bridge.model import AppPool
from bridge.needs import CheckStatus
from bridge.plans import GrantKind, plan_grant
from bridge.sddl import parse_dacl
from bridge.sids import IUSR, IdentityType
from gui.confirm import ConfirmDialog
from gui.main_window import MainWindow
from gui.site_model import Column
from gui.texts import status_text
from gui.wrapping import unglued
from tests.factories import folder_state, make_target
from tests.gui.conftest import WAIT_MS

BAKERY = "O'Brien Bakery"  # the demo site whose folder IUSR cannot read: HTTP 401.3


def _status(window: MainWindow, target: str) -> CheckStatus:
    check = window.sites.check_for(target)
    assert check is not None
    return check.status


def _access_cell(window: MainWindow, target: str) -> str:
    index = window.sites.index_for(target).siblingAtColumn(Column.ACCESS)
    return str(window.sites.data(index))


def _open_confirm(qtbot: QtBot, window: MainWindow, target: str, kind: GrantKind) -> ConfirmDialog:
    assert window.select_target(target)
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(window.details.grant_buttons[kind], Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    return dialog


def _greyed_then_planned(qtbot: QtBot, window: MainWindow, target: str, kind: GrantKind) -> ConfirmDialog:
    """A grant the Fix box greys out (its tooltip says why), planned all the same - as a plan made
    before the folder changed, or the --confirm screenshot, reaches the dialog."""
    assert window.select_target(target)
    button = window.details.grant_buttons[kind]
    qtbot.waitUntil(lambda: not button.isEnabled() and bool(button.toolTip()), timeout=WAIT_MS)
    with qtbot.waitSignal(window.grants.dialogOpened, timeout=WAIT_MS) as opened:
        window.details.grantRequested.emit(kind, None)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmDialog)
    return dialog


def test_grant_iusr_read_turns_the_401_3_site_good_and_undo_restores_it(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    check = window.sites.check_for(BAKERY)
    assert check is not None
    folder = check.physical_path
    before = server.filesystem.access_sddl(folder)
    assert _status(window, BAKERY) is CheckStatus.MISSING
    assert _access_cell(window, BAKERY) == status_text("missing")

    assert window.select_target(BAKERY)
    anonymous = [r for r in window.details.requirements.records() if r.role == "anonymous"]
    assert [(r.sid, r.ok) for r in anonymous] == [(IUSR, False)]

    dialog = _open_confirm(qtbot, window, BAKERY, GrantKind.IUSR_READ)
    assert dialog.grant_button is not None
    assert dialog.grant_button.isDefault()
    assert dialog.change.sid == IUSR
    assert f"*{IUSR}:(OI)(CI)RX" in dialog.commands.toPlainText()
    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)

    assert _status(window, BAKERY) is CheckStatus.OK
    assert _access_cell(window, BAKERY) == status_text("ok")
    granted = [ace for ace in parse_dacl(server.filesystem.access_sddl(folder)).aces if ace.sid == IUSR]
    assert len(granted) == 1
    assert granted[0].is_allow and not granted[0].inherited
    assert granted[0].applies_to_subfolders and granted[0].applies_to_files
    assert window.notice.isVisible()
    assert len(window.history.model.records()) == 1

    with qtbot.waitSignal(window.grants.rechecked, timeout=WAIT_MS):
        qtbot.mouseClick(window.notice.undo_button, Qt.MouseButton.LeftButton)
    assert server.filesystem.access_sddl(folder) == before
    assert _status(window, BAKERY) is CheckStatus.MISSING
    assert window.history.model.records()[0].undone


def test_iis_iusrs_modify_on_a_site_root_keeps_cancel_as_the_default(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    dialog = _open_confirm(qtbot, lab_window, "Default Web Site", GrantKind.IIS_IUSRS_MODIFY)
    assert dialog.warning_labels
    assert dialog.grant_button is not None
    assert dialog.cancel_button.isDefault()
    assert not dialog.grant_button.isDefault()
    dialog.reject()


def test_a_refused_plan_explains_why_and_offers_no_grant_button(
    qtbot: QtBot, lab_window: MainWindow, server: SimulatedServer
) -> None:
    window = lab_window
    unc = next(c for c in window.controller.entries[0].checks if c.physical_path.startswith("\\\\"))
    dialog = _greyed_then_planned(qtbot, window, str(unc.target), GrantKind.IUSR_READ)
    assert "network share" in window.details.grant_buttons[GrantKind.IUSR_READ].toolTip()
    assert dialog.change.verdict is Verdict.REFUSED
    assert dialog.windowTitle() == "Change refused"
    # The first line says it is refused and why, not the question a Grant button would answer.
    assert dialog.heading.text().startswith("Refused: ")
    assert "network share" in dialog.heading.text()
    assert dialog.refusal_label is not None and dialog.refusal_label.text()
    assert dialog.grant_button is None
    roles = {dialog.buttons.buttonRole(button) for button in dialog.buttons.buttons()}
    assert QDialogButtonBox.ButtonRole.AcceptRole not in roles
    dialog.reject()


def test_a_grant_that_changes_nothing_says_so(qtbot: QtBot, lab_window: MainWindow) -> None:
    # On a fresh wwwroot IUSR reads through BUILTIN\Users already: the button is greyed out, saying so.
    dialog = _greyed_then_planned(qtbot, lab_window, "Default Web Site", GrantKind.IUSR_READ)
    tooltip = lab_window.details.grant_buttons[GrantKind.IUSR_READ].toolTip()
    assert tooltip == "NT AUTHORITY\\IUSR already has this access to C:\\inetpub\\wwwroot."
    assert dialog.change.verdict is Verdict.NOTHING_TO_DO
    assert dialog.windowTitle() == "Nothing to do"
    assert dialog.heading.text().startswith("Nothing to do: ")
    assert "refused" not in dialog.heading.text().lower()
    assert dialog.noop_label is not None
    assert dialog.refusal_label is None
    assert dialog.grant_button is None
    dialog.reject()


def test_the_details_show_the_folder_acl_and_its_subfolders(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    assert window.select_target("Contoso Shop")
    qtbot.waitUntil(lambda: window.details.acl.rowCount() > 0, timeout=WAIT_MS)
    accounts = {row.account for row in window.details.acl.records()}
    assert "NT AUTHORITY\\SYSTEM" in accounts
    subfolders = [window.details.subfolder.itemData(i) for i in range(window.details.subfolder.count())]
    assert subfolders[0] is None
    assert "uploads" in subfolders


def test_access_already_there_on_a_refused_folder_is_nothing_to_do(qtbot: QtBot) -> None:
    folder = "C:\\Windows\\Web"
    plan = plan_grant(
        GrantKind.IUSR_READ,
        host="web01",
        target=make_target(folder, site="Web", application_path="/", pool="Web"),
        path_access=folder_state(folder, "D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)"),
        pool=AppPool(
            "Web", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
        ),
    )
    assert plan.refusal is not None and plan.noop
    dialog = ConfirmDialog("web01", plan.change)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nothing to do"
    assert "refused" not in dialog.heading.text().lower()
    assert dialog.refusal_label is None and dialog.noop_label is not None
    assert dialog.grant_button is None


def test_a_plan_to_confirm_asks_the_question(qtbot: QtBot, lab_window: MainWindow) -> None:
    dialog = _open_confirm(qtbot, lab_window, BAKERY, GrantKind.IUSR_READ)
    assert dialog.change.applicable
    assert dialog.windowTitle() == "Confirm change"
    assert dialog.heading.text().startswith("Grant ") and dialog.heading.text().endswith("on this folder?")
    dialog.reject()


def test_the_confirmation_says_what_the_change_achieves(qtbot: QtBot) -> None:
    folder = "D:\\Sites\\Shop"
    pool = AppPool(
        "Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
    )
    target = make_target(folder, site="Shop", pool="Shop")
    plan = plan_grant(
        GrantKind.POOL_READ,
        host="web01",
        target=target,
        path_access=folder_state(folder, "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"),
        pool=pool,
    )
    dialog = ConfirmDialog("web01", plan.change)
    qtbot.addWidget(dialog)
    assert dialog.outcome_label is not None
    assert unglued(dialog.outcome_label.text()) == (
        "After this, IIS AppPool\\Shop has Read & execute on D:\\Sites\\Shop — "
        "fixes HTTP 500.19 (0x80070005)."
    )
    done = plan_grant(
        GrantKind.POOL_READ,
        host="web01",
        target=target,
        path_access=folder_state(folder, "D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)"),
        pool=pool,
    )
    nothing = ConfirmDialog("web01", done.change)
    qtbot.addWidget(nothing)
    assert nothing.outcome_label is None
