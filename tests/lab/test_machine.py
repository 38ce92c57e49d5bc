"""The simulated machine translates SIDs to account names as NTAccount.Translate would."""

from __future__ import annotations

from bridge import sids
from bridge.lab.machine import Machine, pools_by_sid

POOLS = ("DefaultAppPool", "Shop", "shop", "Kunden-Portal Müller")


def test_pool_sids_resolve_to_their_pool_like_a_scan_of_every_pool() -> None:
    machine = Machine()
    index = pools_by_sid(POOLS)
    for name in ("DefaultAppPool", "SHOP", "kunden-portal müller", "Gone"):
        sid = sids.app_pool_sid(name)
        scanned = next((pool for pool in POOLS if sids.app_pool_sid(pool) == sid), None)
        expected = None if scanned is None else sids.app_pool_account(scanned)
        assert machine.account_name(sid, index) == expected


def test_pools_differing_in_case_share_a_sid_named_by_the_first() -> None:
    assert pools_by_sid(POOLS)[sids.app_pool_sid("SHOP")] == "Shop"


def test_a_pool_sid_resolves_only_while_its_pool_exists() -> None:
    shop = sids.app_pool_sid("Shop")
    assert Machine().account_name(shop) is None
    assert Machine().account_name(shop, pools_by_sid(["Blog"])) is None
    assert Machine().account_name(shop, pools_by_sid(["Blog", "Shop"])) == "IIS AppPool\\Shop"


def test_built_in_and_configured_accounts_resolve_without_pools() -> None:
    machine = Machine(accounts={"WEB01\\svc-web": "S-1-5-21-1-2-3-1001"})
    assert machine.account_name(sids.IUSR) == "NT AUTHORITY\\IUSR"
    assert machine.account_name("S-1-5-21-1-2-3-1001") == "WEB01\\svc-web"
    assert machine.account_name("S-1-5-21-1-2-3-1002") is None
