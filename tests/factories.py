"""Builders for the decision core's inputs: a folder's state and a target, shaped as a host reports them;
a change's intent in a history; a loopback port nothing listens on."""

from __future__ import annotations

import socket
from dataclasses import replace

from bridge import sids
from bridge.history import ChangeRecord, History
from bridge.model import AnonymousAuth, Application, PathAccess, Site, Target, TargetRef, VirtualDirectory
from bridge.sddl import parse_dacl

IUSR_ANONYMOUS = AnonymousAuth(enabled=True, user_name="IUSR", user_sid=sids.IUSR)


def folder_state(path: str, sddl: str | None, /, **changes: object) -> PathAccess:
    """An existing, readable folder owned by Administrators, with ``changes`` applied.

    It has nothing below it, counted (as path-access counts the folder a grant is planned for).
    """
    state = PathAccess(
        path=path,
        exists=True,
        is_directory=True,
        is_unc=False,
        owner=sids.ADMINISTRATORS,
        protected=sddl is not None and parse_dacl(sddl).protected,
        sddl=sddl,
        dacl=parse_dacl(sddl) if sddl is not None else None,
        items_below=0,
        items_below_complete=True,
    )
    return replace(state, **changes)  # type: ignore[arg-type]


def make_target(
    path: str,
    *,
    site: str = "Default Web Site",
    application_path: str = "/",
    pool: str = "DefaultAppPool",
    anonymous: AnonymousAuth = IUSR_ANONYMOUS,
) -> Target:
    """A site root (or, with ``application_path``, an application) whose folder is ``path``."""
    directory = VirtualDirectory("/", path, path)
    application = Application(application_path, pool, anonymous, (directory,))
    return Target(
        TargetRef(site, application_path),
        Site(site, 1, "Started", (), (application,)),
        application,
        directory,
    )


def intent(
    history: History,
    *,
    host: str = "web01",
    host_label: str | None = None,
    path: str = r"C:\inetpub\wwwroot",
    before: str = "D:PAI(A;OICI;FA;;;BA)",
) -> ChangeRecord:
    """A grant of IUSR read journaled as about to be sent."""
    return history.record_intent(
        host=host,
        host_label=host_label,
        target="Default Web Site",
        kind="iusr-read",
        path=path,
        identity="IUSR",
        sid=sids.IUSR,
        rights="ReadAndExecute",
        before=before,
    )


def free_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
