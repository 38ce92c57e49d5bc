"""Restart as administrator: relaunch this app through UAC when local work needs elevation.

Remote administration needs no local elevation, so the app runs as invoker;
only "This computer" on a non-elevated session needs this. The Windows call is
one small adapter; everything around it takes a shell-execute callable, so
tests drive the same code with a fake.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from enum import Enum

# (verb, file, parameters) -> 0 when started, else the Windows error code.
ShellExecute = Callable[[str, str, str], int]

ERROR_CANCELLED = 1223  # the admin answered No to the UAC prompt
_SW_SHOWNORMAL = 1
_SHELL_EXECUTE_OK_ABOVE = 32  # ShellExecuteW returns a value above 32 on success


class Restart(str, Enum):
    STARTED = "started"
    DECLINED = "declined"
    FAILED = "failed"


def relaunch_command(*, frozen: bool, executable: str) -> tuple[str, Sequence[str]]:
    """The program and arguments that start this app again: the frozen exe, or the interpreter on the CLI."""
    return (executable, []) if frozen else (executable, ["-m", "gui.launcher", "gui"])


def restart_as_administrator(shell_execute: ShellExecute) -> tuple[Restart, int]:
    """Ask Windows to start this app again elevated; the caller quits on STARTED."""
    program, arguments = relaunch_command(
        frozen=bool(getattr(sys, "frozen", False)), executable=sys.executable
    )
    error = shell_execute("runas", program, subprocess.list2cmdline(arguments))
    if error == 0:
        return Restart.STARTED, 0
    return (Restart.DECLINED if error == ERROR_CANCELLED else Restart.FAILED), error


def windows_shell_execute(verb: str, program: str, parameters: str) -> int:
    """ShellExecuteW, answering 0 or the Windows error code (GetLastError) as ShellExecute expects."""
    import ctypes  # noqa: PLC0415 - the Windows API exists only on Windows

    shell32 = ctypes.WinDLL("shell32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    result = int(shell32.ShellExecuteW(None, verb, program, parameters or None, None, _SW_SHOWNORMAL))
    if result > _SHELL_EXECUTE_OK_ABOVE:
        return 0
    return int(ctypes.get_last_error()) or result  # type: ignore[attr-defined,unused-ignore]


def platform_shell_execute() -> ShellExecute | None:
    """The real ShellExecute on Windows; None elsewhere, where the action is hidden."""
    return windows_shell_execute if sys.platform == "win32" else None
