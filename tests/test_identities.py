"""Every identity IIS reads content as: Connect as, shares, sign-in, impersonation, web.config files,
Temporary ASP.NET Files, group memberships - the requirement, the status and the fix to press."""

from __future__ import annotations

from dataclasses import replace

from bridge import sids
from bridge.access import AccessLevel
from bridge.model import (
    Account,
    AnonymousAuth,
    Application,
    AppPool,
    AuthorizationRule,
    ConnectAs,
    Impersonation,
    Membership,
    ServerFacts,
    SignIn,
    Site,
    Target,
    TargetRef,
    VirtualDirectory,
)
from bridge.needs import Around, CheckResult, CheckStatus, check_target
from bridge.plans import GrantKind
from bridge.recommend import recommend
from bridge.safety import temporary_aspnet_folder
from bridge.server_files import config_files
from bridge.sids import IdentityType
from tests.factories import IUSR_ANONYMOUS, folder_state

ROOT = "D:\\Sites\\Shop"
SERVER = ServerFacts(
    "WEB01",
    "10.0.20348",
    "Windows Server 2022",
    "10.0",
    "5.1",
    True,
    True,
    windir="C:\\Windows",
    computer_account=Account("CORP\\WEB01$", "S-1-5-21-1-2-3-1104"),
)
POOL = AppPool("Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated")
ADMINS_ONLY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
USERS_READ = ADMINS_ONLY + "(A;OICI;0x1200a9;;;BU)"
EDITOR = Account("CORP\\svc-content", "S-1-5-21-1-2-3-2001")
SALES = Account("CORP\\Sales", "S-1-5-21-1-2-3-3001")
NO_SIGN_IN = SignIn()
NOT_IMPERSONATING = Impersonation(False)
TEMP = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files"


def target(
    path: str = ROOT,
    *,
    anonymous: AnonymousAuth = IUSR_ANONYMOUS,
    connect_as: ConnectAs | None = None,
    sign_in: SignIn = NO_SIGN_IN,
    authorization: tuple[AuthorizationRule, ...] | None = None,
    impersonation: Impersonation = NOT_IMPERSONATING,
) -> Target:
    directory = VirtualDirectory("/", path, path, connect_as)
    application = Application(
        "/",
        POOL.name,
        anonymous,
        (directory,),
        sign_in=sign_in,
        authorization=authorization,
        impersonation=impersonation,
    )
    return Target(TargetRef("Shop"), Site("Shop", 1, "Started", (), (application,)), application, directory)


def check(
    subject: Target, acl: str | None, *, pool: AppPool = POOL, around: Around | None = None, **changes: object
) -> CheckResult:
    result = check_target(subject, pool, folder_state(subject.physical_path, acl, **changes), around=around)
    return replace(result, recommendation=recommend(result, subject, pool, server=SERVER, pools=(pool,)))


def roles(result: CheckResult) -> list[tuple[str, str | None, AccessLevel]]:
    return [(need.role, need.sid, need.needs) for need in result.requirements]


def test_connect_as_user_is_the_only_reader_and_gets_the_fix() -> None:
    subject = target(connect_as=ConnectAs(EDITOR, "ClearText", True))
    result = check(subject, ADMINS_ONLY)
    assert roles(result) == [("connect-as", EDITOR.sid, AccessLevel.READ)]
    assert result.status is CheckStatus.MISSING
    assert result.requirements[0].reason.code == "connect-as-missing"
    assert result.recommendation is not None
    fix = result.recommendation.fix
    assert fix is not None
    assert (fix.kind, fix.sid, fix.path, fix.rights) == (
        GrantKind.ACCOUNT_READ,
        EDITOR.sid,
        ROOT,
        "ReadAndExecute",
    )
    assert fix.command("Shop") == f'iis-access grant account-read "Shop" --sid {EDITOR.sid}'


def test_connect_as_user_with_read_through_a_computed_group_is_ok() -> None:
    subject = target(connect_as=ConnectAs(EDITOR, "ClearText", True))
    group = "S-1-5-21-1-2-3-4001"
    around = Around(
        server=SERVER, memberships={EDITOR.sid or "": Membership(EDITOR.sid or "", (group,), True)}
    )
    result = check(subject, ADMINS_ONLY + f"(A;OICI;0x1200a9;;;{group})", around=around)
    assert result.status is CheckStatus.OK
    assert result.recommendation is not None and result.recommendation.reason == "nothing-to-do"


def test_groups_that_could_not_be_computed_are_said() -> None:
    subject = target(connect_as=ConnectAs(EDITOR, "ClearText", True))
    failed = Membership(EDITOR.sid or "", (), False, "The trust relationship failed")
    result = check(subject, ADMINS_ONLY, around=Around(server=SERVER, memberships={failed.sid: failed}))
    assert [note.code for note in result.notes] == ["groups-unknown"]
    assert "trust relationship" in result.notes[0].describe()


def test_pass_through_share_names_the_computer_account_and_never_fixes_locally() -> None:
    share = "\\\\files\\web\\shop"
    subject = target(share)
    result = check(
        subject, ADMINS_ONLY, is_unc=True, exists=False, sddl=None, dacl=None, around=Around(server=SERVER)
    )
    assert result.status is CheckStatus.UNFIXABLE
    worker = result.requirements[0]
    assert (worker.role, worker.name, worker.sid, worker.on_file_server) == (
        "worker",
        "CORP\\WEB01$",
        "S-1-5-21-1-2-3-1104",
        True,
    )
    assert worker.reason.code == "on-file-server"
    assert result.recommendation is not None
    assert result.recommendation.fixes == ()
    assert result.recommendation.reason == "file-server"
    assert "iusr-on-share" in [note.code for note in result.notes]


def test_local_service_pool_on_a_share_cannot_be_helped_by_any_grant() -> None:
    pool = replace(POOL, identity_type=IdentityType.LOCAL_SERVICE)
    subject = target("\\\\files\\web\\shop", anonymous=AnonymousAuth(False, "IUSR", sids.IUSR))
    result = check(subject, None, pool=pool, is_unc=True, exists=False, dacl=None)
    (worker,) = result.requirements
    assert worker.reason.code == "local-service-on-share"
    assert worker.sid is None


def test_specific_user_pool_on_a_share_is_seen_as_itself() -> None:
    pool = replace(POOL, identity_type=IdentityType.SPECIFIC_USER, user_name=EDITOR.name, user_sid=EDITOR.sid)
    subject = target("\\\\files\\web\\shop", anonymous=AnonymousAuth(False, "IUSR", sids.IUSR))
    result = check(subject, None, pool=pool, is_unc=True, exists=False, dacl=None)
    assert [(need.name, need.sid) for need in result.requirements] == [(EDITOR.name, EDITOR.sid)]


def test_windows_authentication_without_named_users_needs_authenticated_users() -> None:
    subject = target(
        anonymous=AnonymousAuth(False, "IUSR", sids.IUSR),
        sign_in=SignIn(windows=True),
        authorization=(AuthorizationRule("Allow", ("*",), (), "", ()),),
    )
    result = check(subject, ADMINS_ONLY + f"(A;OICI;0x1200a9;;;{sids.app_pool_sid('Shop')})")
    assert roles(result) == [
        ("worker", POOL.sid, AccessLevel.READ),
        ("authenticated", sids.AUTHENTICATED_USERS, AccessLevel.READ),
    ]
    assert result.recommendation is not None
    fix = result.recommendation.fix
    assert fix is not None and (fix.kind, fix.sid) == (GrantKind.ACCOUNT_READ, sids.AUTHENTICATED_USERS)


def test_url_authorization_names_who_signs_in_and_deny_rules_are_shown() -> None:
    subject = target(
        anonymous=AnonymousAuth(False, "IUSR", sids.IUSR),
        sign_in=SignIn(windows=True),
        authorization=(
            AuthorizationRule("Allow", (), ("CORP\\Sales",), "", (SALES,)),
            AuthorizationRule("Deny", ("CORP\\intern",), (), "", ()),
        ),
    )
    result = check(subject, USERS_READ)
    signed_in = [need for need in result.requirements if need.role == "authenticated"]
    assert [(need.name, need.sid) for need in signed_in] == [(SALES.name, SALES.sid)]
    # Domain users are in BUILTIN\Users on a member server: Read for Users reaches them.
    assert signed_in[0].ok
    assert "authorization-denies" in [note.code for note in result.notes]


def test_anonymous_off_means_iusr_needs_nothing() -> None:
    subject = target(anonymous=AnonymousAuth(False, "IUSR", sids.IUSR), sign_in=SignIn(basic=True))
    assert sids.IUSR not in [need.sid for need in check(subject, ADMINS_ONLY).requirements]


def test_impersonated_user_gets_the_writes() -> None:
    subject = target(impersonation=Impersonation(True, EDITOR))
    result = check_target(subject, POOL, folder_state(ROOT, USERS_READ), needs_write=True)
    assert roles(result) == [
        ("worker", POOL.sid, AccessLevel.READ),
        ("anonymous", sids.IUSR, AccessLevel.READ),
        ("impersonated", EDITOR.sid, AccessLevel.MODIFY),
    ]
    assert result.requirements[2].reason.code == "impersonated-missing"


def test_impersonating_the_request_user_makes_the_request_users_write() -> None:
    subject = target(impersonation=Impersonation(True))
    result = check_target(subject, POOL, folder_state(ROOT, USERS_READ), needs_write=True)
    assert roles(result) == [
        ("worker", POOL.sid, AccessLevel.READ),
        ("anonymous", sids.IUSR, AccessLevel.MODIFY),
    ]


def test_a_web_config_the_worker_cannot_read_is_500_19_and_fixed_on_its_folder() -> None:
    subject = target()
    config = ROOT + "\\web.config"
    readable = folder_state(ROOT, USERS_READ)
    locked = folder_state(config, "D:PAI(A;;FA;;;SY)(A;;FA;;;BA)", is_directory=False, protected=False)
    around = Around({ROOT: readable, config: locked}, SERVER)
    result = check(subject, USERS_READ, around=around)
    file_need = result.requirements[-1]
    assert (file_need.role, file_need.path, file_need.is_file, file_need.ok) == (
        "worker",
        config,
        True,
        False,
    )
    assert file_need.reason.code == "config-file-missing"
    assert result.recommendation is not None
    fix = result.recommendation.fix
    assert fix is not None and (fix.kind, fix.path, fix.subpath) == (GrantKind.POOL_READ, ROOT, None)


def test_a_protected_web_config_says_a_folder_grant_would_not_reach_it() -> None:
    config = ROOT + "\\web.config"
    locked = folder_state(config, "D:PAI(A;;FA;;;SY)(A;;FA;;;BA)", is_directory=False, protected=True)
    around = Around({config: locked}, SERVER)
    result = check(target(), USERS_READ, around=around)
    assert result.requirements[-1].reason.code == "config-file-protected"
    assert result.recommendation is not None and result.recommendation.reason == "protected-file"


def test_config_files_along_the_url_and_the_connect_as_user_of_each() -> None:
    root = VirtualDirectory("/", ROOT, ROOT)
    media = VirtualDirectory("/media", "\\\\files\\media", "\\\\files\\media")
    shop = VirtualDirectory("/", "E:\\Apps\\Cart", "E:\\Apps\\Cart", ConnectAs(EDITOR, "ClearText", True))
    site_app = Application("/", POOL.name, IUSR_ANONYMOUS, (root, media))
    cart = Application("/store/cart", POOL.name, IUSR_ANONYMOUS, (shop,))
    site = Site("Shop", 1, "Started", (), (site_app, cart))
    subject = Target(TargetRef("Shop", "/store/cart"), site, cart, shop)
    assert [(each.path, each.directory.connect_as is not None) for each in config_files(subject)] == [
        (ROOT + "\\web.config", False),
        (ROOT + "\\store\\web.config", False),
        ("E:\\Apps\\Cart\\web.config", True),
    ]
    on_share = Target(TargetRef("Shop", "/", "/media"), site, site_app, media)
    assert [each.path for each in config_files(on_share)] == [ROOT + "\\web.config"]


def test_temporary_aspnet_files_need_modify_and_the_fix_passes_the_windows_folder_rule() -> None:
    temp = folder_state(TEMP, "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)")
    result = check(target(), USERS_READ, around=Around({TEMP: temp}, SERVER))
    need = result.requirements[-1]
    assert (need.path, need.needs, need.reason.code) == (TEMP, AccessLevel.MODIFY, "temporary-files-missing")
    assert result.recommendation is not None
    fix = result.recommendation.fix
    assert fix is not None
    assert (fix.kind, fix.sid, fix.path, fix.explicit_path) == (
        GrantKind.ACCOUNT_MODIFY,
        POOL.sid,
        TEMP,
        True,
    )
    assert "--path" in fix.command("Shop")


def test_temporary_aspnet_folder_follows_runtime_and_bitness() -> None:
    assert temporary_aspnet_folder(POOL, "C:\\Windows") == TEMP
    assert temporary_aspnet_folder(replace(POOL, enable_32bit=True), "C:\\Windows") == TEMP.replace(
        "Framework64", "Framework"
    )
    assert temporary_aspnet_folder(replace(POOL, managed_runtime_version="v2.0"), "C:\\Windows") == (
        "C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\Temporary ASP.NET Files"
    )
    assert temporary_aspnet_folder(replace(POOL, managed_runtime_version=""), "C:\\Windows") is None


def test_a_network_service_pool_is_shown_as_itself_and_its_pool_sid() -> None:
    pool = replace(POOL, identity_type=IdentityType.NETWORK_SERVICE)
    result = check(target(), USERS_READ, pool=pool)
    assert result.worker.sid == POOL.sid
    assert result.worker.runs_as == Account("NT AUTHORITY\\NETWORK SERVICE", sids.NETWORK_SERVICE)
    assert [note.code for note in result.notes] == ["runs-as-too"]


def test_missing_worker_and_iusr_make_two_grants_worker_first() -> None:
    result = check(target(), ADMINS_ONLY)
    assert result.recommendation is not None
    assert [fix.kind for fix in result.recommendation.fixes] == [GrantKind.POOL_READ, GrantKind.IUSR_READ]
