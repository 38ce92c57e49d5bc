"""Who IIS reads a target's content as, and what each of them needs there.

Requests are served by the worker process, but files are opened as whichever identity IIS acts as
for the request ("Who IIS reads content as" in the design notes):

- a virtual directory's **Connect as** user, for every request, when one is set (the pool and the
  anonymous identity then need nothing there for file access);
- otherwise the **worker** (pool) identity, the **anonymous** identity when anonymous
  authentication is on, and the **users who sign in** when Windows, Basic or Digest authentication
  is on (the static file handler impersonates them), narrowed by URL authorization's allow rules;
- the user **ASP.NET impersonates** (``system.web/identity``), whose writes are then the ones that
  count.

On a share the file server sees each of them as its *network* identity: the worker as the
computer account (ApplicationPoolIdentity, NetworkService, LocalSystem) or as itself (a specific
user); a LocalService worker presents anonymous credentials, which no grant on the file server can
help (Microsoft's "LocalService Account" page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bridge.access import AccessLevel
from bridge.model import Account, AppPool, Membership, Message, ServerFacts, Target
from bridge.safety import is_unc
from bridge.sids import (
    ANONYMOUS_LOGON,
    AUTHENTICATED_USERS,
    EVERYONE,
    IUSR,
    USERS,
    IdentityType,
    anonymous_token,
    app_pool_account,
    well_known_name,
)
from bridge.wording import translate

# Who a requirement is for: the worker process, the anonymous identity, a virtual directory's
# "Connect as" user, the users who sign in (Windows, Basic or Digest authentication), or the user
# ASP.NET impersonates.
Role = Literal["worker", "anonymous", "connect-as", "authenticated", "impersonated"]


@dataclass(frozen=True, slots=True)
class Identity:
    """An account requests run as: ``sid`` is the one a grant should name (None if unresolved)."""

    name: str
    sid: str | None
    token: frozenset[str]
    # The account a NetworkService, LocalSystem, LocalService or specific-user pool's worker runs
    # as; its token holds the pool SID (``sid``) too.
    runs_as: Account | None = None
    # False: the server could not compute all of the account's groups; only the known SIDs count.
    groups_known: bool = True


@dataclass(frozen=True, slots=True)
class Reader:
    """One identity that opens the target's content, in its role, and the access it needs there."""

    role: Role
    identity: Identity
    needs: AccessLevel


RUNS_AS_TOO = translate(
    "Bridge",
    "The worker process of application pool {pool} runs as {account}, and IIS adds the pool's own SID "
    "({name}) to its token: access granted to either reaches it. The check names the pool SID because a "
    "grant to it reaches this pool alone.",
    "runs-as-too",
)
GROUPS_UNKNOWN = translate(
    "Bridge",
    "The server could not compute the groups of {name} ({error}): only its own SID and the groups every "
    "signed-in account carries are counted, so access it has through another group is not seen.",
    "groups-unknown",
)
AUTHORIZATION_DENIES_ANONYMOUS = translate(
    "Bridge",
    "URL authorization denies anonymous users (?): they must sign in, and their requests end in HTTP 401 "
    "before any file is opened.",
    "authorization-denies-anonymous",
)
AUTHORIZATION_DENIES = translate(
    "Bridge",
    "URL authorization denies {who}: those requests end in HTTP 401 before any file is opened, so they "
    "need no access.",
    "authorization-denies",
)
SIGN_IN_ON_SHARE = translate(
    "Bridge",
    "Users who sign in reach the share only if this server may delegate their credentials (Kerberos "
    "delegation to the file server): a second hop that NTLM cannot make.",
    "sign-in-on-share",
)
IUSR_ON_SHARE = translate(
    "Bridge",
    "Which account the file server sees for anonymous requests that run as IUSR is not settled by "
    "Microsoft's documentation; the safe choice is Connect as with a domain account that has Read there.",
    "iusr-on-share",
)

_SIGNED_IN_TOKEN_GROUPS = frozenset({EVERYONE, AUTHENTICATED_USERS, USERS})


def _groups(
    sid: str | None, memberships: Mapping[str, Membership]
) -> tuple[frozenset[str], Membership | None]:
    membership = memberships.get(sid) if sid is not None else None
    return (frozenset(membership.groups) if membership is not None else frozenset()), membership


def _known(membership: Membership | None) -> bool:
    return membership is not None and membership.complete


def account_identity(
    account: Account, memberships: Mapping[str, Membership], *, computed: bool = True
) -> Identity:
    """A signed-in account (a user or group): its SID, the groups every signed-in token carries and
    the groups the server computed for it. ``computed`` False: an account the server computes no
    groups for (one URL authorization names, often a group itself), which is then not said to lack
    them."""
    if account.sid is None:
        return Identity(account.name, None, frozenset(), groups_known=False)
    groups, membership = _groups(account.sid, memberships)
    token = frozenset({account.sid}) | _SIGNED_IN_TOKEN_GROUPS | groups
    return Identity(account.name, account.sid, token, groups_known=not computed or _known(membership))


def worker_identity(pool: AppPool, memberships: Mapping[str, Membership] | None = None) -> Identity:
    """The pool's virtual account, named with its own SID: every worker token of the pool holds it.

    A NetworkService, LocalSystem, LocalService or specific-user pool's process runs as that account
    (``runs_as``), and its token holds both SIDs; a specific user's groups come from ``memberships``.
    """
    runs_as = None
    token = pool.token
    groups_known = True
    if pool.identity_type is not IdentityType.APPLICATION_POOL_IDENTITY:
        runs_as = Account(pool.identity_account, pool.identity_sid)
    if pool.identity_type is IdentityType.SPECIFIC_USER:
        groups, membership = _groups(pool.user_sid, memberships or {})
        token = token | groups
        groups_known = _known(membership)
    return Identity(app_pool_account(pool.name), pool.sid, token, runs_as=runs_as, groups_known=groups_known)


def anonymous_identity(
    target: Target,
    pool: AppPool,
    memberships: Mapping[str, Membership] | None = None,
    *,
    worker: Identity | None = None,
) -> Identity | None:
    """Who anonymous requests run as for this target, or None when anonymous authentication is off.

    ``worker`` is the pool's worker identity where the caller has it already (see content_readers)."""
    anonymous = target.application.anonymous
    if not anonymous.enabled:
        return None
    if anonymous.uses_pool_identity:
        return worker if worker is not None else worker_identity(pool, memberships)
    sid = anonymous.user_sid
    if sid is None and anonymous.user_name.casefold() == "iusr":
        sid = IUSR
    if sid == IUSR:
        return Identity(well_known_name(IUSR) or anonymous.user_name, IUSR, anonymous_token())
    groups, membership = _groups(sid, memberships or {})
    return Identity(
        anonymous.user_name,
        sid,
        anonymous_token(sid) | groups if sid is not None else frozenset(),
        groups_known=_known(membership),
    )


def signed_in_identities(target: Target, memberships: Mapping[str, Membership]) -> tuple[Identity, ...]:
    """The users who sign in with Windows, Basic or Digest authentication, as URL authorization
    narrows them: the accounts its allow rules name, else Authenticated Users (``*`` allows every
    signed-in user, ``?`` only anonymous ones)."""
    application = target.application
    if not application.sign_in.any:
        return ()
    allows = [rule for rule in application.authorization or () if rule.access == "Allow"]
    everyone = application.authorization is None or any("*" in rule.users for rule in allows)
    named = [account for rule in allows for account in rule.accounts]
    if everyone or not named:
        return (
            Identity(
                well_known_name(AUTHENTICATED_USERS) or AUTHENTICATED_USERS,
                AUTHENTICATED_USERS,
                _SIGNED_IN_TOKEN_GROUPS,
            ),
        )
    unique = {(account.sid or account.name.casefold()): account for account in named}
    return tuple(account_identity(account, memberships, computed=False) for account in unique.values())


def _impersonated(target: Target, memberships: Mapping[str, Membership]) -> Identity | None:
    impersonation = target.application.impersonation
    if not impersonation.enabled or impersonation.account is None:
        return None
    return account_identity(impersonation.account, memberships)


def content_readers(
    target: Target,
    pool: AppPool,
    memberships: Mapping[str, Membership] | None = None,
    *,
    needs_write: bool = False,
    worker: Identity | None = None,
) -> tuple[Reader, ...]:
    """Everyone who opens the target's content, in order: the worker (or Connect-as user) first.

    ``needs_write`` is the administrator saying the application writes there: the writer - the
    impersonated user, the request's users under impersonation without a user name, else the
    worker - then needs Modify. ``worker`` is the pool's worker identity where the caller has it
    already (a whole-server check works it out once per pool, not per target).
    """
    known = memberships or {}
    worker = worker if worker is not None else worker_identity(pool, known)
    write = AccessLevel.MODIFY if needs_write else AccessLevel.READ
    impersonation = target.application.impersonation
    impersonated = _impersonated(target, known)
    requests_write = impersonation.enabled and impersonated is None
    readers: list[Reader] = []
    connect_as = target.directory.connect_as
    if connect_as is not None:
        readers.append(Reader("connect-as", account_identity(connect_as.account, known), AccessLevel.READ))
    else:
        worker_writes = not impersonation.enabled
        anonymous = anonymous_identity(target, pool, known, worker=worker)
        # An empty anonymous userName is the pool identity: one requirement, not two.
        anonymous_is_worker = anonymous is not None and target.application.anonymous.uses_pool_identity
        worker_needs = (
            write if worker_writes or (requests_write and anonymous_is_worker) else AccessLevel.READ
        )
        readers.append(Reader("worker", worker, worker_needs))
        if anonymous is not None and not anonymous_is_worker:
            readers.append(Reader("anonymous", anonymous, write if requests_write else AccessLevel.READ))
        for identity in signed_in_identities(target, known):
            readers.append(Reader("authenticated", identity, write if requests_write else AccessLevel.READ))
    if connect_as is not None and needs_write and impersonated is None:
        # Managed code writes as the worker whatever reads the content.
        readers.append(Reader("worker", worker, write))
    if impersonated is not None:
        readers.append(Reader("impersonated", impersonated, write))
    return tuple(readers)


def network_identity(reader: Reader, pool: AppPool, server: ServerFacts | None) -> Identity | None:
    """The account a file server sees for a reader of content on a share; None when no grant there
    can help (a LocalService worker presents anonymous credentials on the network)."""
    if reader.role != "worker":
        return reader.identity
    if pool.identity_type is IdentityType.LOCAL_SERVICE:
        return None
    if pool.identity_type is IdentityType.SPECIFIC_USER:
        return Identity(pool.identity_account, pool.user_sid, reader.identity.token)
    computer = server.computer_account if server is not None else None
    if computer is None:
        return Identity(_computer_name(server), None, frozenset({ANONYMOUS_LOGON}))
    sid = computer.sid
    return Identity(computer.name, sid, frozenset({sid} if sid else ()) | _SIGNED_IN_TOKEN_GROUPS)


def _computer_name(server: ServerFacts | None) -> str:
    # A workgroup server (or one that could not name its account) has no account on the file server.
    return f"{server.computer_name}$" if server is not None else "the server's computer account"


def identity_notes(
    target: Target,
    pool: AppPool,
    readers: tuple[Reader, ...],
    memberships: Mapping[str, Membership],
    *,
    worker: Identity | None = None,
) -> tuple[Message, ...]:
    """What an admin should know about who reads the content: a worker's two SIDs, groups that
    could not be computed, URL authorization's deny rules, and a share's open questions
    (``worker``: as for content_readers)."""
    notes: list[Message] = []
    worker = worker if worker is not None else worker_identity(pool, memberships)
    on_share = is_unc(target.physical_path) and target.directory.connect_as is None
    # On a share the file server sees the worker's network identity instead (named by the check).
    if worker.runs_as is not None and not on_share:
        notes.append(RUNS_AS_TOO(pool=pool.name, account=worker.runs_as.name, name=worker.name))
    seen: set[str] = set()
    for reader in readers:
        identity = reader.identity
        if identity.groups_known or identity.sid is None or identity.sid in seen:
            continue
        seen.add(identity.sid)
        membership = memberships.get(identity.sid)
        error = membership.error if membership is not None and membership.error else "not reported"
        notes.append(
            GROUPS_UNKNOWN(name=identity.runs_as.name if identity.runs_as else identity.name, error=error)
        )
    denied = [
        ", ".join((*rule.users, *rule.roles)) or "*"
        for rule in target.application.authorization or ()
        if rule.access == "Deny"
    ]
    if denied == ["?"] and target.application.sign_in.any:
        notes.append(AUTHORIZATION_DENIES_ANONYMOUS())
    elif denied and target.application.sign_in.any:
        notes.append(AUTHORIZATION_DENIES(who="; ".join(denied)))
    if on_share:
        if any(reader.role == "authenticated" for reader in readers):
            notes.append(SIGN_IN_ON_SHARE())
        if any(reader.role == "anonymous" and reader.identity.sid == IUSR for reader in readers):
            notes.append(IUSR_ON_SHARE())
    return tuple(notes)
