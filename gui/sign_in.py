"""The sign-in prompt for a remote host whose password is neither given nor remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class SignInDialog(QDialog):
    """Asks for the password, and lets the admin sign in as another account.

    The caller reads ``user`` and ``password`` once accepted and keeps the password in memory only.
    """

    def __init__(self, host: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.heading = QLabel(self.tr("Sign in to {host}.").format(host=host))
        self.heading.setWordWrap(True)
        self.user = QLineEdit(user)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.user.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        # The account is usually right: the password is what is typed first.
        self.password.setFocus()
