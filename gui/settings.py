"""The one typed wrapper around QSettings: every key, its type and its default live here.

Passwords never pass through this module; remembered ones are in the OS keyring.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "IIS Access"
APPLICATION = "IIS Access"


@dataclass(frozen=True)
class SavedHost:
    """A remote host the admin added: how to reach it, never the password."""

    host: str
    port: int
    transport: str  # "https" or "http"
    auth: str
    user: str
    remember_password: bool = False
    ca_file: str = ""
    thumbprint: str = ""
    verify_tls: bool = True
    # The PowerShell session configuration (endpoint); "" is Windows PowerShell's default one.
    configuration_name: str = ""

    @property
    def key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}"

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> SavedHost:
        known = {field.name for field in fields(cls)}
        return cls(**{name: value for name, value in data.items() if name in known})  # type: ignore[arg-type]


class Settings:
    """Window layout, saved hosts, column widths and language, with defaults."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    def splitter_state(self) -> QByteArray:
        return self._bytes("window/panes")

    def set_splitter_state(self, value: QByteArray) -> None:
        self._store.setValue("window/panes", value)

    def header_state(self, view: str) -> QByteArray:
        return self._bytes(f"columns/{view}")

    def set_header_state(self, view: str, value: QByteArray) -> None:
        self._store.setValue(f"columns/{view}", value)

    def language(self) -> str:
        """ "" means: follow the system locale."""
        return str(self._store.value("ui/language", ""))

    def set_language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    def hosts(self) -> list[SavedHost]:
        raw = str(self._store.value("hosts/list", "[]"))
        try:
            entries = json.loads(raw)
        except ValueError:
            return []
        return [SavedHost.from_dict(entry) for entry in entries if isinstance(entry, dict)]

    def set_hosts(self, hosts: list[SavedHost]) -> None:
        self._store.setValue("hosts/list", json.dumps([asdict(host) for host in hosts]))

    def sync(self) -> None:
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()
