"""`iis-access fix` against the lab host: the check's recommended grants, previewed together, confirmed
once, made one by one (each journaled and undoable), and nothing made for what no grant here fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.sids import IUSR, app_pool_sid
from tests.e2e.lab import (
    PASSWORD,
    USER,
    HookedServer,
    answer_at_terminal,
    cli_on,
    connection_options,
    run_cli,
)
from tests.e2e.scenarios import SHOP, write_scenario

PRIVATE = SHOP + "\\private"
SHOP_POOL = app_pool_sid("ShopPool")


@pytest.fixture
def backend(tmp_path: Path) -> HookedServer:
    return HookedServer(SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario")))


def test_fix_previews_confirms_once_and_makes_each_grant(backend: HookedServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"

    def dacl() -> str:
        return str(backend.server.filesystem.access_sddl(PRIVATE))

    with LabHost(backend, user=USER, password=PASSWORD, https=False) as host:
        options = connection_options(host, "ntlm")

        cli = cli_on(options, data_dir)

        checked = cli("check", "Shop/private", "--json", code=1).json()
        assert [(fix["kind"], fix["sid"], fix["path"]) for fix in checked["fixes"]] == [
            ("pool-read", SHOP_POOL, PRIVATE),
            ("iusr-read", IUSR, PRIVATE),
        ]
        assert checked["fix"] == checked["fixes"][0]
        assert 'iis-access fix "Shop/private"' in cli("check", "Shop/private", code=1).stdout

        before = dacl()
        dry = cli("fix", "Shop/private", "--dry-run", "--json").json()
        assert (dry["dryRun"], dry["changes"], len(dry["fixes"])) == (True, [], 2)
        assert dacl() == before

        declined = answer_at_terminal([*options, "fix", "Shop/private"], data_dir, "n")
        assert declined.code == 3, declined.stderr
        # One question for both grants.
        assert declined.stderr.count("Proceed?") == 1 and "Make these 2 grant(s)." in declined.stderr
        assert dacl() == before

        made = cli("fix", "Shop/private", "--yes", "--json").json()
        assert len(made["changes"]) == 2
        assert cli("check", "Shop/private", "--json").json()["status"] == "ok"
        history = cli("history", "--json").json()
        assert {entry["changeId"] for entry in history} >= {change["changeId"] for change in made["changes"]}
        assert "Nothing to fix." in cli("fix", "Shop/private").stdout

        # Each grant is a change like any other: undone newest first, the folder is as it was.
        for change in reversed(made["changes"]):
            cli("undo", change["changeId"], "--yes")
        assert dacl() == before


def test_fix_all_makes_what_it_can_and_names_what_it_cannot(backend: HookedServer, tmp_path: Path) -> None:
    with LabHost(backend, user=USER, password=PASSWORD, https=False) as host:
        options = connection_options(host, "ntlm")
        made = run_cli([*options, "fix", "--all", "--yes", "--json"], tmp_path / "data")
        assert made.code == 0, made.stderr
        after = run_cli([*options, "check", "--all", "--json"], tmp_path / "data").json()
    fixed_targets = {change["target"] for change in made.json()["changes"]}
    assert "Shop/private" in fixed_targets
    for result in after:
        # What is left is what no grant here can fix, each named in the fix run with why.
        if result["status"] in ("missing", "blocked"):
            assert result["fix"] is None and result["fixReason"] is not None
            assert result["target"] in {entry["target"] for entry in made.json()["notFixed"]}


def test_fix_needs_a_target_or_all(tmp_path: Path) -> None:
    result = run_cli(["fix"], tmp_path / "data")
    assert result.code == 2
    assert "TARGET or --all" in result.stderr
