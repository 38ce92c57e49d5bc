"""Too much access in the window: its own status and icon in the tree, its reasons beside what is
missing, and the hosts list counting what can be fixed, what needs attention elsewhere and what has
too much, separately - in English and German."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bridge import sids
from bridge.access import AccessLevel
from bridge.excess import assessed
from bridge.model import AppPool, TargetRef
from bridge.needs import CheckResult, CheckStatus, Identity, check_target
from bridge.reduce import reduction_refusal
from bridge.sddl import parse_dacl
from bridge.sids import IdentityType
from gui.app import Translation
from gui.columns import finding_columns
from gui.hosts import HostEntry, HostKind, HostState, host_icon, host_line, status_counts
from gui.main_window import MainWindow
from gui.site_model import Column
from gui.texts import reason_text, status_text
from tests.factories import folder_state, make_target
from tests.gui.conftest import WAIT_MS

PATH = "D:\\Sites\\Forum"
POOL = AppPool(
    "ForumPool", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
)


def _check(name: str, status: CheckStatus) -> CheckResult:
    worker = Identity("IIS AppPool\\Pool", "S-1-5-82-1", frozenset())
    return CheckResult(TargetRef(name), "D:\\Sites\\" + name, None, worker, (), status)


def _entry(*statuses: CheckStatus) -> HostEntry:
    entry = HostEntry(key="web01", label="web01", kind=HostKind.REMOTE, state=HostState.READY)
    entry.checks = [_check(f"site{number}", status) for number, status in enumerate(statuses)]
    return entry


def test_counts_keep_fixable_elsewhere_and_too_much_apart() -> None:
    counts = status_counts(
        _entry(
            CheckStatus.MISSING,
            CheckStatus.UNFIXABLE,
            CheckStatus.UNFIXABLE,
            CheckStatus.BLOCKED,
            CheckStatus.TOO_MUCH,
            CheckStatus.OK,
        ).checks
    )
    assert (counts.to_fix, counts.elsewhere, counts.too_much) == (1, 3, 1)


def test_the_host_line_names_only_what_there_is_in_english_and_german(qtbot: QtBot) -> None:
    unfixable_only = _entry(CheckStatus.UNFIXABLE, CheckStatus.UNFIXABLE, CheckStatus.OK)
    # The two rows that cannot be fixed here are not "to fix".
    assert host_line(unfixable_only) == "Connected · 2 cannot be fixed here"
    mixed = _entry(CheckStatus.MISSING, CheckStatus.UNFIXABLE, CheckStatus.TOO_MUCH, CheckStatus.TOO_MUCH)
    assert host_line(mixed) == "Connected · 1 to fix · 1 cannot be fixed here · 2 with too much access"
    assert host_line(_entry(CheckStatus.OK)) == "Connected · all good"
    assert host_icon(_entry(CheckStatus.TOO_MUCH)) == "status-too-much"
    assert host_icon(mixed) == "status-missing"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    try:
        german = host_line(mixed)
        status = status_text("too-much")
    finally:
        translation.install("en")
    assert german == "Verbunden · 1 zu beheben · 1 hier nicht behebbar · 2 mit zu vielen Rechten"
    assert status == "Zu viele Rechte"


def test_too_much_has_its_own_status_icon_and_reasons_in_the_window(
    qtbot: QtBot, lab_window: MainWindow
) -> None:
    window = lab_window
    index = window.sites.index_for("Community Forum")
    access = index.siblingAtColumn(Column.ACCESS)
    assert access.data() == "Too much access"
    decoration = window.sites.data(access, Qt.ItemDataRole.DecorationRole)
    assert isinstance(decoration, QIcon) and not decoration.isNull()
    assert "Everyone has Full control access to D:\\Sites\\Forum" in access.data(Qt.ItemDataRole.ToolTipRole)
    missing = window.sites.index_for("O'Brien Bakery").siblingAtColumn(Column.ACCESS)
    assert decoration.cacheKey() != window.sites.data(missing, Qt.ItemDataRole.DecorationRole).cacheKey()
    assert window.select_target("Community Forum")
    qtbot.waitUntil(lambda: "Too much:" in window.details.reasons.text(), timeout=WAIT_MS)
    # Each finding offers its reduction in place (tests/gui/test_identity_view.py presses it).
    assert '<a href="reduce:0">Reduce to Read &amp; execute</a>' in window.details.reasons.text()
    entry = window.controller.entries[0]
    assert entry.counts.too_much >= 6 and entry.counts.to_fix >= 1 and entry.counts.elsewhere >= 1
    assert "with too much access" in host_line(entry)


def test_findings_refusals_and_fixes_read_in_german(qtbot: QtBot) -> None:
    target = make_target(PATH, site="Forum", pool="ForumPool")
    sddl = f"D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;{POOL.sid})(A;OICI;FA;;;WD)"
    state = folder_state(PATH, sddl)
    result = assessed(check_target(target, POOL, state), target, POOL, {PATH: state}, ())
    (found,) = result.excessive
    refusal = reduction_refusal(
        result.requirements, parse_dacl(sddl), sids.EVERYONE, AccessLevel.NONE, path=PATH
    )
    assert refusal is not None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install("de")
    try:
        reason, refused = reason_text(found.reason), reason_text(refusal)
    finally:
        translation.install("en")
    assert reason.startswith(
        r"Everyone hat auf D:\Sites\Forum Vollzugriff, und anonyme Besucher gehören zu Everyone"
    )
    # The word "refused" is the heading's (or the exit code's); the sentence says why.
    assert refused.startswith(r"NT AUTHORITY\IUSR braucht auf D:\Sites\Forum die Berechtigung „Lesen“")
    assert "hätte NT AUTHORITY\\IUSR danach keinen Zugriff" in refused
    assert "access" not in reason + refused


def test_the_all_hosts_list_says_why_a_row_has_too_much(qtbot: QtBot, lab_window: MainWindow) -> None:
    window = lab_window
    with qtbot.waitSignal(window.inventoryShown, timeout=WAIT_MS):
        window.check_all_action.trigger()
    rows = {str(row.check.target): row for row in window.findings.records()}
    why = next(column for column in finding_columns() if column.header == "Why")
    assert "IIS_IUSRS has Modify access to D:\\Sites\\Wiki" in why.text(rows["Wiki"])
