"""The layers stay apart: the bridge never reaches up into the GUI or Qt, the typed failures know no
transport library, and the program loads Qt only for the desktop app."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui import launcher

ROOT = Path(__file__).resolve().parents[1]


def _imported(path: Path) -> set[str]:
    """Every module a source file imports, at any depth of its code."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_bridge_module_imports_the_gui_or_qt() -> None:
    upward = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "bridge").rglob("*.py")
        for name in _imported(path)
        if name.split(".")[0] in {"gui", "PySide6"}
    }
    assert upward == set()


def test_the_typed_failures_load_no_transport_library() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import json, sys, bridge.errors; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    roots = {name.split(".")[0] for name in json.loads(loaded.stdout)}
    assert roots.isdisjoint({"pypsrp", "requests", "urllib3", "spnego", "PySide6"})


def test_a_command_never_loads_qt(tmp_path: Path) -> None:
    env = {**os.environ, "IIS_ACCESS_DATA_DIR": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gui.launcher", "sites"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "Contoso Shop" in completed.stdout
    # -X importtime names every module the process imported, one line each, on stderr.
    imported = {line.rsplit("|", 1)[-1].strip() for line in completed.stderr.splitlines() if "|" in line}
    assert "bridge.commands" in imported
    assert not any(name.split(".")[0] == "PySide6" for name in imported)


@pytest.mark.parametrize(
    ("arguments", "passed"), [([], []), (["gui", "--demo"], ["--demo"]), (["--smoke"], ["--smoke"])]
)
def test_no_command_or_gui_starts_the_desktop_app(
    monkeypatch: pytest.MonkeyPatch, arguments: list[str], passed: list[str]
) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr("gui.app.main", lambda args: started.append(list(args)) or 0)
    monkeypatch.setattr(launcher, "attach_parent_console", lambda: None)
    assert launcher.main(arguments) == 0
    assert started == [passed]
