"""Icons shipped in ``resources/icons``, loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from bridge.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    """Return the icon ``resources/icons/<name>.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("iis-access")
