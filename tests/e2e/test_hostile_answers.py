"""Answers no parser should choke on, sent through the lab's real PSRP endpoint: each ends in
UnexpectedAnswer with a clear message, never a RecursionError or an unbounded read."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from bridge import operations, transport
from bridge.connection import connection_settings
from bridge.errors import UnexpectedAnswer
from bridge.lab.host import LabHost
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession

USER, PASSWORD = "lab", "s3cret!"


class Answering:
    """A backend that answers every script with one fixed document."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        return self.answer


def _inventory_error(answer: str) -> UnexpectedAnswer:
    with LabHost(Answering(answer), user=USER, password=PASSWORD) as host:
        settings = connection_settings(
            "127.0.0.1", port=host.port, scheme=host.scheme, auth="ntlm", user=USER, password=PASSWORD
        )
        with HostSession(PsrpTransport(settings)) as session, pytest.raises(UnexpectedAnswer) as caught:
            operations.inventory(session)
    return caught.value


def test_an_answer_nested_deeper_than_the_parser_goes_is_not_understood(tmp_path: Path) -> None:
    error = _inventory_error("[" * 200_000 + "]" * 200_000)
    assert "nested too deeply" in error.message


def test_an_oversized_answer_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # The cap lowered to 1 MB stands for 64 MB: the same check, a smaller answer to send.
    monkeypatch.setattr(transport, "MAX_ANSWER_CHARS", 2**20)
    error = _inventory_error('"' + "x" * (2 * 2**20) + '"')
    assert "more than the 1 MB IIS Access reads" in error.message
