"""``iis-access members`` and manualGroupMembership's effect on the check, as a CLI against the lab."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.sids import app_pool_sid
from tests.e2e.lab import PASSWORD, USER, HookedServer, Result, connection_options, run_cli
from tests.e2e.scenarios import ORPHAN, write_manual_scenario, write_scenario


def _cli(host: LabHost, data_dir: Path, *arguments: str) -> Result:
    result = run_cli([*connection_options(host, "ntlm"), *arguments], data_dir)
    assert result.code in (0, 1), result.stderr
    return result


@pytest.fixture
def manual(tmp_path: Path) -> HookedServer:
    machine = {"localGroups": {"S-1-5-32-568": [app_pool_sid("Listed"), ORPHAN]}}
    return HookedServer(SimulatedServer.from_scenario(write_manual_scenario(tmp_path / "scenario", machine)))


def test_members_lists_stored_runtime_and_manual_pools_with_an_orphaned_member(
    manual: HookedServer, tmp_path: Path
) -> None:
    with LabHost(manual, user=USER, password=PASSWORD) as host:
        document = _cli(host, tmp_path / "data", "members", "iis-iusrs", "--json").json()
        text = _cli(host, tmp_path / "data", "members", "iis-iusrs").stdout
        assert [entry["operation"] for entry in host.records] == ["inventory", "group-members"] * 2
    assert document["group"] == {"name": "BUILTIN\\IIS_IUSRS", "sid": "S-1-5-32-568"}
    assert document["members"] == [
        {"name": "IIS AppPool\\Listed", "sid": app_pool_sid("Listed"), "kind": "stored"},
        {"name": None, "sid": ORPHAN, "kind": "stored"},
    ]
    assert [(entry["pool"], entry["sid"], entry["kind"]) for entry in document["runtime"]] == [
        ("DefaultAppPool", app_pool_sid("DefaultAppPool"), "runtime"),
        ("ShopPool", app_pool_sid("ShopPool"), "runtime"),
    ]
    assert [(entry["pool"], entry["carriesGroup"]) for entry in document["exceptions"]] == [
        ("Unlisted", False),
        ("Listed", True),
    ]
    assert "IIS AppPool\\Listed is a stored member" in document["exceptions"][1]["reason"]
    assert document["note"].startswith("IUSR is not a member of IIS_IUSRS")
    assert f"{ORPHAN}  (this server cannot name it" in text
    assert text.index("Stored members") < text.index("Added at run time") < text.index("Exceptions")
    assert text.rstrip().endswith("does not let anonymous requests in.")


def test_a_manual_pool_counts_iis_iusrs_only_as_a_stored_member_and_says_why(
    manual: HookedServer, tmp_path: Path
) -> None:
    with LabHost(manual, user=USER, password=PASSWORD) as host:
        unlisted = _cli(host, tmp_path / "data", "check", "Unlisted", "--json").json()
        listed = _cli(host, tmp_path / "data", "check", "Listed", "--json").json()
        # A pool that sets manualGroupMembership costs the check one more round trip, not one per pool.
        every = [entry["operation"] for entry in host.records]
        assert every == ["inventory", "group-members", "path-access"] * 2
    worker = unlisted["requirements"][0]
    assert (worker["role"], worker["ok"], worker["effective"]) == ("worker", False, "none")
    assert "sets manualGroupMembership and IIS AppPool\\Unlisted is not a stored member" in worker["reason"]
    worker = listed["requirements"][0]
    assert (worker["ok"], worker["effective"]) == (True, "read-execute")
    assert "because IIS AppPool\\Listed is a stored member" in worker["reason"]


def test_a_server_without_stored_members_and_with_german_names(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "scenario")
    german = {"VORDEFINIERT\\IIS_IUSRS": "S-1-5-32-568", "VORDEFINIERT\\Benutzer": "S-1-5-32-545"}
    (folder / "machine.json").write_text(json.dumps({"accounts": german}), encoding="utf-8")
    with LabHost(HookedServer(SimulatedServer.from_scenario(folder)), user=USER, password=PASSWORD) as host:
        iis_iusrs = _cli(host, tmp_path / "data", "members", "iis-iusrs", "--json").json()
        users = _cli(host, tmp_path / "data", "members", "users").stdout
        authenticated = _cli(host, tmp_path / "data", "members", "authenticated-users", "--json").json()
        check = [entry["operation"] for entry in host.records]
    assert iis_iusrs["group"]["name"] == "VORDEFINIERT\\IIS_IUSRS"
    assert iis_iusrs["members"] == [] and iis_iusrs["exceptions"] == []
    assert [entry["pool"] for entry in iis_iusrs["runtime"]] == ["DefaultAppPool", "ShopPool"]
    assert users.startswith("VORDEFINIERT\\Benutzer (S-1-5-32-545)")
    assert "NT AUTHORITY\\INTERACTIVE  S-1-5-4" in users and "NT AUTHORITY\\IUSR  S-1-5-17" in users
    # Authenticated Users is computed at sign-in: nothing to read, IUSR among who carries it.
    assert authenticated["members"] == []
    assert {
        "name": "NT AUTHORITY\\IUSR",
        "sid": "S-1-5-17",
        "pool": None,
        "kind": "runtime",
    } in authenticated["runtime"]
    assert check == ["inventory", "group-members", "inventory", "group-members", "inventory"]


def test_an_unknown_group_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(["members", "administrators"], tmp_path / "data")
    assert result.code == 2
    assert "invalid choice" in result.stderr


def test_the_warning_that_iis_iusrs_reaches_every_pool_names_the_manual_pools_it_does_not(
    manual: HookedServer, tmp_path: Path
) -> None:
    with LabHost(manual, user=USER, password=PASSWORD) as host:
        result = _cli(host, tmp_path / "data", "grant", "iis-iusrs-modify", "Shop", "--dry-run", "--json")
        label = f"127.0.0.1:{host.port}"
    [warning] = result.json()["plan"]["warnings"]
    # Listed's identity is a stored member, so its worker carries the group: only Unlisted is the exception.
    # The host as the admin named it, with its port (as plans and the history name it).
    assert f"every application pool on {label} except Unlisted (they set manualGroupMembership)" in warning


def test_without_manual_pools_the_warning_says_every_pool(tmp_path: Path) -> None:
    server = HookedServer(SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario")))
    with LabHost(server, user=USER, password=PASSWORD) as host:
        result = _cli(host, tmp_path / "data", "grant", "iis-iusrs-modify", "Shop", "--dry-run", "--json")
        label = f"127.0.0.1:{host.port}"
    [warning] = result.json()["plan"]["warnings"]
    assert f"every application pool on {label}: with Modify" in warning and "except" not in warning
