"""Strict parsing of the operation scripts' JSON into the typed model."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from bridge import sids
from bridge.model import (
    Message,
    ModelError,
    TargetRef,
    UnknownTarget,
    parse_acl_change,
    parse_inventory,
    parse_path_access,
    path_entries,
)
from bridge.sddl import SidContext
from bridge.sids import IdentityType
from tests.recordings import ROOT as RECORDINGS

INVENTORY: dict[str, Any] = {
    "server": {
        "computerName": "WEB01",
        "windowsVersion": "10.0.20348",
        "windowsCaption": "Microsoft Windows Server 2022 Standard",
        "iisVersion": "10.0",
        "psVersion": "5.1.20348.2400",
        "elevated": True,
        "webAdministration": True,
    },
    "sites": [
        {
            "name": "Default Web Site",
            "id": 1,
            "state": "Started",
            "bindings": [{"protocol": "http", "bindingInformation": "*:80:"}],
            "applications": [
                {
                    "path": "/",
                    "applicationPool": "DefaultAppPool",
                    "anonymousAuthentication": {"enabled": True, "userName": "IUSR", "userSid": "S-1-5-17"},
                    "virtualDirectories": [
                        {
                            "path": "/",
                            "physicalPath": "%SystemDrive%\\inetpub\\wwwroot",
                            "expandedPhysicalPath": "C:\\inetpub\\wwwroot",
                        },
                        {
                            "path": "/media",
                            "physicalPath": "D:\\media",
                            "expandedPhysicalPath": "D:\\media",
                        },
                    ],
                },
                {
                    "path": "/Blog",
                    "applicationPool": "BlogPool",
                    "anonymousAuthentication": {"enabled": True, "userName": "", "userSid": None},
                    "virtualDirectories": [
                        {"path": "/", "physicalPath": "D:\\blog", "expandedPhysicalPath": "D:\\blog"},
                        {"path": "/images", "physicalPath": "E:\\img", "expandedPhysicalPath": "E:\\img"},
                    ],
                },
            ],
        }
    ],
    "appPools": [
        {
            "name": "DefaultAppPool",
            "state": "Started",
            "identityType": "ApplicationPoolIdentity",
            "userName": None,
            "userSid": None,
            "managedRuntimeVersion": "v4.0",
            "managedPipelineMode": "Integrated",
        },
        {
            "name": "BlogPool",
            "state": "Stopped",
            "identityType": "NetworkService",
            "userName": None,
            "userSid": None,
            "managedRuntimeVersion": "",
            "managedPipelineMode": "Integrated",
        },
        {
            "name": "Svc",
            "state": "Started",
            "identityType": "SpecificUser",
            "userName": "CONTOSO\\websvc",
            "userSid": "S-1-5-21-1-2-3-1105",
            "managedRuntimeVersion": "v4.0",
            "managedPipelineMode": "Classic",
        },
    ],
}

PATHS: dict[str, Any] = {
    "paths": [
        {
            "path": "C:\\inetpub\\wwwroot",
            "exists": True,
            "isDirectory": True,
            "isUnc": False,
            "owner": "S-1-5-32-544",
            "protected": False,
            "sddl": "D:AI(A;OICI;FA;;;DA)(A;OICIID;0x1200a9;;;BU)",
            "children": ["aspnet_client", "uploads"],
            "error": None,
        },
        {
            "path": "\\\\files\\web",
            "exists": False,
            "isDirectory": False,
            "isUnc": True,
            "owner": None,
            "protected": False,
            "sddl": None,
            "children": None,
            "error": None,
        },
        {
            "path": "D:\\Sites\\Shop",
            "exists": True,
            "isDirectory": True,
            "isUnc": False,
            "owner": "S-1-5-18",
            "protected": True,
            "sddl": "D:P(A;OICI;FA;;;SY)",
            "children": [],
            "error": None,
        },
    ],
    "accounts": {
        "S-1-5-32-544": "BUILTIN\\Administrators",
        "S-1-5-21-9-8-7-512": "CONTOSO\\Domain Admins",
        "S-1-5-32-545": None,
        "S-1-5-18": "NT AUTHORITY\\SYSTEM",
    },
}


def inventory_doc() -> dict[str, Any]:
    return copy.deepcopy(INVENTORY)


def test_parse_inventory_reads_every_field() -> None:
    inventory = parse_inventory(inventory_doc())
    assert inventory.server.computer_name == "WEB01"
    assert inventory.server.elevated
    site = inventory.sites[0]
    assert (site.name, site.id, site.state) == ("Default Web Site", 1, "Started")
    assert site.bindings[0].binding_information == "*:80:"
    blog = site.applications[1]
    assert blog.application_pool == "BlogPool"
    assert blog.anonymous.uses_pool_identity
    assert not site.applications[0].anonymous.uses_pool_identity
    assert blog.virtual_directories[1].expanded_physical_path == "E:\\img"
    assert site.applications[0].virtual_directories[0].physical_path == "%SystemDrive%\\inetpub\\wwwroot"


def test_pool_lookup_is_case_insensitive_and_pool_facts() -> None:
    inventory = parse_inventory(inventory_doc())
    default = inventory.pool("defaultapppool")
    assert default is not None
    assert default.sid == "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415"
    assert default.identity_account == "IIS AppPool\\DefaultAppPool"
    assert default.identity_sid == default.sid
    assert inventory.pool("nope") is None
    blog = inventory.pool("BlogPool")
    assert blog is not None
    assert blog.identity_type is IdentityType.NETWORK_SERVICE
    assert blog.identity_account == "NT AUTHORITY\\NETWORK SERVICE"
    assert sids.NETWORK_SERVICE in blog.token
    assert blog.sid in blog.token
    svc = inventory.pool("Svc")
    assert svc is not None
    assert svc.identity_account == "CONTOSO\\websvc"
    assert svc.identity_sid == "S-1-5-21-1-2-3-1105"
    assert "S-1-5-21-1-2-3-1105" in svc.token


def test_indexed_lookups_answer_like_a_scan_in_configuration_order() -> None:
    doc = inventory_doc()
    # Names differing only in case: IIS treats them as one name, and the first one configured wins.
    doc["appPools"].append({**doc["appPools"][0], "name": "DEFAULTAPPPOOL", "state": "Stopped"})
    doc["sites"].append({**doc["sites"][0], "name": "default web site", "id": 2})
    inventory = parse_inventory(doc)
    for name in ("DefaultAppPool", "defaultapppool", "BLOGPOOL", "svc", "Missing"):
        scanned = next((p for p in inventory.app_pools if p.name.casefold() == name.casefold()), None)
        assert inventory.pool(name) is scanned
    for name in ("Default Web Site", "DEFAULT WEB SITE", "Missing"):
        found = next((s for s in inventory.sites if s.name.casefold() == name.casefold()), None)
        assert inventory.site(name) is found
    default_site = inventory.site("DEFAULT WEB SITE")
    assert default_site is not None and default_site.id == 1


@pytest.mark.parametrize(
    ("name", "kind", "path", "text"),
    [
        ("Default Web Site", "site", "C:\\inetpub\\wwwroot", "Default Web Site"),
        ("default web site/", "site", "C:\\inetpub\\wwwroot", "Default Web Site"),
        ("Default Web Site/media", "virtual-directory", "D:\\media", "Default Web Site/media"),
        ("Default Web Site/blog", "application", "D:\\blog", "Default Web Site/Blog"),
        ("Default Web Site/Blog/images", "virtual-directory", "E:\\img", "Default Web Site/Blog/images"),
    ],
)
def test_find_target(name: str, kind: str, path: str, text: str) -> None:
    target = parse_inventory(inventory_doc()).find_target(name)
    assert target.kind == kind
    assert target.physical_path == path
    assert str(target.ref) == text
    assert target.is_site_root == (kind == "site")


def test_find_target_accepts_a_ref_and_lists_all_targets() -> None:
    inventory = parse_inventory(inventory_doc())
    ref = TargetRef("Default Web Site", "/Blog", "/images")
    assert str(ref) == "Default Web Site/Blog/images"
    assert inventory.find_target(ref).directory.physical_path == "E:\\img"
    assert [str(target.ref) for target in inventory.targets()] == [
        "Default Web Site",
        "Default Web Site/media",
        "Default Web Site/Blog",
        "Default Web Site/Blog/images",
    ]


@pytest.mark.parametrize("name", ["Other Site", "Default Web Site/nothing", "Default Web Site/Blog/nothing"])
def test_find_target_unknown(name: str) -> None:
    with pytest.raises(UnknownTarget):
        parse_inventory(inventory_doc()).find_target(name)


def _break(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["server", "elevated"], "yes", r"server\.elevated: expected true or false, got a string"),
        (["sites", 0, "id"], True, r"sites\[0\]\.id: expected an integer, got a boolean"),
        (["sites", 0, "applications", 1, "path"], KeyError, r"sites\[0\]\.applications\[1\]\.path: missing"),
        (["sites", 0, "bindings"], "x", r"sites\[0\]\.bindings: expected an array"),
        (["appPools", 2, "identityType"], "Robot", r"appPools\[2\]\.identityType: unknown value 'Robot'"),
        (
            ["appPools", 0, "identityType"],
            7,
            r"appPools\[0\]\.identityType: unknown value 7; expected one of",
        ),
        (["appPools", 0, "managedPipelineMode"], 2, r"appPools\[0\]\.managedPipelineMode: unknown value 2"),
        (["sites", 0, "state"], "Paused", r"sites\[0\]\.state: unknown value 'Paused'"),
        (["appPools", 0, "state"], True, r"appPools\[0\]\.state: unknown value True"),
        (["server", "windir"], 3, r"server\.windir: expected a string, got a number"),
        (["appPools", 0, "manualGroupMembership"], "yes", r"manualGroupMembership: expected true or false"),
        (["appPools", 0, "name"], None, r"appPools\[0\]\.name: expected a string, got null"),
        (["server"], [], r"server: expected an object, got an array"),
    ],
)
def test_malformed_inventory_names_the_field(path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        parse_inventory(_break(inventory_doc(), path, value))


def test_inventory_must_be_an_object() -> None:
    with pytest.raises(ModelError, match="document: expected an object"):
        parse_inventory([])


def test_powershell_51_wrapped_arrays_are_accepted() -> None:
    doc = inventory_doc()
    doc["appPools"] = {"value": doc["appPools"], "Count": 3}
    assert len(parse_inventory(doc).app_pools) == 3


def test_parse_path_access() -> None:
    wwwroot, unc, _ = parse_path_access(copy.deepcopy(PATHS))
    assert wwwroot.readable
    assert wwwroot.dacl is not None
    assert wwwroot.dacl.aces[0].sid == "S-1-5-21-9-8-7-512"
    assert wwwroot.children == ("aspnet_client", "uploads")
    # Not listed (a share is never opened) is not the same as listed and empty.
    assert unc.children is None
    assert parse_path_access(copy.deepcopy(PATHS))[2].children == ()
    assert wwwroot.account_name("S-1-5-21-9-8-7-512") == "CONTOSO\\Domain Admins"
    assert wwwroot.account_name(sids.USERS) == "BUILTIN\\Users"
    assert unc.is_unc and not unc.readable and unc.dacl is None


def test_each_path_names_its_own_sids_from_the_answers_shared_accounts() -> None:
    wwwroot, unc, shop = parse_path_access(copy.deepcopy(PATHS))
    assert wwwroot.accounts == {
        "S-1-5-32-544": "BUILTIN\\Administrators",
        "S-1-5-21-9-8-7-512": "CONTOSO\\Domain Admins",
        "S-1-5-32-545": None,
    }
    assert unc.accounts == {}
    assert shop.accounts == {"S-1-5-18": "NT AUTHORITY\\SYSTEM"}


def test_a_sid_the_answer_does_not_name_falls_back_to_its_well_known_name() -> None:
    doc = copy.deepcopy(PATHS)
    del doc["accounts"]["S-1-5-18"]
    shop = parse_path_access(doc)[2]
    assert shop.accounts == {}
    assert shop.account_name(sids.SYSTEM) == "NT AUTHORITY\\SYSTEM"


def test_a_domain_alias_the_answers_sids_leave_ambiguous_is_that_folders_error_not_a_guess() -> None:
    doc = copy.deepcopy(PATHS)
    doc["accounts"]["S-1-5-21-4-5-6-512"] = "FABRIKAM\\Domain Admins"
    wwwroot, _unc, shop = parse_path_access(doc)
    assert wwwroot.dacl is None and not wwwroot.readable
    assert wwwroot.error is not None and "SID alias 'DA'" in wwwroot.error and "not guessed" in wwwroot.error
    assert shop.readable


def test_a_domain_alias_expands_with_the_domain_sid_the_inventory_reported() -> None:
    doc = copy.deepcopy(PATHS)
    doc["accounts"]["S-1-5-21-4-5-6-512"] = "FABRIKAM\\Domain Admins"
    wwwroot = parse_path_access(doc, SidContext(domain="S-1-5-21-4-5-6"))[0]
    assert wwwroot.dacl is not None
    assert "S-1-5-21-4-5-6-512" in {ace.sid for ace in wwwroot.dacl.aces}


def test_path_access_errors_carry_the_exception_type_and_hresult() -> None:
    doc = copy.deepcopy(PATHS)
    doc["paths"][2].update(
        sddl=None,
        owner=None,
        error="The device is not ready.",
        errorType="System.IO.IOException",
        hresult=-2147024875,
    )
    shop = parse_path_access(doc)[2]
    assert (shop.error_type, shop.hresult, shop.readable) == ("System.IO.IOException", -2147024875, False)
    assert parse_path_access(copy.deepcopy(PATHS))[2].error_type is None


def test_path_access_without_shared_accounts_is_malformed() -> None:
    doc = copy.deepcopy(PATHS)
    del doc["accounts"]
    with pytest.raises(ModelError, match=r"^accounts: missing"):
        parse_path_access(doc)


def test_path_access_with_bad_sddl_names_the_field() -> None:
    doc = copy.deepcopy(PATHS)
    doc["paths"][0]["sddl"] = "D:(A;;FA;;;QQ)"
    with pytest.raises(ModelError, match=r"paths\[0\]\.sddl: invalid SID 'QQ'"):
        parse_path_access(doc)


def test_path_access_with_bad_account_names_the_field() -> None:
    doc = copy.deepcopy(PATHS)
    doc["accounts"]["S-1-5-32-544"] = 5
    with pytest.raises(ModelError, match=r"^accounts\.S-1-5-32-544: expected a string or null"):
        parse_path_access(doc)
    doc = copy.deepcopy(PATHS)
    doc["paths"][0]["children"] = [1]
    with pytest.raises(ModelError, match=r"paths\[0\]\.children\[0\]"):
        parse_path_access(doc)


def test_parse_acl_change() -> None:
    change = parse_acl_change(
        {"status": "changed", "path": "C:\\x", "before": "D:", "after": "D:(A;;FA;;;SY)"}
    )
    assert change.status == "changed"
    assert change.after == "D:(A;;FA;;;SY)"
    with pytest.raises(ModelError, match="status"):
        parse_acl_change({"status": "done", "path": "C:\\x", "before": "D:", "after": "D:"})
    with pytest.raises(ModelError, match="before: missing"):
        parse_acl_change({"status": "stale", "path": "C:\\x", "after": "D:"})


def test_message_describes_itself_from_code_template_and_params() -> None:
    message = Message("path-unc", "{path} is on another server.", {"path": "\\\\fs\\web"})
    assert message.describe() == "\\\\fs\\web is on another server."
    assert message.code == "path-unc"


def test_enumerations_are_read_as_names_or_as_their_documented_numbers() -> None:
    doc = inventory_doc()
    pools = doc["appPools"]
    for pool, (identity, pipeline, state) in zip(
        pools, [(4, 1, 3), (2, 0, 1), ("3", "integrated", 0)], strict=True
    ):
        pool.update(identityType=identity, managedPipelineMode=pipeline, state=state)
    doc["sites"][0]["state"] = 4
    inventory = parse_inventory(doc)
    assert [pool.identity_type.value for pool in inventory.app_pools] == [
        "ApplicationPoolIdentity",
        "NetworkService",
        "SpecificUser",
    ]
    assert [pool.managed_pipeline_mode for pool in inventory.app_pools] == [
        "Classic",
        "Integrated",
        "Integrated",
    ]
    assert [pool.state for pool in inventory.app_pools] == ["Stopped", "Started", "Starting"]
    assert inventory.sites[0].state == "Unknown"


def test_todays_schema_without_the_new_keys_still_parses_as_unknown() -> None:
    inventory = parse_inventory(inventory_doc())
    server = inventory.server
    assert (server.windir, server.system_drive, server.profiles_directory, server.machine_sid) == (None,) * 4
    assert server.domain_sid is None and server.forest_root_sid is None
    assert not any(pool.manual_group_membership for pool in inventory.app_pools)
    assert all(app.config_error is None for site in inventory.sites for app in site.applications)


def test_the_new_server_and_pool_keys_are_read() -> None:
    doc = inventory_doc()
    doc["server"].update(
        windir="D:\\Windows",
        systemDrive="D:",
        programFiles="D:\\Program Files",
        programFilesX86="D:\\Program Files (x86)",
        programData="D:\\ProgramData",
        profilesDirectory="E:\\Profiles",
        machineSid="S-1-5-21-1-2-3",
        domainSid="S-1-5-21-4-5-6",
        forestRootSid=None,
    )
    doc["appPools"][1]["manualGroupMembership"] = True
    doc["sites"][0]["applications"][1]["configError"] = "Configuration file is not well-formed XML"
    inventory = parse_inventory(doc)
    server = inventory.server
    assert (server.windir, server.program_files_x86, server.profiles_directory) == (
        "D:\\Windows",
        "D:\\Program Files (x86)",
        "E:\\Profiles",
    )
    assert (server.machine_sid, server.domain_sid, server.forest_root_sid) == (
        "S-1-5-21-1-2-3",
        "S-1-5-21-4-5-6",
        None,
    )
    assert [pool.manual_group_membership for pool in inventory.app_pools] == [False, True, False]
    assert inventory.sites[0].applications[1].config_error == "Configuration file is not well-formed XML"


def test_the_hand_made_windows_server_2022_recording_parses() -> None:
    # As PowerShell 5.1 on a real server is believed to print it (tests/recordings/ws2022-numbers/README.txt).
    text = (RECORDINGS / "ws2022-numbers" / "inventory.json").read_text(encoding="utf-8-sig")
    assert "\\u0027" in text and "\\u0026" in text and '"Count":2' in text
    inventory = parse_inventory(json.loads(text))
    assert inventory.server.windir == "D:\\Windows" and inventory.server.domain_sid is not None
    assert inventory.server.forest_root_sid == inventory.server.domain_sid
    obrien = inventory.find_target("O'Brien & Sons")
    assert obrien.application.anonymous.uses_pool_identity
    shop = inventory.find_target("O'Brien & Sons/shop/media")
    assert shop.physical_path == "\\\\files01\\media"
    assert shop.application.config_error is not None and "not well-formed" in shop.application.config_error
    assert [site.state for site in inventory.sites] == ["Started", "Stopped", "Unknown"]
    pools = {pool.name: pool for pool in inventory.app_pools}
    assert pools["O'Brien"].manual_group_membership and pools["O'Brien"].managed_runtime_version == ""
    assert (pools["Legacy"].identity_type.value, pools["Legacy"].managed_pipeline_mode) == (
        "NetworkService",
        "Classic",
    )
    assert pools["Svc"].identity_sid == "S-1-5-21-1004336348-1177238915-682003330-4121"
    assert pools["Orphan"].identity_type.value == "SpecificUser" and pools["Orphan"].identity_sid is None
    assert pools["Orphan"].state == "Starting"


def _indexed(document: dict[str, Any]) -> dict[str, Any]:
    """The answer as path-access.ps1 now sends it: each distinct SDDL once, named by index; null
    keys (error, errorType, hresult, and sddl itself) left out."""
    sddls: dict[str, int] = {}
    paths = []
    for entry in document["paths"]:
        sent = {
            key: value
            for key, value in entry.items()
            if key != "sddl" and (value is not None or key == "owner")
        }
        if entry.get("sddl") is not None:
            sent["sddlIndex"] = sddls.setdefault(entry["sddl"], len(sddls))
        paths.append(sent)
    return {"paths": paths, "sddls": list(sddls), "accounts": document["accounts"]}


def test_dacls_named_by_index_read_as_the_same_dacls_inline() -> None:
    doc = copy.deepcopy(PATHS)
    doc["paths"].append({**doc["paths"][0], "path": "C:\\inetpub\\wwwroot\\app"})
    indexed = _indexed(doc)
    assert indexed["sddls"] == [doc["paths"][0]["sddl"], doc["paths"][2]["sddl"]]
    assert "error" not in indexed["paths"][0] and "sddlIndex" not in indexed["paths"][1]
    assert parse_path_access(indexed) == parse_path_access(doc)
    # The entries of one SDDL share its parse, as inline ones do.
    wwwroot, _unc, _shop, app = parse_path_access(indexed)
    assert wwwroot.dacl is app.dacl
    # Windows PowerShell 5.1's array wrapper is read there as anywhere.
    wrapped = {**indexed, "sddls": {"value": indexed["sddls"], "Count": 2}}
    assert parse_path_access(wrapped) == parse_path_access(doc)
    # What a recording keeps: each entry on its own with its DACL inline, in the entry's order.
    assert [entry.get("sddl") for entry in path_entries(indexed)] == [entry["sddl"] for entry in doc["paths"]]
    assert list(path_entries(indexed)[0]) == [key for key in indexed["paths"][0] if key != "sddlIndex"] + [
        "sddl"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda doc: doc["paths"][0].update(sddlIndex=7),
            r"paths\[0\]\.sddlIndex: 7 names no entry of sddls",
        ),
        (lambda doc: doc["paths"][0].update(sddlIndex=-1), r"paths\[0\]\.sddlIndex: -1 names no entry"),
        (lambda doc: doc["paths"][0].update(sddlIndex="0"), r"paths\[0\]\.sddlIndex: expected an integer"),
        (lambda doc: doc.update(sddls=["D:(A;;FA;;;QQ)", "D:P"]), r"^sddls\[0\]: invalid SID 'QQ'"),
        (lambda doc: doc.update(sddls=[1, 2]), r"^sddls\[0\]: expected a string"),
        (lambda doc: doc.pop("sddls"), r"paths\[0\]\.sddlIndex: 0 names no entry of sddls"),
    ],
)
def test_a_dacl_index_that_names_nothing_readable_is_malformed(change: Any, message: str) -> None:
    doc = _indexed(copy.deepcopy(PATHS))
    change(doc)
    with pytest.raises(ModelError, match=message):
        parse_path_access(doc)
