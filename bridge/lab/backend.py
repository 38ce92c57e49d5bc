"""The seam between the lab's protocol endpoint and the simulated server behind it.

The endpoint (HTTP, WSMan, PSRP) hands every pipeline's script text and
parameters to a backend and returns what it answers; it never evaluates
anything itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class ScriptRejected(Exception):
    """The script text is not one of the shipped operation scripts.

    A locked-down (JEA) endpoint answers such a command with a
    CommandNotFoundException; the endpoint turns this into that error record.
    """


class ScriptFailed(Exception):
    """The script ran and failed the way it would on Windows.

    ``error_id`` and ``category`` follow the error record Windows PowerShell
    would produce (for example ``UnauthorizedAccessException`` /
    ``PermissionDenied``), so the client sees a faithful failure.
    """

    def __init__(self, message: str, *, error_id: str, category: str, target: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.target = target


class ScriptBackend(Protocol):
    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        """Run a shipped script with its parameters; return the one JSON document it writes.

        Raises ScriptRejected for any other text and ScriptFailed for a failure on the server.
        """
        ...
