"""The operation scripts shipped in ``resources/powershell``.

Each script is constant text: user data travels only as PowerShell parameters,
so the text that reaches a host is always byte-for-byte the shipped file.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from bridge.resources import resource_path


class Operation(str, Enum):
    INVENTORY = "inventory"
    PATH_ACCESS = "path-access"
    GRANT = "grant"
    RESTORE = "restore"
    DOCTOR = "doctor"
    GROUP_MEMBERS = "group-members"


@cache
def script_text(operation: Operation) -> str:
    """Return the exact text of an operation script (normalised to LF line endings)."""
    raw = resource_path("powershell", f"{operation.value}.ps1").read_bytes().decode("utf-8-sig")
    return raw.replace("\r\n", "\n")


def operation_for_script(text: str) -> Operation | None:
    """Recognise a shipped script by its exact text, as a locked-down endpoint would."""
    for operation in Operation:
        if script_text(operation) == text:
            return operation
    return None
