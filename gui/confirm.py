"""The one confirmation dialog shown before any change reaches a host, whatever its kind.

It takes a :class:`~bridge.change.Change` and shows everything it will do (host,
folder, identity with SID, the rights it leaves, the entries it takes away and
adds, in the Security tab's words), what it achieves (the bridge's "After this, ..."
sentence), every warning of the safety rules, what it fixes, and the equivalent
icacls and PowerShell lines. A change that is refused or blocked explains why and
has no button to make it; one that would change nothing says so instead of
offering a click. Opened with ``open()``; the action button emits
``grantRequested`` and the dialog stays open (busy) until the caller reports the
outcome, so a failure lands in its banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridge.acl_entries import AclEntry, advanced_entries
from bridge.change import Change, ChangeKind, Verdict, acl_difference
from bridge.display import visible
from bridge.sids import well_known_name
from gui.errors import ErrorBanner
from gui.members_view import MEMBERS_LINK, link_iis_iusrs
from gui.rights_words import mask_text, rights_text
from gui.texts import applies_to_text, inheritance_text
from gui.wrapping import WrappedLabel, message_paragraph

_NOTE_STYLE = (
    "#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 4px; padding: 6px; }}"
)


def _note(text: str, name: str, background: str, border: str, *, rich: bool = False) -> QLabel:
    """A framed note; ``rich`` text may hold links (IIS_IUSRS to its members), by mouse and keyboard."""
    label = WrappedLabel(text)
    label.setObjectName(name)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
    label.setStyleSheet(_NOTE_STYLE.format(name=name, background=background, border=border))
    return label


_WARNING_COLOURS = ("warningNote", "#fff4d6", "#e0c070")


class ConfirmDialog(QDialog):
    grantRequested = Signal()
    membersRequested = Signal()  # the admin followed an IIS_IUSRS link in a warning

    def __init__(self, host: str, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.setMinimumWidth(920)
        self.banner = ErrorBanner()
        self._rights = rights_text(change.rights) if change.rights != "None" else self.tr("no access")
        title, first_line = self._question()
        self.setWindowTitle(title)
        self.heading = WrappedLabel(first_line)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        # What confirming achieves, in the bridge's one wording (translated like every bridge message).
        self.outcome_label = (
            WrappedLabel(message_paragraph(change.outcome))
            if change.applicable and change.outcome is not None
            else None
        )
        if self.outcome_label is not None:
            self.outcome_label.setObjectName("outcomeNote")
            layout.addWidget(self.outcome_label)
        layout.addLayout(self._summary(host))
        self.warning_labels = [
            _note("⚠ " + link_iis_iusrs(message_paragraph(warning)), *_WARNING_COLOURS, rich=True)
            for warning in change.warnings
        ]
        for label in self.warning_labels:
            label.linkActivated.connect(self._link)
            layout.addWidget(label)
        self.fix_labels = [
            _note("✓ " + message_paragraph(fix), "fixNote", "#e8f5e9", "#9cc9a0")
            for fix in (change.fixes if change.applicable else ())
        ]
        for label in self.fix_labels:
            layout.addWidget(label)
        self.refusal_label, self.noop_label = self._verdict()
        for verdict in (self.refusal_label, self.noop_label):
            if verdict is not None:
                layout.addWidget(verdict)
        by_hand = QLabel(self.tr("The same change by hand:"))
        layout.addWidget(by_hand)
        self.commands = self._commands()
        by_hand.setBuddy(self.commands)
        layout.addWidget(self.commands)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self._copy)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        layout.addLayout(copy_row)
        # Refused or already done: there is no change to make by hand either.
        for widget in (by_hand, self.commands, self.copy_button):
            widget.setVisible(change.applicable)
        self.buttons = QDialogButtonBox()
        self.grant_button, self.cancel_button = self._add_buttons()
        self.buttons.accepted.connect(self._grant_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _summary(self, host: str) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        change = self.change
        rows = [
            # Invisible and reordering characters in a name are shown as escapes such as \u202e.
            (self.tr("Host:"), visible(host)),
            (self.tr("Folder:"), visible(change.folder)),
            (self.tr("Identity:"), visible(f"{change.identity}  ({change.sid})")),
            (self.tr("Rights:") if change.kind is ChangeKind.GRANT else self.tr("Leaves:"), self._rights),
        ]
        if change.kind is ChangeKind.GRANT:
            rows.append((self.tr("Applies to:"), inheritance_text()))
        if change.applicable:
            removed, added = acl_difference(change.before, change.expected_after)
            rows.extend((self.tr("Takes away:"), self._entry(row)) for row in advanced_entries(removed))
            rows.extend((self.tr("Adds:"), self._entry(row)) for row in advanced_entries(added))
        for caption, value in rows:
            field = QLabel(value)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(caption, field)
        return form

    def _entry(self, row: AclEntry) -> str:
        """One ACL entry as the Security tab's Advanced view words it: who, what, where."""
        who = self.change.identity if row.sid == self.change.sid else well_known_name(row.sid) or row.sid
        what = (
            mask_text(row.mask)
            if row.kind == "A"
            else self.tr("Deny: {rights}").format(rights=mask_text(row.mask))
        )
        return visible(f"{who} · {what} · {applies_to_text(row)}")

    def _question(self) -> tuple[str, str]:
        """The window title and the first line: the question, or why there is none to ask.

        Access that is already there is "nothing to do" even on a folder a grant may not touch.
        """
        change, identity, rights = self.change, self.change.identity, self._rights
        reason = message_paragraph(change.reason) if change.reason is not None else ""
        if change.verdict is Verdict.NOTHING_TO_DO:
            return self.tr("Nothing to do"), self.tr("Nothing to do: {reason}").format(reason=reason)
        if change.verdict is Verdict.REFUSED:
            return self.tr("Change refused"), self.tr("Refused: {reason}").format(reason=reason)
        if change.verdict is Verdict.BLOCKED:
            return self.tr("Change refused"), self.tr(
                "Refused: a deny entry takes {rights} away from {identity}."
            ).format(identity=identity, rights=rights)
        if change.kind is ChangeKind.REDUCE:
            return self.tr("Confirm change"), self.tr("Reduce {identity} to {rights} on this folder?").format(
                identity=identity, rights=rights
            )
        return self.tr("Confirm change"), self.tr("Grant {identity} {rights} on this folder?").format(
            identity=identity, rights=rights
        )

    def _verdict(self) -> tuple[QLabel | None, QLabel | None]:
        """The refusal note or the nothing-to-do note, whichever applies: what the admin can do next."""
        verdict = self.change.verdict
        if verdict is Verdict.NOTHING_TO_DO:
            noop = self.tr("The folder already is as this change would leave it; nothing will be changed.")
            return None, _note(noop, "noopNote", "#e8f5e9", "#9cc9a0")
        if verdict is Verdict.REFUSED:
            refusal = self.tr("IIS Access does not make this change to this folder; nothing will be changed.")
            return _note(refusal, "refusalNote", "#fdecea", "#e0a39c"), None
        if verdict is Verdict.BLOCKED:
            blocked = self.tr("Adding an allow entry would not help: remove or narrow the deny entry first.")
            return _note(blocked, "refusalNote", "#fdecea", "#e0a39c"), None
        return None, None

    def _commands(self) -> QPlainTextEdit:
        # Escaped, the lines cannot show one folder and paste another: a path with such characters
        # pastes as a name that is not found, never as a different command.
        lines = [visible(line) for line in (*self.change.icacls, "", *self.change.powershell.splitlines())]
        commands = QPlainTextEdit("\n".join(lines))
        commands.setReadOnly(True)
        # Wrapped, so the longest PowerShell line is read without scrolling; Copy still copies it whole.
        commands.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        commands.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        commands.setFrameShape(QFrame.Shape.StyledPanel)
        commands.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        commands.setFixedHeight(commands.fontMetrics().lineSpacing() * 9)
        return commands

    def _action_text(self, busy: bool) -> str:
        if self.change.kind is ChangeKind.REDUCE:
            return self.tr("Reducing…") if busy else self.tr("Reduce")
        return self.tr("Granting…") if busy else self.tr("Grant")

    def _add_buttons(self) -> tuple[QPushButton | None, QPushButton]:
        if not self.change.applicable:
            close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self._default = close
            return None, close
        grant = self.buttons.addButton(self._action_text(False), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # A change with warnings is risky: Enter must not be the key that applies it.
        self._default = cancel if self.change.warnings else grant
        (grant if self._default is cancel else cancel).setAutoDefault(False)
        return grant, cancel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # QDialogButtonBox makes its first accept button the default when shown; choose after it.
        self._default.setDefault(True)
        self._default.setFocus()

    def set_busy(self, busy: bool) -> None:
        if self.grant_button is not None:
            self.grant_button.setEnabled(not busy)
            self.grant_button.setText(self._action_text(busy))

    @Slot()
    def _grant_clicked(self) -> None:
        self.banner.hide()
        self.set_busy(True)
        self.grantRequested.emit()

    @Slot(str)
    def _link(self, href: str) -> None:
        if href == MEMBERS_LINK:
            self.membersRequested.emit()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.commands.toPlainText())
