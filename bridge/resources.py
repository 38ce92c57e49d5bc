"""The one place that knows where the shipped resources live.

The same lookup must work from the source tree, from an installed wheel (where
``resources`` is installed as a data package beside ``bridge``) and from a
PyInstaller executable (where the data is unpacked below ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """Return the folder that holds ``powershell/``, ``lab/``, translations and icons."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    # Source tree and installed wheel alike keep resources/ next to bridge/.
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("powershell", "grant.ps1")``."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"shipped resource missing: {'/'.join(parts)} (looked in {resources_root()})")
    return path
