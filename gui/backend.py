"""The GUI's only door to the bridge: connect to a host and run its operations.

Everything here blocks and therefore runs on worker threads (see
``gui.hosts.HostController``); it holds no Qt objects.
"""

from __future__ import annotations

import threading

from bridge import operations
from bridge.access import AccessLevel
from bridge.change import Change
from bridge.connection import DEFAULT_CONFIGURATION_NAME, ConnectionSettings, connection_settings, host_label
from bridge.credentials import password_for
from bridge.demo import DEMO_LABEL, DemoHost
from bridge.errors import BridgeError
from bridge.history import ChangeRecord, History
from bridge.model import Inventory, PathAccess
from bridge.needs import CheckResult
from bridge.plans import GrantKind, GrantPlan
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from bridge.transport import Transport
from bridge.wording import translate
from gui.settings import SavedHost


class HostLink:
    """An open session to one host (and the demo lab behind it, if that is the host)."""

    def __init__(self, session: HostSession, demo: DemoHost | None = None) -> None:
        self.session = session
        self._demo = demo

    @property
    def host(self) -> str:
        return self.session.host

    @property
    def label(self) -> str:
        """The host as plans and history records name it (see ``HostSession``)."""
        return self.session.label

    def made(self, record: ChangeRecord) -> bool:
        """Whether ``record`` is a change made on this host (an older record names it without its port)."""
        if record.host_label is None:
            return record.host == self.host
        return record.host_label == self.label

    def close(self) -> None:
        self.session.close()
        if self._demo is not None:
            self._demo.stop()


def _local_transport() -> Transport:
    from bridge.local_transport import LocalTransport  # noqa: PLC0415 - only ever used on Windows

    return LocalTransport()


def settings_for(saved: SavedHost, password: str | None) -> ConnectionSettings:
    """The bridge's connection settings for a saved host (the one place they are built)."""
    return connection_settings(
        saved.host,
        port=saved.port,
        scheme=saved.transport,
        auth=saved.auth,
        user=saved.user or None,
        password=password,
        ca_file=saved.ca_file or None,
        thumbprint=saved.thumbprint or None,
        verify_tls=saved.verify_tls,
        configuration_name=saved.configuration_name or DEFAULT_CONFIGURATION_NAME,
    )


PASSWORD_NEEDED = translate("Bridge", "Sign in to {host} to connect.", "password-needed")
PASSWORD_NEEDED_HINT = translate(
    "Bridge", "The password for this host is not remembered; type it to connect.", "hint-password-needed"
)


class PasswordNeeded(BridgeError):
    """A remote host whose password was neither typed in this session nor remembered: ask for it."""

    def __init__(self, host: str, user: str) -> None:
        super().__init__(PASSWORD_NEEDED(host=host), PASSWORD_NEEDED_HINT())
        self.host = host
        self.user = user


def remote_settings(saved: SavedHost, password: str | None) -> ConnectionSettings:
    if password is None and saved.user:
        password = password_for(saved.user, saved.host, interactive=False)
    if password is None:
        raise PasswordNeeded(saved.host, saved.user)
    return settings_for(saved, password)


def connect(kind: str, saved: SavedHost | None, password: str | None, *, saved_demo: bool = True) -> HostLink:
    """Open the session for a host entry: the demo lab, this computer, or a remote host.

    The demo keeps its state in the data folder unless ``saved_demo`` is False (screenshots)."""
    if kind == "demo":
        demo = DemoHost(saved=saved_demo)
        settings = demo.start()
        return HostLink(HostSession(PsrpTransport(settings), DEMO_LABEL), demo)
    if kind == "local":
        return HostLink(HostSession(_local_transport()))
    if saved is None:
        raise ValueError("a remote host needs its saved settings")
    settings = remote_settings(saved, password)
    return HostLink(HostSession(PsrpTransport(settings), host_label(saved.host, settings.port)))


def load(link: HostLink, cancel: threading.Event) -> tuple[Inventory, list[CheckResult]]:
    return operations.survey(link.session, cancel)


def path_access(link: HostLink, path: str, cancel: threading.Event) -> PathAccess:
    return operations.folder_access(link.session, path, cancel)


def plan(
    link: HostLink,
    kind: GrantKind,
    target: str,
    subpath: str | None,
    cancel: threading.Event,
    *,
    path: str | None = None,
    sid: str | None = None,
) -> GrantPlan:
    """Plan a grant: ``path`` a folder the check named outside the target's, ``sid`` the account of
    an account-read or account-modify grant (see ``operations.plan``)."""
    return operations.plan(link.session, kind, target, subpath, cancel, path=path, sid=sid)


def plan_reduce(
    link: HostLink, target: str, sid: str, *, to: AccessLevel, subpath: str | None, cancel: threading.Event
) -> Change:
    return operations.plan_reduce(link.session, target, sid, to=to, subpath=subpath, cancel=cancel)


def apply(link: HostLink, change: Change, history: History, cancel: threading.Event) -> ChangeRecord:
    return operations.apply(link.session, change, history, cancel)


def undo(link: HostLink, record: ChangeRecord, history: History, cancel: threading.Event) -> ChangeRecord:
    return operations.undo(link.session, record.id, history, cancel)


def check(link: HostLink, target: str, cancel: threading.Event) -> CheckResult:
    return operations.check(link.session, target, cancel)
