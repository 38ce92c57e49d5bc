"""The same requests to the reference and to the subject; every field must agree once normalised."""

from __future__ import annotations

import copy
from typing import Any

from bridge.doctor import judge
from bridge.scripts import Operation
from bridge.session import HostSession
from tests.conformance.compare import differences, normalise


def _answers(session: HostSession) -> dict[str, Any]:
    """What the product asks: the inventory, every target's folder with its subfolders, the doctor."""
    inventory = session.run(Operation.INVENTORY, {})
    paths = list(
        dict.fromkeys(
            directory["expandedPhysicalPath"]
            for site in inventory["sites"]
            for application in site["applications"]
            for directory in application["virtualDirectories"]
        )
    )
    access = session.run(Operation.PATH_ACCESS, {"Path": paths, "Subfolders": True})
    report = judge(session.host, session.run(Operation.DOCTOR, {}))
    computer = inventory["server"]["computerName"]
    return {
        "inventory": normalise(inventory, computer),
        "pathAccess": normalise(access, computer),
        # Probe values are the machine's own (versions, limits); what must agree is which pass.
        "doctor": {probe.name: probe.ok for probe in report.probes},
    }


def test_the_subject_answers_as_the_reference(reference: HostSession, subject: HostSession) -> None:
    expected, actual = _answers(reference), _answers(subject)
    found = differences(expected, actual)
    assert found == [], "\n".join(found)


def test_the_comparison_shows_every_difference_with_both_values() -> None:
    left: dict[str, Any] = {
        "server": {"computerName": "WEB01", "elevated": True},
        "paths": [{"sddl": "D:A"}, {}],
    }
    right = copy.deepcopy(left)
    right["server"]["elevated"] = False
    right["paths"][0]["sddl"] = "D:B"
    right["paths"].append({})
    right["extra"] = 1
    assert differences(left, right) == [
        "$.server.elevated: reference True, subject False",
        "$.paths: 2 items in the reference, 3 in the subject",
        "$.paths[0].sddl: reference 'D:A', subject 'D:B'",
        "$.extra: only in the subject (1)",
    ]
    assert differences({"n": 1}, {"n": True}) == ["$.n: reference 1, subject True"]


def test_normalising_hides_the_machine_not_the_accounts() -> None:
    one = {"server": {"computerName": "WEB01"}, "owner": "S-1-5-21-1-2-3-500", "other": "S-1-5-21-1-2-3-1001"}
    two = {
        "server": {"computerName": "ci-runner"},
        "owner": "S-1-5-21-7-8-9-500",
        "other": "S-1-5-21-7-8-9-1001",
    }
    assert normalise(one, "WEB01") == normalise(two, "ci-runner")
    three = dict(two, other="S-1-5-21-4-5-6-1001")
    assert normalise(one, "WEB01") != normalise(three, "ci-runner")
