"""The shipped resources are found the same way from the source tree, an installed wheel and the frozen exe.

Each way runs the real demo audit (operation scripts + demo scenario) in a separate
process, so a resource missing from the wheel's package data or from build.spec
fails here rather than on an admin's machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bridge.resources import resource_path, resources_root
from bridge.scripts import Operation, script_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [
    ("powershell", "inventory.ps1"),
    ("lab", "demo", "applicationHost.config"),
    ("translations", "iis_access_de.qm"),
    ("icons", "iis-access.svg"),
]
PROBE = (
    "import json, bridge, bridge.resources as r; "
    f"print(json.dumps({{'module': bridge.__file__, 'root': str(r.resources_root()), "
    f"'found': [str(r.resource_path(*p)) for p in {SHIPPED!r}]}}))"
)


def _audit(command: list[str], env: dict[str, str], cwd: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        [*command, "check", "--all", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        check=False,
    )
    # The demo server has folders to fix: `check` says so with exit code 1, as documented.
    assert result.returncode == 1, result.stderr
    checks: list[dict[str, object]] = json.loads(result.stdout)
    return checks


def _assert_demo_story(checks: list[dict[str, object]]) -> None:
    statuses = {str(check["target"]): check["status"] for check in checks}
    assert statuses["O'Brien Bakery"] == "missing"
    assert statuses["Contoso Shop/media"] == "unfixable"


def test_source_tree_resources() -> None:
    assert resources_root() == ROOT / "resources"
    for parts in SHIPPED:
        assert resource_path(*parts).is_file()
    assert script_text(Operation.GRANT).startswith("<#")


def test_installed_wheel_resources(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True, timeout=300)
    (wheel,) = wheels.glob("iis_access-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, timeout=300)
    # PYTHONPATH comes before the editable install's finder, and the working directory is not the
    # checkout, so the wheel's copy is the one imported.
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    found = json.loads(probe.stdout)
    assert Path(found["module"]).is_relative_to(site)
    assert Path(found["root"]) == site / "resources"
    _assert_demo_story(_audit([sys.executable, "-m", "gui.launcher"], env, tmp_path))


def _frozen_executable() -> Path:
    """dist/IISAccess as .ci/build-exe left it, rebuilt when any source is newer."""
    exe = ROOT / "dist" / "IISAccess"
    folders = ("bridge", "gui", "resources")
    sources = [ROOT / "build.spec", *(p for folder in folders for p in (ROOT / folder).rglob("*"))]
    newest = max(p.stat().st_mtime for p in sources if p.is_file() and "__pycache__" not in p.parts)
    if not exe.exists() or exe.stat().st_mtime < newest:
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "build.spec"],
            cwd=ROOT,
            check=True,
            timeout=900,
        )
    return exe


@pytest.mark.timeout(1200)
def test_frozen_executable_resources(tmp_path: Path) -> None:
    exe = _frozen_executable()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert version.stdout.split() == ["iis-access", __import__("bridge").__version__]
    _assert_demo_story(_audit([str(exe)], env, tmp_path))
    smoke = subprocess.run([str(exe), "gui", "--smoke", "--lang", "de"], env=env, timeout=120, check=False)
    assert smoke.returncode == 0
