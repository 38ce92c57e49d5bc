"""The demo lab's saved state, so the demo behaves like a server across CLI runs and app restarts.

What grants and undos change on the demo is kept in the user's data folder (``demo-lab.json``
beside the history): the DACLs that differ from the shipped scenario, with a fingerprint of that
scenario, so a version that ships another demo starts it afresh instead of mixing the two. Every
operation first reads the file again if another process (the app, another CLI run) replaced or
removed it since, and every grant or restore writes it back. The file is replaced atomically
(written beside it, flushed to disk, then renamed over it): a crash leaves the old state or the
new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bridge.history import default_data_dir
from bridge.lab.simulator import SimulatedServer
from bridge.scripts import Operation, operation_for_script

STATE_FILE = "demo-lab.json"
_FORMAT = 1
# The operations that change the simulated folders; only they are followed by a save.
_CHANGING = frozenset({Operation.GRANT, Operation.RESTORE})
# os.replace fails on Windows while another process has the file open for reading (no
# FILE_SHARE_DELETE): that lasts a read's moment, so the rename is tried again a few times.
_REPLACE_ATTEMPTS = 20

log = logging.getLogger(__name__)


def state_path() -> Path:
    """Where the demo lab's state is kept (``IIS_ACCESS_DATA_DIR`` moves it with the history)."""
    return default_data_dir() / STATE_FILE


def reset_demo(path: Path | None = None) -> bool:
    """Put the demo lab back as shipped; False when it already was (no state was saved)."""
    target = path if path is not None else state_path()
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    return True


def scenario_fingerprint(folder: Path) -> str:
    """A digest of the scenario's files: a saved state belongs to exactly this demo."""
    digest = hashlib.sha256()
    for file in sorted(item for item in folder.iterdir() if item.is_file()):
        digest.update(file.name.encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _contents(path: Path) -> bytes | None:
    """The state file's bytes (a few kilobytes at most), or None when there is none."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with scratch.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        for attempt in range(_REPLACE_ATTEMPTS):
            try:
                os.replace(scratch, path)
                break
            except PermissionError:
                if attempt == _REPLACE_ATTEMPTS - 1:
                    raise
                threading.Event().wait(0.05)
    finally:
        scratch.unlink(missing_ok=True)
    if os.name == "posix":
        # The rename itself is durable only once the directory holding it is flushed.
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


class SavedDemo:
    """A ScriptBackend: the demo scenario's simulated server, its changes kept in a state file."""

    def __init__(self, scenario: Path, path: Path) -> None:
        self._scenario = scenario
        self.path = path
        self._fingerprint = scenario_fingerprint(scenario)
        self._lock = threading.Lock()
        self._server = SimulatedServer.from_scenario(scenario)
        self._shipped = self._server.filesystem.dacls()
        # The file's bytes when last read or written: other bytes mean another process wrote it.
        # (Compared whole: a file's time and size can stay the same across two quick saves.)
        self._seen: bytes | None = None
        self._saved: dict[str, str] | None = None
        # Whether no state was saved before this one started: the first use of the demo (or the
        # first after a reset), which the CLI tells the admin about once.
        self.first_use = not path.exists()
        with self._lock:
            self._sync()
            if self._seen is None:
                self._save()

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        with self._lock:
            self._sync()
            try:
                return self._server.execute(script, parameters)
            finally:
                if operation_for_script(script.replace("\r\n", "\n")) in _CHANGING:
                    self._save()

    def _sync(self) -> None:
        """Start from the saved state if the file changed since it was last seen (or went away)."""
        seen = _contents(self.path)
        if seen == self._seen:
            return
        if self._seen is not None or seen is not None:
            self._server = SimulatedServer.from_scenario(self._scenario)
        self._seen, self._saved = seen, None
        if seen is None:
            return
        saved = self._read(seen)
        if saved is not None:
            self._server.filesystem.restore_dacls(saved)
        self._saved = saved

    def _read(self, contents: bytes) -> dict[str, str] | None:
        try:
            document: Any = json.loads(contents.decode("utf-8"))
        except ValueError as error:
            log.warning(
                "The demo lab's saved state %s cannot be read (%s); it starts as shipped.", self.path, error
            )
            return None
        dacls = document.get("dacls") if isinstance(document, dict) else None
        if not isinstance(dacls, dict) or not all(isinstance(v, str) for v in dacls.values()):
            log.warning(
                "The demo lab's saved state %s is not one IIS Access wrote; it starts as shipped.", self.path
            )
            return None
        if document.get("scenario") != self._fingerprint:
            log.warning(
                "The demo lab's saved state %s is of another version's demo; it starts as shipped.", self.path
            )
            return None
        return {str(path): text for path, text in dacls.items()}

    def _save(self) -> None:
        changed = {
            path: text
            for path, text in self._server.filesystem.dacls().items()
            if self._shipped.get(path) != text
        }
        if changed == self._saved and self._seen is not None:
            return
        document = {"format": _FORMAT, "scenario": self._fingerprint, "dacls": changed}
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        try:
            write_atomically(self.path, text)
        except OSError as error:
            log.warning("The demo lab's state could not be saved to %s (%s).", self.path, error)
            return
        self._saved, self._seen = changed, text.encode("utf-8")
