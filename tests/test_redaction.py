"""Redaction keeps what the verdicts read and replaces what names the customer, consistently."""

from __future__ import annotations

import pytest

from bridge import safety, sids
from bridge.recording import Recording
from bridge.redaction import Redactor
from bridge.scripts import Operation

PATHS = [
    "D:\\Sites\\Contoso Shop\\uploads",
    "C:\\inetpub\\wwwroot",
    "C:\\Windows\\Temp\\Contoso",
    "C:\\Program Files (x86)\\Contoso\\web",
    "C:\\ProgramData\\Contoso",
    "C:\\Users\\jdoe",
    "C:\\Users",
    "E:\\",
    "\\\\fileserver\\share$\\contoso",
    "//fileserver/share/contoso",
    "\\\\?\\UNC\\fileserver\\share\\x",
    "\\\\?\\D:\\Sites\\Contoso",
    "D:\\Sites\\CONTOS~1\\web",
    "D:\\Sites\\Contoso\\file.txt:secret",
    "D:\\Sites\\Contoso. \\web.config",
    "%SystemDrive%\\inetpub\\Contoso",
    "D:/Sites//Contoso/../Other",
]


@pytest.mark.parametrize("path", PATHS)
def test_a_redacted_path_keeps_every_verdict(path: str) -> None:
    redactor = Redactor("WEB01")
    redacted = redactor.path(path)
    assert "ontoso" not in redacted and "fileserver" not in redacted and "jdoe" not in redacted
    for windir in (None, "C:\\Windows"):
        left, right = safety.refusal_for(path, windir=windir), safety.refusal_for(redacted, windir=windir)
        assert (left and left.code) == (right and right.code)
    assert safety.is_unc(path) == safety.is_unc(redacted)
    assert safety.normalize(path).count("\\") == safety.normalize(redacted).count("\\")
    assert redactor.path(path) == redacted, "stable"
    mapping = redactor.mapping()
    restored = redacted
    for placeholder in sorted(mapping, key=len, reverse=True):
        restored = restored.replace(placeholder, mapping[placeholder])
    assert restored == path


def test_components_map_the_same_in_every_path_and_in_children() -> None:
    redactor = Redactor("WEB01")
    parent = redactor.path("D:\\Sites\\Contoso")
    child = redactor.path("D:\\Sites\\Contoso\\Images")
    document = redactor.document({"paths": [{"path": "D:\\Sites\\Contoso", "children": ["Images", "bin"]}]})
    assert child == parent + "\\" + document["paths"][0]["children"][0]
    assert document["paths"][0]["children"][1] == "bin"


def test_case_variants_share_a_placeholder_in_their_case() -> None:
    redactor = Redactor(None)
    assert redactor.path("D:\\Shop") == "D:\\Dir-0001"
    assert redactor.path("D:\\shop") == "D:\\dir-0001"
    assert redactor.path("D:\\SHOP") == "D:\\DIR-0001"
    assert safety.same_path(redactor.path("D:\\Shop"), redactor.path("d:\\SHOP"))


def test_pools_and_their_sids_move_together() -> None:
    redactor = Redactor.for_inventory(
        {"server": {"computerName": "WEB01"}, "appPools": [{"name": "ShopPool"}]}
    )
    placeholder = redactor.pool("ShopPool")
    assert placeholder == "Pool-0001"
    assert redactor.sid(sids.app_pool_sid("ShopPool")) == sids.app_pool_sid(placeholder)
    acl = f"D:(A;OICI;0x1301bf;;;{sids.app_pool_sid('ShopPool')})(A;;FA;;;SY)"
    assert redactor.sddl(acl) == f"D:(A;OICI;0x1301bf;;;{sids.app_pool_sid(placeholder)})(A;;FA;;;SY)"
    assert (
        redactor.account("IIS APPPOOL\\ShopPool", sids.app_pool_sid("ShopPool")) == "IIS APPPOOL\\Pool-0001"
    )
    gone = sids.app_pool_sid("DeletedPool")
    assert redactor.sid(gone) == redactor.sid(gone) != gone
    assert redactor.mapping()[redactor.sid(gone)] == gone


def test_machine_and_domain_sids_keep_their_relative_ids_and_well_known_ones_stay() -> None:
    redactor = Redactor("WEB01")
    machine = redactor.sid("S-1-5-21-3623811015-3361044348-30300820-500")
    domain = redactor.sid("S-1-5-21-1004336348-1177238915-682003330-512")
    assert machine.endswith("-500") and domain.endswith("-512")
    assert machine.rpartition("-")[0] != domain.rpartition("-")[0]
    assert (
        redactor.sid("S-1-5-21-3623811015-3361044348-30300820-1013").rpartition("-")[0]
        == machine.rpartition("-")[0]
    )
    for well_known in (
        "S-1-5-17",
        "S-1-5-32-568",
        "S-1-5-18",
        "S-1-1-0",
        "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",
    ):
        assert redactor.sid(well_known) == well_known


def test_accounts_are_replaced_unless_well_known() -> None:
    redactor = Redactor("WEB01")
    assert redactor.account("NT AUTHORITY\\IUSR", "S-1-5-17") == "NT AUTHORITY\\IUSR"
    assert redactor.account("NT-AUTORITÄT\\IUSR", None) == "NT-AUTORITÄT\\IUSR"
    assert redactor.account("IUSR") == "IUSR"
    local = redactor.account("WEB01\\svc-web", "S-1-5-21-1-2-3-1001")
    assert local == "HOST-0001\\user-0001"
    assert redactor.account("CONTOSO\\svc-web", "S-1-5-21-4-5-6-1001") == "DOMAIN-0001\\user-0001"
    assert redactor.account("jdoe@contoso.com") == "user-0002@host-0001.example"


def test_binding_hosts_are_replaced_addresses_and_ports_kept() -> None:
    redactor = Redactor(None)
    assert redactor.binding("*:443:www.contoso.com") == "*:443:host-0001.example"
    assert redactor.binding("10.0.0.5:80:") == "10.0.0.5:80:"
    assert redactor.binding("[::1]:8080:shop.contoso.com") == "[::1]:8080:host-0002.example"
    assert redactor.binding("808:*") == "808:*"


def test_free_text_quotes_no_known_name() -> None:
    redactor = Redactor("WEB01")
    document = redactor.document(
        {
            "probes": [
                {
                    "name": "accessControl",
                    "value": {"path": "D:\\Sites\\Contoso"},
                    "error": {"type": "X", "message": "Cannot find path 'D:\\Sites\\Contoso' on WEB01."},
                }
            ]
        }
    )
    message = document["probes"][0]["error"]["message"]
    assert "Contoso" not in message and "WEB01" not in message
    assert document["probes"][0]["name"] == "accessControl"


def test_a_recording_merges_answers_per_path_keeping_the_fullest() -> None:
    recording = Recording()
    recording.add(Operation.INVENTORY, {"first": True})
    recording.add(Operation.INVENTORY, {"first": False})
    entry = {"path": "D:\\a", "children": None}
    recording.add(Operation.PATH_ACCESS, {"paths": [entry], "accounts": {"S-1-5-18": None}})
    recording.add(
        Operation.PATH_ACCESS,
        {"paths": [dict(entry, children=["x"]), {"path": "D:\\b"}], "accounts": {"S-1-5-18": "SYSTEM"}},
    )
    recording.add(Operation.PATH_ACCESS, {"paths": [entry], "accounts": {"S-1-5-18": None}})
    assert recording.inventory == {"first": True}
    assert recording.path_access() == {
        "paths": [{"path": "D:\\a", "children": ["x"]}, {"path": "D:\\b"}],
        "accounts": {"S-1-5-18": "SYSTEM"},
    }


def test_the_new_server_facts_are_redacted_by_kind() -> None:
    inventory = {
        "server": {
            "computerName": "WEB01",
            "windir": "D:\\Windows",
            "systemDrive": "D:",
            "programFiles": "D:\\Program Files",
            "programFilesX86": "D:\\Program Files (x86)",
            "programData": "D:\\ProgramData",
            "profilesDirectory": "E:\\Profiles\\Contoso",
            "machineSid": "S-1-5-21-3623811015-3361044348-30300820",
            "domainSid": "S-1-5-21-1004336348-1177238915-682003330",
            "forestRootSid": None,
        },
        "sites": [],
        "appPools": [
            {
                "name": "ShopPool",
                "manualGroupMembership": True,
                "userName": "CONTOSO\\svc",
                "userSid": "S-1-5-21-1004336348-1177238915-682003330-1105",
            }
        ],
    }
    redactor = Redactor.for_inventory(inventory)
    server = redactor.document(inventory)["server"]
    assert server["windir"] == "D:\\Windows" and server["programFilesX86"] == "D:\\Program Files (x86)"
    assert server["profilesDirectory"] == "E:\\Dir-0001\\Dir-0002"
    assert server["machineSid"] == "S-1-5-21-1000000001-1000000001-1000000001"
    assert server["domainSid"] == "S-1-5-21-1000000002-1000000002-1000000002"
    assert server["forestRootSid"] is None
    pool = redactor.document(inventory)["appPools"][0]
    assert pool["manualGroupMembership"] is True
    assert pool["userName"] == "DOMAIN-0001\\user-0001"
    assert pool["userSid"] == "S-1-5-21-1000000002-1000000002-1000000002-1105"
