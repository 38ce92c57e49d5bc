"""How the GUI names a host: the label the bridge records (``web01:5986``), the demo lab and this
computer in the UI language. The hosts list, the confirmation, its warnings, the History tab and
every message name a host through ``host_name``, so one host never appears under two names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bridge.connection import host_label
from bridge.demo import DEMO_LABEL
from bridge.local_transport import LOCAL_HOST
from gui.settings import SavedHost


def host_name(label: str) -> str:
    """A host's recorded label as the window shows it."""
    if label == DEMO_LABEL:
        return QCoreApplication.translate("Hosts", "Demo lab")
    if label == LOCAL_HOST:
        return QCoreApplication.translate("Hosts", "This computer")
    return label


def saved_label(saved: SavedHost) -> str:
    """The label of a saved remote host: its name as the admin typed it, with its port."""
    return host_label(saved.host, saved.port)
