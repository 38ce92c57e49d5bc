"""The "Served as" lines of the details pane: everyone IIS reads a target's content as, each in its
role and named as IIS Manager names it, with SIDs - Connect as, the anonymous identity, the users
who sign in, the user ASP.NET impersonates, the worker process (its pool SID and the account it runs
as) and, on a share, the accounts the file server sees."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from bridge.model import AppPool, Target
from bridge.needs import CheckResult, Identity
from bridge.sids import AUTHENTICATED_USERS
from gui.texts import role_text

# The strings were the details pane's own (self.tr): they keep its context ("DetailsPane") and their
# German; each call spells the context out, as lupdate reads them.


def identity_text(identity: Identity) -> str:
    """An identity as rich text: its name and SID."""
    return html.escape(f"{identity.name} ({identity.sid or '?'})")


def served_as_text(target: Target, pool: AppPool | None, check: CheckResult) -> str:
    """Every line, as rich text."""
    lines = [
        *_connect_as(target, check),
        _anonymous(target, check),
        *_signed_in(target, check),
        *_impersonated(target, check),
        _worker(target, pool, check),
        *_file_server(check),
    ]
    return "<br>".join(lines)


def _readers(check: CheckResult, role: str) -> list[Identity]:
    return [reader.identity for reader in check.readers if reader.role == role]


def _connect_as(target: Target, check: CheckResult) -> list[str]:
    connect_as = target.directory.connect_as
    if connect_as is None:
        return []
    readers = _readers(check, "connect-as")
    who = identity_text(readers[0]) if readers else html.escape(connect_as.account.name)
    return [
        QCoreApplication.translate(
            "Details",
            "<b>Connect as:</b> {identity} — the physical path credentials of virtual directory {directory} "
            "(logon method {method}): IIS reads its content and web.config files as this user.",
        ).format(
            identity=who,
            directory=html.escape(str(target.ref)),
            method=html.escape(connect_as.logon_method),
        )
    ]


def _anonymous(target: Target, check: CheckResult) -> str:
    anonymous = target.application.anonymous
    if check.anonymous is None or not anonymous.enabled:
        return QCoreApplication.translate("DetailsPane", "<b>Anonymous:</b> anonymous authentication is off.")
    if anonymous.uses_pool_identity:
        return QCoreApplication.translate(
            "DetailsPane",
            "<b>Anonymous:</b> {identity} — anonymous authentication uses the application pool identity.",
        ).format(identity=identity_text(check.anonymous))
    return QCoreApplication.translate(
        "DetailsPane", "<b>Anonymous:</b> {identity} — the user name set for anonymous authentication."
    ).format(identity=identity_text(check.anonymous))


def _methods(target: Target) -> str:
    sign_in = target.application.sign_in
    named = (
        (sign_in.windows, QCoreApplication.translate("Details", "Windows authentication")),
        (sign_in.basic, QCoreApplication.translate("Details", "Basic authentication")),
        (sign_in.digest, QCoreApplication.translate("Details", "Digest authentication")),
    )
    return ", ".join(name for enabled, name in named if enabled)


def _signed_in(target: Target, check: CheckResult) -> list[str]:
    readers = _readers(check, "authenticated")
    if not readers:
        return []
    if any(identity.sid == AUTHENTICATED_USERS for identity in readers):
        template = QCoreApplication.translate(
            "Details",
            "<b>Signed-in users</b> ({methods}): {identities} — any user who signs in (URL authorization "
            "names no one).",
        )
    else:
        template = QCoreApplication.translate(
            "Details",
            "<b>Signed-in users</b> ({methods}): {identities} — the accounts URL authorization allows.",
        )
    identities = ", ".join(identity_text(identity) for identity in readers)
    return [template.format(methods=html.escape(_methods(target)), identities=identities)]


def _impersonated(target: Target, check: CheckResult) -> list[str]:
    readers = _readers(check, "impersonated")
    if readers:
        return [
            QCoreApplication.translate(
                "Details",
                "<b>Impersonated (ASP.NET):</b> {identity} — set in system.web/identity: the application's "
                "code reads and writes as this user.",
            ).format(identity=identity_text(readers[0]))
        ]
    if target.application.impersonation.enabled:
        return [
            QCoreApplication.translate(
                "Details",
                "<b>Impersonated (ASP.NET):</b> the user of each request — system.web/identity impersonates "
                "without a user name.",
            )
        ]
    return []


def _worker(target: Target, pool: AppPool | None, check: CheckResult) -> str:
    pool_name = html.escape(pool.name if pool is not None else target.application.application_pool)
    identity_type = pool.identity_type.value if pool is not None else "?"
    runs_as = check.worker.runs_as
    if runs_as is None:
        return QCoreApplication.translate(
            "DetailsPane", "<b>Worker process:</b> {identity} — application pool {pool} ({type})."
        ).format(identity=identity_text(check.worker), pool=pool_name, type=identity_type)
    account = html.escape(f"{runs_as.name} ({runs_as.sid or '?'})")
    return QCoreApplication.translate(
        "Details",
        "<b>Worker process:</b> {account} and its pool SID {identity} — application pool {pool} ({type}).",
    ).format(account=account, identity=identity_text(check.worker), pool=pool_name, type=identity_type)


def _file_server(check: CheckResult) -> list[str]:
    seen = [requirement for requirement in check.requirements if requirement.on_file_server]
    if not seen:
        return []
    accounts = ", ".join(
        html.escape(f"{requirement.name} ({requirement.sid or '?'}, {role_text(requirement.role)})")
        for requirement in seen
    )
    return [
        QCoreApplication.translate(
            "Details", "<b>On the file server:</b> {accounts} — the accounts the share is read as."
        ).format(accounts=accounts)
    ]
