"""The doctor's verdicts on doctor.ps1's facts: each probe passes when healthy and fails when not."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bridge.doctor import judge
from bridge.errors import UnexpectedAnswer
from bridge.lab.probes import PROBE_NAMES
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.powershell_json import powershell_json
from bridge.scripts import Operation, script_text


def _healthy() -> dict[str, Any]:
    server = SimulatedServer.from_scenario(demo_scenario_path())
    document: dict[str, Any] = json.loads(server.execute(script_text(Operation.DOCTOR), {}))
    return document


def _with(name: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(_healthy())
    probe = next(entry for entry in document["probes"] if entry["name"] == name)
    probe["value"] = value
    return document


def test_the_lab_answers_every_probe_and_all_pass() -> None:
    report = judge("WEB01", _healthy())
    assert [probe.name for probe in report.probes] == list(PROBE_NAMES)
    assert report.ok
    assert report.first_failure is None
    assert report.to_json()["ok"] is True
    assert set(report.to_json()["probes"][0]) == {"name", "ok", "message", "hint"}


BAD_VALUES = [
    ("powershell", {"edition": "Core", "version": "7.4.6", "configurationName": "PowerShell.7"}, "7.4.6"),
    ("languageMode", {"languageMode": "ConstrainedLanguage"}, "ConstrainedLanguage"),
    ("elevation", {"elevated": False}, "not an elevated"),
    (
        "enums",
        {
            "identityType": {"value": "9", "type": "System.Int32"},
            "managedPipelineMode": {"value": "0", "type": "System.Int32"},
            "poolState": {"value": "Started", "type": "System.String"},
            "siteState": {"value": "1", "type": "System.Int32"},
        },
        "identityType reads as '9'",
    ),
    ("accessControl", {"path": "C:\\inetpub\\wwwroot", "sddl": "D:(A;;;;;BOGUS"}, "does not parse"),
    (
        "sidTranslation",
        {
            "iusr": "S-1-5-17",
            "iisIusrs": "S-1-5-32-568",
            "pool": "DefaultAppPool",
            "poolSid": "S-1-5-82-1-2-3-4-5",
        },
        "poolSid is S-1-5-82-1-2-3-4-5",
    ),
    ("environment", {"windir": "C:\\Windows", "systemDrive": None}, "systemDrive unknown"),
    ("machineSid", {"machineSid": None, "domainSid": None}, "None"),
    ("winrm", {"maxEnvelopeSizekb": 500, "maxTimeoutms": 5000}, "MaxTimeoutms 5000"),
    ("winrm", {"maxEnvelopeSizekb": 100, "maxTimeoutms": 60000}, "MaxEnvelopeSizekb 100"),
    ("anonymousAuthentication", None, "no answer"),
]


@pytest.mark.parametrize(
    ("name", "value", "said"), BAD_VALUES, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BAD_VALUES)]
)
def test_a_bad_value_fails_its_probe_with_a_hint(name: str, value: Any, said: str) -> None:
    report = judge("WEB01", _with(name, value))
    failure = report.first_failure
    assert failure is not None
    assert (failure.name, failure.ok) == (name, False)
    assert said in failure.message
    assert failure.hint
    assert [probe.name for probe in report.probes if not probe.ok] == [name]


def test_enum_names_and_numbers_both_pass() -> None:
    names = {
        "identityType": {"value": "ApplicationPoolIdentity", "type": "System.String"},
        "managedPipelineMode": {"value": "Classic", "type": "System.String"},
        "poolState": {"value": "3", "type": "System.Int32"},
        "siteState": {"value": "Stopped", "type": "System.String"},
    }
    assert judge("WEB01", _with("enums", names)).ok


def test_an_exception_fails_the_probe_with_its_type_and_message() -> None:
    document = _healthy()
    document["probes"][4]["value"] = None
    document["probes"][4]["error"] = {"type": "System.IO.FileNotFoundException", "message": "Could not load"}
    failure = judge("WEB01", document).first_failure
    assert failure is not None
    assert failure.name == "serverManager"
    assert failure.message == "System.IO.FileNotFoundException: Could not load"


def test_a_probe_this_client_does_not_know_is_shown_not_judged() -> None:
    document = _healthy()
    document["probes"].append({"name": "fromTheFuture", "value": {"x": 1}, "error": None})
    report = judge("WEB01", document)
    assert report.ok
    assert report.probes[-1].name == "fromTheFuture"


@pytest.mark.parametrize("answer", [{}, {"probes": "no"}, [], {"probes": [1]}])
def test_an_answer_without_probes_is_unexpected(answer: object) -> None:
    with pytest.raises(UnexpectedAnswer):
        judge("WEB01", answer)


def test_rendering_names_each_probe_and_the_failing_ones_hint() -> None:
    text = judge("WEB01", _with("elevation", {"elevated": False})).render()
    assert text.splitlines()[0] == "Doctor for WEB01:"
    assert "[FAIL] elevation" in text
    assert "LocalAccountTokenFilterPolicy" in text
    assert text.count("[ok  ]") == len(PROBE_NAMES) - 1


def test_powershell_json_escapes_as_windows_powershell_5_1() -> None:
    assert (
        powershell_json({"a": "O'Brien <b> & Café"}) == '{"a":"O\\u0027Brien \\u003cb\\u003e \\u0026 Café"}'
    )


DOCTOR_FILES = sorted(Path(__file__).resolve().parent.joinpath("recordings").glob("*/doctor.json"))


@pytest.mark.parametrize("path", DOCTOR_FILES, ids=[path.parent.name for path in DOCTOR_FILES])
def test_every_recorded_doctor_answer_names_every_probe(path: Path) -> None:
    report = judge(path.parent.name, json.loads(path.read_text(encoding="utf-8-sig")))
    assert [probe.name for probe in report.probes] == list(PROBE_NAMES)
    assert report.ok, report.render()
