"""The windowed executable's console attachment, driven through a stand-in for kernel32."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import TextIO

from bridge.console import ATTACH_PARENT_PROCESS, attach_parent_console


class FakeKernel32:
    def __init__(self, has_parent_console: bool) -> None:
        self.has_parent_console = has_parent_console
        self.calls: list[int] = []

    def AttachConsole(self, process_id: int) -> int:
        self.calls.append(process_id)
        return int(self.has_parent_console)


def _opener(opened: list[str]) -> object:
    def open_console(name: str) -> TextIO:
        opened.append(name)
        return io.StringIO()

    return open_console


def test_windowed_run_from_a_console_gets_both_streams() -> None:
    streams = SimpleNamespace(stdout=None, stderr=None)
    kernel32, opened = FakeKernel32(has_parent_console=True), []
    assert attach_parent_console(streams, kernel32, _opener(opened))  # type: ignore[arg-type]
    assert kernel32.calls == [ATTACH_PARENT_PROCESS]
    assert opened == ["CONOUT$", "CONOUT$"]
    assert isinstance(streams.stdout, io.StringIO) and isinstance(streams.stderr, io.StringIO)


def test_double_click_without_parent_console_stays_silent() -> None:
    streams = SimpleNamespace(stdout=None, stderr=None)
    kernel32, opened = FakeKernel32(has_parent_console=False), []
    assert not attach_parent_console(streams, kernel32, _opener(opened))  # type: ignore[arg-type]
    assert opened == [] and streams.stdout is None


def test_existing_streams_are_left_alone() -> None:
    stdout = io.StringIO()
    streams = SimpleNamespace(stdout=stdout, stderr=io.StringIO())
    kernel32 = FakeKernel32(has_parent_console=True)
    assert not attach_parent_console(streams, kernel32)
    assert kernel32.calls == [] and streams.stdout is stdout


def test_other_systems_have_no_kernel32() -> None:
    assert not attach_parent_console(SimpleNamespace(stdout=None, stderr=None))
