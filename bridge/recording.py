"""``doctor --save-fixture``: record what a host's scripts answer, for the lab to replay.

A recording is a folder (the format is shared with ``bridge.lab.replay`` and
``tests/recordings/``):

- ``inventory.json``: the inventory script's answer, one JSON document;
- ``path-access.json``: every path-access answer merged, in that answer's own
  shape ``{"paths": [...], "accounts": {...}}``, each path once, first asked first,
  each entry with its DACL inline as ``sddl`` (an answer names its DACLs by index
  into its own ``sddls``, which means nothing beside another answer's entries);
- ``doctor.json``: doctor.ps1's answer;
- ``README.txt``: which server, which versions, when, and whether it is redacted.

Everything is asked through the operations the product itself runs (the
whole-server check, then the details of every target's folder and of each
subfolder the details list), so every path the product would ask for is in the
recording. The transports hand over the decoded JSON, so the documents are
written back in Windows PowerShell 5.1's compressed form: the values are what
the host printed; spacing and escaping are 5.1's.
"""

from __future__ import annotations

import datetime
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridge import __version__, operations
from bridge.doctor import DoctorReport, doctor
from bridge.errors import BridgeError
from bridge.model import ModelError, path_entries
from bridge.plans import PlanError, grant_path
from bridge.powershell_json import powershell_json
from bridge.redaction import Redactor
from bridge.scripts import Operation
from bridge.session import HostSession
from bridge.transport import Parameters

INVENTORY_FILE = "inventory.json"
PATH_ACCESS_FILE = "path-access.json"
DOCTOR_FILE = "doctor.json"
# group-members.ps1's answer for IIS_IUSRS, asked where a pool sets manualGroupMembership.
GROUP_MEMBERS_FILE = "group-members.json"
README_FILE = "README.txt"


@dataclass
class Recording:
    """The answers seen so far, merged per script."""

    inventory: Any = None
    doctor: Any = None
    # Asked only where a pool sets manualGroupMembership: IIS_IUSRS's stored members.
    group_members: Any = None
    paths: dict[str, dict[str, Any]] = field(default_factory=dict)
    accounts: dict[str, Any] = field(default_factory=dict)

    def add(self, operation: Operation, answer: Any) -> None:
        if operation is Operation.INVENTORY and self.inventory is None:
            self.inventory = answer
        elif operation is Operation.DOCTOR:
            self.doctor = answer
        elif operation is Operation.GROUP_MEMBERS:
            self.group_members = answer
        elif operation is Operation.PATH_ACCESS and isinstance(answer, dict):
            try:
                entries = path_entries(answer)
            except ModelError:
                # The operation reports an answer it cannot read; the recording keeps the rest.
                entries = []
            for entry in entries:
                known = self.paths.get(entry["path"])
                # The answer that listed the subfolders holds all the other one does.
                if known is None or (known.get("children") is None and entry.get("children") is not None):
                    self.paths[entry["path"]] = entry
            for sid, name in (answer.get("accounts") or {}).items():
                if self.accounts.get(sid) is None:
                    self.accounts[sid] = name

    def path_access(self) -> dict[str, Any]:
        return {"paths": list(self.paths.values()), "accounts": self.accounts}


class RecordingTransport:
    """A transport that passes every operation to a host's session and keeps each answer."""

    def __init__(self, session: HostSession, recording: Recording) -> None:
        self._session = session
        self._recording = recording

    @property
    def host(self) -> str:
        return self._session.host

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        answer = self._session.run(operation, parameters, cancel, timeout)
        self._recording.add(operation, answer)
        return answer

    def close(self) -> None:
        """The host's own session is closed by whoever opened it."""


def _record_everything(session: HostSession) -> None:
    """What ``check --all`` runs, then the details of every target and of its subfolders."""
    inventory, _ = operations.survey(session)
    asked: set[str] = set()
    for target in inventory.targets():
        if target.physical_path in asked:
            continue
        asked.add(target.physical_path)
        details = operations.folder_access(session, target.physical_path)
        for child in details.children or ():
            try:
                folder = grant_path(target.physical_path, child)
            except PlanError:
                continue
            if folder not in asked:
                asked.add(folder)
                operations.folder_access(session, folder)


def save_fixture(
    session: HostSession, folder: Path, *, redact: bool = False, redaction_map: Path | None = None
) -> tuple[DoctorReport, BridgeError | None]:
    """Record the host into ``folder``; return the doctor's verdicts and what stopped the recording.

    Whatever was answered before a failure (a host that refuses the inventory) is still written.
    """
    recording = Recording()
    failure: BridgeError | None = None
    with HostSession(RecordingTransport(session, recording)) as recorded:
        report = doctor(recorded)
        try:
            _record_everything(recorded)
        except BridgeError as error:
            failure = error
    _write(folder, recording, session.host, redact, redaction_map)
    return report, failure


def _write(folder: Path, recording: Recording, host: str, redact: bool, redaction_map: Path | None) -> None:
    documents: dict[str, Any] = {DOCTOR_FILE: recording.doctor}
    if recording.inventory is not None:
        documents[INVENTORY_FILE] = recording.inventory
        documents[PATH_ACCESS_FILE] = recording.path_access()
    if recording.group_members is not None:
        documents[GROUP_MEMBERS_FILE] = recording.group_members
    redactor = Redactor.for_inventory(recording.inventory) if redact else None
    if redactor is not None:
        documents = {name: redactor.document(document) for name, document in documents.items()}
        host = redactor.host(host)
    folder.mkdir(parents=True, exist_ok=True)
    for name, document in documents.items():
        (folder / name).write_text(powershell_json(document), encoding="utf-8")
    server = (documents.get(INVENTORY_FILE) or {}).get("server") or {}
    (folder / README_FILE).write_text(_readme(host, server, redactor is not None), encoding="utf-8")
    if redactor is not None and redaction_map is not None:
        redaction_map.write_text(
            json.dumps(redactor.mapping(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def _readme(host: str, server: dict[str, Any], redacted: bool) -> str:
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    lines = [
        f"Recorded by iis-access {__version__} with 'doctor --save-fixture' at {now}.",
        f"Host: {host}",
        f"Computer: {server.get('computerName')}",
        f"Windows: {server.get('windowsCaption')} {server.get('windowsVersion')}",
        f"IIS: {server.get('iisVersion')}",
        f"PowerShell: {server.get('psVersion')}",
        "Redacted: " + ("yes (names, paths and account SIDs replaced by placeholders)" if redacted else "no"),
        "The values are what the host's scripts printed; spacing and escaping are Windows PowerShell",
        "5.1's compressed ConvertTo-Json form. Replay it with: iis-access lab --replay THIS-FOLDER ...",
    ]
    return "\n".join(lines) + "\n"
