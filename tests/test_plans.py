"""Grant plans: target, identity, rights, icacls and PowerShell lines, warnings, refusals, no-ops, denies."""

from __future__ import annotations

import pytest

from bridge import sids
from bridge.model import AppPool, PathAccess, ServerFacts, Target, TargetRef
from bridge.plans import Grantee, GrantKind, GrantPlan, PlanError, grant_path, plan_grant
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
    assert (GrantKind.ACCOUNT_READ.rights, GrantKind.ACCOUNT_MODIFY.rights) == ("ReadAndExecute", "Modify")
    assert [kind for kind in GrantKind if kind.names_account] == [
        GrantKind.ACCOUNT_READ,
        GrantKind.ACCOUNT_MODIFY,
    ]


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


CONNECT_AS = "S-1-5-21-1004336348-1177238915-682003330-1107"
SERVER = ServerFacts(
    "WEB01", "10.0.20348", "Windows Server 2022", "10.0", "5.1", True, True, windir="C:\\Windows"
)
TEMPORARY = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files"


def test_account_read_grants_the_sid_given_with_the_name_the_acl_gave() -> None:
    state = access(accounts={CONNECT_AS: "CORP\\svc-content"})
    result = plan_grant(
        GrantKind.ACCOUNT_READ,
        host="web01",
        target=target(ROOT),
        path_access=state,
        pool=POOL,
        grantee=Grantee(CONNECT_AS),
    )
    assert (result.sid, result.display_name, result.rights) == (
        CONNECT_AS,
        "CORP\\svc-content",
        "ReadAndExecute",
    )
    assert result.icacls == f'icacls "{ROOT}" /grant "*{CONNECT_AS}:(OI)(CI)RX"'
    assert f"(A;OICI;0x1200a9;;;{CONNECT_AS})" in (result.expected_after or "")
    assert result.applicable and result.warnings == ()
    change = result.change
    assert (change.sid, change.identity, change.label) == (CONNECT_AS, "CORP\\svc-content", "account-read")


def test_account_modify_names_the_account_the_caller_gives_else_its_sid() -> None:
    named = plan_grant(
        GrantKind.ACCOUNT_MODIFY,
        host="h",
        target=target(ROOT),
        path_access=access(),
        pool=POOL,
        grantee=Grantee(CONNECT_AS, "CORP\\uploader"),
    )
    assert (named.display_name, named.rights) == ("CORP\\uploader", "Modify")
    assert named.icacls.endswith(f'"*{CONNECT_AS}:(OI)(CI)M"')
    unnamed = plan_grant(
        GrantKind.ACCOUNT_MODIFY,
        host="h",
        target=target(ROOT),
        path_access=access(),
        pool=POOL,
        grantee=Grantee(CONNECT_AS),
    )
    assert unnamed.display_name == CONNECT_AS


def test_an_account_grant_needs_a_valid_sid_and_the_other_kinds_take_none() -> None:
    kwargs = {"host": "h", "target": target(ROOT), "path_access": access(), "pool": POOL}
    with pytest.raises(PlanError) as error:
        plan_grant(GrantKind.ACCOUNT_READ, grantee=Grantee("CORP\\alice"), **kwargs)  # type: ignore[arg-type]
    assert error.value.text.code == "grant-not-a-sid"
    with pytest.raises(ValueError):
        plan_grant(GrantKind.ACCOUNT_READ, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        plan_grant(GrantKind.POOL_READ, grantee=Grantee(CONNECT_AS), **kwargs)  # type: ignore[arg-type]


def test_an_account_grant_is_a_noop_by_the_sid_alone_or_by_the_token_given() -> None:
    # Domain Users (DU relative to nothing here: its full SID) can read; the user is a member.
    domain_users = "S-1-5-21-1004336348-1177238915-682003330-513"
    state = access(ADMINS_ONLY + f"(A;OICI;0x1200a9;;;{domain_users})")
    kwargs = {"host": "h", "target": target(ROOT), "path_access": state, "pool": POOL}
    alone = plan_grant(GrantKind.ACCOUNT_READ, grantee=Grantee(CONNECT_AS), **kwargs)  # type: ignore[arg-type]
    assert not alone.noop and alone.applicable
    member = Grantee(CONNECT_AS, token=frozenset({CONNECT_AS, domain_users}))
    through_group = plan_grant(GrantKind.ACCOUNT_READ, grantee=member, **kwargs)  # type: ignore[arg-type]
    assert through_group.noop and not through_group.applicable
    # The requirement's token may come as its own argument too, and need not hold the SID itself.
    token = plan_grant(
        GrantKind.ACCOUNT_READ,
        grantee=Grantee(CONNECT_AS),
        token={domain_users},
        **kwargs,  # type: ignore[arg-type]
    )
    assert token.noop
    assert not plan_grant(GrantKind.ACCOUNT_MODIFY, grantee=member, **kwargs).noop  # type: ignore[arg-type]


def test_a_token_given_decides_the_noop_of_a_pool_grant_too() -> None:
    state = access(ADMINS_ONLY + "(A;OICI;0x1200a9;;;IS)")
    kwargs = {"host": "h", "target": target(ROOT), "path_access": state, "pool": POOL}
    assert plan_grant(GrantKind.POOL_READ, **kwargs).noop  # type: ignore[arg-type]
    assert not plan_grant(GrantKind.POOL_READ, token={SHOP_SID}, **kwargs).noop  # type: ignore[arg-type]


def test_a_grant_may_go_to_an_explicit_folder_outside_the_target() -> None:
    api = ROOT + "\\api"
    result = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target(api, site_root=False),
        path_access=access(path=ROOT),
        pool=POOL,
        path=ROOT,
    )
    assert result.path == ROOT and result.change.folder == ROOT
    assert result.icacls.startswith(f'icacls "{ROOT}" ')
    # The check of the target's own folder says nothing about another folder.
    assert result.fixes == ()
    assert result.outcome is not None and result.outcome.code == "after-this"
    with pytest.raises(PlanError):
        plan_grant(
            GrantKind.POOL_READ,
            host="h",
            target=target(api, site_root=False),
            path_access=access(path=api),
            pool=POOL,
            path=ROOT,
        )
    with pytest.raises(ValueError):
        plan_grant(
            GrantKind.POOL_READ,
            host="h",
            target=target(api, site_root=False),
            path_access=access(path=ROOT),
            pool=POOL,
            path=ROOT,
            subpath="x",
        )


def test_the_outcome_says_who_has_what_where_and_which_answer_it_ends() -> None:
    result = plan_grant(GrantKind.POOL_READ, host="h", target=target(ROOT), path_access=access(), pool=POOL)
    assert result.outcome is not None and result.outcome.code == "after-this-fixes"
    assert result.outcome.describe() == (
        "After this, IIS AppPool\\Shop has Read & execute on D:\\Sites\\Shop — "
        "fixes HTTP 500.19 (0x80070005)."
    )
    assert result.change.outcome == result.outcome
    iusr = plan_grant(GrantKind.IUSR_READ, host="h", target=target(ROOT), path_access=access(), pool=POOL)
    assert iusr.outcome is not None
    assert iusr.outcome.describe().endswith("has Read & execute on D:\\Sites\\Shop — fixes HTTP 401.3.")
    # A grant to be refused, or with nothing to do, achieves nothing to say.
    noop = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target(ROOT),
        path_access=access(ADMINS_ONLY + "(A;OICI;FA;;;IS)"),
        pool=POOL,
    )
    assert noop.outcome is None and noop.change.outcome is None
    windows = plan_grant(
        GrantKind.POOL_READ,
        host="h",
        target=target("C:\\Windows\\Web"),
        path_access=access(path="C:\\Windows\\Web"),
        pool=POOL,
    )
    assert windows.refusal is not None and windows.outcome is None


@pytest.mark.parametrize(
    ("sid", "code"),
    [(sids.AUTHENTICATED_USERS, "broad-authenticated-users"), (sids.EVERYONE, "broad-everyone")],
)
def test_a_grant_to_authenticated_users_or_everyone_warns_that_it_is_broad(sid: str, code: str) -> None:
    result = plan_grant(
        GrantKind.ACCOUNT_READ,
        host="h",
        target=target(ROOT),
        path_access=access(),
        pool=POOL,
        grantee=Grantee(sid),
    )
    assert [warning.code for warning in result.warnings] == [code]
    assert "Read & execute on D:\\Sites\\Shop" in result.warnings[0].describe()
    assert result.display_name == sids.well_known_name(sid)
    assert result.applicable


def _temporary_plan(
    kind: GrantKind, sid: str | None, path: str = TEMPORARY, pool: AppPool = POOL
) -> GrantPlan:
    return plan_grant(
        kind,
        host="h",
        target=target(ROOT),
        path_access=access(path=path),
        pool=pool,
        path=path,
        grantee=None if sid is None else Grantee(sid),
        server=SERVER,
    )


def test_modify_for_the_pool_or_iis_iusrs_on_its_temporary_aspnet_files_is_allowed() -> None:
    for plan in (
        _temporary_plan(GrantKind.POOL_MODIFY, None),
        _temporary_plan(GrantKind.ACCOUNT_MODIFY, SHOP_SID),
        _temporary_plan(GrantKind.IIS_IUSRS_MODIFY, None),
        _temporary_plan(GrantKind.ACCOUNT_MODIFY, sids.IIS_IUSRS),
    ):
        assert plan.refusal is None and plan.applicable, plan.kind
        assert plan.path == TEMPORARY
    # Restoring the default to IIS_IUSRS names no site root: no warning about every pool on the site.
    assert _temporary_plan(GrantKind.IIS_IUSRS_MODIFY, None).warnings == ()


def test_nothing_else_under_the_windows_directory_is_allowed() -> None:
    other_pool = sids.app_pool_sid("Other")
    refused = [
        _temporary_plan(GrantKind.POOL_READ, None),
        _temporary_plan(GrantKind.IUSR_READ, None),
        _temporary_plan(GrantKind.ACCOUNT_READ, SHOP_SID),
        _temporary_plan(GrantKind.ACCOUNT_MODIFY, sids.EVERYONE),
        _temporary_plan(GrantKind.ACCOUNT_MODIFY, sids.AUTHENTICATED_USERS),
        _temporary_plan(GrantKind.ACCOUNT_MODIFY, other_pool),
        _temporary_plan(GrantKind.POOL_MODIFY, None, TEMPORARY + "\\root"),
        _temporary_plan(GrantKind.POOL_MODIFY, None, TEMPORARY.replace("Framework64", "Framework")),
        _temporary_plan(GrantKind.POOL_MODIFY, None, TEMPORARY.replace("v4.0.30319", "v2.0.50727")),
        _temporary_plan(GrantKind.POOL_MODIFY, None, "C:\\Windows\\Microsoft.NET"),
    ]
    for plan in refused:
        assert plan.refusal is not None and plan.refusal.code == "windows-dir", (
            plan.kind,
            plan.sid,
            plan.path,
        )
    no_managed_code = AppPool(
        "Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "", "Integrated"
    )
    assert _temporary_plan(GrantKind.POOL_MODIFY, None, pool=no_managed_code).refusal is not None


def test_a_32_bit_pool_is_allowed_its_framework_folder() -> None:
    pool = AppPool(
        "Shop",
        "Started",
        IdentityType.APPLICATION_POOL_IDENTITY,
        None,
        None,
        "v2.0",
        "Classic",
        enable_32bit=True,
    )
    folder = "C:\\Windows\\Microsoft.NET\\Framework\\v2.0.50727\\Temporary ASP.NET Files"
    assert _temporary_plan(GrantKind.POOL_MODIFY, None, folder, pool).refusal is None
    assert _temporary_plan(GrantKind.POOL_MODIFY, None, TEMPORARY, pool).refusal is not None
