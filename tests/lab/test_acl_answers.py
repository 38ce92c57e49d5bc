"""The lab answers path-access and grant as Windows does: domain aliases, per-path exceptions,
AddAccessRule's merges and its refusal of a non-canonical DACL."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from bridge import sddl
from bridge.access import with_explicit_allow
from bridge.lab.backend import ScriptFailed
from bridge.lab.ntfs import PATH_ERRORS, Filesystem
from bridge.lab.scenario import load_scenario
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.model import parse_path_access, path_entries
from bridge.scripts import Operation, script_text

DOMAIN = "S-1-5-21-1004336348-1177238915-682003330"
FOREST = "S-1-5-21-2000000001-2000000002-2000000003"
MACHINE = "S-1-5-21-3623811015-3361044348-30300820"
SIDS = sddl.SidContext(machine=MACHINE, domain=DOMAIN, forest_root=FOREST)
ROOT_SDDL = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"
USER = "S-1-5-21-1004336348-1177238915-682003330-1105"


def _server(paths: dict[str, dict[str, object]], *, sids: sddl.SidContext = SIDS) -> SimulatedServer:
    scenario = load_scenario(demo_scenario_path())
    machine = replace(
        scenario.machine,
        machine_sid=sids.machine or MACHINE,
        domain_sid=sids.domain,
        forest_root_sid=sids.forest_root,
    )
    filesystem = Filesystem.from_mapping({"paths": paths}, machine.sid_context)
    return SimulatedServer(replace(scenario, machine=machine, filesystem=filesystem))


def _run(server: SimulatedServer, operation: Operation, **parameters: object) -> Any:
    return json.loads(server.execute(script_text(operation), parameters))


def _tree(**folders: dict[str, object]) -> dict[str, dict[str, object]]:
    paths: dict[str, dict[str, object]] = {"E:\\Sites": {"type": "directory", "sddl": ROOT_SDDL}}
    for name, spec in folders.items():
        paths["E:\\Sites\\" + name] = {"type": "directory", "sddl": "O:BAG:SYD:AI", **spec}
    return paths


def test_domain_aliases_in_a_dacl_are_printed_and_read_back_as_windows_abbreviates_them() -> None:
    own = "O:DAG:DUD:AI(A;OICI;FA;;;DA)(A;OICI;0x1200a9;;;EA)(A;;FA;;;LA)(A;OICI;0x1301bf;;;" + USER + ")"
    server = _server(_tree(shop={"sddl": own}))
    answer = _run(server, Operation.PATH_ACCESS, Path=["E:\\Sites\\shop"])
    printed = path_entries(answer)[0]["sddl"]
    assert printed.startswith(
        "D:AI(A;OICI;FA;;;DA)(A;OICI;0x1200a9;;;EA)(A;;FA;;;LA)(A;OICI;0x1301bf;;;S-1-5-21-"
    )
    assert answer["paths"][0]["owner"] == DOMAIN + "-512"
    entry = parse_path_access(answer, SIDS)[0]
    assert entry.dacl is not None
    assert [ace.sid for ace in entry.dacl.aces][:3] == [DOMAIN + "-512", FOREST + "-519", MACHINE + "-500"]
    # The client writes the same string back: predicted and actual SDDL compare equal.
    assert sddl.format_dacl(entry.dacl, SIDS) == printed


def test_a_workgroup_server_prints_domain_sids_in_full_and_an_unexpandable_alias_is_that_paths_error() -> (
    None
):
    server = _server(
        _tree(shop={"sddl": f"O:BAG:SYD:AI(A;OICI;FA;;;{DOMAIN}-512)"}), sids=sddl.SidContext(MACHINE)
    )
    answer = _run(server, Operation.PATH_ACCESS, Path=["E:\\Sites\\shop", "E:\\Sites"])
    assert f"(A;OICI;FA;;;{DOMAIN}-512)" in path_entries(answer)[0]["sddl"]
    # A server that abbreviated without saying which domain, and named no SID with RID 512.
    answer["sddls"][answer["paths"][0]["sddlIndex"]] = "D:AI(A;OICI;FA;;;DA)"
    del answer["accounts"][f"{DOMAIN}-512"]
    shop, sites = parse_path_access(answer)
    assert shop.error is not None and "'DA'" in shop.error and not shop.readable
    assert sites.readable


@pytest.mark.parametrize("kind", sorted(PATH_ERRORS))
def test_a_path_that_throws_is_that_paths_error_with_type_and_hresult(kind: str) -> None:
    server = _server(_tree(bad={"error": kind}, good={}))
    answer = _run(server, Operation.PATH_ACCESS, Path=["E:\\Sites\\bad", "E:\\Sites\\good"], Subfolders=True)
    bad, good = answer["paths"]
    failure = PATH_ERRORS[kind]
    assert (bad["error"], bad["errorType"], bad["hresult"]) == (
        failure.message,
        failure.type_name,
        failure.hresult,
    )
    # As path-access.ps1 leaves them out: no DACL index on a failed path, no error on a good one.
    assert "sddlIndex" not in bad and bad["children"] is None
    # Get-Item had answered unless it was what threw: the folder is known as a folder.
    assert bad["isDirectory"] is (not failure.before_item)
    assert "error" not in good and answer["sddls"][good["sddlIndex"]].startswith("D:")
    parsed = parse_path_access(answer, SIDS)
    assert (parsed[0].error_type, parsed[0].hresult, parsed[0].readable) == (
        failure.type_name,
        failure.hresult,
        False,
    )
    assert parsed[1].readable


def _grant(server: SimulatedServer, path: str, sid: str, rights: str) -> Any:
    expected = server.filesystem.access_sddl(path)
    return _run(server, Operation.GRANT, Path=path, Sid=sid, Rights=rights, ExpectedSddl=expected)


@pytest.mark.parametrize(
    ("existing", "rights", "after"),
    [
        # Same inheritance: the rights are combined into the entry.
        ("(A;OICI;0x1200a9;;;{sid})", "Modify", "(A;OICI;0x1301bf;;;{sid})"),
        # Same rights, other inheritance: the inheritance is combined into the entry.
        ("(A;CI;0x1200a9;;;{sid})", "ReadAndExecute", "(A;OICI;0x1200a9;;;{sid})"),
        ("(A;NP;0x1301bf;;;{sid})", "Modify", "(A;OICI;0x1301bf;;;{sid})"),
        # Neither: a second entry after the explicit ones.
        ("(A;CI;FR;;;{sid})", "Modify", "(A;CI;FR;;;{sid})(A;OICI;0x1301bf;;;{sid})"),
    ],
)
def test_add_access_rule_merges_as_dotnet_does(existing: str, rights: str, after: str) -> None:
    server = _server(_tree(shop={"sddl": "O:BAG:SYD:AI" + existing.format(sid=USER)}))
    answer = _grant(server, "E:\\Sites\\shop", USER, rights)
    explicit = answer["after"].split("(A;OICIID;")[0]
    assert explicit == "D:AI" + after.format(sid=USER)
    # The client's prediction is the lab's answer, string for string.
    predicted = with_explicit_allow(sddl.parse_dacl(answer["before"], context=SIDS), USER, _mask(rights))
    explicit_predicted = sddl.format_dacl(predicted, SIDS).split("(A;OICIID;")[0]
    assert explicit_predicted == explicit


def _mask(rights: str) -> int:
    return sddl.MODIFY if rights == "Modify" else sddl.READ_AND_EXECUTE


def test_a_non_canonical_dacl_makes_add_access_rule_throw_and_nothing_changes() -> None:
    disordered = f"O:BAG:SYD:AI(A;OICI;FA;;;BA)(D;OICI;FA;;;{USER})"
    server = _server(_tree(shop={"sddl": disordered}))
    before = server.filesystem.access_sddl("E:\\Sites\\shop")
    with pytest.raises(ScriptFailed, match="not in canonical form"):
        _grant(server, "E:\\Sites\\shop", "S-1-5-17", "ReadAndExecute")
    assert server.filesystem.access_sddl("E:\\Sites\\shop") == before
