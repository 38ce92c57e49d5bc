"""Started where there is no display, the app says so and what to do instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.parametrize("display", [None, ":97"], ids=["unset", "no-such-x-server"])
def test_no_display_is_a_clear_message_not_a_qt_abort(tmp_path: Path, display: str | None) -> None:
    env = {key: value for key, value in os.environ.items() if key not in DISPLAY_VARIABLES}
    env |= {"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    if display is not None:
        env["DISPLAY"] = display
    completed = subprocess.run(
        [sys.executable, "-m", "gui.launcher", "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.startswith("No display")
    assert "QT_QPA_PLATFORM=offscreen" in completed.stderr and "command line" in completed.stderr
    assert "xcb" not in completed.stderr and "Traceback" not in completed.stderr
