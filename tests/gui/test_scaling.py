"""The window at 150 % display scaling on a 1920 x 1080 screen: it fits, and nothing an admin presses is cut.

At 150 % Windows gives applications 1280 x 720 logical pixels on such a screen, and Qt lays the window out
in logical pixels: an offscreen screen of that size with a device pixel ratio of 1.5 is the same layout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.lab import SOURCE_ROOT

# 1920 x 1080 device pixels at 150 %: what Windows' "Scale: 150 %" gives a 1080p monitor.
SCREEN = {"name": "Scaled", "x": 0, "y": 0, "width": 1280, "height": 720, "dpr": 1.5}


@pytest.mark.parametrize("language", ["en", "de"])
def test_at_150_percent_the_window_fits_the_screen_and_no_control_is_cut(
    tmp_path: Path, language: str
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        PYTHONPATH=str(SOURCE_ROOT),
        IIS_ACCESS_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    screenshot = tmp_path / "scaled.png"
    completed = subprocess.run(
        [sys.executable, "-m", "tests.gui.scaled_window", str(screenshot), "--lang", language],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert report["ratio"] == 1.5 and report["screen"] == [1280, 720]
    assert report["fits"], report["frame"]
    assert report["cut"] == []
    assert report["grantButtons"] == 4
    # The layout is what scaling changes: 1280 x 720 logical pixels (the offscreen platform paints at 1x).
    image = QImage(str(screenshot))
    assert 0 < image.width() <= 1280 and 0 < image.height() <= 720
