"""The command line of the GUI, run as the admin (and the packaging check) would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from bridge.plans import GrantKind

TIMEOUT_S = 120


def _run(tmp_path: Path, *args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``iis-access gui``; without ``display`` as on a build box: no X11, no Wayland, no platform set."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if display or name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env = {
        **inherited,
        **({"QT_QPA_PLATFORM": "offscreen"} if display else {}),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "IIS_ACCESS_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "gui.launcher", "gui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_smoke_opens_the_demo_and_exits_zero(tmp_path: Path) -> None:
    result = _run(tmp_path, "--smoke")
    assert result.returncode == 0, result.stderr


def test_smoke_and_screenshot_find_the_offscreen_platform_themselves_without_a_display(
    tmp_path: Path,
) -> None:
    assert _run(tmp_path, "--smoke", display=False).returncode == 0
    shot = tmp_path / "headless.png"
    result = _run(tmp_path, "--demo", "--screenshot", str(shot), display=False)
    assert result.returncode == 0, result.stderr
    assert not QImage(str(shot)).isNull()


def test_screenshot_of_the_main_window_with_a_site_selected(tmp_path: Path) -> None:
    shot = tmp_path / "main.png"
    result = _run(tmp_path, "--demo", "--screenshot", str(shot), "--select", "O'Brien Bakery")
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1200 and image.height() >= 700


def test_screenshot_of_the_confirmation_dialog(tmp_path: Path) -> None:
    shot = tmp_path / "confirm.png"
    result = _run(
        tmp_path,
        "--demo",
        "--screenshot",
        str(shot),
        "--select",
        "O'Brien Bakery",
        "--confirm",
        GrantKind.IUSR_READ.value,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert 500 <= image.width() < 1200


def test_an_unknown_site_to_select_fails_clearly(tmp_path: Path) -> None:
    result = _run(tmp_path, "--demo", "--screenshot", str(tmp_path / "x.png"), "--select", "No Such Site")
    assert result.returncode == 2
    assert "No Such Site" in result.stderr
    assert not (tmp_path / "x.png").exists()
