"""The demo server tells the "who needs what" story at a glance, and its data is consistent."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest

from bridge import sddl, sids
from bridge.lab.ntfs import inherited_aces
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.model import path_entries
from bridge.scripts import Operation, script_text


@pytest.fixture(scope="module")
def server() -> SimulatedServer:
    return SimulatedServer.from_scenario(demo_scenario_path())


@pytest.fixture(scope="module")
def inventory(server: SimulatedServer) -> Any:
    return json.loads(server.execute(script_text(Operation.INVENTORY), {}))


def _root(inventory: Any, site: str, app: str = "/") -> Any:
    found = next(s for s in inventory["sites"] if s["name"] == site)
    return next(a for a in found["applications"] if a["path"] == app)


def _answer(server: SimulatedServer, path: str) -> Any:
    return json.loads(
        server.execute(script_text(Operation.PATH_ACCESS), {"Path": [path], "Subfolders": True})
    )


def _folder(server: SimulatedServer, path: str) -> Any:
    return path_entries(_answer(server, path))[0]


def _can(entry: Any, token: Iterable[str], rights: int = sddl.READ_AND_EXECUTE) -> bool:
    """Allow minus deny over the ACEs that apply to the folder itself."""
    wanted = set(token)
    aces = [a for a in sddl.parse_dacl(entry["sddl"]).aces if a.applies_to_folder and a.sid in wanted]
    allowed = denied = 0
    for ace in aces:
        if ace.is_allow:
            allowed |= sddl.map_generic(ace.mask)
        elif ace.is_deny:
            denied |= sddl.map_generic(ace.mask)
    return (allowed & ~denied & rights) == rights


def _worker(inventory: Any, pool_name: str) -> frozenset[str]:
    pool = next(p for p in inventory["appPools"] if p["name"] == pool_name)
    return sids.worker_token(pool_name, sids.IdentityType(pool["identityType"]), pool["userSid"])


def _site_folder(inventory: Any, site: str, app: str = "/") -> str:
    path: str = _root(inventory, site, app)["virtualDirectories"][0]["expandedPhysicalPath"]
    return path


def test_demo_is_big_enough_to_be_believable(inventory: Any) -> None:
    assert len(inventory["sites"]) >= 6
    assert {p["identityType"] for p in inventory["appPools"]} == {
        "ApplicationPoolIdentity",
        "NetworkService",
        "LocalService",
        "LocalSystem",
        "SpecificUser",
    }
    names = [s["name"] for s in inventory["sites"]]
    assert any(" " in n for n in names) and any("'" in n for n in names)
    assert any(not n.isascii() for n in names)
    assert all(len(s["applications"][0]["virtualDirectories"]) >= 1 for s in inventory["sites"])


def test_default_web_site_serves_anonymous_through_users_not_an_iusr_entry(
    server: SimulatedServer, inventory: Any
) -> None:
    folder = _site_folder(inventory, "Default Web Site")
    assert _root(inventory, "Default Web Site")["virtualDirectories"][0]["physicalPath"].startswith(
        "%SystemDrive%"
    )
    answer = _answer(server, folder)
    entry = path_entries(answer)[0]
    assert sids.IUSR not in answer["accounts"]
    assert _can(entry, sids.anonymous_token())
    assert _can(entry, _worker(inventory, "DefaultAppPool"))


def test_obrien_bakery_answers_401_3_because_iusr_cannot_read(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "O'Brien Bakery")
    assert app["anonymousAuthentication"] == {"enabled": True, "userName": "IUSR", "userSid": sids.IUSR}
    entry = _folder(server, _site_folder(inventory, "O'Brien Bakery"))
    assert entry["protected"] is True
    assert not _can(entry, sids.anonymous_token())
    assert _can(entry, _worker(inventory, app["applicationPool"]))


def test_partner_api_answers_500_19_because_its_pool_cannot_read(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "Partner API")
    entry = _folder(server, _site_folder(inventory, "Partner API"))
    assert not _can(entry, _worker(inventory, app["applicationPool"]))
    assert _can(entry, sids.anonymous_token())


def test_kunden_portal_runs_anonymous_as_its_pool_which_can_read(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "Kunden-Portal Müller")
    assert app["anonymousAuthentication"]["userName"] == ""
    answer = _answer(server, _site_folder(inventory, "Kunden-Portal Müller"))
    entry = path_entries(answer)[0]
    assert not _can(entry, sids.anonymous_token())
    assert _can(entry, _worker(inventory, app["applicationPool"]))
    assert (
        answer["accounts"][sids.app_pool_sid("Kunden-Portal Müller")] == "IIS AppPool\\Kunden-Portal Müller"
    )


def test_shop_uploads_needs_modify_for_its_pool(server: SimulatedServer, inventory: Any) -> None:
    root = _site_folder(inventory, "Contoso Shop")
    assert "uploads" in _folder(server, root)["children"]
    uploads = _folder(server, root + "\\uploads")
    worker = _worker(inventory, _root(inventory, "Contoso Shop")["applicationPool"])
    assert _can(uploads, worker) and not _can(uploads, worker, sddl.MODIFY)


def test_shop_has_a_media_share_and_intranet_has_anonymous_off(inventory: Any) -> None:
    media = _root(inventory, "Contoso Shop")["virtualDirectories"][1]
    assert media["expandedPhysicalPath"].startswith("\\\\")
    assert _root(inventory, "Intranet")["anonymousAuthentication"]["enabled"] is False


def test_every_pool_sid_in_the_filesystem_belongs_to_a_pool(server: SimulatedServer, inventory: Any) -> None:
    pool_sids = {sids.app_pool_sid(p["name"]) for p in inventory["appPools"]}
    text = (demo_scenario_path() / "filesystem.json").read_text(encoding="utf-8")
    used = {
        ace.sid
        for spec in json.loads(text)["paths"].values()
        for ace in sddl.parse_dacl(spec["sddl"]).aces
        if ace.sid.startswith(sids.APP_POOL_PREFIX)
    }
    assert used and used <= pool_sids


def test_inherited_aces_match_what_windows_derives_from_the_parent() -> None:
    paths = json.loads((demo_scenario_path() / "filesystem.json").read_text(encoding="utf-8"))["paths"]
    lookup = {path.lower().rstrip("\\"): spec for path, spec in paths.items()}
    for path, spec in paths.items():
        dacl = sddl.parse_dacl(spec["sddl"])
        parent = lookup.get(path.rstrip("\\").rpartition("\\")[0].lower())
        if dacl.protected or parent is None:
            continue
        expected = inherited_aces(
            sddl.parse_dacl(parent["sddl"]), child_is_directory=spec["type"] == "directory"
        )
        assert tuple(a for a in dacl.aces if a.inherited) == expected, path


def test_every_site_folder_exists(server: SimulatedServer, inventory: Any) -> None:
    for site in inventory["sites"]:
        for app in site["applications"]:
            for directory in app["virtualDirectories"]:
                path = directory["expandedPhysicalPath"]
                if path.startswith("\\\\") or "%" in path:
                    continue
                assert _folder(server, path)["exists"], path


def _memberships(inventory: Any) -> dict[str, Any]:
    return {entry["sid"]: entry for entry in inventory["memberships"]}


def test_the_demo_is_domain_joined_and_names_its_computer_account(inventory: Any) -> None:
    server = inventory["server"]
    assert server["domainSid"] is not None
    assert server["computerAccount"]["name"] == "CORP\\WEB01$"
    assert server["computerAccount"]["sid"].startswith(server["domainSid"] + "-")


def test_records_archive_scans_reads_as_a_connect_as_user_who_lacks_read(
    server: SimulatedServer, inventory: Any
) -> None:
    scans = _root(inventory, "Records Archive")["virtualDirectories"][1]
    assert scans["userName"] == "CORP\\svc-archive" and scans["passwordSet"] is True
    assert scans["logonMethod"] == "Network" and scans["userSid"] is not None
    membership = _memberships(inventory)[scans["userSid"]]
    assert membership["complete"] is True
    entry = _folder(server, scans["expandedPhysicalPath"])
    assert not _can(entry, {scans["userSid"], *membership["groups"], sids.EVERYONE, sids.AUTHENTICATED_USERS})


@pytest.mark.parametrize(
    ("site", "identity_type"),
    [
        ("Photo Library", "ApplicationPoolIdentity"),
        ("Downloads", "LocalService"),
    ],
)
def test_sites_on_a_share_pass_through(inventory: Any, site: str, identity_type: str) -> None:
    app = _root(inventory, site)
    directory = app["virtualDirectories"][0]
    assert directory["expandedPhysicalPath"].startswith("\\\\") and directory["userName"] == ""
    pool = next(p for p in inventory["appPools"] if p["name"] == app["applicationPool"])
    assert pool["identityType"] == identity_type


def test_hr_portal_signs_users_in_and_lets_only_hr_staff_through_who_may_read(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "HR Portal")
    assert app["authentication"]["windows"] is True and app["anonymousAuthentication"]["enabled"] is False
    allow = [rule for rule in app["authorization"] if rule["accessType"] == "Allow"]
    assert [account["name"] for rule in allow for account in rule["accounts"]] == ["CORP\\HR-Staff"]
    assert all(rule["users"] != "*" for rule in allow)
    hr_staff = allow[0]["accounts"][0]["sid"]
    assert hr_staff is not None
    assert _can(_folder(server, _site_folder(inventory, "HR Portal")), {hr_staff})


def test_timesheets_impersonates_a_named_user_who_cannot_write_app_data(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "Timesheets")
    impersonation = app["impersonation"]
    assert impersonation["enabled"] is True and impersonation["userName"] == "WEB01\\svc-timesheets"
    groups = _memberships(inventory)[impersonation["userSid"]]["groups"]
    token = {impersonation["userSid"], *groups, sids.EVERYONE, sids.AUTHENTICATED_USERS}
    folder = _site_folder(inventory, "Timesheets")
    assert _can(_folder(server, folder), token)
    assert not _can(_folder(server, folder + "\\App_Data"), token, sddl.MODIFY)


def test_supplier_portal_web_config_is_unreadable_by_its_pool(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "Supplier Portal")
    folder = _site_folder(inventory, "Supplier Portal")
    worker = _worker(inventory, app["applicationPool"])
    assert _can(_folder(server, folder), worker)
    web_config = _folder(server, folder + "\\web.config")
    assert web_config["protected"] is True and not _can(web_config, worker)


def test_payroll_runs_32_bit_and_its_temporary_asp_net_files_lost_iis_iusrs(
    server: SimulatedServer, inventory: Any
) -> None:
    app = _root(inventory, "Payroll 32-bit")
    pool = next(p for p in inventory["appPools"] if p["name"] == app["applicationPool"])
    assert pool["enable32BitAppOnWin64"] is True and pool["managedRuntimeVersion"] == "v4.0"
    net = "C:\\Windows\\Microsoft.NET\\"
    worker = _worker(inventory, pool["name"])
    temporary = "\\v4.0.30319\\Temporary ASP.NET Files"
    assert not _can(_folder(server, net + "Framework" + temporary), worker, sddl.MODIFY)
    # Every other .NET 4 pool is 64-bit and compiles in Framework64's, where IIS_IUSRS may modify.
    assert _can(_folder(server, net + "Framework64" + temporary), worker, sddl.MODIFY)
    legacy = _worker(inventory, "LegacyPool")
    assert _can(
        _folder(server, net + "Framework64\\v2.0.50727\\Temporary ASP.NET Files"), legacy, sddl.MODIFY
    )


def test_billing_pool_user_reads_through_its_group(server: SimulatedServer, inventory: Any) -> None:
    app = _root(inventory, "Billing")
    pool = next(p for p in inventory["appPools"] if p["name"] == app["applicationPool"])
    assert pool["identityType"] == "SpecificUser" and pool["userName"] == "CORP\\svc-billing"
    membership = _memberships(inventory)[pool["userSid"]]
    entry = _folder(server, _site_folder(inventory, "Billing"))
    assert not _can(entry, {pool["userSid"]})
    assert _can(entry, {pool["userSid"], *membership["groups"]})
