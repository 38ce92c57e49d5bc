"""The dialog that adds or edits a remote host: how to reach it and who to sign in as."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bridge.connection import (
    DEFAULT_CONFIGURATION_NAME,
    HTTP_PORT,
    HTTPS_PORT,
    Auth,
    ConnectionSettings,
    Scheme,
)
from bridge.errors import BridgeError
from gui.backend import settings_for
from gui.errors import ErrorBanner
from gui.settings import SavedHost


class HostDialog(QDialog):
    """Collects a SavedHost and its password; validates through the bridge's one settings builder."""

    def __init__(self, parent: QWidget | None = None, editing: SavedHost | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add remote host") if editing is None else self.tr("Edit remote host"))
        self.banner = ErrorBanner()
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("web01.example.com"))
        self.transport = QComboBox()
        self.transport.addItem(self.tr("HTTPS (port 5986)"), Scheme.HTTPS.value)
        self.transport.addItem(self.tr("HTTP, message-encrypted (port 5985)"), Scheme.HTTP.value)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(HTTPS_PORT)
        self.auth = QComboBox()
        for auth, label in (
            (Auth.NEGOTIATE, self.tr("Negotiate (Kerberos or NTLM)")),
            (Auth.KERBEROS, self.tr("Kerberos")),
            (Auth.NTLM, self.tr("NTLM")),
            (Auth.CREDSSP, self.tr("CredSSP")),
            (Auth.BASIC, self.tr("Basic (HTTPS only)")),
        ):
            self.auth.addItem(label, auth.value)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("DOMAIN\\admin"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("optional: CA certificate file (PEM)"))
        self.thumbprint = QLineEdit()
        self.thumbprint.setPlaceholderText(self.tr("optional: SHA-256 thumbprint to pin"))
        self.configuration = QLineEdit()
        self.configuration.setPlaceholderText(DEFAULT_CONFIGURATION_NAME)
        self.configuration.setToolTip(
            self.tr(
                "The PowerShell session configuration to connect to. Leave it empty for Windows PowerShell's "
                "own (Microsoft.PowerShell); an endpoint whose default runs PowerShell 7 needs it."
            )
        )
        self.transport.currentIndexChanged.connect(self._transport_changed)

        form = QFormLayout()
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Transport:"), self.transport)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Authentication:"), self.auth)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("CA file:"), self.ca_file)
        form.addRow(self.tr("Thumbprint:"), self.thumbprint)
        form.addRow(self.tr("Session configuration:"), self.configuration)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._validate_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.result_host: SavedHost | None = None
        self.result_settings: ConnectionSettings | None = None
        self._editing = editing
        if editing is not None:
            self._fill(editing)

    def _fill(self, saved: SavedHost) -> None:
        """Show a saved host as it is; an empty password keeps the one the host already has."""
        self.host.setText(saved.host)
        self.transport.setCurrentIndex(max(0, self.transport.findData(saved.transport)))
        self.port.setValue(saved.port)
        self.auth.setCurrentIndex(max(0, self.auth.findData(saved.auth)))
        self.user.setText(saved.user)
        self.remember.setChecked(saved.remember_password)
        self.ca_file.setText(saved.ca_file)
        self.thumbprint.setText(saved.thumbprint)
        self.configuration.setText(saved.configuration_name)
        self.password.setPlaceholderText(self.tr("unchanged"))

    @Slot(int)
    def _transport_changed(self, _index: int) -> None:
        https = self.transport.currentData() == Scheme.HTTPS.value
        if self.port.value() in (HTTP_PORT, HTTPS_PORT):
            self.port.setValue(HTTPS_PORT if https else HTTP_PORT)
        self.ca_file.setEnabled(https)
        self.thumbprint.setEnabled(https)

    def saved_host(self) -> SavedHost:
        return SavedHost(
            host=self.host.text().strip(),
            port=self.port.value(),
            transport=str(self.transport.currentData()),
            auth=str(self.auth.currentData()),
            user=self.user.text().strip(),
            remember_password=self.remember.isChecked(),
            ca_file=self.ca_file.text().strip() if self.ca_file.isEnabled() else "",
            thumbprint=self.thumbprint.text().strip() if self.thumbprint.isEnabled() else "",
            # Not in the dialog: an edit keeps what the saved host had.
            verify_tls=self._editing.verify_tls if self._editing is not None else True,
            configuration_name=self.configuration.text().strip(),
        )

    @Slot()
    def _validate_and_accept(self) -> None:
        saved = self.saved_host()
        try:
            self.result_settings = settings_for(saved, self.password.text())
        except BridgeError as error:
            self.banner.show_error(error)
            return
        self.result_host = saved
        self.accept()
