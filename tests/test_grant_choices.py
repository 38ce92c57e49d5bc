"""Which one-click grants would help a target: each one that would not is named with why - on a
share, refused, the identity does not read the content, it already has the access, a deny wins."""

from __future__ import annotations

from bridge import sids
from bridge.grant_choices import BUTTON_KINDS, grant_choices
from bridge.model import (
    Account,
    AnonymousAuth,
    Application,
    AppPool,
    ConnectAs,
    PathAccess,
    Site,
    Target,
    TargetRef,
    VirtualDirectory,
)
from bridge.needs import check_target
from bridge.plans import GrantKind
from bridge.sids import IdentityType
from tests.factories import IUSR_ANONYMOUS, folder_state

ROOT = "D:\\Sites\\Shop"
POOL = AppPool("Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated")
ADMINS_ONLY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
USERS_READ = ADMINS_ONLY + "(A;OICI;0x1200a9;;;BU)"
ARCHIVE = Account("CORP\\svc-archive", "S-1-5-21-1-2-3-1301")


def _target(
    path: str = ROOT, *, anonymous: AnonymousAuth = IUSR_ANONYMOUS, connect_as: ConnectAs | None = None
) -> Target:
    directory = VirtualDirectory("/", path, path, connect_as)
    application = Application("/", POOL.name, anonymous, (directory,))
    return Target(TargetRef("Shop"), Site("Shop", 1, "Started", (), (application,)), application, directory)


def _codes(
    subject: Target,
    state: PathAccess,
    *,
    pool: AppPool = POOL,
    with_acl: bool = True,
    subpath: str | None = None,
) -> dict[GrantKind, str | None]:
    result = check_target(subject, pool, state)
    choices = grant_choices(result, subject, pool, access=state if with_acl else None, subpath=subpath)
    assert list(choices) == list(BUTTON_KINDS)
    return {kind: None if why is None else why.code for kind, why in choices.items()}


def test_a_folder_where_every_grant_helps_offers_all_four() -> None:
    assert _codes(_target(), folder_state(ROOT, ADMINS_ONLY)) == dict.fromkeys(BUTTON_KINDS)


def test_access_already_there_or_withheld_by_a_deny_is_what_the_plan_says() -> None:
    # IUSR reads through BUILTIN\Users; a deny for the pool's SID wins over any allow.
    deny_pool = USERS_READ.replace("D:PAI", f"D:PAI(D;OICI;0x1200a9;;;{POOL.sid})")
    codes = _codes(_target(), folder_state(ROOT, deny_pool))
    assert codes[GrantKind.IUSR_READ] == "already-has-access"
    assert codes[GrantKind.POOL_READ] == "deny-still-wins"
    assert codes[GrantKind.IIS_IUSRS_MODIFY] is None


def test_without_the_acl_or_on_a_subfolder_only_what_the_check_tells_is_decided() -> None:
    state = folder_state(ROOT, USERS_READ)
    assert _codes(_target(), state, with_acl=False)[GrantKind.IUSR_READ] is None
    assert _codes(_target(), state, subpath="uploads")[GrantKind.IUSR_READ] is None
    assert set(_codes(_target(), state, subpath="..").values()) == {"not-below"}


def test_a_share_greys_out_every_grant() -> None:
    share = "\\\\fs01\\media"
    state = folder_state(share, None, is_unc=True)
    assert set(_codes(_target(share), state).values()) == {"fix-on-file-server"}


def test_a_folder_the_safety_rules_refuse_greys_out_every_grant_with_their_message() -> None:
    folder = "C:\\Windows\\Web"
    codes = _codes(_target(folder), folder_state(folder, ADMINS_ONLY), with_acl=False)
    assert len(set(codes.values())) == 1
    assert None not in codes.values()


def test_iusr_read_is_greyed_out_when_anonymous_is_off_or_not_iusr() -> None:
    off = _target(anonymous=AnonymousAuth(False, "IUSR", sids.IUSR))
    assert _codes(off, folder_state(ROOT, ADMINS_ONLY))[GrantKind.IUSR_READ] == "choice-anonymous-off"
    as_pool = _target(anonymous=AnonymousAuth(True, "", None))
    result = check_target(as_pool, POOL, folder_state(ROOT, ADMINS_ONLY))
    why = grant_choices(result, as_pool, POOL)[GrantKind.IUSR_READ]
    assert why is not None and why.code == "choice-anonymous-not-iusr"
    assert why.params["name"] == "IIS AppPool\\Shop"
    named = _target(anonymous=AnonymousAuth(True, "CORP\\web-anon", "S-1-5-21-1-2-3-1500"))
    assert _codes(named, folder_state(ROOT, ADMINS_ONLY))[GrantKind.IUSR_READ] == "choice-anonymous-not-iusr"


def test_a_connect_as_directory_needs_neither_iusr_nor_the_pool_to_read_it() -> None:
    subject = _target(connect_as=ConnectAs(ARCHIVE, "ClearText", True))
    codes = _codes(subject, folder_state(ROOT, ADMINS_ONLY))
    assert codes[GrantKind.IUSR_READ] == codes[GrantKind.POOL_READ] == "choice-connect-as"
    # Managed code still writes as the worker: Modify may help.
    assert codes[GrantKind.POOL_MODIFY] is None


def test_iis_iusrs_does_not_reach_a_manual_pool_that_is_not_a_stored_member() -> None:
    manual = AppPool(
        "Shop",
        "Started",
        IdentityType.APPLICATION_POOL_IDENTITY,
        None,
        None,
        "v4.0",
        "Integrated",
        manual_group_membership=True,
    )
    codes = _codes(_target(), folder_state(ROOT, ADMINS_ONLY), pool=manual)
    assert codes[GrantKind.IIS_IUSRS_MODIFY] == "choice-no-iis-iusrs"
    assert codes[GrantKind.POOL_MODIFY] is None
