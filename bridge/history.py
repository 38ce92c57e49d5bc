"""The change history: an append-only JSON-lines file of intents, outcomes and undos.

An intent is written and fsynced before a change is sent, so a crash between
sending and hearing back still leaves the SDDL needed to restore the folder.
Records hold hosts, paths, identities and SDDL only: never a password or token.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import platformdirs

from bridge.errors import UsageFailure

DATA_DIR_VARIABLE = "IIS_ACCESS_DATA_DIR"
FILE_NAME = "history.jsonl"


class Outcome(str, Enum):
    UNKNOWN = "unknown"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REFUSED = "refused"
    FAILED = "failed"


class UnknownChange(UsageFailure):
    def __init__(self, change_id: str) -> None:
        super().__init__(
            f"There is no change with id {change_id!r}.", "Run 'iis-access history' to list them."
        )


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

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

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
                }
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

    def record_undo(self, change_id: str) -> ChangeRecord:
        with self._lock:
            self._append({"type": "undo", "id": change_id, "time": _now()})
        return self.get(change_id)

    def records(self) -> list[ChangeRecord]:
        """Every change, oldest first."""
        with self._lock:
            return self._fold()

    def get(self, change_id: str) -> ChangeRecord:
        for record in self.records():
            if record.id == change_id:
                return record
        raise UnknownChange(change_id)

    def _append(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(line)
            stream.flush()
            os.fsync(stream.fileno())

    def _fold(self) -> list[ChangeRecord]:
        if not self.path.exists():
            return []
        changes: dict[str, ChangeRecord] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                # A line cut short by a crash: the entries before it still stand.
                continue
            self._apply(changes, entry)
        return list(changes.values())

    @staticmethod
    def _apply(changes: dict[str, ChangeRecord], entry: dict[str, Any]) -> None:
        change_id = entry.get("id")
        kind = entry.get("type")
        if kind == "intent" and isinstance(change_id, str):
            changes[change_id] = ChangeRecord(
                id=change_id,
                time=entry["time"],
                host=entry["host"],
                target=entry["target"],
                kind=entry["kind"],
                path=entry["path"],
                identity=entry["identity"],
                sid=entry["sid"],
                rights=entry["rights"],
                before=entry["before"],
            )
        elif change_id in changes and kind == "outcome":
            changes[change_id] = replace(
                changes[change_id],
                outcome=Outcome(entry["outcome"]),
                after=entry.get("after"),
                message=entry.get("message"),
            )
        elif change_id in changes and kind == "undo":
            changes[change_id] = replace(changes[change_id], undone_at=entry["time"])
