"""`grant account-read|account-modify` and `grant --path` through the CLI against the lab host: any
account by SID, a folder the check named for the target and no other, the one exception under the
Windows folder, and a dry run that reports the ACL it predicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.sids import app_pool_sid
from tests.e2e.lab import PASSWORD, USER, HookedServer, cli_on, connection_options
from tests.e2e.scenarios import SHOP, write_scenario

PRIVATE = SHOP + "\\private"
# A domain account outside every IIS token, as a Connect-as user would be.
ACCOUNT = "S-1-5-21-1004336348-1177238915-682003330-1105"
SHOP_POOL = app_pool_sid("ShopPool")
# ShopPool runs .NET v4.0 (the lab's default) in a 64-bit worker; the lab's Windows is C:\Windows.
TEMPORARY = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files"
DEFAULT_TEMPORARY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"
DESCRIPTOR = "O:SYG:SY" + DEFAULT_TEMPORARY


@pytest.fixture
def backend(tmp_path: Path) -> HookedServer:
    folder = write_scenario(tmp_path / "scenario")
    listing = json.loads((folder / "filesystem.json").read_text(encoding="utf-8"))
    for path in ("C:\\Windows", "C:\\Windows\\Microsoft.NET", TEMPORARY, TEMPORARY + "\\root"):
        listing["paths"][path] = {"type": "directory", "sddl": DESCRIPTOR}
    (folder / "filesystem.json").write_text(json.dumps(listing), encoding="utf-8")
    return HookedServer(SimulatedServer.from_scenario(folder))


def test_account_grants_and_explicit_folders_through_the_cli(backend: HookedServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with LabHost(backend, user=USER, password=PASSWORD, https=False) as host:
        options = connection_options(host, "ntlm")

        cli = cli_on(options, data_dir)

        def dacl(path: str) -> str:
            return str(backend.server.filesystem.access_sddl(path))

        # Any account by SID; the dry run reports the ACL it would leave, the grant leaves exactly it.
        before = dacl(PRIVATE)
        dry = cli("grant", "account-read", "Shop/private", "--sid", ACCOUNT, "--dry-run", "--json").json()
        assert (dry["changed"], dry["dryRun"], dry["before"]) == (False, True, before)
        assert dry["after"] == dry["plan"]["expectedAfter"] != before
        assert f"(A;OICI;0x1200a9;;;{ACCOUNT})" in dry["after"]
        assert (dry["plan"]["kind"], dry["plan"]["sid"], dry["plan"]["rights"]) == (
            "account-read",
            ACCOUNT,
            "ReadAndExecute",
        )
        assert dry["plan"]["outcome"].startswith("After this, ") and f"on {PRIVATE}" in dry["plan"]["outcome"]
        assert dacl(PRIVATE) == before
        granted = cli("grant", "account-read", "Shop/private", "--sid", ACCOUNT, "--yes", "--json").json()
        assert granted["changed"] is True and granted["after"] == dacl(PRIVATE) == dry["after"]
        again = cli("grant", "account-read", "Shop/private", "--sid", ACCOUNT, "--yes", "--json").json()
        assert (again["changed"], again["plan"]["verdict"]) == (False, "nothing-to-do")

        # The preview for people says what the change achieves.
        shown = cli("grant", "pool-read", "Shop/private", "--dry-run").stdout
        assert (
            f"After this, IIS AppPool\\ShopPool has Read & execute on {PRIVATE} — "
            "fixes HTTP 500.19 (0x80070005)." in shown
        )

        # --path: the site root's folder above an application is a folder the check names.
        parent = cli("grant", "pool-read", "Shop/private", "--path", SHOP, "--dry-run", "--json").json()
        assert parent["plan"]["path"] == SHOP and parent["plan"]["verdict"] in ("apply", "nothing-to-do")

        # Any other folder is refused as a usage error naming the folders accepted.
        elsewhere = cli("grant", "pool-read", "Shop/private", "--path", "D:\\Elsewhere", "--json", code=2)
        message = elsewhere.json()["error"]["message"]
        assert "'D:\\Elsewhere' is not a folder the check named for Shop/private" in message
        assert all(path in message for path in (PRIVATE, SHOP, TEMPORARY))
        assert "D:\\Sites," not in message and "D:\\Sites." not in message

        # The one exception under the Windows folder: Modify for the pool (or IIS_IUSRS) on its
        # Temporary ASP.NET Files folder.
        for arguments in (
            ("account-modify", "Shop", "--sid", SHOP_POOL),
            ("pool-modify", "Shop"),
            ("iis-iusrs-modify", "Shop"),
        ):
            allowed = cli("grant", *arguments, "--path", TEMPORARY, "--dry-run", "--json").json()
            assert (allowed["plan"]["verdict"], allowed["plan"]["path"]) == ("apply", TEMPORARY), arguments
            assert allowed["after"] != DEFAULT_TEMPORARY

        # ... and nothing next to it: Read for IUSR or the pool, another account, Everyone (exit 3).
        for arguments in (
            ("account-read", "Shop", "--sid", SHOP_POOL),
            ("account-modify", "Shop", "--sid", "S-1-1-0"),
            ("account-modify", "Shop", "--sid", ACCOUNT),
            ("account-read", "Shop", "--sid", "S-1-5-17"),
        ):
            refused = cli("grant", *arguments, "--path", TEMPORARY, "--json", code=3).json()
            assert refused["plan"]["verdict"] == "refused", arguments
            assert "is the Windows directory or inside it" in refused["plan"]["refusal"]
        # A subfolder of it is not a folder the check named.
        cli("grant", "pool-modify", "Shop", "--path", TEMPORARY + "\\root", "--json", code=2)
        assert dacl(TEMPORARY + "\\root") == DEFAULT_TEMPORARY
        temporary = cli("grant", "pool-modify", "Shop", "--path", TEMPORARY, "--yes", "--json").json()
        assert temporary["changed"] is True and f"(A;OICI;0x1301bf;;;{SHOP_POOL})" in dacl(TEMPORARY)
