"""The full check's shortcuts - DACLs parsed once per distinct text, access answers cached per
(DACL, token), pools looked up in an index - give exactly the answers of the plain computation."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from bridge import access, needs, sids
from bridge.lab.generate import generate_scenario
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.model import AnonymousAuth, AppPool, Inventory, parse_inventory, parse_path_access
from bridge.needs import CheckResult, check_target
from bridge.scripts import Operation, script_text
from bridge.server_files import config_files
from bridge.sids import IdentityType
from tests.factories import IUSR_ANONYMOUS, folder_state, make_target

PATH = "C:\\inetpub\\wwwroot"
SHOP_SID = sids.app_pool_sid("Shop")
# Allow, deny before and after allow, inherited deny, group grants, file-only and inherit-only ACEs.
DACLS = (
    "D:AI(A;OICIIOID;GA;;;SY)(A;ID;FA;;;BA)(A;OICIIOID;GXGR;;;BU)(A;ID;0x1200a9;;;BU)",
    "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)",
    "D:P(A;OICI;0x1200a9;;;IS)",
    f"D:P(D;OICI;FR;;;{SHOP_SID})(A;OICI;0x1200a9;;;IS)",
    f"D:P(A;OICI;0x1200a9;;;IS)(D;OICI;FR;;;{SHOP_SID})",
    "D:AI(A;OICI;0x1301bf;;;IU)(D;OICIID;FW;;;BU)(A;OICIID;FA;;;BU)",
    f"D:P(A;OI;0x1200a9;;;{sids.IUSR})(A;CIIO;FA;;;BU)",
    "D:P(D;OIIO;FR;;;WD)(A;OICI;FR;;;WD)",
)
POOLS = tuple(
    AppPool("Shop", "Started", identity, None, None, "v4.0", "Integrated")
    for identity in (
        IdentityType.APPLICATION_POOL_IDENTITY,
        IdentityType.NETWORK_SERVICE,
        IdentityType.LOCAL_SYSTEM,
    )
)
ANONYMOUS = (
    IUSR_ANONYMOUS,
    AnonymousAuth(enabled=True, user_name="", user_sid=None),
    AnonymousAuth(enabled=False, user_name="IUSR", user_sid=sids.IUSR),
)


def _without_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on the check computes every answer afresh, as it did before the caches."""
    monkeypatch.setattr(needs, "content_level", access.content_level.__wrapped__)
    monkeypatch.setattr(needs, "blocked_by_deny", access.blocked_by_deny.__wrapped__)
    monkeypatch.setattr(needs, "own_level", access.own_level.__wrapped__)


def _mixed_checks() -> list[CheckResult]:
    return [
        check_target(
            make_target(PATH, pool="Shop", anonymous=anonymous),
            pool,
            folder_state(PATH, dacl),
            needs_write=write,
        )
        for dacl, pool, anonymous, write in itertools.product(DACLS, POOLS, ANONYMOUS, (False, True))
    ]


def test_mixed_folders_get_the_uncached_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    cached_twice = (_mixed_checks(), _mixed_checks())
    _without_caches(monkeypatch)
    plain = _mixed_checks()
    assert cached_twice == (plain, plain)
    statuses = {result.status for result in plain}
    assert statuses == {needs.CheckStatus.OK, needs.CheckStatus.MISSING, needs.CheckStatus.BLOCKED}


def test_a_dacl_equal_by_value_gets_its_own_answer_not_a_neighbours() -> None:
    # Cached by value: two DACLs one flag apart must not share an answer.
    granted, denied = (folder_state(PATH, text).dacl for text in (DACLS[2], DACLS[3]))
    assert granted is not None and denied is not None
    token = POOLS[0].token
    assert access.content_level(granted, token) is access.AccessLevel.READ_EXECUTE
    assert access.content_level(denied, token) is access.AccessLevel.NONE
    assert access.content_level(folder_state(PATH, DACLS[2]).dacl, token) is access.AccessLevel.READ_EXECUTE


def test_entries_of_one_sddl_text_share_their_parse_and_name_their_own_owner() -> None:
    entry: dict[str, Any] = {
        "path": PATH,
        "exists": True,
        "isDirectory": True,
        "isUnc": False,
        "owner": sids.SYSTEM,
        "protected": True,
        "sddl": "D:P(A;OICI;FA;;;DA)",
        "children": [],
        "error": None,
    }
    names = {
        sids.SYSTEM: "NT AUTHORITY\\SYSTEM",
        "S-1-5-21-1-2-3-512": "ONE\\Domain Admins",
        "S-1-5-32-544": "BUILTIN\\Administrators",
    }
    entries = [entry, {**entry, "path": "D:\\other", "owner": "S-1-5-32-544"}, {**entry, "path": "D:\\again"}]
    one, two, three = parse_path_access({"paths": entries, "accounts": names})
    assert one.dacl is not None and one.dacl.aces[0].sid == "S-1-5-21-1-2-3-512"
    assert one.dacl is two.dacl is three.dacl
    assert one.accounts == {sids.SYSTEM: "NT AUTHORITY\\SYSTEM", "S-1-5-21-1-2-3-512": "ONE\\Domain Admins"}
    assert two.accounts == {
        "S-1-5-32-544": "BUILTIN\\Administrators",
        "S-1-5-21-1-2-3-512": "ONE\\Domain Admins",
    }
    # Each entry is exactly what parsing it alone gives.
    alone = [parse_path_access({"paths": [item], "accounts": names})[0] for item in entries]
    assert [one, two, three] == alone


def _run(server: SimulatedServer, operation: Operation, parameters: dict[str, object]) -> Any:
    return json.loads(server.execute(script_text(operation), parameters))


def _pool_by_scan(inventory: Inventory, name: str) -> AppPool:
    return next(pool for pool in inventory.app_pools if pool.name.casefold() == name.casefold())


@pytest.mark.parametrize("generated", [False, True], ids=["demo", "generated"])
def test_a_whole_server_checks_the_same_with_and_without_shortcuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated: bool
) -> None:
    scenario = generate_scenario(tmp_path, sites=40, pools=12, seed=7) if generated else demo_scenario_path()
    server = SimulatedServer.from_scenario(scenario)
    inventory = parse_inventory(_run(server, Operation.INVENTORY, {}))
    targets = list(inventory.targets())
    files = {target.ref: config_files(target) for target in targets}
    asked = [target.physical_path for target in targets]
    asked += [config.path for target in targets for config in files[target.ref]]
    document = _run(server, Operation.PATH_ACCESS, {"Path": list(dict.fromkeys(asked))})
    together = parse_path_access(document)
    by_path = {entry.path: entry for entry in together}
    indexed = [inventory.pool(t.application.application_pool) for t in targets]
    # One Around for all: worker identities and shared requirements made once (and files given).
    around = needs.Around(by_path, inventory.server, inventory.memberships, files)
    fast = [
        check_target(t, pool, by_path[t.physical_path], around=around)
        for t, pool in zip(targets, indexed, strict=True)
        if pool is not None
    ]
    _without_caches(monkeypatch)
    # Each entry alone in an answer of its own, with the DACLs the answer named by index.
    one_by_one = [
        parse_path_access({"paths": [entry], "sddls": document["sddls"], "accounts": document["accounts"]})[0]
        for entry in document["paths"]
    ]
    alone = {entry.path: entry for entry in one_by_one}
    plain = [
        check_target(
            t,
            _pool_by_scan(inventory, t.application.application_pool),
            alone[t.physical_path],
            around=needs.Around(alone, inventory.server, inventory.memberships),
        )
        for t in targets
    ]
    assert together == one_by_one
    assert fast == plain
    assert None not in indexed
    folders = {result.physical_path for result in plain}
    assert len(folders) > len({alone[folder].sddl for folder in folders}) > 1
    # The web.config files were read and checked, and some targets share one (the shortcut is used).
    config_requirements = [r for result in fast for r in result.requirements if r.is_file]
    assert config_requirements
    assert len({id(r) for r in config_requirements}) < len(config_requirements) or not generated
