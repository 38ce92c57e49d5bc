"""Security identifiers: pool SIDs, well-known names and the tokens IIS builds."""

from __future__ import annotations

import pytest

from bridge import sids
from bridge.sids import IdentityType

DEFAULT_APP_POOL_SID = "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415"


def test_app_pool_sid_matches_the_windows_vector() -> None:
    assert sids.app_pool_sid("DefaultAppPool") == DEFAULT_APP_POOL_SID


@pytest.mark.parametrize("name", ["defaultapppool", "DEFAULTAPPPOOL", "DefaultAPPPool"])
def test_app_pool_sid_ignores_case(name: str) -> None:
    assert sids.app_pool_sid(name) == DEFAULT_APP_POOL_SID


def test_app_pool_sid_differs_per_pool_and_is_valid() -> None:
    other = sids.app_pool_sid("Blog")
    assert other != DEFAULT_APP_POOL_SID
    assert other.startswith("S-1-5-82-")
    assert len(other.split("-")) == 4 + 5
    assert sids.is_valid_sid(other)


def test_app_pool_sid_lower_cases_non_ascii_names_like_str_lower() -> None:
    assert sids.app_pool_sid("ÜBERSICHT-Pool") == sids.app_pool_sid("übersicht-pool")
    assert sids.app_pool_sid("ÜBERSICHT-Pool") != sids.app_pool_sid("UBERSICHT-Pool")


def test_app_pool_account_name() -> None:
    assert sids.app_pool_account("Blog") == "IIS AppPool\\Blog"


@pytest.mark.parametrize(
    ("sid", "name"),
    [
        (sids.IUSR, "NT AUTHORITY\\IUSR"),
        (sids.IIS_IUSRS, "BUILTIN\\IIS_IUSRS"),
        (sids.EVERYONE, "Everyone"),
        (sids.USERS, "BUILTIN\\Users"),
        (sids.NETWORK_SERVICE, "NT AUTHORITY\\NETWORK SERVICE"),
        (sids.TRUSTED_INSTALLER, "NT SERVICE\\TrustedInstaller"),
        (sids.INTERACTIVE, "NT AUTHORITY\\INTERACTIVE"),
    ],
)
def test_well_known_names(sid: str, name: str) -> None:
    assert sids.well_known_name(sid) == name


def test_unknown_sid_has_no_well_known_name() -> None:
    assert sids.well_known_name("S-1-5-21-1-2-3-1001") is None


@pytest.mark.parametrize(
    "text", ["S-1-1-0", "S-1-5-32-568", DEFAULT_APP_POOL_SID, "S-1-0x000000000005-18", sids.TRUSTED_INSTALLER]
)
def test_valid_sids(text: str) -> None:
    assert sids.is_valid_sid(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "S-1",
        "S-1-5",
        "S-2-5-18",
        "s-1-5-18",
        "S-1-5-18-",
        "S-1-5-4294967296",
        "BA",
        "S-1-5-x",
        "S-1-5-18 ",
    ],
)
def test_invalid_sids(text: str) -> None:
    assert not sids.is_valid_sid(text)


def test_anonymous_token_carries_groups_but_not_iis_iusrs() -> None:
    token = sids.anonymous_token()
    assert token == {sids.IUSR, sids.EVERYONE, sids.AUTHENTICATED_USERS, sids.USERS}
    assert sids.IIS_IUSRS not in token


def test_anonymous_token_for_a_named_account() -> None:
    user = "S-1-5-21-1-2-3-1005"
    token = sids.anonymous_token(user)
    assert user in token
    assert sids.IUSR not in token
    assert sids.USERS in token


def test_worker_token_for_application_pool_identity() -> None:
    token = sids.worker_token("DefaultAppPool", IdentityType.APPLICATION_POOL_IDENTITY)
    assert token == {
        DEFAULT_APP_POOL_SID,
        sids.IIS_IUSRS,
        sids.USERS,
        sids.AUTHENTICATED_USERS,
        sids.EVERYONE,
        sids.SERVICE,
    }
    assert sids.IUSR not in token


@pytest.mark.parametrize(
    ("identity", "extra"),
    [
        (IdentityType.NETWORK_SERVICE, {sids.NETWORK_SERVICE}),
        (IdentityType.LOCAL_SERVICE, {sids.LOCAL_SERVICE}),
        (IdentityType.LOCAL_SYSTEM, {sids.SYSTEM, sids.ADMINISTRATORS}),
    ],
)
def test_worker_token_adds_the_built_in_identity(identity: IdentityType, extra: set[str]) -> None:
    base = sids.worker_token("Shop", IdentityType.APPLICATION_POOL_IDENTITY)
    token = sids.worker_token("Shop", identity)
    assert token - base == extra
    assert sids.app_pool_sid("Shop") in token


def test_worker_token_for_specific_user() -> None:
    user = "S-1-5-21-1-2-3-1010"
    token = sids.worker_token("Shop", IdentityType.SPECIFIC_USER, user)
    assert user in token
    assert sids.app_pool_sid("Shop") in token
    unknown = sids.worker_token("Shop", IdentityType.SPECIFIC_USER)
    assert user not in unknown


def test_identity_type_accepts_any_case() -> None:
    assert IdentityType("networkservice") is IdentityType.NETWORK_SERVICE
    assert IdentityType("SpecificUser") is IdentityType.SPECIFIC_USER
    with pytest.raises(ValueError, match="Nobody"):
        IdentityType("Nobody")


def test_worker_groups_are_in_every_worker_token() -> None:
    for identity in IdentityType:
        assert sids.worker_token("Any", identity) >= sids.WORKER_GROUPS
    assert sids.IUSR not in sids.WORKER_GROUPS
