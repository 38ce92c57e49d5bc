"""The details pane's Fix box: the recommended fix as its highlighted action, with why, and the four
one-click grants, each greyed out with the reason when it would not help."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bridge.grant_choices import grant_choices
from bridge.model import AppPool, Message, PathAccess, ServerFacts, Target
from bridge.needs import CheckResult
from bridge.plans import GrantKind
from bridge.recommend import Fix, Recommendation
from gui.path_elision import elide_path
from gui.rights_words import rights_text
from gui.texts import reason_text
from gui.wrapping import WrappedLabel, keep_paths_whole, message_paragraph

# The strings were the details pane's own (self.tr): they keep its context ("DetailsPane") and their
# German; each call spells the context out, as lupdate reads them.


def fix_text(fix: Fix, path: str | None = None) -> str:
    """What pressing the fix does, in words: "Grant CORP\\svc-content Read & execute on D:\\Sites\\Shop"
    (``path`` in place of the fix's own, shortened to fit)."""
    return QCoreApplication.translate("DetailsPane", "Grant {identity} {rights} on {path}").format(
        identity=fix.identity, rights=rights_text(fix.rights), path=fix.path if path is None else path
    )


class ActionButton(QPushButton):
    """A button whose text names a path: the path is shortened in the middle to fit the button,
    which takes the width it is given rather than widening the pane; the tooltip has it whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text_for: Callable[[str], str] = str
        self._path = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_action(self, text_for: Callable[[str], str], path: str = "") -> None:
        """Show ``text_for(path)``, with as much of the path as fits."""
        self._text_for, self._path = text_for, path
        self.setToolTip(text_for(path))
        self._fit()

    def full_text(self) -> str:
        return self._text_for(self._path)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        # The frame and the text's margins on both sides (Fusion: about a dozen pixels each).
        room = self.width() - 2 * metrics.averageCharWidth() - 16

        def fits(path: str) -> bool:
            return metrics.horizontalAdvance(self._text_for(path)) <= room

        shown = self._text_for(elide_path(self._path, fits) if self._path else "")
        if metrics.horizontalAdvance(shown) > room:
            # Even "D:\\…\\folder" is too long: the end of the text gives way.
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, max(room, 0))
        # A single "&" would mark a mnemonic ("Read & execute"): the text shows it as written.
        self.setText(shown.replace("&", "&&"))


class FixBox(QGroupBox):
    grantRequested = Signal(object, object)  # GrantKind, subpath or None
    fixRequested = Signal(object)  # the recommended grants, tuple[Fix, ...], made one after another

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("DetailsPane", "Fix"), parent)
        self.fix_button = ActionButton()
        self.fix_button.setDefault(True)
        font = self.fix_button.font()
        font.setBold(True)
        self.fix_button.setFont(font)
        self.fix_button.clicked.connect(self._fix)
        # Why the fix is the one to press, or why there is none.
        self.why = WrappedLabel()
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setStyleSheet("color: #5f6368;")
        self.subfolder = QComboBox()
        self.subfolder.setToolTip(
            QCoreApplication.translate(
                "DetailsPane", "Grant on the folder itself or on one of its subfolders"
            )
        )
        self.subfolder.currentIndexChanged.connect(self._decide)
        self.grant_buttons: dict[GrantKind, QPushButton] = {}
        self._fixes: tuple[Fix, ...] = ()
        self._enabled = False
        self._checked: tuple[CheckResult, Target, AppPool, ServerFacts | None] | None = None
        self._access: PathAccess | None = None
        self._why_not: dict[GrantKind, Message | None] = {}

        actions = QGridLayout()
        for position, (kind, label) in enumerate(
            (
                (GrantKind.IUSR_READ, QCoreApplication.translate("DetailsPane", "Grant IUSR read")),
                (
                    GrantKind.IIS_IUSRS_MODIFY,
                    QCoreApplication.translate("DetailsPane", "Grant IIS_IUSRS modify"),
                ),
                (GrantKind.POOL_READ, QCoreApplication.translate("DetailsPane", "Grant pool identity read")),
                (
                    GrantKind.POOL_MODIFY,
                    QCoreApplication.translate("DetailsPane", "Grant pool identity modify"),
                ),
            )
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, chosen=kind: self._request(chosen))
            self.grant_buttons[kind] = button
            actions.addWidget(button, position // 2, position % 2)
        where = QHBoxLayout()
        where.addWidget(QLabel(QCoreApplication.translate("DetailsPane", "On:")))
        where.addWidget(self.subfolder, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fix_button)
        layout.addWidget(self.why)
        layout.addLayout(where)
        layout.addLayout(actions)
        self.show_nothing()

    def show_nothing(self) -> None:
        self._checked, self._access, self._fixes = None, None, ()
        self.fix_button.hide()
        self.why.hide()
        self.set_access(None)
        self.set_enabled(False)

    def show_check(
        self, check: CheckResult, target: Target, pool: AppPool, server: ServerFacts | None
    ) -> None:
        """The recommendation of ``check`` and which grants would help, until the ACL is read."""
        self._checked, self._access = (check, target, pool, server), None
        self._show_recommendation(check.recommendation)
        self._decide()

    def _show_recommendation(self, advice: Recommendation | None) -> None:
        self._fixes = advice.fixes if advice is not None else ()
        lines: list[str] = []
        if len(self._fixes) == 1:
            (fix,) = self._fixes
            self.fix_button.set_action(functools.partial(fix_text, fix), fix.path)
            lines.append(message_paragraph(fix.why))
        elif self._fixes:
            text = QCoreApplication.translate("DetailsPane", "Apply the {count} recommended grants").format(
                count=len(self._fixes)
            )
            self.fix_button.set_action(lambda _path: text)
            self.fix_button.setToolTip("\n".join(fix_text(fix) for fix in self._fixes))
            lines += [f"• {keep_paths_whole(fix_text(fix), [fix.path])}" for fix in self._fixes]
        if advice is not None and advice.message is not None:
            # No grant here can meet some requirement (or there is nothing to do): say why.
            lines.append(message_paragraph(advice.message))
        self.fix_button.setVisible(bool(self._fixes))
        self.why.setText("\n".join(lines))
        self.why.setVisible(bool(lines))

    def set_access(self, access: PathAccess | None) -> None:
        """The folder's ACL and subfolders, once read: the grants it makes needless are greyed out."""
        self._access = access
        self.subfolder.blockSignals(True)
        self.subfolder.clear()
        self.subfolder.addItem(QCoreApplication.translate("DetailsPane", "The folder itself"), None)
        for child in (access.children or ()) if access is not None else ():
            self.subfolder.addItem(child, child)
        self.subfolder.blockSignals(False)
        self._decide()

    def set_enabled(self, enabled: bool) -> None:
        """Whether the host can take a change now (connected, not showing a stale reading)."""
        self._enabled = enabled
        self.subfolder.setEnabled(enabled)
        self.fix_button.setEnabled(enabled)
        self._show_choices()

    def why_not(self, kind: GrantKind) -> Message | None:
        """Why the grant of ``kind`` would not help, None when it would (or the box shows nothing)."""
        return self._why_not.get(kind)

    @Slot()
    def _decide(self) -> None:
        if self._checked is None:
            self._why_not = {}
        else:
            check, target, pool, server = self._checked
            subpath = self.subfolder.currentData()
            self._why_not = grant_choices(check, target, pool, server, access=self._access, subpath=subpath)
        self._show_choices()

    def _show_choices(self) -> None:
        for kind, button in self.grant_buttons.items():
            why = self._why_not.get(kind)
            button.setEnabled(self._enabled and self._checked is not None and why is None)
            button.setToolTip(reason_text(why) if why is not None else "")

    @Slot()
    def _fix(self) -> None:
        if self._fixes:
            self.fixRequested.emit(self._fixes)

    @Slot()
    def _request(self, kind: GrantKind) -> None:
        self.grantRequested.emit(kind, self.subfolder.currentData())
