"""Grant plans: target, identity, rights, icacls and PowerShell lines, warnings, refusals, no-ops, denies."""

from __future__ import annotations

import pytest

from bridge import sids
from bridge.model import AppPool, PathAccess, Target, TargetRef
from bridge.plans import GrantKind, PlanError, grant_path, plan_grant
from bridge.sids import IdentityType
from tests.factories import folder_state, make_target

ROOT = "D:\\Sites\\Shop"
ADMINS_ONLY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
POOL = AppPool("Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated")
SHOP_SID = sids.app_pool_sid("Shop")


def access(sddl: str | None = ADMINS_ONLY, path: str = ROOT, **changes: object) -> PathAccess:
    return folder_state(path, sddl, **changes)


def target(folder: str, *, site_root: bool = True) -> Target:
    return make_target(folder, site="Shop", application_path="/" if site_root else "/api", pool="Shop")


def test_iusr_read_plan_shows_everything_to_confirm() -> None:
    result = plan_grant(
        GrantKind.IUSR_READ, host="web01", target=target(ROOT), path_access=access(), pool=POOL
    )
    assert result.path == ROOT
    assert result.target == TargetRef("Shop")
    assert result.sid == sids.IUSR
    assert result.display_name == "NT AUTHORITY\\IUSR"
    assert result.rights == "ReadAndExecute"
    assert result.inheritance == "ContainerInherit, ObjectInherit"
    assert result.inheritance_text == "this folder, subfolders and files"
    assert result.icacls == 'icacls "D:\\Sites\\Shop" /grant "*S-1-5-17:(OI)(CI)RX"'
    assert "/T" not in result.icacls
    assert "SecurityIdentifier('S-1-5-17')" in result.powershell
    assert "GetAccessControl('Access')" in result.powershell and "SetAccessControl" in result.powershell
    assert "Set-Acl" not in result.powershell
    assert result.expected_sddl == ADMINS_ONLY
    assert result.applicable and not result.noop and result.refusal is None and result.warnings == ()


def test_pool_modify_plan_uses_the_pool_sid_and_m() -> None:
    result = plan_grant(
        GrantKind.POOL_MODIFY, host="web01", target=target(ROOT), path_access=access(), pool=POOL
    )
    assert result.sid == SHOP_SID
    assert result.display_name == "IIS AppPool\\Shop"
    assert result.rights == "Modify"
    assert result.icacls.endswith(f'"*{SHOP_SID}:(OI)(CI)M"')


def test_powershell_quotes_the_path_as_a_literal() -> None:
    path = "D:\\Sites\\O'Brien $(x)"
    result = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target(path, site_root=False),
        path_access=access(path=path),
        pool=POOL,
    )
    assert "-LiteralPath 'D:\\Sites\\O''Brien $(x)'" in result.powershell


def test_already_readable_through_users_is_a_noop() -> None:
    state = access(ADMINS_ONLY + "(A;OICI;0x1200a9;;;BU)")
    for kind in (GrantKind.IUSR_READ, GrantKind.POOL_READ):
        result = plan_grant(kind, host="h", target=target(ROOT), path_access=state, pool=POOL)
        assert result.noop and not result.applicable
    modify = plan_grant(GrantKind.POOL_MODIFY, host="h", target=target(ROOT), path_access=state, pool=POOL)
    assert not modify.noop


def test_iis_iusrs_read_does_not_make_iusr_read_a_noop() -> None:
    state = access(ADMINS_ONLY + "(A;OICI;0x1200a9;;;IS)")
    iusr = plan_grant(GrantKind.IUSR_READ, host="h", target=target(ROOT), path_access=state, pool=POOL)
    pool = plan_grant(GrantKind.POOL_READ, host="h", target=target(ROOT), path_access=state, pool=POOL)
    assert not iusr.noop
    assert pool.noop


def test_iis_iusrs_modify_noop_only_when_every_worker_has_it() -> None:
    pool_only = access(ADMINS_ONLY + f"(A;OICI;0x1301bf;;;{SHOP_SID})")
    everyone = access(ADMINS_ONLY + "(A;OICI;0x1301bf;;;WD)")
    kwargs = {"host": "h", "target": target(ROOT, site_root=False), "pool": POOL}
    assert not plan_grant(GrantKind.IIS_IUSRS_MODIFY, path_access=pool_only, **kwargs).noop  # type: ignore[arg-type]
    assert plan_grant(GrantKind.IIS_IUSRS_MODIFY, path_access=everyone, **kwargs).noop  # type: ignore[arg-type]


def test_explicit_deny_blocks_the_plan() -> None:
    state = access("D:AI(D;OICI;FR;;;S-1-5-17)(A;OICIID;FA;;;SY)")
    result = plan_grant(GrantKind.IUSR_READ, host="h", target=target(ROOT), path_access=state, pool=POOL)
    assert result.blocked_by_deny and not result.applicable and not result.noop


def test_inherited_deny_does_not_block() -> None:
    state = access("D:AI(D;OICIID;FR;;;S-1-5-17)(A;OICIID;FA;;;SY)")
    result = plan_grant(GrantKind.IUSR_READ, host="h", target=target(ROOT), path_access=state, pool=POOL)
    assert not result.blocked_by_deny and result.applicable


def test_iis_iusrs_modify_on_the_site_root_warns_with_the_alternative() -> None:
    result = plan_grant(
        GrantKind.IIS_IUSRS_MODIFY,
        host="web01",
        target=target(ROOT),
        path_access=access(),
        pool=POOL,
    )
    assert result.sid == sids.IIS_IUSRS and result.rights == "Modify"
    assert [warning.code for warning in result.warnings] == ["iis-iusrs-modify-site-root"]
    assert "IIS AppPool\\Shop" in result.warnings[0].describe()
    assert result.applicable


def test_iis_iusrs_modify_on_a_subfolder_or_application_does_not_warn() -> None:
    uploads = access(path=ROOT + "\\uploads")
    sub = plan_grant(
        GrantKind.IIS_IUSRS_MODIFY,
        host="h",
        target=target(ROOT),
        subpath="uploads",
        path_access=uploads,
        pool=POOL,
    )
    assert sub.path == ROOT + "\\uploads"
    assert sub.target == TargetRef("Shop"), "the plan names the target, not the subfolder"
    assert sub.warnings == ()
    app = plan_grant(
        GrantKind.IIS_IUSRS_MODIFY,
        host="h",
        target=target(ROOT, site_root=False),
        path_access=access(),
        pool=POOL,
    )
    assert app.warnings == ()


@pytest.mark.parametrize(
    ("folder", "code"),
    [("C:\\", "drive-root"), ("C:\\Windows\\Web", "windows-dir"), ("C:\\Users\\bob", "user-profile")],
)
def test_refused_folders_are_never_applicable(folder: str, code: str) -> None:
    result = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target(folder),
        path_access=access(path=folder),
        pool=POOL,
    )
    assert result.refusal is not None and result.refusal.code == code
    assert not result.applicable


def test_target_windir_is_honoured() -> None:
    folder = "E:\\Win\\Web"
    result = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target(folder),
        path_access=access(path=folder),
        pool=POOL,
        windir="E:\\Win",
    )
    assert result.refusal is not None and result.refusal.code == "windows-dir"


def test_unc_folder_is_refused_with_an_explanation() -> None:
    folder = "\\\\files\\web"
    state = access(None, path=folder, is_unc=True, exists=False)
    result = plan_grant(GrantKind.IUSR_READ, host="h", target=target(folder), path_access=state, pool=POOL)
    assert result.refusal is not None and result.refusal.code == "unc"
    assert "file server" in result.refusal.describe()


def test_missing_folder_is_refused() -> None:
    state = access(None, exists=False)
    result = plan_grant(GrantKind.IUSR_READ, host="h", target=target(ROOT), path_access=state, pool=POOL)
    assert result.refusal is not None and result.refusal.code == "path-missing"


@pytest.mark.parametrize(
    ("subpath", "expected"),
    [(None, ROOT), ("App_Data", ROOT + "\\App_Data"), ("media/uploads/", ROOT + "\\media\\uploads")],
)
def test_grant_path(subpath: str | None, expected: str) -> None:
    assert grant_path(ROOT, subpath) == expected
    if subpath is not None:
        assert grant_path(ROOT + "\\", subpath) == expected


@pytest.mark.parametrize(
    "subpath",
    ["..", "a\\..\\..\\Windows", "C:\\Windows", "\\\\server\\share", "\\abs", "/abs", "x:y", "", ".", "a "],
)
def test_subpaths_that_escape_the_folder_are_rejected(subpath: str) -> None:
    with pytest.raises(PlanError):
        grant_path(ROOT, subpath)


def test_path_access_must_match_the_grant_path() -> None:
    with pytest.raises(PlanError, match="not"):
        plan_grant(
            GrantKind.IUSR_READ,
            host="h",
            target=target(ROOT),
            subpath="x",
            path_access=access(),
            pool=POOL,
        )


def test_grant_kind_values_and_rights() -> None:
    assert [kind.value for kind in GrantKind] == [
        "iusr-read",
        "iis-iusrs-modify",
        "pool-read",
        "pool-modify",
        "account-read",
        "account-modify",
    ]
    assert GrantKind.POOL_READ.rights == "ReadAndExecute"
    assert GrantKind.IIS_IUSRS_MODIFY.rights == "Modify"


def test_a_non_canonical_dacl_is_refused_naming_the_entries_and_the_security_tab() -> None:
    disordered = "D:AI(A;OICI;FA;;;BA)(D;OICI;FA;;;S-1-5-21-1-2-3-1105)(A;OICIID;FA;;;SY)(A;OICI;FA;;;SY)"
    plan = plan_grant(
        GrantKind.IUSR_READ, host="web01", target=target(ROOT), path_access=access(disordered), pool=POOL
    )
    assert plan.refusal is not None and plan.refusal.code == "dacl-not-canonical"
    assert not plan.applicable
    text = plan.refusal.describe()
    assert "entry 2 (an explicit deny)" in text and "entry 4 (an explicit allow)" in text
    assert "Security tab" in text and "reorder" in text


def test_a_canonical_dacl_is_not_refused_for_order() -> None:
    ordered = "D:AI(D;OICI;FA;;;S-1-5-21-1-2-3-1105)(A;OICI;FA;;;BA)(A;OICIID;FA;;;SY)"
    plan = plan_grant(
        GrantKind.IUSR_READ, host="web01", target=target(ROOT), path_access=access(ordered), pool=POOL
    )
    assert plan.refusal is None and plan.applicable


def test_access_already_there_is_nothing_to_do_even_on_a_refused_folder() -> None:
    folder = "C:\\Windows\\Web"
    readable = "D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)"
    result = plan_grant(
        GrantKind.IUSR_READ,
        host="h",
        target=target(folder),
        path_access=access(readable, path=folder),
        pool=POOL,
    )
    assert result.refusal is not None and result.refusal.code == "windows-dir"
    assert result.noop
    assert not result.applicable
    needs_more = plan_grant(
        GrantKind.POOL_MODIFY,
        host="h",
        target=target(folder),
        path_access=access(readable, path=folder),
        pool=POOL,
    )
    assert not needs_more.noop and not needs_more.blocked_by_deny
