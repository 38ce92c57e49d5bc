"""Who needs what on a target's folder: worker and anonymous identities, effective access, status."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge import sids
from bridge.access import AccessLevel
from bridge.model import AnonymousAuth, AppPool, PathAccess, Target
from bridge.needs import CheckStatus, check_target
from bridge.sids import IdentityType
from tests.factories import IUSR_ANONYMOUS, folder_state, make_target

PATH = "C:\\inetpub\\wwwroot"
FRESH_WWWROOT = (
    "D:AI(A;OICIIOID;GA;;;CO)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;BA)"
    "(A;ID;FA;;;BA)(A;OICIIOID;GXGR;;;BU)(A;ID;0x1200a9;;;BU)"
)
ADMINS_ONLY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
POOL = AppPool(
    "DefaultAppPool", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
)
POOL_SID = sids.app_pool_sid("DefaultAppPool")


def target(anonymous: AnonymousAuth = IUSR_ANONYMOUS) -> Target:
    return make_target(PATH, anonymous=anonymous)


def folder(sddl: str | None, /, **changes: object) -> PathAccess:
    return folder_state(PATH, sddl, **{"accounts": {sids.IUSR: "NT AUTHORITY\\IUSR"}, **changes})


def test_fresh_wwwroot_is_ok_for_iusr_and_the_pool() -> None:
    result = check_target(target(), POOL, folder(FRESH_WWWROOT))
    assert result.status is CheckStatus.OK
    worker, anonymous = result.requirements
    assert (worker.role, worker.sid, worker.name) == ("worker", POOL_SID, "IIS AppPool\\DefaultAppPool")
    assert (anonymous.role, anonymous.sid, anonymous.name) == ("anonymous", sids.IUSR, "NT AUTHORITY\\IUSR")
    assert anonymous.effective is AccessLevel.READ_EXECUTE
    assert anonymous.needs is AccessLevel.READ
    assert anonymous.ok and anonymous.reason.code == "ok"
    assert "Read & execute" in anonymous.reason.describe()
    assert str(result.target) == "Default Web Site"
    assert result.physical_path == PATH
    assert {requirement.path for requirement in result.requirements} == {PATH}


def test_admins_only_folder_misses_both_with_plain_reasons() -> None:
    result = check_target(target(), POOL, folder(ADMINS_ONLY))
    assert result.status is CheckStatus.MISSING
    worker, anonymous = result.requirements
    assert not worker.ok and worker.effective is AccessLevel.NONE
    assert worker.reason.code == "worker-missing"
    assert "500.19" in worker.reason.describe()
    assert "DefaultAppPool" in worker.reason.describe()
    assert anonymous.reason.code == "anonymous-missing"
    assert "401.3" in anonymous.reason.describe()
    assert not anonymous.blocked_by_deny


def test_iis_iusrs_grant_serves_the_worker_but_not_iusr() -> None:
    result = check_target(target(), POOL, folder(ADMINS_ONLY + "(A;OICI;0x1200a9;;;IS)"))
    worker, anonymous = result.requirements
    assert worker.ok
    assert not anonymous.ok
    assert result.status is CheckStatus.MISSING


def test_empty_user_name_means_one_requirement_for_the_pool_identity() -> None:
    result = check_target(target(AnonymousAuth(True, "", None)), POOL, folder(ADMINS_ONLY))
    assert len(result.requirements) == 1
    assert result.anonymous == result.worker
    assert result.requirements[0].reason.code == "worker-anonymous-missing"


def test_anonymous_off_means_only_the_worker() -> None:
    result = check_target(target(AnonymousAuth(False, "IUSR", sids.IUSR)), POOL, folder(ADMINS_ONLY))
    assert result.anonymous is None
    assert [requirement.role for requirement in result.requirements] == ["worker"]


def test_named_anonymous_account_is_checked_by_its_sid() -> None:
    user = "S-1-5-21-1-2-3-1107"
    sddl = f"D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;{user})(A;OICI;0x1200a9;;;{POOL_SID})"
    result = check_target(target(AnonymousAuth(True, "CONTOSO\\web", user)), POOL, folder(sddl))
    assert result.status is CheckStatus.OK
    assert result.requirements[1].name == "CONTOSO\\web"
    assert result.requirements[1].sid == user


def test_unresolved_named_account_is_not_ok() -> None:
    result = check_target(target(AnonymousAuth(True, "CONTOSO\\gone", None)), POOL, folder(FRESH_WWWROOT))
    anonymous = result.requirements[1]
    assert not anonymous.ok and anonymous.reason.code == "anonymous-unresolved"
    assert result.status is CheckStatus.MISSING


def test_iusr_named_without_sid_still_means_iusr() -> None:
    result = check_target(target(AnonymousAuth(True, "IUSR", None)), POOL, folder(FRESH_WWWROOT))
    assert result.requirements[1].sid == sids.IUSR


def test_explicit_deny_is_reported_as_blocked() -> None:
    sddl = "D:AI(D;OICI;FR;;;S-1-5-17)" + FRESH_WWWROOT[4:]
    result = check_target(target(), POOL, folder(sddl))
    assert result.status is CheckStatus.BLOCKED
    anonymous = result.requirements[1]
    assert anonymous.blocked_by_deny and anonymous.reason.code == "blocked"
    assert "NT AUTHORITY\\IUSR" in anonymous.reason.describe()
    assert "would not help" in anonymous.reason.describe()


def test_inherited_deny_is_missing_not_blocked() -> None:
    result = check_target(target(), POOL, folder("D:AI(D;OICIID;FR;;;S-1-5-17)(A;OICIID;0x1200a9;;;BU)"))
    assert result.status is CheckStatus.MISSING
    assert not result.requirements[1].blocked_by_deny


def test_write_needs_modify_for_the_worker_only() -> None:
    result = check_target(target(), POOL, folder(FRESH_WWWROOT), needs_write=True)
    worker, anonymous = result.requirements
    assert worker.needs is AccessLevel.MODIFY and not worker.ok
    assert anonymous.needs is AccessLevel.READ and anonymous.ok
    modify = FRESH_WWWROOT + f"(A;OICI;0x1301bf;;;{POOL_SID})"
    assert check_target(target(), POOL, folder(modify), needs_write=True).status is CheckStatus.OK


def test_network_service_pool_is_granted_through_its_pool_sid() -> None:
    pool = replace(POOL, identity_type=IdentityType.NETWORK_SERVICE)
    result = check_target(target(), pool, folder(ADMINS_ONLY + "(A;OICI;0x1200a9;;;NS)"))
    assert result.worker.name == f"IIS AppPool\\{pool.name}"
    assert result.worker.sid == POOL_SID
    assert result.requirements[0].ok


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"is_unc": True, "path": "\\\\files\\web", "exists": False, "sddl": None, "dacl": None}, "path-unc"),
        ({"exists": False, "sddl": None, "dacl": None}, "path-missing"),
        ({"is_directory": False}, "not-a-folder"),
        ({"error": "Access is denied.", "sddl": None, "dacl": None}, "path-unreadable"),
    ],
)
def test_unfixable_paths(changes: dict[str, object], code: str) -> None:
    result = check_target(target(), POOL, folder(FRESH_WWWROOT, **changes))
    assert result.status is CheckStatus.UNFIXABLE
    # On a share the readers are named as the file server sees them, never checked from here.
    assert all(need.on_file_server and not need.ok for need in result.requirements)
    assert bool(result.requirements) == (code == "path-unc")
    assert result.problem is not None and result.problem.code == code
    assert result.problem.describe()
