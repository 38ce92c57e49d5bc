"""The simulated server answers the shipped scripts as Windows PowerShell would."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from typing import Any

import pytest

from bridge import sddl, sids
from bridge.lab.backend import ScriptFailed, ScriptRejected
from bridge.lab.machine import Machine, pools_by_sid
from bridge.lab.scenario import load_scenario
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.model import parse_path_access
from bridge.scripts import Operation, script_text

SHOP = "D:\\Sites\\ContosoShop"


def _server(**machine: Any) -> SimulatedServer:
    scenario = load_scenario(demo_scenario_path())
    return SimulatedServer(replace(scenario, machine=replace(scenario.machine, **machine)))


def _run(server: SimulatedServer, operation: Operation, **parameters: object) -> Any:
    return json.loads(server.execute(script_text(operation), parameters))


def _grant(server: SimulatedServer, path: str, sid: str, rights: str, expected: str) -> Any:
    return _run(server, Operation.GRANT, Path=path, Sid=sid, Rights=rights, ExpectedSddl=expected)


def test_unknown_script_is_rejected() -> None:
    with pytest.raises(ScriptRejected):
        _server().execute("Get-ChildItem C:\\", {})
    with pytest.raises(ScriptRejected):
        _server().execute(script_text(Operation.GRANT) + "\nRemove-Item C:\\ -Recurse", {})


def test_missing_mandatory_parameters_named_in_declaration_order() -> None:
    with pytest.raises(ScriptFailed) as failure:
        _server().execute(script_text(Operation.GRANT), {"path": SHOP})
    assert failure.value.message == (
        "Cannot process command because of one or more missing mandatory parameters: Sid Rights ExpectedSddl."
    )
    assert (failure.value.error_id, failure.value.category) == (
        "MissingMandatoryParameter",
        "InvalidArgument",
    )


@pytest.mark.parametrize(
    ("parameters", "fragment", "error_id"),
    [
        (
            {"Sid": "IUSR"},
            'does not match the "^S-1-[0-9]+(-[0-9]+)+$" pattern',
            "ParameterArgumentValidationError",
        ),
        (
            {"Rights": "FullControl"},
            'does not belong to the set "ReadAndExecute,Modify"',
            "ParameterArgumentValidationError",
        ),
        (
            {"Path": ""},
            "because it is an empty string",
            "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        ),
        ({"Path": None}, "because it is null", "ParameterArgumentValidationErrorNullNotAllowed"),
        (
            {"Recurse": True},
            "cannot be found that matches parameter name 'Recurse'",
            "NamedParameterNotFound",
        ),
    ],
)
def test_parameter_validation_fails_like_powershell(
    parameters: dict[str, object], fragment: str, error_id: str
) -> None:
    valid: dict[str, object] = {
        "Path": SHOP,
        "Sid": sids.IUSR,
        "Rights": "ReadAndExecute",
        "ExpectedSddl": "x",
    }
    with pytest.raises(ScriptFailed) as failure:
        _server().execute(script_text(Operation.GRANT), valid | parameters)
    assert fragment in failure.value.message
    assert failure.value.error_id == error_id


def test_validation_ignores_case_and_common_parameters_are_accepted() -> None:
    server = _server()
    before = server.filesystem.access_sddl(SHOP)
    outcome = _run(
        server,
        Operation.GRANT,
        path=SHOP,
        Sid="s-1-5-17",
        rights="readandexecute",
        ExpectedSddl=before,
        Verbose=True,
    )
    assert outcome["status"] == "changed"
    assert "(A;OICI;0x1200a9;;;S-1-5-17)" in outcome["after"]


def test_grant_then_restore_round_trips_folder_and_descendants() -> None:
    server = _server()
    fs = server.filesystem
    watched = [SHOP, f"{SHOP}\\uploads", f"{SHOP}\\uploads\\2024-06-invoice.pdf", f"{SHOP}\\web.config"]
    original = {path: fs.sddl(path) for path in watched}
    pool = sids.app_pool_sid("ShopPool")
    granted = _grant(server, f"{SHOP}\\uploads", pool, "Modify", fs.access_sddl(f"{SHOP}\\uploads"))
    assert granted["status"] == "changed" and granted["before"] != granted["after"]
    assert f"(A;ID;0x1301bf;;;{pool})" in fs.access_sddl(f"{SHOP}\\uploads\\2024-06-invoice.pdf")
    restored = _run(
        server,
        Operation.RESTORE,
        Path=f"{SHOP}\\uploads",
        Sddl=granted["before"],
        ExpectedSddl=granted["after"],
    )
    assert (restored["status"], restored["after"]) == ("changed", granted["before"])
    assert {path: fs.sddl(path) for path in watched} == original


def test_stale_callers_are_refused_without_change() -> None:
    server = _server()
    current = server.filesystem.access_sddl(SHOP)
    outcome = _grant(server, SHOP, sids.IUSR, "ReadAndExecute", current + "(A;;FA;;;WD)")
    assert outcome == {"status": "stale", "path": SHOP, "before": current, "after": current}
    restore = _run(server, Operation.RESTORE, Path=SHOP, Sddl="D:AI", ExpectedSddl="D:PAI")
    assert restore["status"] == "stale"
    assert server.filesystem.access_sddl(SHOP) == current


def test_grant_on_missing_path_or_file_fails_like_get_item() -> None:
    server = _server()
    with pytest.raises(ScriptFailed) as missing:
        _grant(server, "D:\\Sites\\Nowhere", sids.IUSR, "Modify", "D:")
    assert missing.value.message == "Cannot find path 'D:\\Sites\\Nowhere' because it does not exist."
    assert missing.value.category == "ObjectNotFound"
    with pytest.raises(ScriptFailed, match="Not a folder"):
        _grant(server, f"{SHOP}\\web.config", sids.IUSR, "Modify", "D:")


def test_restore_with_invalid_sddl_fails_without_change() -> None:
    server = _server()
    current = server.filesystem.access_sddl(SHOP)
    with pytest.raises(ScriptFailed, match="SDDL form of a security descriptor object is invalid"):
        _run(server, Operation.RESTORE, Path=SHOP, Sddl="D:(nonsense)", ExpectedSddl=current)
    assert server.filesystem.access_sddl(SHOP) == current


def test_not_elevated_cannot_read_configuration_or_change_acls() -> None:
    server = _server(elevated=False)
    with pytest.raises(ScriptFailed) as inventory:
        _run(server, Operation.INVENTORY)
    assert inventory.value.message.startswith(
        "Filename: redirection.config\r\nError: Cannot read configuration"
    )
    current = server.filesystem.access_sddl(SHOP)
    with pytest.raises(ScriptFailed) as grant:
        _grant(server, SHOP, sids.IUSR, "Modify", current)
    assert "Attempted to perform an unauthorized operation." in grant.value.message
    assert grant.value.category == "PermissionDenied"
    assert server.filesystem.access_sddl(SHOP) == current


def test_without_web_administration_inventory_reports_only_the_server() -> None:
    inventory = _run(_server(web_administration=False), Operation.INVENTORY)
    assert inventory["server"]["webAdministration"] is False
    assert (inventory["sites"], inventory["appPools"]) == ([], [])


def test_output_is_compressed_powershell_json() -> None:
    text = _server().execute(
        script_text(Operation.PATH_ACCESS), {"Path": "D:\\Sites\\O'Brien Bakery", "Subfolders": True}
    )
    assert text.startswith('{"paths":[{"path":"D:\\\\Sites\\\\O\\u0027Brien Bakery","exists":true,')
    assert json.loads(text)["paths"][0]["children"] == ["images"]


@pytest.mark.parametrize(
    ("given", "children"),
    [
        ({}, None),
        ({"Subfolders": False}, None),
        ({"Subfolders": 0}, None),
        ({"Subfolders": None}, None),
        ({"Subfolders": True}, [["images"], [], None]),
        ({"Subfolders": 1}, [["images"], [], None]),
        ({"Subfolders": 2}, [["images"], [], None]),
    ],
)
def test_subfolders_are_listed_only_when_asked(given: dict[str, object], children: object) -> None:
    # A whole-server check reads thousands of folders and needs none of their listings.
    bakery = "D:\\Sites\\O'Brien Bakery"
    paths = [bakery, bakery + "\\images", bakery + "\\nowhere"]
    answer = json.loads(_server().execute(script_text(Operation.PATH_ACCESS), {"Path": paths, **given}))
    if children is None:
        # Not asked: path-access.ps1 leaves the key out.
        assert all("children" not in entry for entry in answer["paths"])
    else:
        assert [entry["children"] for entry in answer["paths"]] == children


@pytest.mark.parametrize(("value", "dotnet"), [("yes", "System.String"), (["True"], "System.Object[]")])
def test_a_switch_takes_only_booleans_and_numbers(value: object, dotnet: str) -> None:
    with pytest.raises(ScriptFailed) as failure:
        _server().execute(script_text(Operation.PATH_ACCESS), {"Path": [SHOP], "Subfolders": value})
    assert failure.value.error_id == "ParameterArgumentTransformationError"
    assert f"parameter 'Subfolders'. Cannot convert value \"{dotnet}\"" in str(failure.value)


def test_path_access_empty_list_and_unc_paths() -> None:
    server = _server()
    assert _run(server, Operation.PATH_ACCESS, Path=[]) == {"paths": [], "sddls": [], "accounts": {}}
    unc = _run(server, Operation.PATH_ACCESS, Path=["\\\\fs01\\media"])["paths"][0]
    assert (unc["isUnc"], unc["exists"], "sddlIndex" in unc) == (True, False, False)


def test_a_path_list_asks_for_the_same_paths_as_the_array() -> None:
    # -PathList: one string, split at each line feed, for the same answer in the same order.
    paths = [SHOP, "\\\\fs01\\media", SHOP + "\\nowhere", SHOP]
    server = _server()
    listed = _run(server, Operation.PATH_ACCESS, PathList="\n".join(paths), Subfolders=True)
    assert listed == _run(server, Operation.PATH_ACCESS, Path=paths, Subfolders=True)
    assert [entry["path"] for entry in listed["paths"]] == paths


@pytest.mark.parametrize(
    ("parameters", "fragment", "error_id"),
    [
        (
            {"Path": [SHOP], "PathList": SHOP},
            "Parameter set cannot be resolved using the specified named parameters.",
            "AmbiguousParameterSet",
        ),
        (
            {"PathList": ""},
            "because it is an empty string",
            "ParameterArgumentValidationErrorEmptyStringNotAllowed",
        ),
        ({"Subfolders": True}, "missing mandatory parameters: Path.", "MissingMandatoryParameter"),
    ],
)
def test_path_and_path_list_bind_as_two_parameter_sets(
    parameters: dict[str, object], fragment: str, error_id: str
) -> None:
    with pytest.raises(ScriptFailed) as failure:
        _server().execute(script_text(Operation.PATH_ACCESS), parameters)
    assert fragment in failure.value.message
    assert failure.value.error_id == error_id


def test_path_access_names_each_sid_of_the_call_once_and_every_path_sees_its_own() -> None:
    scenario = load_scenario(demo_scenario_path())
    fs = scenario.filesystem
    listing = json.loads((demo_scenario_path() / "filesystem.json").read_text(encoding="utf-8"))["paths"]
    folders = [path for path in listing if fs.is_directory(path)]
    answer = _run(SimulatedServer(scenario), Operation.PATH_ACCESS, Path=["\\\\fs01\\media", *folders])
    pools = pools_by_sid(pool.name for pool in scenario.config.pools)
    # What the script named per folder before the names moved to the top level.
    per_folder = {
        folder: {
            sid: scenario.machine.account_name(sid, pools)
            for sid in (fs.owner(folder), *(ace.sid for ace in fs.dacl(folder).aces))
        }
        for folder in folders
    }
    assert answer["accounts"] == {sid: name for names in per_folder.values() for sid, name in names.items()}
    assert len(folders) > len(answer["accounts"]) > 5
    unc, *parsed = parse_path_access(answer)
    assert unc.accounts == {}
    assert [access.accounts for access in parsed] == list(per_folder.values())


def test_path_access_knows_a_share_however_it_is_spelled() -> None:
    spellings = {
        "\\\\fs01\\media": True,
        "//fs01/media": True,
        "\\\\?\\UNC\\fs01\\media": True,
        "\\\\?\\unc\\fs01\\media": True,
        "\\\\?\\C:\\inetpub": False,
        "\\\\.\\C:\\inetpub": False,
        "C:\\inetpub": False,
    }
    answer = _run(_server(), Operation.PATH_ACCESS, Path=list(spellings))["paths"]
    assert {entry["path"]: entry["isUnc"] for entry in answer} == spellings


def test_environment_expansion_like_windows() -> None:
    machine = Machine(environment={"SystemDrive": "C:", "Site": "shop"})
    assert machine.expand("%systemdrive%\\inetpub\\%SITE%") == "C:\\inetpub\\shop"
    assert machine.expand("%Unknown%\\x\\%SystemDrive%") == "%Unknown%\\x\\C:"
    assert machine.expand("100%\\%SystemDrive%%") == "100%\\C:%"


def test_concurrent_grants_with_the_same_expectation_change_once() -> None:
    server = _server()
    expected = server.filesystem.access_sddl(SHOP)
    start = threading.Barrier(8, timeout=10)
    statuses: list[str] = []

    def grant() -> None:
        start.wait()
        statuses.append(_grant(server, SHOP, sids.IUSR, "ReadAndExecute", expected)["status"])

    threads = [threading.Thread(target=grant) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(statuses) == ["changed"] + ["stale"] * 7
    assert server.filesystem.access_sddl(SHOP).count("S-1-5-17") == 1


def test_operation_delay_holds_the_answer_back() -> None:
    server = _server()
    server.operation_delay_s = 0.2
    started = time.monotonic()
    _run(server, Operation.PATH_ACCESS, Path=[SHOP])
    assert time.monotonic() - started >= 0.2


def test_merge_into_existing_ace_keeps_one_entry() -> None:
    server = _server()
    pool = sids.app_pool_sid("ShopPool")
    first = _grant(server, SHOP, pool, "ReadAndExecute", server.filesystem.access_sddl(SHOP))
    second = _grant(server, SHOP, pool, "Modify", first["after"])
    aces = [ace for ace in sddl.parse_dacl(second["after"]).aces if ace.sid == pool]
    assert [ace.mask for ace in aces] == [sddl.MODIFY]


def test_each_distinct_dacl_is_sent_once_and_entries_name_it_by_index() -> None:
    # As path-access.ps1 answers: the demo's site folders share DACLs inherited from D:\Sites.
    inventory = _run(_server(), Operation.INVENTORY)
    folders = [
        directory["physicalPath"]
        for site in inventory["sites"]
        for application in site["applications"]
        for directory in application["virtualDirectories"]
        if directory["physicalPath"].startswith(("C:", "D:"))
    ]
    answer = _run(_server(), Operation.PATH_ACCESS, Path=folders)
    read = [entry for entry in answer["paths"] if "sddlIndex" in entry]
    assert len(read) > len(answer["sddls"]) > 1
    assert len(set(answer["sddls"])) == len(answer["sddls"])
    assert {entry["sddlIndex"] for entry in read} == set(range(len(answer["sddls"])))
    # Null keys are left out; the entry's DACL is the one the server holds.
    assert all(
        not {"sddl", "error", "errorType", "hresult", "children"} & set(entry) for entry in answer["paths"]
    )
    alone = [_run(_server(), Operation.PATH_ACCESS, Path=[entry["path"]]) for entry in read]
    assert [one["sddls"][0] for one in alone] == [answer["sddls"][entry["sddlIndex"]] for entry in read]
    assert parse_path_access(answer) == [
        parse_path_access(_run(_server(), Operation.PATH_ACCESS, Path=[f]))[0] for f in folders
    ]
