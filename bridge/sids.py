"""Security identifiers: the well-known ones IIS cares about, pool SIDs, and tokens.

Decisions are made on SIDs, never on account names: the domain part of a
built-in name is localized (``NT-AUTORITÄT\\IUSR`` on German Windows), the SID
is not.
"""

from __future__ import annotations

import hashlib
import re
import struct
from enum import Enum

IUSR = "S-1-5-17"
IIS_IUSRS = "S-1-5-32-568"
EVERYONE = "S-1-1-0"
USERS = "S-1-5-32-545"
AUTHENTICATED_USERS = "S-1-5-11"
ADMINISTRATORS = "S-1-5-32-544"
GUESTS = "S-1-5-32-546"
SYSTEM = "S-1-5-18"
LOCAL_SERVICE = "S-1-5-19"
NETWORK_SERVICE = "S-1-5-20"
SERVICE = "S-1-5-6"
INTERACTIVE = "S-1-5-4"
NETWORK = "S-1-5-2"
ANONYMOUS_LOGON = "S-1-5-7"
CREATOR_OWNER = "S-1-3-0"
CREATOR_GROUP = "S-1-3-1"
OWNER_RIGHTS = "S-1-3-4"
TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
ALL_APP_PACKAGES = "S-1-15-2-1"
ALL_RESTRICTED_APP_PACKAGES = "S-1-15-2-2"

APP_POOL_PREFIX = "S-1-5-82-"

# The groups IIS puts in every worker process token, whatever the pool.
WORKER_GROUPS = frozenset({IIS_IUSRS, USERS, AUTHENTICATED_USERS, EVERYONE, SERVICE})

_WELL_KNOWN_NAMES: dict[str, str] = {
    IUSR: "NT AUTHORITY\\IUSR",
    IIS_IUSRS: "BUILTIN\\IIS_IUSRS",
    EVERYONE: "Everyone",
    USERS: "BUILTIN\\Users",
    AUTHENTICATED_USERS: "NT AUTHORITY\\Authenticated Users",
    ADMINISTRATORS: "BUILTIN\\Administrators",
    GUESTS: "BUILTIN\\Guests",
    SYSTEM: "NT AUTHORITY\\SYSTEM",
    LOCAL_SERVICE: "NT AUTHORITY\\LOCAL SERVICE",
    NETWORK_SERVICE: "NT AUTHORITY\\NETWORK SERVICE",
    SERVICE: "NT AUTHORITY\\SERVICE",
    INTERACTIVE: "NT AUTHORITY\\INTERACTIVE",
    NETWORK: "NT AUTHORITY\\NETWORK",
    ANONYMOUS_LOGON: "NT AUTHORITY\\ANONYMOUS LOGON",
    CREATOR_OWNER: "CREATOR OWNER",
    CREATOR_GROUP: "CREATOR GROUP",
    OWNER_RIGHTS: "OWNER RIGHTS",
    TRUSTED_INSTALLER: "NT SERVICE\\TrustedInstaller",
    ALL_APP_PACKAGES: "APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES",
    ALL_RESTRICTED_APP_PACKAGES: "APPLICATION PACKAGE AUTHORITY\\ALL RESTRICTED APPLICATION PACKAGES",
}

_SID_PATTERN = re.compile(r"S-1-(?:[0-9]+|0x[0-9A-Fa-f]{12})((?:-[0-9]+){1,15})")
_MAX_SUB_AUTHORITY = 0xFFFFFFFF
_MAX_DECIMAL_AUTHORITY = 0xFFFFFFFF


class IdentityType(str, Enum):
    """An application pool's ``processModel.identityType``, spelled as IIS spells it."""

    APPLICATION_POOL_IDENTITY = "ApplicationPoolIdentity"
    NETWORK_SERVICE = "NetworkService"
    LOCAL_SERVICE = "LocalService"
    LOCAL_SYSTEM = "LocalSystem"
    SPECIFIC_USER = "SpecificUser"

    @classmethod
    def _missing_(cls, value: object) -> IdentityType | None:
        # applicationHost.config is case-insensitive about enum values.
        if isinstance(value, str):
            for member in cls:
                if member.value.lower() == value.lower():
                    return member
        return None


_IDENTITY_SIDS: dict[IdentityType, tuple[str, ...]] = {
    IdentityType.APPLICATION_POOL_IDENTITY: (),
    IdentityType.NETWORK_SERVICE: (NETWORK_SERVICE,),
    IdentityType.LOCAL_SERVICE: (LOCAL_SERVICE,),
    # LocalSystem runs with the Administrators group enabled in its token.
    IdentityType.LOCAL_SYSTEM: (SYSTEM, ADMINISTRATORS),
    IdentityType.SPECIFIC_USER: (),
}


def is_valid_sid(text: str) -> bool:
    """Whether ``text`` is a SID in ``S-1-...`` form that Windows would accept."""
    match = _SID_PATTERN.fullmatch(text)
    if match is None:
        return False
    authority = text.split("-")[2]
    if not authority.startswith("0x") and int(authority) > _MAX_DECIMAL_AUTHORITY:
        return False
    return all(int(part) <= _MAX_SUB_AUTHORITY for part in match.group(1)[1:].split("-"))


def app_pool_sid(pool_name: str) -> str:
    """The SID of the virtual account ``IIS AppPool\\<pool_name>``.

    IIS hashes the lower-cased name, so the SID does not depend on how the
    pool's name is capitalised.
    """
    digest = hashlib.sha1(pool_name.lower().encode("utf-16-le"), usedforsecurity=False).digest()
    return APP_POOL_PREFIX + "-".join(str(part) for part in struct.unpack("<5I", digest))


def app_pool_account(pool_name: str) -> str:
    """The account name of a pool's virtual account, as Windows prints it."""
    return f"IIS AppPool\\{pool_name}"


def well_known_name(sid: str) -> str | None:
    """The English account name of a well-known SID, or None if it is not one we know."""
    return _WELL_KNOWN_NAMES.get(sid)


def anonymous_token(user_sid: str = IUSR) -> frozenset[str]:
    """The SIDs in the token of the account anonymous requests run as.

    IUSR carries Everyone, Authenticated Users and BUILTIN\\Users (why a fresh
    wwwroot without an IUSR entry still serves anonymous requests) but is not
    a member of IIS_IUSRS.
    """
    return frozenset({user_sid, EVERYONE, AUTHENTICATED_USERS, USERS})


def worker_token(
    pool_name: str, identity_type: IdentityType, user_sid: str | None = None, *, iis_iusrs: bool = True
) -> frozenset[str]:
    """The SIDs in the token of a pool's worker process.

    IIS injects the pool SID and IIS_IUSRS whatever the identity type - IIS_IUSRS
    not for a pool with ``manualGroupMembership`` (``iis_iusrs=False``), unless
    its identity is a stored member; the identity's own SID is added for the
    built-in accounts and, when known, for a specific user.
    """
    sids = {app_pool_sid(pool_name), *(WORKER_GROUPS if iis_iusrs else WORKER_GROUPS - {IIS_IUSRS})}
    sids.update(_IDENTITY_SIDS[identity_type])
    if identity_type is IdentityType.SPECIFIC_USER and user_sid is not None:
        sids.add(user_sid)
    return frozenset(sids)
