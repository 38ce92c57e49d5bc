"""Several hosts in one run: who they are (``--host NAME[:PORT]``, an Ansible inventory) and running
one piece of work on each of them at once, a bounded number in flight.

Each host gets its own session (see ``bridge.session``), so hosts never wait for each other beyond the
bound; one host that fails ends only its own work. The CLI's fleet commands and the GUI's "Check all
hosts" both run through ``run_on_hosts``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from bridge.ansible_inventory import AnsibleInventory
from bridge.errors import BridgeError, UsageFailure
from bridge.wording import translate

Item = TypeVar("Item")
T = TypeVar("T")

DEFAULT_IN_FLIGHT = 10

_HOST_PORT = re.compile(r"^(?:\[(?P<v6>[^\]]+)\]|(?P<name>[^:\[\]]+)):(?P<port>\d+)$")
# Connection plugins that reach Windows over WinRM; any other is a host this tool cannot manage.
_WINRM_CONNECTIONS = frozenset({"psrp", "winrm", "ansible.builtin.psrp", "ansible.builtin.winrm"})
_PASSWORD_VARIABLES = ("ansible_password", "ansible_pass", "ansible_psrp_password", "ansible_winrm_password")
# The ansible.windows/pywinrm transport names, as iis-access names the same authentication.
_WINRM_TRANSPORTS = {"plaintext": "basic", "ssl": "basic"}

HOST_NEEDS_NAME = translate("Bridge", "--host needs a host name.", "host-needs-name")
HOST_NEEDS_NAME_HINT = translate("Bridge", "Give --host NAME or --host NAME:PORT.", "hint-host-needs-name")
HOST_PORT_INVALID = translate("Bridge", "{port} is not a TCP port (in --host {text}).", "host-port-invalid")
HOST_PORT_INVALID_HINT = translate("Bridge", "Give --host NAME:PORT.", "hint-host-port-invalid")
NO_HOST_MATCHES = translate("Bridge", "No WinRM host in {source} matches {pattern}.", "no-host-matches")
NO_HOST_MATCHES_HINT = translate(
    "Bridge", "Check --limit against the inventory's groups and host names.", "hint-no-host-matches"
)
FORKS_AT_LEAST_ONE = translate(
    "Bridge", "The number of hosts in flight must be at least 1.", "forks-at-least-one"
)
FORKS_AT_LEAST_ONE_HINT = translate("Bridge", "Give --forks 1 or more.", "hint-forks-at-least-one")


@dataclass(frozen=True)
class FleetHost:
    """One host as the admin named it, with the connection options its inventory entry sets.

    ``options`` are CLI option values by their ``argparse`` names (``host``, ``port``, ``transport``,
    ``auth``, ``user``, ``ca_file``, ``no_verify_tls``, ``configuration_name``); they override the
    command line's for this host only.
    """

    name: str
    port: int | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The host as the admin named it, with its port when one was named: history and output use it."""
        return self.name if self.port is None else f"{self.name}:{self.port}"


def parse_host(text: str) -> FleetHost:
    """``--host NAME[:PORT]`` (an IPv6 address with a port goes in brackets: ``[::1]:5986``)."""
    text = text.strip()
    match = _HOST_PORT.match(text)
    if match is None:
        if not text:
            raise UsageFailure(HOST_NEEDS_NAME(), HOST_NEEDS_NAME_HINT())
        return FleetHost(text.strip("[]"), None, {"host": text.strip("[]")})
    name = match.group("v6") or match.group("name")
    port = int(match.group("port"))
    if not 0 < port < 65536:
        raise UsageFailure(HOST_PORT_INVALID(port=str(port), text=text), HOST_PORT_INVALID_HINT())
    return FleetHost(name, port, {"host": name, "port": port})


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _options(variables: dict[str, Any]) -> dict[str, Any]:
    """The CLI options an inventory host's ``ansible_*`` variables set (never a password)."""
    options: dict[str, Any] = {}
    if variables.get("ansible_host") is not None:
        options["host"] = _text(variables["ansible_host"])
    if variables.get("ansible_port") is not None:
        options["port"] = int(variables["ansible_port"])
    if variables.get("ansible_user") is not None:
        options["user"] = _text(variables["ansible_user"])
    connection = _text(variables.get("ansible_connection")) or ""
    psrp = "winrm" not in connection
    scheme = variables.get("ansible_psrp_protocol" if psrp else "ansible_winrm_scheme")
    if scheme is not None:
        options["transport"] = _text(scheme)
    if psrp and variables.get("ansible_psrp_auth") is not None:
        options["auth"] = _text(variables["ansible_psrp_auth"])
    transport = variables.get("ansible_winrm_transport")
    if not psrp and transport is not None:
        first = transport[0] if isinstance(transport, list) else str(transport).split(",")[0]
        options["auth"] = _WINRM_TRANSPORTS.get(str(first).strip(), str(first).strip())
    validation = variables.get(
        "ansible_psrp_cert_validation" if psrp else "ansible_winrm_server_cert_validation"
    )
    if validation is not None:
        options["no_verify_tls"] = _text(validation) == "ignore"
    ca_file = variables.get("ansible_psrp_ca_cert" if psrp else "ansible_winrm_ca_trust_path")
    if ca_file is not None:
        options["ca_file"] = _text(ca_file)
    if psrp and variables.get("ansible_psrp_configuration_name") is not None:
        options["configuration_name"] = _text(variables["ansible_psrp_configuration_name"])
    return options


def hosts_from_inventory(
    inventory: AnsibleInventory, pattern: str | None
) -> tuple[list[FleetHost], list[str]]:
    """The hosts ``pattern`` selects with their connection options, and notes on what was left out."""
    notes = list(inventory.notes)
    hosts = []
    for name in inventory.select(pattern):
        variables = inventory.variables(name)
        connection = _text(variables.get("ansible_connection"))
        if connection is not None and connection not in _WINRM_CONNECTIONS:
            notes.append(f"{name}: skipped, it is reached over {connection}, not WinRM.")
            continue
        if any(key in variables for key in _PASSWORD_VARIABLES):
            notes.append(
                f"{name}: the inventory's password is not used; set IIS_ACCESS_PASSWORD or remember it "
                "in the keyring."
            )
        options = _options(variables)
        hosts.append(FleetHost(name, options.get("port"), options))
    if not hosts:
        raise UsageFailure(
            NO_HOST_MATCHES(source=str(inventory.source), pattern=repr(pattern or "all")),
            NO_HOST_MATCHES_HINT(),
        )
    return hosts, notes


@dataclass(frozen=True)
class Outcome(Generic[Item, T]):
    """What one host's work came to: its result, or the failure that ended it."""

    item: Item
    result: T | None
    error: BridgeError | None

    @property
    def exit_code(self) -> int:
        return 0 if self.error is None else self.error.exit_code


def run_on_hosts(
    items: Sequence[Item],
    work: Callable[[Item], T],
    *,
    in_flight: int = DEFAULT_IN_FLIGHT,
    progress: Callable[[int, int, Outcome[Item, T]], None] | None = None,
) -> list[Outcome[Item, T]]:
    """Run ``work`` on every host's item, at most ``in_flight`` at once; outcomes in the items' order.

    A ``BridgeError`` that ``work`` raises is that host's outcome and stops nothing else.
    ``progress(done, total, outcome)`` is called as each host ends, one call at a time.
    """
    if in_flight < 1:
        raise UsageFailure(FORKS_AT_LEAST_ONE(), FORKS_AT_LEAST_ONE_HINT())
    done = 0
    lock = threading.Lock()

    def one(item: Item) -> Outcome[Item, T]:
        nonlocal done
        try:
            outcome: Outcome[Item, T] = Outcome(item, work(item), None)
        except BridgeError as error:
            outcome = Outcome(item, None, error)
        with lock:
            done += 1
            if progress is not None:
                progress(done, len(items), outcome)
        return outcome

    with ThreadPoolExecutor(
        max_workers=min(in_flight, max(len(items), 1)), thread_name_prefix="fleet"
    ) as pool:
        return list(pool.map(one, items))
