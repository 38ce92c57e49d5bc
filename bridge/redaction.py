"""``--redact``: stable placeholders for the names in a recording, keeping every verdict the same.

Computer, domain, site, pool, account and binding host names and every path
component become placeholders (``HOST-0001``, ``site-0001``, ``pool-0001``,
``user-0001``, ``host-0001.example``, ``dir-0001``, ``file-0001.ext``), the
same original always the same placeholder across all the files. What the
verdicts read is kept: drive letters, separators, depth, UNC or not,
``%VARIABLES%``, the names of system and IIS folders (``Windows``,
``Program Files``, ``inetpub``, ``web.config``, ``App_Data``...), 8.3 ``~N``
markers, ``:stream`` suffixes, trailing dots and spaces, well-known accounts
and SIDs. Account SIDs follow their names: a machine or domain SID prefix
becomes a placeholder prefix (relative IDs kept, so ``LA``/``DA`` still mean
what they meant), and a pool's SID becomes the SID of its placeholder name, so
the SID the client computes from the name still matches the ACLs.

Names differing only in case share a placeholder spelled in the same case
pattern (``Shop``/``shop`` become ``Dir-0001``/``dir-0001``); free text (an
exception's message) has the known names and paths replaced as whole strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge import sids

_MACHINE_SID = re.compile(r"S-1-5-21-\d+-\d+-\d+")
_POOL_SID = re.compile(r"S-1-5-82-\d+-\d+-\d+-\d+-\d+")
_SEPARATORS = re.compile(r"([\\/]+)")
_SHORT_NAME = re.compile(r"~\d+$")
_BUILT_IN_DOMAINS = frozenset(
    {"nt authority", "builtin", "nt service", "nt-autorität", "vordefiniert", "autorite nt", "window manager"}
)
_KEPT_USERS = frozenset({"iusr", "iis_iusrs"})
# Folder and file names that say where a path is (system folder or not) rather than whose it is.
_KEPT_COMPONENTS = frozenset(
    name.casefold()
    for name in (
        "Windows",
        "System32",
        "SysWOW64",
        "Program Files",
        "Program Files (x86)",
        "ProgramData",
        "Users",
        "Public",
        "Default",
        "inetpub",
        "wwwroot",
        "logs",
        "temp",
        "custerr",
        "history",
        "ftproot",
        "Microsoft.NET",
        "Framework",
        "Framework64",
        "v2.0.50727",
        "v4.0.30319",
        "Temporary ASP.NET Files",
        "web.config",
        "App_Data",
        "App_Code",
        "bin",
        "aspnet_client",
        "uploads",
        "iisstart.htm",
        "iisstart.png",
    )
)
# Keys whose values are prose that may quote names: an exception's message, a path's read error.
_FREE_TEXT = frozenset({"message", "error"})
_SERVER_PATH_KEYS = frozenset(
    {"windir", "systemDrive", "programFiles", "programFilesX86", "programData", "profilesDirectory"}
)


def _cased(placeholder: str, original: str) -> str:
    if original.isupper():
        return placeholder.upper()
    if original[:1].isupper():
        return placeholder[:1].upper() + placeholder[1:]
    return placeholder


class _Names:
    """One kind of name: the same (case-folded) original, the same placeholder number."""

    def __init__(self, pattern: str, mapping: dict[str, str]) -> None:
        self._pattern = pattern
        self._numbers: dict[str, int] = {}
        self._mapping = mapping

    def __call__(self, original: str, suffix: str = "") -> str:
        key = original.casefold()
        number = self._numbers.setdefault(key, len(self._numbers) + 1)
        placeholder = _cased(self._pattern % number, original)
        # Keyed without the suffix (extension, ~N, trailing dots), which is the original's own.
        while self._mapping.setdefault(placeholder, original) != original:
            # A case pattern shared by two spellings of one name: give this spelling its own number.
            number = len(self._numbers) + 1
            self._numbers[f"{key}\0{original}"] = number
            placeholder = _cased(self._pattern % number, original)
        return placeholder + suffix


class Redactor:
    """Placeholders for one recording; ``mapping()`` says which placeholder stands for what."""

    def __init__(self, computer_name: str | None) -> None:
        self._mapping: dict[str, str] = {}
        self._computer = (computer_name or "").casefold()
        self._hosts = _Names("HOST-%04d", self._mapping)
        self._domains = _Names("DOMAIN-%04d", self._mapping)
        self._sites = _Names("site-%04d", self._mapping)
        self._pools = _Names("pool-%04d", self._mapping)
        self._users = _Names("user-%04d", self._mapping)
        self._binding_hosts = _Names("host-%04d.example", self._mapping)
        self._dirs = _Names("dir-%04d", self._mapping)
        self._files = _Names("file-%04d", self._mapping)
        self._sid_prefixes: dict[str, str] = {}
        self._pool_sids: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        if computer_name:
            self.host(computer_name)

    @classmethod
    def for_inventory(cls, inventory: Any) -> Redactor:
        """A redactor that knows the server's name and numbers its pools and sites in their order."""
        server = inventory.get("server") if isinstance(inventory, dict) else None
        name = server.get("computerName") if isinstance(server, dict) else None
        redactor = cls(name if isinstance(name, str) else None)
        if isinstance(inventory, dict):
            for pool in inventory.get("appPools") or []:
                redactor.pool(str(pool.get("name")))
            for site in inventory.get("sites") or []:
                redactor.site(str(site.get("name")))
        return redactor

    def mapping(self) -> dict[str, str]:
        """Every placeholder (and placeholder SID) with the original it stands for."""
        return dict(self._mapping)

    def _remember(self, original: str, placeholder: str) -> str:
        if len(original) >= 3 and original != placeholder:
            self._texts[original] = placeholder
        return placeholder

    def host(self, name: str) -> str:
        if name.casefold() in ("", "localhost", "127.0.0.1", "::1", "*", "."):
            return name
        return self._remember(name, self._hosts(name))

    def site(self, name: str) -> str:
        return self._remember(name, self._sites(name))

    def pool(self, name: str) -> str:
        placeholder = self._remember(name, self._pools(name))
        old, new = sids.app_pool_sid(name), sids.app_pool_sid(placeholder)
        self._mapping[new] = old
        self._pool_sids[old] = new
        return placeholder

    def sid(self, sid: str) -> str:
        """A SID with its machine or domain prefix, or its pool, replaced."""
        if _POOL_SID.fullmatch(sid):
            if sid not in self._pool_sids:
                # The SID of a pool the inventory does not list (deleted since the grant): a SID of its own.
                new = sids.app_pool_sid(self._pools(sid))
                self._mapping[new] = sid
                self._pool_sids[sid] = new
            return self._pool_sids[sid]
        match = _MACHINE_SID.match(sid)
        if match is None:
            return sid
        prefix = match.group(0)
        if prefix not in self._sid_prefixes:
            number = 1_000_000_000 + len(self._sid_prefixes) + 1
            self._sid_prefixes[prefix] = f"S-1-5-21-{number}-{number}-{number}"
            self._mapping[self._sid_prefixes[prefix]] = prefix
        return self._sid_prefixes[prefix] + sid[len(prefix) :]

    def sddl(self, text: str) -> str:
        return _POOL_SID.sub(
            lambda m: self.sid(m.group(0)), _MACHINE_SID.sub(lambda m: self.sid(m.group(0)), text)
        )

    def account(self, name: str, sid: str | None = None) -> str:
        """An account name as ``DOMAIN\\user``, ``user`` or ``user@domain``; well-known ones kept."""
        if not name or (sid is not None and not (_MACHINE_SID.match(sid) or _POOL_SID.match(sid))):
            return name
        domain, backslash, user = name.rpartition("\\")
        if not backslash:
            if name.casefold() in _KEPT_USERS:
                return name
            user_part, at, upn_domain = name.partition("@")
            upn = at + self._binding_hosts(upn_domain) if at else ""
            return self._remember(name, self._users(user_part) + upn)
        folded = domain.casefold()
        if folded == "iis apppool":
            return self._remember(name, f"{domain}\\{self.pool(user)}")
        if folded in _BUILT_IN_DOMAINS:
            return name
        new_domain = self.host(domain) if folded == self._computer else self._domains(domain)
        return self._remember(name, f"{new_domain}\\{self._users(user)}")

    def _component(self, part: str) -> str:
        if not part or part in (".", "..") or part.casefold().rstrip(" .") in _KEPT_COMPONENTS:
            return part
        if part.startswith("%") and part.endswith("%"):
            return part
        name, colon, stream = part.partition(":")
        if colon:
            return self._component(name) + ":" + self._component(stream)
        trailing = name[len(name.rstrip(" .")) :]
        core = name[: len(name) - len(trailing)]
        short = _SHORT_NAME.search(core)
        if short is not None:
            core = core[: short.start()]
        stem, dot, extension = core.rpartition(".")
        names = self._files if dot and stem else self._dirs
        base = stem if dot and stem else core
        suffix = (dot + extension if dot and stem else "") + (short.group(0) if short else "") + trailing
        return self._remember(part, names(base, suffix)) if base else part

    def path(self, path: str) -> str:
        """A file-system path (or a URL path starting with /) with every non-system component replaced."""
        prefix = ""
        rest = path
        for device in ("\\\\?\\UNC\\", "\\\\?\\", "\\\\.\\", "\\??\\"):
            if rest[: len(device)].casefold() == device.casefold():
                prefix, rest = rest[: len(device)], rest[len(device) :]
                break
        pieces = _SEPARATORS.split(rest)
        unc = prefix.casefold() == "\\\\?\\unc\\" or (not prefix and rest[:2] in ("\\\\", "//"))
        out: list[str] = []
        seen_server = False
        for index, piece in enumerate(pieces):
            kept = index % 2 == 1 or piece == "" or (index == 0 and re.fullmatch(r"[A-Za-z]:", piece))
            if kept:
                out.append(piece)
            elif unc and not seen_server:
                seen_server = True
                out.append(self.host(piece))
            else:
                out.append(self._component(piece))
        return self._remember(path, prefix + "".join(out))

    def binding(self, information: str) -> str:
        address, colon, name = information.rpartition(":")
        if not colon or not re.search(r"[A-Za-z]", name) or name.casefold() == "localhost":
            return information
        return f"{address}:{self._remember(name, self._binding_hosts(name))}"

    def text(self, message: str) -> str:
        """Free text with every known name and path (longest first) replaced."""
        for original in sorted(self._texts, key=len, reverse=True):
            message = message.replace(original, self._texts[original])
        return self.sddl(message)

    def document(self, document: Any) -> Any:
        """A copy of one recorded document with its names replaced; values of other keys kept."""
        redacted = self._walk(document, "", "")
        # Free text last, once every name it may quote is known.
        return self._walk_texts(redacted)

    def _walk(self, value: Any, key: str, parent: str) -> Any:
        if isinstance(value, list):
            return self._walk_list(value, key, parent)
        if isinstance(value, dict):
            if key == "accounts":
                return {
                    self.sid(sid): name if not isinstance(name, str) else self.account(name, sid)
                    for sid, name in value.items()
                }
            # A group member names its account beside its own SID, as a pool its user beside userSid.
            own_sid = value.get("userSid") if "userSid" in value else None
            if key in ("members", "account", "computerAccount"):
                own_sid = value.get("sid")
            sid_of_user = own_sid if isinstance(own_sid, str) else None
            return {
                name: self._field(name, item, key, sid_of_user)
                if not isinstance(item, list | dict)
                else self._walk(item, name, key)
                for name, item in value.items()
            }
        return value

    def _walk_list(self, value: list[Any], key: str, parent: str) -> list[Any]:
        if key == "children":
            return [self._component(item) if isinstance(item, str) else item for item in value]
        if key == "sddls":
            # A path-access answer's distinct DACLs, which its entries name by index.
            return [self.sddl(item) if isinstance(item, str) else item for item in value]
        if key == "groups":
            # A membership's group SIDs.
            return [self.sid(item) if isinstance(item, str) else item for item in value]
        if key == "accounts":
            # An authorization rule's named accounts, each {name, sid}.
            return [self._walk(item, "account", key) for item in value]
        return [self._walk(item, key, parent) for item in value]

    def _field(self, name: str, value: Any, container: str, user_sid: str | None) -> Any:
        if not isinstance(value, str):
            return value
        rule = self._rule(name, container, user_sid)
        return value if rule is None else rule(value)

    def _rule(self, name: str, container: str, user_sid: str | None) -> Callable[[str], str] | None:
        rules: dict[str, Callable[[str], str]] = {
            "computerName": self.host,
            "bindingInformation": self.binding,
            "sddl": self.sddl,
            "owner": self.sid,
            "applicationPool": self.pool,
            "site": self.site,
            "pool": self.pool,
            "userName": lambda text: self.account(text, user_sid),
            # An authorization rule's comma-separated users and roles.
            "users": self._account_list,
            "roles": self._account_list,
        }
        if name == "name":
            return {
                "sites": self.site,
                "appPools": self.pool,
                "members": lambda text: self.account(text, user_sid),
                "account": lambda text: self.account(text, user_sid),
                "computerAccount": lambda text: self.account(text, user_sid),
            }.get(container)
        if name in rules:
            return rules[name]
        if name.endswith("Sid") or name == "sid":
            return self.sid
        if name == "path" or name.endswith("Path") or name in _SERVER_PATH_KEYS:
            return self.path
        return None

    def _account_list(self, text: str) -> str:
        """URL authorization's ``users``/``roles``: each named account replaced, ``*`` and ``?`` kept."""
        parts = []
        for part in text.split(","):
            name = part.strip()
            kept = name in ("", "*", "?")
            parts.append(part if kept else part.replace(name, self.account(name)))
        return ",".join(parts)

    def _walk_texts(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self._walk_texts(item) for item in value]
        if isinstance(value, dict):
            return {
                name: self.text(item)
                if name in _FREE_TEXT and isinstance(item, str)
                else self._walk_texts(item)
                for name, item in value.items()
            }
        return value
