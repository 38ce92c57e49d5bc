"""Give the windowed executable a console when it is used as a command line.

The PyInstaller build is a windowed program (no console flashes up when an
admin double-clicks it), so Windows starts it without standard streams:
``IISAccess.exe --version`` typed into cmd.exe or PowerShell would print
nothing. Attaching to the parent's console, when there is one, makes the CLI
behave as a console program there while double-clicks stay silent.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Protocol, TextIO

ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1


class _Kernel32(Protocol):
    def AttachConsole(self, process_id: int) -> int: ...


def _windows_kernel32() -> _Kernel32 | None:
    if sys.platform == "win32":
        import ctypes  # noqa: PLC0415 - WinDLL exists only on Windows

        kernel32: _Kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        return kernel32
    return None


def attach_parent_console(
    streams: Any = sys,
    kernel32: _Kernel32 | None = None,
    open_console: Callable[[str], TextIO] | None = None,
) -> bool:
    """Point missing stdout/stderr at the parent process's console; return whether it did.

    Does nothing when the streams exist (a console build, a terminal on Linux,
    a redirected run) or when there is no parent console (a double-click).
    """
    if streams.stdout is not None and streams.stderr is not None:
        return False
    kernel32 = kernel32 if kernel32 is not None else _windows_kernel32()
    if kernel32 is None or not kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return False
    opener = open_console if open_console is not None else _open_console
    if streams.stdout is None:
        streams.stdout = opener("CONOUT$")
    if streams.stderr is None:
        streams.stderr = opener("CONOUT$")
    return True


def _open_console(name: str) -> TextIO:
    # The stream lives as long as the process, like the ones it stands in for.
    return open(name, "w", encoding="utf-8", errors="replace")
