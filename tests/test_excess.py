"""Findings of too much access: each kind staged on one folder, with its source, reason and fix."""

from __future__ import annotations

from bridge import sids
from bridge.access import AccessLevel
from bridge.excess import Excess, assessed, excess_json, parent_folders, with_parents
from bridge.model import AnonymousAuth, AppPool, PathAccess
from bridge.needs import CheckResult, CheckStatus, check_target
from bridge.sids import IdentityType
from tests.factories import IUSR_ANONYMOUS, folder_state, make_target

PATH = "D:\\Sites\\Shop"
ADMINS = "(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
SHOP = AppPool(
    "ShopPool", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
)
BLOG = AppPool(
    "BlogPool", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
)
BAKERY = AppPool("Bakery", "Started", IdentityType.NETWORK_SERVICE, None, None, "v4.0", "Integrated")
SERVES = f"(A;OICI;0x1200a9;;;{SHOP.sid})(A;OICI;0x1200a9;;;S-1-5-17)"


def _assess(
    sddl: str,
    *,
    pool: AppPool = SHOP,
    ancestors: dict[str, str] | None = None,
    anonymous: AnonymousAuth = IUSR_ANONYMOUS,
    application_path: str = "/",
    needs_write: bool = False,
) -> CheckResult:
    path = PATH if application_path == "/" else PATH + "\\app"
    target = make_target(
        path, site="Shop", pool=pool.name, anonymous=anonymous, application_path=application_path
    )
    folders: dict[str, PathAccess] = {path: folder_state(path, sddl)}
    for above, text in (ancestors or {}).items():
        folders[above] = folder_state(above, text)
    result = check_target(target, pool, folders[path], needs_write=needs_write)
    return assessed(result, target, pool, folders, (SHOP, BLOG, BAKERY))


def _only(result: CheckResult) -> Excess:
    assert len(result.excessive) == 1, [found.code for found in result.excessive]
    return result.excessive[0]


def test_a_fresh_site_folder_has_nothing_too_much() -> None:
    result = _assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;0x1200a9;;;BU)(A;OICIIO;GA;;;CO)")
    assert result.excessive == ()
    assert result.status is CheckStatus.OK


def test_everyone_full_control_is_too_much_and_says_anyone_could_upload() -> None:
    result = _assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;FA;;;WD)")
    found = _only(result)
    assert result.status is CheckStatus.TOO_MUCH
    assert (found.code, found.name, found.sid, found.has) == (
        "excess-broad-write",
        "Everyone",
        sids.EVERYONE,
        "full-control",
    )
    assert (found.path, found.source, found.folder, found.to) == (
        PATH,
        "explicit",
        PATH,
        AccessLevel.READ_EXECUTE,
    )
    assert "anyone could upload and run scripts" in found.reason.describe()
    assert found.fix.describe() == 'iis-access reduce "Shop" --sid S-1-1-0 --to read-execute'


def test_iusr_write_is_anonymous_write() -> None:
    found = _only(_assess(f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;{SHOP.sid})(A;OICI;0x1301bf;;;S-1-5-17)"))
    assert (found.code, found.has) == ("excess-anonymous-write", "modify")
    assert found.reason.describe().startswith(
        "Anonymous requests run as NT AUTHORITY\\IUSR, which has Modify"
    )


def test_write_bits_of_a_special_mask_count_and_write_attributes_alone_do_not() -> None:
    found = _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;0x120006;;;BU)"))
    assert (found.code, found.has) == ("excess-broad-write", "special")
    assert _assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;0x120110;;;BU)").excessive == ()
    assert _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;FW;;;AU)")).has == "write"


def test_a_deny_for_everyone_takes_the_write_away() -> None:
    assert _assess(f"D:PAI(D;OICI;0x1301bf;;;WD){ADMINS}{SERVES}(A;OICI;0x1301bf;;;BU)").excessive == ()


def test_iis_iusrs_modify_on_a_root_reaches_every_pool() -> None:
    found = _only(_assess(f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;IS)(A;OICI;0x1200a9;;;S-1-5-17)"))
    assert (found.code, found.name) == ("excess-iis-iusrs-write", "BUILTIN\\IIS_IUSRS")
    assert "every application pool on the server" in found.reason.describe()


def test_another_pools_identity_with_write_is_foreign_and_named_by_its_pool() -> None:
    found = _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;0x1301bf;;;{BLOG.sid})"))
    assert (found.code, found.name) == ("excess-foreign-pool-write", "IIS AppPool\\BlogPool")
    assert "another application pool (BlogPool)" in found.reason.describe()
    # The built-in account another pool runs as counts too, and so does a pool SID no pool has now.
    assert _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;0x1301bf;;;NS)")).code == "excess-foreign-pool-write"
    gone = sids.app_pool_sid("Deleted")
    assert _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;FA;;;{gone})")).has == "full-control"


def test_the_own_pool_with_write_on_the_site_root_only_when_the_root_is_not_said_to_need_it() -> None:
    sddl = f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;{SHOP.sid})(A;OICI;0x1200a9;;;S-1-5-17)"
    found = _only(_assess(sddl))
    assert (found.code, found.name) == ("excess-pool-root-write", "IIS AppPool\\ShopPool")
    assert "rewrite its own web.config and bin" in found.reason.describe()
    assert _assess(sddl, needs_write=True).excessive == ()
    # An application's folder is not the site root.
    assert _assess(sddl, application_path="/app").excessive == ()


def test_full_control_for_the_own_pool_is_too_much_even_where_it_writes() -> None:
    found = _only(
        _assess(f"D:PAI{ADMINS}(A;OICI;FA;;;{SHOP.sid})(A;OICI;0x1200a9;;;S-1-5-17)", needs_write=True)
    )
    assert found.code == "excess-pool-full-control"


def test_when_anonymous_runs_as_the_pool_its_write_is_anonymous_write() -> None:
    sddl = f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;{SHOP.sid})"
    found = _only(_assess(sddl, anonymous=AnonymousAuth(True, "", None)))
    assert found.code == "excess-anonymous-write"


def test_an_inherited_broad_entry_names_the_folder_where_it_is_explicit() -> None:
    above = {
        "D:\\Sites": "D:AI(A;OICI;0x1301bf;;;AU)(A;OICIID;FA;;;SY)",
        "D:\\": "D:PAI(A;OICI;FA;;;SY)",
    }
    found = _only(_assess(f"D:AI{SERVES}(A;OICIID;0x1301bf;;;AU)(A;OICIID;FA;;;SY)", ancestors=above))
    assert (found.code, found.source, found.folder) == (
        "excess-broad-write",
        "inherited from D:\\Sites",
        "D:\\Sites",
    )
    assert excess_json(found)["explicitOn"] == "D:\\Sites"


def test_an_inherited_entry_whose_folder_was_not_read_says_inherited() -> None:
    found = _only(_assess(f"D:AI{SERVES}(A;OICIID;0x1301bf;;;AU)"))
    assert (found.source, found.folder) == ("inherited", None)


def test_a_local_system_pool_is_a_finding_without_an_acl_entry() -> None:
    reports = AppPool("Reports", "Started", IdentityType.LOCAL_SYSTEM, None, None, "v4.0", "Integrated")
    result = _assess(
        f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;{reports.sid})(A;OICI;0x1200a9;;;S-1-5-17)", pool=reports
    )
    found = _only(result)
    assert (found.code, found.sid, found.has, found.source, found.to) == (
        "excess-pool-local-system",
        sids.SYSTEM,
        "local-system",
        None,
        None,
    )
    assert "ApplicationPoolIdentity" in found.fix.describe()
    # SYSTEM's own Full control, Windows' default on every folder, is not the pool's.
    assert result.status is CheckStatus.TOO_MUCH


def test_a_pool_running_as_an_administrator_is_a_finding() -> None:
    admin = AppPool(
        "Admin", "Started", IdentityType.SPECIFIC_USER, "WEB01\\admin", "S-1-5-21-1-2-3-500", "", ""
    )
    token = admin.token | {sids.ADMINISTRATORS}
    admin_pool = _with_token(admin, token)
    found = _only(
        _assess(f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;{admin.sid})(A;OICI;0x1200a9;;;S-1-5-17)", pool=admin_pool)
    )
    assert (found.code, found.name, found.has) == (
        "excess-pool-administrator",
        "WEB01\\admin",
        "administrator",
    )


def _with_token(pool: AppPool, token: frozenset[str]) -> AppPool:
    # The token is derived; a pool whose user is an administrator carries the group in it.
    pool.__dict__["token"] = token
    return pool


def test_missing_wins_over_too_much_and_the_excess_is_still_listed() -> None:
    result = _assess(f"D:PAI{ADMINS}(A;OICI;FA;;;IS)")
    assert result.status is CheckStatus.MISSING
    assert [found.code for found in result.excessive] == ["excess-iis-iusrs-write"]


def test_a_reduction_that_would_break_a_requirement_fixes_by_granting_first() -> None:
    # The pool writes here and has Modify only through IIS_IUSRS: reducing it would break the pool.
    found = _only(
        _assess(f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;IS)(A;OICI;0x1200a9;;;S-1-5-17)", needs_write=True)
    )
    assert found.fix.code == "fix-grant-then-reduce"
    assert 'iis-access grant pool-modify "Shop"' in found.fix.describe()
    assert "IIS AppPool\\ShopPool needs Modify access" in found.fix.describe()


def test_an_unfixable_folder_has_no_findings() -> None:
    target = make_target(PATH, site="Shop", pool="ShopPool")
    state = folder_state(PATH, None, exists=False)
    result = assessed(check_target(target, SHOP, state), target, SHOP, {PATH: state}, ())
    assert result.excessive == () and result.status is CheckStatus.UNFIXABLE


def test_the_json_of_a_finding_has_the_contract_keys() -> None:
    found = _only(_assess(f"D:PAI{ADMINS}{SERVES}(A;OICI;FA;;;WD)"))
    document = excess_json(found)
    assert {"name", "sid", "has", "path", "source", "reason", "fix"} <= set(document)
    assert document["reduceTo"] == "read-execute"


def test_parent_folders_climb_to_the_drive_root_and_not_above_a_share() -> None:
    assert parent_folders("D:\\Sites\\Shop\\") == ("D:\\Sites", "D:\\")
    assert parent_folders("D:\\") == ()
    assert parent_folders("\\\\fs01\\media") == ()
    assert with_parents(["D:\\Sites\\A", "D:\\Sites\\B"]) == [
        "D:\\Sites\\A",
        "D:\\Sites",
        "D:\\",
        "D:\\Sites\\B",
    ]
