"""How ``check --all`` prints a whole server: one JSON array with one element per line (or the text
blocks), each result written as it is handed over and not kept."""

from __future__ import annotations

import gc
import io
import json
import threading

import pytest

from bridge import commands, operations
from bridge.check_output import check_json, render_check
from bridge.errors import Cancelled, UnexpectedAnswer
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.needs import CheckResult, CheckStatus
from bridge.session import HostSession
from tests.test_change_journal import FaultyTransport


@pytest.fixture
def transport() -> FaultyTransport:
    # The demo server: targets met, missing and blocked, read in one reading for all of them.
    return FaultyTransport(SimulatedServer.from_scenario(demo_scenario_path()))


@pytest.fixture
def results(session: HostSession) -> list[CheckResult]:
    return operations.check_all(session)


def _listed(results: list[CheckResult], *, as_json: bool) -> tuple[str, bool]:
    out = io.StringIO()
    listing = commands._Listing(out, as_json=as_json)
    for result in results:
        listing.add(result)
    listing.close()
    return out.getvalue(), listing.all_met


def test_each_result_is_one_line_of_one_json_array(results: list[CheckResult]) -> None:
    text, _ = _listed(results, as_json=True)
    documents = [check_json(result) for result in results]
    assert json.loads(text) == documents
    lines = text.splitlines()
    assert (lines[0], lines[-1]) == ("[", "]")
    assert lines[1:-1] == [json.dumps(document, ensure_ascii=False) + "," for document in documents[:-1]] + [
        json.dumps(documents[-1], ensure_ascii=False)
    ]


def test_the_text_blocks_stand_a_blank_line_apart(results: list[CheckResult]) -> None:
    text, _ = _listed(results, as_json=False)
    assert text == "\n\n".join(map(render_check, results)) + "\n"


def test_no_results_is_an_empty_array_or_nothing() -> None:
    assert _listed([], as_json=True) == ("[\n]\n", True)
    assert _listed([], as_json=False) == ("", True)


def test_nothing_is_written_before_the_first_result() -> None:
    # A check that fails before its first result prints only its error, not half an array.
    out = io.StringIO()
    commands._Listing(out, as_json=True)
    assert out.getvalue() == ""


def test_all_met_unless_one_is_missing(results: list[CheckResult]) -> None:
    statuses = {result.status for result in results}
    assert CheckStatus.MISSING in statuses and CheckStatus.OK in statuses, "the scenario must mix both"
    assert _listed(results, as_json=True)[1] is False
    met = [result for result in results if result.status in (CheckStatus.OK, CheckStatus.TOO_MUCH)]
    assert _listed(met, as_json=True)[1] is True


def test_check_each_hands_over_what_check_all_returns(
    session: HostSession, results: list[CheckResult]
) -> None:
    handed: list[CheckResult] = []
    threads: set[str] = set()

    def handle(result: CheckResult) -> None:
        handed.append(result)
        threads.add(threading.current_thread().name)

    operations.check_each(session, handle)
    assert [check_json(result) for result in handed] == [check_json(result) for result in results]
    # On the session's own thread, as every operation.
    assert threads and threading.current_thread().name not in threads


def _results_alive() -> int:
    return sum(isinstance(each, CheckResult) for each in gc.get_objects())


def test_check_each_keeps_no_result_it_has_handed_over(session: HostSession) -> None:
    alive: list[int] = []
    operations.check_each(session, lambda result: alive.append(_results_alive()))
    assert len(alive) > 3
    # While each is handled, only it is alive (and none made before it): what prints a whole
    # server never holds all of it.
    assert alive == [1] * len(alive)


def test_check_each_stops_when_cancelled(session: HostSession) -> None:
    cancel = threading.Event()
    handed: list[CheckResult] = []

    def handle(result: CheckResult) -> None:
        handed.append(result)
        if len(handed) == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        operations.check_each(session, handle, cancel)
    assert len(handed) == 2


def _failing_on_third(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = getattr(operations, name)
    calls: list[None] = []

    def failing(*args: object) -> object:
        calls.append(None)
        if len(calls) == 3:
            if name == "_pool":
                raise UnexpectedAnswer("demo", "no such pool")
            raise ZeroDivisionError("a defect")
        return real(*args)

    monkeypatch.setattr(operations, name, failing)


def test_a_missing_pool_is_refused_before_anything_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_on_third(monkeypatch, "_pool")
    assert commands.main(["check", "--all", "--json"]) == UnexpectedAnswer.exit_code
    # Exactly one document on stdout: the error, no results before it.
    assert set(json.loads(capsys.readouterr().out)) == {"error"}


def test_a_failure_after_results_were_printed_goes_to_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_on_third(monkeypatch, "_assessed")
    assert commands.main(["check", "--all", "--json"]) == commands.EXIT_FAILED
    shown = capsys.readouterr()
    # stdout holds the two results made, cut off (the exit code says so); the error is on stderr.
    lines = shown.out.splitlines()
    assert lines[0] == "[" and len(lines) == 3 and '"error"' not in shown.out
    assert [json.loads(line.rstrip(",")) for line in lines[1:]]
    assert "IIS Access failed unexpectedly (ZeroDivisionError)" in shown.err


def test_check_each_reads_in_two_round_trips(session: HostSession, transport: FaultyTransport) -> None:
    operations.check_each(session, lambda result: None)
    assert [operation.name for operation in transport.sent] == ["INVENTORY", "PATH_ACCESS"]
