"""The DACL part of SDDL, parsed and written the way Windows writes it.

Written here rather than borrowed: no maintained Python library parses
Windows SDDL DACLs *and* writes them back in the exact form
``GetSecurityDescriptorSddlForm('Access')`` prints (flag order ``PARAI``,
ACE flags ``OICINPIOIDSAFA``, SID aliases, ``FA``/``FR``/``FW``/``FX`` or
per-bit right names or lowercase hex). The grant and restore scripts compare
SDDL strings literally, so the lab host that stands in for Windows must print
byte-for-byte what Windows prints.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bridge.sids import is_valid_sid


class SddlError(ValueError):
    """Raised for an SDDL string that is not a well-formed DACL."""


# File-specific composite rights.
READ = 0x120089
READ_AND_EXECUTE = 0x1200A9
MODIFY = 0x1301BF
FULL_CONTROL = 0x1F01FF
WRITE = 0x120116
EXECUTE = 0x1200A0

GENERIC_ALL = 0x10000000
GENERIC_EXECUTE = 0x20000000
GENERIC_WRITE = 0x40000000
GENERIC_READ = 0x80000000

# How a file system object maps the generic bits (FILE_GENERIC_*).
FILE_GENERIC_MAPPING: dict[int, int] = {
    GENERIC_READ: READ,
    GENERIC_WRITE: WRITE,
    GENERIC_EXECUTE: EXECUTE,
    GENERIC_ALL: FULL_CONTROL,
}

# Names Windows prints for a whole mask, checked first and in this order.
_COMPOSITE_RIGHTS: tuple[tuple[str, int], ...] = (
    ("FA", FULL_CONTROL),
    ("FR", READ),
    ("FW", WRITE),
    ("FX", EXECUTE),
    ("KA", 0xF003F),
    ("KR", 0x20019),
    ("KW", 0x20006),
    ("KX", 0x20019),
)

# Per-bit names, in ascending bit order: the order Windows concatenates them.
_BIT_RIGHTS: tuple[tuple[str, int], ...] = (
    ("CC", 0x1),
    ("DC", 0x2),
    ("LC", 0x4),
    ("SW", 0x8),
    ("RP", 0x10),
    ("WP", 0x20),
    ("DT", 0x40),
    ("LO", 0x80),
    ("CR", 0x100),
    ("SD", 0x10000),
    ("RC", 0x20000),
    ("WD", 0x40000),
    ("WO", 0x80000),
    ("GA", GENERIC_ALL),
    ("GX", GENERIC_EXECUTE),
    ("GW", GENERIC_WRITE),
    ("GR", GENERIC_READ),
)

_RIGHT_NAMES: dict[str, int] = dict(_BIT_RIGHTS) | dict(reversed(_COMPOSITE_RIGHTS))
_BIT_NAMES: dict[int, str] = {mask: name for name, mask in _BIT_RIGHTS}

ACE_FLAG_ORDER: tuple[str, ...] = ("OI", "CI", "NP", "IO", "ID", "SA", "FA")

# Aliases for SIDs that are the same on every machine.
_SID_ALIASES: dict[str, str] = {
    "AA": "S-1-5-32-579",
    "AC": "S-1-15-2-1",
    "AN": "S-1-5-7",
    "AO": "S-1-5-32-548",
    "AS": "S-1-18-1",
    "AU": "S-1-5-11",
    "BA": "S-1-5-32-544",
    "BG": "S-1-5-32-546",
    "BO": "S-1-5-32-551",
    "BU": "S-1-5-32-545",
    "CD": "S-1-5-32-574",
    "CG": "S-1-3-1",
    "CO": "S-1-3-0",
    "CY": "S-1-5-32-569",
    "ED": "S-1-5-9",
    "ER": "S-1-5-32-573",
    "ES": "S-1-5-32-576",
    "HA": "S-1-5-32-578",
    "HI": "S-1-16-12288",
    "IS": "S-1-5-32-568",
    "IU": "S-1-5-4",
    "LS": "S-1-5-19",
    "LU": "S-1-5-32-559",
    "LW": "S-1-16-4096",
    "ME": "S-1-16-8192",
    "MP": "S-1-16-8448",
    "MS": "S-1-5-32-577",
    "MU": "S-1-5-32-558",
    "NO": "S-1-5-32-556",
    "NS": "S-1-5-20",
    "NU": "S-1-5-2",
    "OW": "S-1-3-4",
    "PO": "S-1-5-32-550",
    "PS": "S-1-5-10",
    "PU": "S-1-5-32-547",
    "RA": "S-1-5-32-575",
    "RC": "S-1-5-12",
    "RD": "S-1-5-32-555",
    "RE": "S-1-5-32-552",
    "RM": "S-1-5-32-580",
    "RU": "S-1-5-32-554",
    "SI": "S-1-16-16384",
    "SO": "S-1-5-32-549",
    "SS": "S-1-18-2",
    "SU": "S-1-5-6",
    "SY": "S-1-5-18",
    "UD": "S-1-5-84-0-0-0-0-0",
    "WD": "S-1-1-0",
    "WR": "S-1-5-33",
}
_ALIAS_FOR_SID: dict[str, str] = {sid: alias for alias, sid in _SID_ALIASES.items()}

# Aliases relative to an account domain (S-1-5-21-a-b-c-RID), from MS-DTYP 2.5.1.1 and the
# "SID strings" page (learn.microsoft.com/windows/win32/secauthz/sid-strings). Each is relative
# to one of three domains, which the inventory reports: the machine's own account domain, the
# primary domain it is joined to, or the root domain of that domain's forest.
_MACHINE_ALIAS_RIDS: dict[str, int] = {"LA": 500, "LG": 501}
_DOMAIN_ALIAS_RIDS: dict[str, int] = {
    "DA": 512,
    "DU": 513,
    "DG": 514,
    "DC": 515,
    "DD": 516,
    "CA": 517,
    "PA": 520,
    "CN": 522,
    "AP": 525,
    "KA": 526,
    "RS": 553,
}
_FOREST_ALIAS_RIDS: dict[str, int] = {"RO": 498, "SA": 518, "EA": 519, "EK": 527}
_RELATIVE_ALIASES: dict[str, int] = _MACHINE_ALIAS_RIDS | _DOMAIN_ALIAS_RIDS | _FOREST_ALIAS_RIDS
_ACCOUNT_DOMAIN_SID = re.compile(r"S-1-5-21-[0-9]+-[0-9]+-[0-9]+-([0-9]+)")


class UnresolvedAlias(SddlError):
    """A relative SID alias (``DA``, ``LA``, ``EA``...) whose domain SID the host did not report."""


@dataclass(frozen=True)
class SidContext:
    """The domain SIDs a host's relative SDDL aliases stand on (each None when not reported).

    ``machine`` carries LA/LG, ``domain`` the domain-relative aliases, ``forest_root`` the
    forest-root-relative ones. Windows abbreviates a SID only when it knows that domain; the lab
    does the same with the SIDs its machine.json gives.
    """

    machine: str | None = None
    domain: str | None = None
    forest_root: str | None = None

    def _domain_for(self, alias: str) -> str | None:
        if alias in _MACHINE_ALIAS_RIDS:
            return self.machine
        if alias in _DOMAIN_ALIAS_RIDS:
            return self.domain
        return self.forest_root

    def expand(self, alias: str) -> str | None:
        domain = self._domain_for(alias)
        return None if domain is None else f"{domain}-{_RELATIVE_ALIASES[alias]}"

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Full SID -> the alias Windows prints for it on this host."""
        found: dict[str, str] = {}
        for alias in _RELATIVE_ALIASES:
            sid = self.expand(alias)
            if sid is not None:
                found.setdefault(sid, alias)
        return found


NO_CONTEXT = SidContext()

_DACL_FLAGS: tuple[str, ...] = ("P", "AR", "AI")
# ASCII only, as Windows' SDDL parser reads numbers: str.isdigit() would take '²' or '٤'.
_HEX_MASK = re.compile(r"0[xX][0-9A-Fa-f]{1,8}", re.ASCII)
_DECIMAL_MASK = re.compile(r"[0-9]+", re.ASCII)
_MAX_MASK = 0xFFFFFFFF
_ACE_FIELDS = 6


_DENYING_KINDS = frozenset({"D", "XD", "OD"})


@dataclass(frozen=True)
class Ace:
    """One access control entry.

    ``kind`` is ``"A"`` (allow) or ``"D"`` (deny); other SDDL ACE types are
    kept verbatim so they print back, but access checks ignore them. ``sid`` is
    always the full ``S-1-...`` form. ``condition`` holds the trailing
    conditional expression or resource attribute of callback ACEs, verbatim.
    """

    kind: str
    flags: frozenset[str]
    mask: int
    sid: str
    object_type: str = ""
    inherited_object_type: str = ""
    condition: str | None = None

    @property
    def is_allow(self) -> bool:
        return self.kind == "A"

    @property
    def is_deny(self) -> bool:
        return self.kind == "D"

    @property
    def may_deny(self) -> bool:
        """A deny that may apply: plain, or callback/conditional (``XD``) or object (``OD``).

        Whether a condition holds or an object type matters is decided at access time on the
        server; the checks here assume the entry denies, which can only err towards caution.
        """
        return self.kind in _DENYING_KINDS

    @property
    def inherited(self) -> bool:
        return "ID" in self.flags

    @property
    def inherit_only(self) -> bool:
        return "IO" in self.flags

    @property
    def applies_to_folder(self) -> bool:
        """Whether the ACE takes part in access checks on the folder it sits on."""
        return not self.inherit_only

    @property
    def applies_to_subfolders(self) -> bool:
        """Whether the folder's direct subfolders inherit the ACE."""
        return "CI" in self.flags

    @property
    def applies_to_files(self) -> bool:
        """Whether the files directly in the folder inherit the ACE."""
        return "OI" in self.flags


@dataclass(frozen=True)
class Dacl:
    protected: bool
    auto_inherited: bool
    auto_inherit_required: bool
    aces: tuple[Ace, ...]

    # A Dacl keys the access caches a full check consults thousands of times; hashing every ACE
    # again on each lookup was about a tenth of the client's check time. Fields never change.
    @cached_property
    def _hash(self) -> int:
        return hash((self.protected, self.auto_inherited, self.auto_inherit_required, self.aces))

    def __hash__(self) -> int:
        return self._hash


def map_generic(mask: int) -> int:
    """Replace generic bits by the file rights they stand for, as Windows does at check time."""
    mapped = mask & ~(GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ)
    for generic, specific in FILE_GENERIC_MAPPING.items():
        if mask & generic:
            mapped |= specific
    return mapped


def _parse_rights(text: str) -> int:
    if text == "":
        return 0
    if _HEX_MASK.fullmatch(text):
        return int(text, 16)
    if _DECIMAL_MASK.fullmatch(text):
        value = int(text)
        if value > _MAX_MASK:
            raise SddlError(f"access mask {text} is larger than 32 bits")
        return value
    if len(text) % 2:
        raise SddlError(f"unknown access right string {text!r}")
    mask = 0
    for start in range(0, len(text), 2):
        token = text[start : start + 2]
        if token not in _RIGHT_NAMES:
            raise SddlError(f"unknown access right {token!r} in {text!r}")
        mask |= _RIGHT_NAMES[token]
    return mask


def _format_rights(mask: int) -> str:
    if mask == 0:
        return ""
    for name, value in _COMPOSITE_RIGHTS:
        if mask == value:
            return name
    bits = [1 << bit for bit in range(32) if mask & (1 << bit)]
    if all(bit in _BIT_NAMES for bit in bits):
        return "".join(_BIT_NAMES[bit] for bit in bits)
    return f"0x{mask:x}"


def _parse_flags(text: str) -> frozenset[str]:
    if len(text) % 2:
        raise SddlError(f"malformed ACE flags {text!r}")
    flags = [text[start : start + 2] for start in range(0, len(text), 2)]
    unknown = [flag for flag in flags if flag not in ACE_FLAG_ORDER]
    if unknown:
        raise SddlError(f"unknown ACE flag {unknown[0]!r} in {text!r}")
    return frozenset(flags)


def _resolve_relative_alias(alias: str, known_sids: Iterable[str], context: SidContext) -> str:
    expanded = context.expand(alias)
    if expanded is not None:
        return expanded
    # A host that did not report the domain (an older inventory) may still have named the full
    # SID beside the SDDL; one candidate with the alias' RID is that SID, more would be a guess.
    rid = _RELATIVE_ALIASES[alias]
    candidates = {
        sid
        for sid in known_sids
        if (match := _ACCOUNT_DOMAIN_SID.fullmatch(sid)) is not None and int(match.group(1)) == rid
    }
    if len(candidates) != 1:
        raise UnresolvedAlias(
            f"SID alias {alias!r} stands for RID {rid} of a domain whose SID the host did not report; "
            "it is not guessed"
        )
    return candidates.pop()


def _parse_sid(text: str, known_sids: Iterable[str], context: SidContext) -> str:
    if text in _SID_ALIASES:
        return _SID_ALIASES[text]
    if text in _RELATIVE_ALIASES:
        return _resolve_relative_alias(text, known_sids, context)
    sid = "S" + text[1:] if text[:2] == "s-" else text
    if not is_valid_sid(sid):
        raise SddlError(f"invalid SID {text!r}")
    return sid


def format_sid(sid: str, context: SidContext = NO_CONTEXT) -> str:
    """The SID as Windows prints it in SDDL: its alias when it has one on that host, else ``S-1-...``."""
    return _ALIAS_FOR_SID.get(sid) or context.aliases.get(sid, sid)


def _parse_ace(body: str, known_sids: Iterable[str], context: SidContext) -> Ace:
    fields = body.split(";", _ACE_FIELDS)
    if len(fields) < _ACE_FIELDS:
        raise SddlError(f"ACE ({body}) has {len(fields)} fields, expected {_ACE_FIELDS}")
    kind, flags, rights, object_type, inherited_object_type, sid = fields[:_ACE_FIELDS]
    if not kind.isalpha() or not kind.isupper():
        raise SddlError(f"invalid ACE type {kind!r} in ({body})")
    return Ace(
        kind=kind,
        flags=_parse_flags(flags),
        mask=_parse_rights(rights),
        sid=_parse_sid(sid, known_sids, context),
        object_type=object_type,
        inherited_object_type=inherited_object_type,
        condition=fields[_ACE_FIELDS] if len(fields) > _ACE_FIELDS else None,
    )


def _split_sections(sddl: str) -> dict[str, str]:
    """Split a security descriptor into its O:, G:, D: and S: parts.

    A section tag is a letter followed by ':' outside parentheses; SID aliases
    never contain ':', so ``O:BAG:SY`` splits as ``BA`` / ``SY``.
    """
    sections: dict[str, str] = {}
    depth = 0
    current: str | None = None
    start = 0
    for index, char in enumerate(sddl):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise SddlError(f"unbalanced ')' at position {index}")
        elif depth == 0 and char in "OGDS" and sddl[index + 1 : index + 2] == ":":
            if current is not None:
                sections[current] = sddl[start:index]
            if char in sections or char == current:
                raise SddlError(f"section {char}: appears twice")
            current = char
            start = index + 2
        elif depth == 0 and current is None:
            raise SddlError(f"expected a section tag such as 'D:' at position {index}")
    if depth != 0:
        raise SddlError("unbalanced '(': an ACE is not closed")
    if current is not None:
        sections[current] = sddl[start:]
    return sections


def _split_aces(text: str) -> tuple[str, list[str]]:
    """Return the ACL flag prefix and the bodies of its ACEs (nested parentheses kept)."""
    first = text.find("(")
    if first < 0:
        return text, []
    flags, bodies = text[:first], []
    depth, start = 0, first
    for index in range(first, len(text)):
        char = text[index]
        if char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                bodies.append(text[start + 1 : index])
        elif depth == 0:
            raise SddlError(f"unexpected {char!r} between ACEs")
    return flags, bodies


def _parse_dacl_flags(text: str) -> tuple[bool, bool, bool]:
    remaining = text
    seen: set[str] = set()
    while remaining:
        flag = next((flag for flag in ("AR", "AI", "P") if remaining.startswith(flag)), None)
        if flag is None:
            if remaining.startswith("NO_ACCESS_CONTROL"):
                raise SddlError("a null DACL (NO_ACCESS_CONTROL) is not supported")
            raise SddlError(f"unknown DACL flag in {text!r}")
        seen.add(flag)
        remaining = remaining[len(flag) :]
    return "P" in seen, "AI" in seen, "AR" in seen


# Every parsed DACL alive, by value. Each full check parses a server's DACLs anew, while the
# access caches still hold the equal objects of the last check as keys: handing back those very
# objects makes each cache hit an identity check instead of a comparison of every ACE.
_PARSED: weakref.WeakValueDictionary[tuple[bool, bool, bool, tuple[Ace, ...]], Dacl] = (
    weakref.WeakValueDictionary()
)


def parse_dacl(sddl: str, *, known_sids: Iterable[str] = (), context: SidContext = NO_CONTEXT) -> Dacl:
    """Parse the DACL of a security descriptor string (a full ``O:..G:..D:..S:..`` or just ``D:..``).

    SID aliases relative to a domain (``DA``, ``LA``, ``EA``...) expand with the
    domain SIDs in ``context``; failing that, to the one SID in ``known_sids``
    with the matching RID (the SIDs the host named beside the SDDL); failing
    that, ``UnresolvedAlias`` is raised.
    """
    text = sddl.strip()
    if not text:
        raise SddlError("empty SDDL string")
    sections = _split_sections(text)
    if "D" not in sections:
        raise SddlError(f"no DACL (D:) in {sddl!r}")
    flag_text, bodies = _split_aces(sections["D"])
    protected, auto_inherited, auto_inherit_required = _parse_dacl_flags(flag_text)
    known = tuple(known_sids)
    aces = tuple(_parse_ace(body, known, context) for body in bodies)
    dacl = Dacl(protected, auto_inherited, auto_inherit_required, aces)
    return _PARSED.setdefault((protected, auto_inherited, auto_inherit_required, aces), dacl)


def format_ace(ace: Ace, context: SidContext = NO_CONTEXT) -> str:
    """One ACE as Windows prints it, e.g. ``(A;OICIID;0x1200a9;;;BU)``."""
    flags = "".join(flag for flag in ACE_FLAG_ORDER if flag in ace.flags)
    fields = [
        ace.kind,
        flags,
        _format_rights(ace.mask),
        ace.object_type,
        ace.inherited_object_type,
        format_sid(ace.sid, context),
    ]
    if ace.condition is not None:
        fields.append(ace.condition)
    return "(" + ";".join(fields) + ")"


# Folders of one tree share a few DACLs, and the lab prints each folder's DACL for every
# path-access answer: thousands per full check. The text depends only on the immutable Dacl.
@lru_cache(maxsize=4096)
def format_dacl(dacl: Dacl, context: SidContext = NO_CONTEXT) -> str:
    """The DACL exactly as ``GetSecurityDescriptorSddlForm('Access')`` prints it on a host.

    SIDs of the host's machine, domain and forest root domain are abbreviated
    as Windows does (``LA``, ``DA``, ``EA``...) when ``context`` knows them;
    other account-domain SIDs are printed in full.
    """
    flags = ("P" if dacl.protected else "") + ("AR" if dacl.auto_inherit_required else "")
    flags += "AI" if dacl.auto_inherited else ""
    return "D:" + flags + "".join(format_ace(ace, context) for ace in dacl.aces)
