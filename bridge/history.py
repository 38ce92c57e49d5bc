"""The change history: an append-only JSON-lines file of intents, outcomes and undos.

An intent is written and fsynced before a change is sent, so a crash between
sending and hearing back still leaves the SDDL needed to restore the folder.
Records hold hosts, paths, identities and SDDL only: never a password or token.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import platformdirs

from bridge import sddl
from bridge.access import with_explicit_allow
from bridge.change import Change, ChangeKind, Script, Verdict, restore_script
from bridge.display import quoted
from bridge.errors import UsageFailure
from bridge.rights import RIGHTS_BY_NAME
from bridge.scripts import Operation
from bridge.wording import translate

DATA_DIR_VARIABLE = "IIS_ACCESS_DATA_DIR"
FILE_NAME = "history.jsonl"

log = logging.getLogger(__name__)

# The keys each record type must carry, with their types: a line without them is skipped.
# Records may gain keys (a later change type, a host's display name); readers ignore what they
# do not know, and never rename or drop a key.
_INTENT_KEYS = ("id", "time", "host", "target", "kind", "path", "identity", "sid", "rights", "before")
_FOLLOW_KEYS = ("id", "time")
# Optional keys of an intent (older files lack them): the host as the admin named it, the kind of
# change and the ACL it was to leave; "inverse" is read on its own.
_CHANGE_KEYS = {"hostLabel": "host_label", "change": "change", "expectedAfter": "expected_after"}


class Outcome(str, Enum):
    UNKNOWN = "unknown"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REFUSED = "refused"
    FAILED = "failed"


UNKNOWN_CHANGE = translate("Bridge", "There is no change with id {change_id}.", "unknown-change")
UNKNOWN_CHANGE_HINT = translate("Bridge", "Run 'iis-access history' to list them.", "hint-unknown-change")


class UnknownChange(UsageFailure):
    def __init__(self, change_id: str) -> None:
        super().__init__(UNKNOWN_CHANGE(change_id=quoted(change_id)), UNKNOWN_CHANGE_HINT())


@dataclass(frozen=True)
class ChangeRecord:
    id: str
    time: str
    host: str
    target: str
    kind: str
    path: str
    identity: str
    sid: str
    rights: str
    before: str
    outcome: Outcome = Outcome.UNKNOWN
    after: str | None = None
    message: str | None = None
    undone_at: str | None = None
    # How the last undo went: None when none was sent, UNKNOWN when one was sent but never
    # confirmed (the next undo checks the folder and completes it), CHANGED once undone.
    undo_outcome: Outcome | None = None
    # The host as the admin named it, with its port ("web01:5986", "Demo lab"); None in records
    # written before it was kept, which name the host by ``host`` alone.
    host_label: str | None = None
    # What kind of change it was ("grant" in files written before there were others), the ACL
    # it was to leave, and the script that takes it back, as journaled with the intent.
    change: str = ChangeKind.GRANT.value
    expected_after: str | None = None
    inverse: Script | None = None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    @property
    def host_display(self) -> str:
        """The host as every view names it: its label, or the bare name an older record holds."""
        return self.host_label if self.host_label is not None else self.host

    @property
    def undo_script(self) -> Script:
        """The journaled inverse; for an intent written before inverses were, the grant's own."""
        if self.inverse is not None:
            return self.inverse
        return restore_script(self.path, self.before, self.expected_after or self._legacy_grant_after())

    @property
    def left_behind(self) -> str:
        """The ACL the change left: as the host answered, else (outcome unknown) the one it was to leave."""
        if self.after is not None:
            return self.after
        return self.undo_script.parameters["ExpectedSddl"]

    def undo_change(self, current: str) -> Change:
        """The undo as a change: from the ACL found now to the recorded before, by the journaled inverse."""
        inverse = self.undo_script
        restore = inverse.parameters["Sddl"]
        return Change(
            kind=ChangeKind.UNDO,
            host=self.host,
            target=self.target,
            folder=self.path,
            before=current,
            expected_after=restore,
            verdict=Verdict.APPLY,
            reason=None,
            identity=self.identity,
            sid=self.sid,
            rights=self.rights,
            label=ChangeKind.UNDO.value,
            icacls=(),
            powershell="",
            # Sent only where the folder still has the ACL found now, as every change is.
            script=Script(inverse.operation, {**inverse.parameters, "ExpectedSddl": current}),
        )

    def _legacy_grant_after(self) -> str:
        # Only an old file's grant whose answer was lost gets here: nothing else says what it left.
        right = RIGHTS_BY_NAME.get(self.rights)
        if right is None:
            return self.before
        return sddl.format_dacl(with_explicit_allow(sddl.parse_dacl(self.before), self.sid, right.mask))

    def to_json(self) -> dict[str, Any]:
        return {
            "changeId": self.id,
            "time": self.time,
            "host": self.host,
            "target": self.target,
            "kind": self.kind,
            "path": self.path,
            "identity": self.identity,
            "sid": self.sid,
            "rights": self.rights,
            "outcome": self.outcome.value,
            "before": self.before,
            "after": self.after,
            "message": self.message,
            "undone": self.undone,
            "undoneAt": self.undone_at,
            "undoOutcome": None if self.undo_outcome is None else self.undo_outcome.value,
            "hostLabel": self.host_display,
            "change": self.change,
            "expectedAfter": self.expected_after,
            "inverse": None if self.inverse is None else self.inverse.to_json(),
        }


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else Path(platformdirs.user_data_dir("IIS Access", appauthor=False))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class History:
    """The history file of one user; safe to share between threads of one process."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_data_dir() / FILE_NAME
        self._lock = threading.Lock()
        self._warned: list[int] = []
        # The numbers of the lines the last read skipped as not valid records.
        self.skipped: list[int] = []

    def record_intent(
        self,
        *,
        host: str,
        target: str,
        kind: str,
        path: str,
        identity: str,
        sid: str,
        rights: str,
        before: str,
        host_label: str | None = None,
        change: str = ChangeKind.GRANT.value,
        expected_after: str | None = None,
        inverse: Script | None = None,
    ) -> ChangeRecord:
        with self._lock:
            taken = {record.id for record in self._fold()}
            change_id = secrets.token_hex(4)
            while change_id in taken:
                change_id = secrets.token_hex(4)
            record = ChangeRecord(
                id=change_id,
                time=_now(),
                host=host,
                target=target,
                kind=kind,
                path=path,
                identity=identity,
                sid=sid,
                rights=rights,
                before=before,
                host_label=host_label,
                change=change,
                expected_after=expected_after,
                inverse=inverse,
            )
            self._append(
                {
                    "type": "intent",
                    "id": change_id,
                    "time": record.time,
                    "host": host,
                    "target": target,
                    "kind": kind,
                    "path": path,
                    "identity": identity,
                    "sid": sid,
                    "rights": rights,
                    "before": before,
                    "change": change,
                    "expectedAfter": expected_after,
                }
                | ({} if host_label is None else {"hostLabel": host_label})
                | ({} if inverse is None else {"inverse": inverse.to_json()})
            )
            return record

    def record_outcome(
        self, change_id: str, outcome: Outcome, after: str | None, message: str | None = None
    ) -> ChangeRecord:
        with self._lock:
            self._append(
                {"type": "outcome", "id": change_id, "time": _now(), "outcome": outcome.value, "after": after}
                | ({"message": message} if message else {})
            )
        return self.get(change_id)

    def record_undo_intent(self, change_id: str, expected: str) -> ChangeRecord:
        """Journal an undo before the restore is sent: the ACL it expects and the one it writes."""
        with self._lock:
            restore = self._change(change_id).undo_script.parameters["Sddl"]
            entry = {"type": "undo-intent", "id": change_id, "time": _now()}
            self._append(entry | {"expected": expected, "sddl": restore})
        return self.get(change_id)

    def record_undo_outcome(
        self, change_id: str, outcome: Outcome, message: str | None = None
    ) -> ChangeRecord:
        """How an undo ended; CHANGED marks the change undone."""
        with self._lock:
            entry: dict[str, Any] = {"id": change_id, "time": _now()}
            if outcome is Outcome.CHANGED:
                # The record older versions read as "undone" (kept, never renamed).
                entry["type"] = "undo"
            else:
                entry |= {"type": "undo-outcome", "outcome": outcome.value}
            self._append(entry | ({"message": message} if message else {}))
        return self.get(change_id)

    def record_undo(self, change_id: str, message: str | None = None) -> ChangeRecord:
        return self.record_undo_outcome(change_id, Outcome.CHANGED, message)

    def records(self) -> list[ChangeRecord]:
        """Every change, oldest first."""
        with self._lock:
            return self._fold()

    def get(self, change_id: str) -> ChangeRecord:
        with self._lock:
            return self._change(change_id)

    def _change(self, change_id: str) -> ChangeRecord:
        for record in self._fold():
            if record.id == change_id:
                return record
        raise UnknownChange(change_id)

    def _append(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.path.open("a+b") as stream:
            # A crash mid-append leaves a last line without its newline: end it first, so this
            # record starts a line of its own instead of being glued onto the broken one.
            if stream.tell() > 0:
                stream.seek(-1, os.SEEK_END)
                if stream.read(1) != b"\n":
                    line = "\n" + line
            stream.write(line.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())

    def _fold(self) -> list[ChangeRecord]:
        if not self.path.exists():
            return []
        changes: dict[str, ChangeRecord] = {}
        skipped: list[int] = []
        with self.path.open(encoding="utf-8", errors="replace", newline="\n") as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip() and not _apply(changes, line):
                    skipped.append(number)
        if skipped and skipped != self._warned:
            self._warned = skipped
            log.warning(
                "%s: %s not a valid history record and %s skipped (a crash mid-write, or an edit)",
                self.path,
                _lines(skipped),
                "was" if len(skipped) == 1 else "were",
            )
        self.skipped = skipped
        return list(changes.values())


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (", ..." if len(numbers) > 10 else "")
    return f"line {shown} is" if len(numbers) == 1 else f"lines {shown} are"


def _strings(entry: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return all(isinstance(entry.get(key), str) for key in keys)


def _entry(line: str) -> dict[str, Any] | None:
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if isinstance(entry, dict) and _strings(entry, _FOLLOW_KEYS) and isinstance(entry.get("type"), str):
        return entry
    return None


def _outcome(entry: dict[str, Any]) -> Outcome | None:
    try:
        return Outcome(entry.get("outcome"))
    except ValueError:
        return None


def _with_outcome(record: ChangeRecord, entry: dict[str, Any]) -> ChangeRecord | None:
    outcome, after, message = _outcome(entry), entry.get("after"), entry.get("message")
    if outcome is None or not isinstance(after, str | None) or not isinstance(message, str | None):
        return None
    return replace(record, outcome=outcome, after=after, message=message)


def _with_undo_outcome(record: ChangeRecord, entry: dict[str, Any]) -> ChangeRecord | None:
    outcome = _outcome(entry)
    return None if outcome is None else replace(record, undo_outcome=outcome)


def _script(value: Any) -> Script | None:
    if not isinstance(value, dict):
        return None
    parameters = value.get("parameters")
    try:
        operation = Operation(value.get("operation"))
    except ValueError:
        return None
    if not isinstance(parameters, dict) or not all(isinstance(v, str) for v in parameters.values()):
        return None
    return Script(operation, parameters)


def _intent(entry: dict[str, Any]) -> ChangeRecord | None:
    if not _strings(entry, _INTENT_KEYS):
        return None
    extra = {field: entry[key] for key, field in _CHANGE_KEYS.items() if entry.get(key) is not None}
    if not all(isinstance(value, str) for value in extra.values()):
        return None
    inverse = _script(entry["inverse"]) if "inverse" in entry else None
    if "inverse" in entry and inverse is None:
        return None
    return ChangeRecord(**{key: entry[key] for key in _INTENT_KEYS}, **extra, inverse=inverse)


_FOLLOW_UPS = {
    "outcome": _with_outcome,
    "undo": lambda record, entry: replace(record, undone_at=entry["time"], undo_outcome=Outcome.CHANGED),
    "undo-intent": lambda record, entry: replace(record, undo_outcome=Outcome.UNKNOWN),
    "undo-outcome": _with_undo_outcome,
}


def _apply(changes: dict[str, ChangeRecord], line: str) -> bool:
    """Fold one line into ``changes``; False when the line is not a valid record."""
    entry = _entry(line)
    if entry is None:
        return False
    change_id, kind = entry["id"], entry["type"]
    if kind == "intent":
        record = _intent(entry)
        if record is None:
            return False
        changes[change_id] = record
        return True
    follow_up = _FOLLOW_UPS.get(kind)
    if follow_up is None or change_id not in changes:
        # A record type of a later version, or a follow-up whose intent is not in this file:
        # valid, but nothing this version can fold.
        return True
    folded = follow_up(changes[change_id], entry)
    if folded is None:
        return False
    changes[change_id] = folded
    return True
