"""``iis-access lab --replay DIR``: a recorded server (see ``bridge.recording``) answering again.

The inventory and doctor answers are served verbatim, as the files hold them.
A path-access call is answered from the recorded entries for the asked paths,
in the asked order, each with the ``accounts`` of its owner and ACL entries in
the order path-access.ps1 names them; a path that was not recorded answers
``exists: false`` with ``error: "not recorded"``. Grant and restore are refused:
a recording is read-only.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bridge import sddl
from bridge.lab.backend import ScriptFailed, ScriptRejected
from bridge.lab.simulator import bind_parameters, requested_paths
from bridge.powershell_json import powershell_json
from bridge.recording import DOCTOR_FILE, GROUP_MEMBERS_FILE, INVENTORY_FILE, PATH_ACCESS_FILE
from bridge.scripts import Operation, operation_for_script

NOT_RECORDED = "not recorded"


class RecordingError(ValueError):
    """The folder is not a usable recording; the message names the file and the problem."""


def _read_text(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RecordingError(f"{path} is not a JSON document: {error}") from error
    return text


class RecordedServer:
    """A ScriptBackend that answers from a recording folder; it never changes anything."""

    def __init__(self, folder: Path) -> None:
        if not (folder / INVENTORY_FILE).is_file():
            raise RecordingError(f"{folder} is not a recording: {INVENTORY_FILE} is missing")
        self._inventory = _read_text(folder / INVENTORY_FILE)
        doctor = folder / DOCTOR_FILE
        self._doctor = _read_text(doctor) if doctor.is_file() else None
        members = folder / GROUP_MEMBERS_FILE
        self._group_members = _read_text(members) if members.is_file() else None
        self._paths: dict[str, dict[str, Any]] = {}
        self._accounts: dict[str, Any] = {}
        access = folder / PATH_ACCESS_FILE
        if access.is_file():
            recorded = json.loads(_read_text(access))
            if not isinstance(recorded, dict) or not isinstance(recorded.get("paths"), list):
                raise RecordingError(f"{access} must hold {{'paths': [...], 'accounts': {{...}}}}")
            # The first entry for a path wins, as the product asked for it first.
            for entry in recorded["paths"]:
                self._paths.setdefault(str(entry.get("path")), entry)
            self._accounts = dict(recorded.get("accounts") or {})

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        operation = operation_for_script(script.replace("\r\n", "\n"))
        if operation is None:
            raise ScriptRejected("the script is not one of the shipped operation scripts")
        bound = bind_parameters(operation, parameters)
        if operation is Operation.INVENTORY:
            return self._inventory
        if operation is Operation.DOCTOR:
            return _verbatim(self._doctor, DOCTOR_FILE, "the doctor's probes")
        if operation is Operation.GROUP_MEMBERS:
            # A recording holds one group's answer, IIS_IUSRS's (bridge.members).
            return _verbatim(self._group_members, GROUP_MEMBERS_FILE, "the group's members")
        if operation is Operation.PATH_ACCESS:
            return powershell_json(self._path_access(requested_paths(bound), bool(bound.get("Subfolders"))))
        raise ScriptFailed(
            f"This server is a recording, which is read-only: {operation.value} changes nothing here.",
            error_id="RecordingIsReadOnly",
            category="InvalidOperation",
        )

    def _path_access(self, paths: list[str], subfolders: bool) -> dict[str, Any]:
        entries = [self._entry(path, subfolders) for path in paths]
        accounts: dict[str, Any] = {}
        for entry in entries:
            for sid in _sids_of(entry, self._accounts):
                if sid not in accounts and sid in self._accounts:
                    accounts[sid] = self._accounts[sid]
        sddls: dict[str, int] = {}
        sent = [_as_sent(entry, sddls, subfolders) for entry in entries]
        return {"paths": sent, "sddls": list(sddls), "accounts": accounts}

    def _entry(self, path: str, subfolders: bool) -> dict[str, Any]:
        recorded = self._paths.get(path)
        if recorded is None:
            slashed = path.replace("/", "\\")
            return {
                "path": path,
                "exists": False,
                "isDirectory": False,
                "isUnc": slashed.startswith("\\\\") and not slashed.startswith(("\\\\?\\", "\\\\.\\")),
                "owner": None,
                "protected": False,
                "sddl": None,
                "children": None,
                "error": NOT_RECORDED,
            }
        entry = dict(recorded)
        if not subfolders:
            # path-access.ps1 lists subfolders only when asked.
            entry["children"] = None
        return entry


# The keys path-access.ps1 gives every entry, null or not; the others it leaves out where null.
_ALWAYS_SENT = frozenset({"path", "exists", "isDirectory", "isUnc", "owner", "protected"})


def _as_sent(entry: Mapping[str, Any], sddls: dict[str, int], subfolders: bool) -> dict[str, Any]:
    """A recorded entry (its DACL inline) as path-access.ps1 sends it: the DACL by its index in
    the answer's ``sddls``, null keys left out, ``children`` only when subfolders were asked for."""
    sent: dict[str, Any] = {}
    # In the recorded order, which is the script's (children comes right after protected).
    for key, value in entry.items():
        if key == "sddl":
            if isinstance(value, str):
                sent["sddlIndex"] = sddls.setdefault(value, len(sddls))
        elif key == "children":
            if subfolders:
                sent["children"] = value
        elif key in _ALWAYS_SENT or value is not None:
            sent[key] = value
        if key == "protected" and subfolders and "children" not in entry:
            sent["children"] = None
    return sent


def _sids_of(entry: Mapping[str, Any], accounts: Mapping[str, Any]) -> list[str]:
    """The owner, then each ACL entry's SID: the order path-access.ps1 names them in.

    A relative alias (DA, EA...) stands for the recorded account SID with its RID.
    """
    found = [entry["owner"]] if isinstance(entry.get("owner"), str) else []
    text = entry.get("sddl")
    if isinstance(text, str):
        # An ACL the client cannot parse is reported as such whatever its accounts.
        with contextlib.suppress(sddl.SddlError):
            found.extend(ace.sid for ace in sddl.parse_dacl(text, known_sids=accounts).aces)
    return found


def _verbatim(answer: str | None, file_name: str, what: str) -> str:
    """A recorded answer served as the server printed it, or the script's failure when none was kept."""
    if answer is None:
        raise ScriptFailed(
            f"This recording has no {file_name}: {what} were not recorded.",
            error_id="NotRecorded",
            category="ObjectNotFound",
        )
    return answer
