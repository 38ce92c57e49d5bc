"""Ansible inventories read by the project itself, for the documented subset (ansible-core does not
run on Windows, where the executable runs).

The subset: INI and YAML inventory files with groups, ``children`` and ``vars``; host and group
variables in the file and in ``group_vars/`` and ``host_vars/`` beside it (a file named for the
group or host, with or without ``.yml``/``.yaml``/``.json``, or a folder of such files); host ranges
(``web[01:10]``, ``db[a:c]``, ``[1:9:2]``); ``NAME:PORT`` host entries; and ``--limit`` patterns of
names, groups and shell wildcards joined by ``:`` or ``,`` (union), ``:&`` (intersection) and ``:!``
(exclusion). Variables merge as Ansible merges them: ``all``, then parents before children (siblings
by name), then the host's own; the ``*_vars/`` files over the inventory file's. Vault-encrypted values
and files are never read (they are dropped and named in a note). ``tests/test_ansible_inventory.py``
checks every case against ansible-core's ``InventoryManager``.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
from ast import literal_eval
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bridge.errors import UsageFailure
from bridge.model import MessageParam
from bridge.wording import translate

ALL, UNGROUPED = "all", "ungrouped"
_VARS_SUFFIXES = ("", ".yml", ".yaml", ".json")
_RANGE = re.compile(r"^(.*?)\[([a-z0-9]+):([a-z0-9]+)(?::(\d+))?\](.*)$", re.IGNORECASE)
_PORT = re.compile(r"^([^:\[\]]+|\[[^\]]*:[^\]]*\]):(\d+)$")
_SUBSCRIPT = re.compile(r"^.+\[-?\d+(:-?\d*)?\]$")
_VAULT_HEADER = "$ANSIBLE_VAULT"

UNREADABLE_INVENTORY = translate(
    "Bridge", "Cannot read the Ansible inventory {path}: {detail}.", "unreadable-inventory"
)
UNREADABLE_INVENTORY_HINT = translate(
    "Bridge",
    "Check the file; the README lists the inventory features iis-access reads.",
    "hint-unreadable-inventory",
)
VAULT_ENCRYPTED = translate(
    "Bridge", "the file is vault-encrypted, and iis-access reads no vault", "detail-vault-encrypted"
)
PATTERN_BY_POSITION = translate(
    "Bridge",
    "The pattern {term} picks hosts by position, which iis-access does not read.",
    "pattern-by-position",
)
PATTERN_BY_POSITION_HINT = translate(
    "Bridge",
    "Name the hosts or groups instead, with wildcards, ':', ':&' and ':!'.",
    "hint-pattern-by-position",
)


class InventoryError(UsageFailure):
    def __init__(self, path: Path, detail: MessageParam) -> None:
        super().__init__(
            UNREADABLE_INVENTORY(path=str(path), detail=detail),
            UNREADABLE_INVENTORY_HINT(),
        )


@dataclass
class Group:
    name: str
    hosts: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    vars: dict[str, Any] = field(default_factory=dict)
    # From group_vars/ beside the inventory: above every group's variables in the file itself.
    file_vars: dict[str, Any] = field(default_factory=dict)


@dataclass
class AnsibleInventory:
    """The groups and hosts of one inventory, in the order the file gives them."""

    source: Path
    groups: dict[str, Group] = field(default_factory=dict)
    host_vars: dict[str, dict[str, Any]] = field(default_factory=dict)
    host_file_vars: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def hosts(self) -> list[str]:
        return list(self.host_vars)

    def group(self, name: str) -> Group:
        if name not in self.groups:
            self.groups[name] = Group(name)
        return self.groups[name]

    def add_host(self, group: str, name: str, variables: dict[str, Any]) -> None:
        self.host_vars.setdefault(name, {}).update(variables)
        members = self.group(group).hosts
        if name not in members:
            members.append(name)

    def add_child(self, parent: str, child: str) -> None:
        self.group(child)
        children = self.group(parent).children
        if child not in children:
            children.append(child)

    def group_hosts(self, name: str) -> list[str]:
        """The group's hosts and its descendants' hosts, each once."""
        if name == ALL:
            return self.hosts
        found: dict[str, None] = {}
        for group in self._descendants(name):
            found.update(dict.fromkeys(self.groups[group].hosts))
        return list(found)

    def _descendants(self, name: str) -> list[str]:
        order: list[str] = []
        pending = [name]
        while pending:
            current = pending.pop(0)
            if current in order:
                continue
            order.append(current)
            pending.extend(self.groups[current].children)
        return order

    def groups_of(self, host: str) -> list[str]:
        """Every group the host is in, directly or through children, ``all`` included."""
        return [name for name in self.groups if name == ALL or host in self.group_hosts(name)]

    def _depth(self, name: str) -> int:
        parents = [group.name for group in self.groups.values() if name in group.children]
        if name == ALL:
            return 0
        return 1 + max((self._depth(parent) for parent in parents), default=0)

    def variables(self, host: str) -> dict[str, Any]:
        """The host's variables as Ansible would merge them."""
        groups = sorted(self.groups_of(host), key=lambda group: (self._depth(group), group))
        merged: dict[str, Any] = {}
        for name in groups:
            merged.update(self.groups[name].vars)
        for name in groups:
            merged.update(self.groups[name].file_vars)
        merged.update(self.host_vars[host])
        merged.update(self.host_file_vars.get(host, {}))
        return merged

    def select(self, pattern: str | None) -> list[str]:
        """The hosts a ``--limit`` pattern names, in inventory order."""
        return select(self, pattern or ALL)


def _expand(name: str) -> list[str]:
    """``web[01:03]`` -> web01, web02, web03 (ranges may repeat, letters too, with a stride)."""
    match = _RANGE.match(name)
    if match is None:
        return [name]
    head, start, end, stride, tail = match.groups()
    step = int(stride) if stride else 1
    if start.isdigit() and end.isdigit():
        width = len(start) if start.startswith("0") else 0
        items = [str(number).zfill(width) for number in range(int(start), int(end) + 1, step)]
    elif len(start) == len(end) == 1 and start.isalpha() and end.isalpha():
        items = [chr(code) for code in range(ord(start), ord(end) + 1, step)]
    else:
        raise ValueError(f"{name!r} has a range Ansible cannot expand")
    return [expanded for item in items for expanded in _expand(head + item + tail)]


def _host_entry(entry: str) -> tuple[list[str], int | None]:
    """A host entry's names and the port given after ``:``, if any."""
    port = None
    match = _PORT.match(entry)
    if match is not None:
        entry, port = match.group(1).strip("[]"), int(match.group(2))
    return _expand(entry), port


def _ini_value(text: str) -> Any:
    """A value as Ansible's INI reader types it: a Python literal where it is one, else the text."""
    try:
        return literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text


def _read_ini(inventory: AnsibleInventory, text: str) -> None:
    section, kind = UNGROUPED, "hosts"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section, _, kind = line[1:-1].strip().partition(":")
            kind = kind or "hosts"
            if kind not in ("hosts", "vars", "children"):
                raise ValueError(f"line {number}: unknown section type {kind!r}")
            inventory.group(section)
            continue
        if kind == "vars":
            key, equals, value = line.partition("=")
            if not equals:
                raise ValueError(f"line {number}: expected key=value in [{section}:vars]")
            inventory.group(section).vars[key.strip()] = _ini_value(value.strip())
        elif kind == "children":
            inventory.add_child(section, line.split()[0])
        else:
            _ini_host(inventory, section, line, number)


def _ini_host(inventory: AnsibleInventory, section: str, line: str, number: int) -> None:
    tokens = shlex.split(line, comments=True)
    if not tokens:
        return
    names, port = _host_entry(tokens[0])
    variables: dict[str, Any] = {}
    for token in tokens[1:]:
        key, equals, value = token.partition("=")
        if not equals:
            raise ValueError(f"line {number}: expected key=value after the host name, not {token!r}")
        variables[key] = _ini_value(value)
    if port is not None:
        variables["ansible_port"] = port
    for name in names:
        inventory.add_host(section, name, variables)


class _VaultValue:
    """A ``!vault`` value: kept out of every variable, never decrypted."""


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!vault", lambda loader, node: _VaultValue())


def _unsafe(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # ``!unsafe`` only keeps Ansible from templating the text: the value is the text.
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_Loader.add_constructor("!unsafe", _unsafe)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader with two scalar tags added


def _without_vault(inventory: AnsibleInventory, where: str, variables: Any) -> dict[str, Any]:
    if variables is None:
        return {}
    if not isinstance(variables, dict):
        raise ValueError(f"the variables of {where} are not a mapping")
    kept = {}
    for key, value in variables.items():
        if isinstance(value, _VaultValue):
            inventory.notes.append(f"{where}: {key} is vault-encrypted and was not read.")
        else:
            kept[str(key)] = value
    return kept


def _read_yaml_group(inventory: AnsibleInventory, name: str, body: Any) -> None:
    inventory.group(name)
    if body is None:
        return
    if not isinstance(body, dict):
        raise ValueError(f"group {name!r} is not a mapping")
    group_vars = _without_vault(inventory, f"group {name}", body.get("vars"))
    inventory.group(name).vars.update(group_vars)
    hosts = body.get("hosts") or {}
    if not isinstance(hosts, dict):
        raise ValueError(f"the hosts of group {name!r} are not a mapping")
    for entry, host_vars in hosts.items():
        names, port = _host_entry(str(entry))
        variables = _without_vault(inventory, f"host {entry}", host_vars)
        if port is not None:
            variables["ansible_port"] = port
        for host in names:
            inventory.add_host(name, host, variables)
    children = body.get("children") or {}
    if not isinstance(children, dict):
        raise ValueError(f"the children of group {name!r} are not a mapping")
    for child, child_body in children.items():
        inventory.add_child(name, str(child))
        _read_yaml_group(inventory, str(child), child_body)


def _read_yaml(inventory: AnsibleInventory, text: str) -> None:
    document = _load_yaml(text)
    if not isinstance(document, dict):
        raise ValueError("a YAML inventory is a mapping of group names")
    for name, body in document.items():
        _read_yaml_group(inventory, str(name), body)


def _vars_files(folder: Path, name: str) -> Iterator[Path]:
    for suffix in _VARS_SUFFIXES:
        candidate = folder / (name + suffix)
        if candidate.is_file():
            yield candidate
        elif suffix == "" and candidate.is_dir():
            yield from sorted(
                path for path in candidate.rglob("*") if path.is_file() and path.suffix in _VARS_SUFFIXES
            )


def _vars_from(inventory: AnsibleInventory, folder: Path, name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in _vars_files(folder, name):
        text = path.read_text(encoding="utf-8")
        if text.lstrip().startswith(_VAULT_HEADER):
            inventory.notes.append(f"{path} is vault-encrypted and was not read.")
            continue
        document = json.loads(text) if path.suffix == ".json" else _load_yaml(text)
        merged.update(_without_vault(inventory, str(path), document))
    return merged


def _is_yaml(path: Path, text: str) -> bool:
    if path.suffix in (".yml", ".yaml", ".json"):
        return True
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    return not first.lstrip().startswith("[") and first.rstrip().endswith(":")


def _reconcile(inventory: AnsibleInventory) -> None:
    """Ansible's rules: a group without a parent is a child of ``all``; ``ungrouped`` holds exactly
    the hosts that are in no other group."""
    for name in list(inventory.groups):
        if name != ALL and not any(name in group.children for group in inventory.groups.values()):
            inventory.add_child(ALL, name)
    ungrouped = inventory.group(UNGROUPED)
    grouped = {
        host
        for name, group in inventory.groups.items()
        if name not in (ALL, UNGROUPED)
        for host in group.hosts
    }
    ungrouped.hosts = [host for host in inventory.hosts if host not in grouped]


def read_inventory(path: Path) -> AnsibleInventory:
    """Read an INI or YAML inventory and the ``group_vars/``/``host_vars/`` beside it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InventoryError(path, error.strerror or str(error)) from error
    if text.lstrip().startswith(_VAULT_HEADER):
        raise InventoryError(path, VAULT_ENCRYPTED())
    inventory = AnsibleInventory(path)
    inventory.group(ALL)
    inventory.group(UNGROUPED)
    try:
        if _is_yaml(path, text):
            _read_yaml(inventory, text)
        else:
            _read_ini(inventory, text)
        _reconcile(inventory)
        for name, group in inventory.groups.items():
            group.file_vars = _vars_from(inventory, path.parent / "group_vars", name)
        for host in inventory.hosts:
            inventory.host_file_vars[host] = _vars_from(inventory, path.parent / "host_vars", host)
    except (ValueError, yaml.YAMLError) as error:
        raise InventoryError(path, str(error)) from error
    return inventory


def _split_pattern(pattern: str) -> list[str]:
    """Split on ``,`` and on ``:`` (but not the ``:`` inside a ``[a:b]`` range)."""
    terms, current, depth = [], "", 0
    for character in pattern:
        if character == "[":
            depth += 1
        elif character == "]":
            depth -= 1
        if character in ",:" and depth == 0:
            terms.append(current)
            current = ""
        else:
            current += character
    terms.append(current)
    return [term.strip() for term in terms if term.strip()]


def _matches(names: Iterable[str], pattern: str) -> list[str]:
    if pattern in (ALL, "*"):
        return list(names)
    if any(special in pattern for special in "*?["):
        rule = re.compile(fnmatch.translate(pattern))
        return [name for name in names if rule.match(name)]
    return [name for name in names if name == pattern]


def _term_hosts(inventory: AnsibleInventory, term: str) -> list[str]:
    if _SUBSCRIPT.match(term):
        raise UsageFailure(PATTERN_BY_POSITION(term=repr(term)), PATTERN_BY_POSITION_HINT())
    if term in (ALL, "*"):
        return inventory.hosts
    found: dict[str, None] = {}
    groups = _matches(inventory.groups, term)
    for group in groups:
        found.update(dict.fromkeys(inventory.group_hosts(group)))
    if not groups or any(special in term for special in ".?*["):
        found.update(dict.fromkeys(_matches(inventory.hosts, term)))
    return list(found)


def select(inventory: AnsibleInventory, pattern: str) -> list[str]:
    """Apply an Ansible host pattern: plain terms first (union), then ``&`` terms, then ``!`` terms."""
    terms = _split_pattern(pattern)
    plain = [term for term in terms if term[0] not in "&!"]
    chosen: dict[str, None] = {}
    for term in plain or [ALL]:
        chosen.update(dict.fromkeys(_term_hosts(inventory, term)))
    for term in terms:
        if term.startswith("&"):
            keep = set(_term_hosts(inventory, term[1:]))
            chosen = {host: None for host in chosen if host in keep}
    for term in terms:
        if term.startswith("!"):
            drop = set(_term_hosts(inventory, term[1:]))
            chosen = {host: None for host in chosen if host not in drop}
    return list(chosen)
