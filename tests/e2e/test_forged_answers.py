"""A man in the middle on HTTP (5985) cannot make the client believe a plain-text answer: once
requests are sealed, an unsealed response (a forged "access denied" fault, a 401, a 500) is
rejected, and a grant that was sent is recorded as outcome unknown, never as failed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from bridge import operations
from bridge.connection import connection_settings
from bridge.errors import AnswerNotSealed, OutcomeUnknown
from bridge.history import History, Outcome
from bridge.lab import http
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.lab.soap import Fault, fault_response
from bridge.plans import GrantKind
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation, operation_for_script
from bridge.session import HostSession
from tests.e2e.scenarios import SHOP, write_scenario

USER, PASSWORD = "lab", "s3cret!"
PRIVATE = SHOP + "\\private"
# What an attacker would send: the WSMan "Access is denied" fault (code 5), in plain text.
FORGED_FAULT = fault_response(Fault(5, "w:AccessDenied", "Access is denied. "), "uuid:forged", "127.0.0.1")


class Forger:
    """Serves the simulated server, and once the grant has run, answers in plain text instead."""

    def __init__(self, server: SimulatedServer, status: int, body: bytes) -> None:
        self.server = server
        self.forging = False
        self.status, self.body = status, body

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        answer = self.server.execute(script, parameters)
        if operation_for_script(script) is Operation.GRANT:
            self.forging = True
        return answer


@pytest.fixture
def forger(tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Forger:
    status, body = request.param
    forger = Forger(SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario")), status, body)
    real_reply = http._Handler._reply

    def reply(handler: http._Handler, status: int, body: bytes, **options: Any) -> None:
        if forger.forging and options.get("content_type") == http.ENCRYPTED_CONTENT_TYPE:
            options["content_type"] = http.SOAP_CONTENT_TYPE
            real_reply(handler, forger.status, forger.body, **options)
            return
        real_reply(handler, status, body, **options)

    monkeypatch.setattr(http._Handler, "_reply", reply)
    return forger


@pytest.mark.parametrize(
    "forger",
    [(500, FORGED_FAULT), (401, b""), (500, b""), (200, b"<not-soap/>")],
    ids=["access-denied-fault", "401", "empty-500", "plain-200"],
    indirect=True,
)
def test_a_plain_answer_after_a_sealed_grant_is_rejected_and_the_grant_is_unknown(
    forger: Forger, tmp_path: Path
) -> None:
    history = History(tmp_path / "history.jsonl")
    with LabHost(forger, user=USER, password=PASSWORD, auth=["ntlm"]) as host:
        settings = connection_settings(
            "127.0.0.1", port=host.port, scheme="http", auth="ntlm", user=USER, password=PASSWORD
        )
        with HostSession(PsrpTransport(settings)) as session:
            plan = operations.plan(session, GrantKind.IUSR_READ, "Shop/private")
            with pytest.raises(OutcomeUnknown) as caught:
                operations.apply(session, plan, history)
    assert isinstance(caught.value.cause, AnswerNotSealed)
    assert history.get(caught.value.change_id).outcome is Outcome.UNKNOWN
    assert "S-1-5-17" in str(forger.server.filesystem.access_sddl(PRIVATE)), "the grant did happen"
    lines = [json.loads(line) for line in history.path.read_text(encoding="utf-8").splitlines()]
    assert [line["type"] for line in lines] == ["intent"]
