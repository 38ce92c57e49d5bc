"""Comparing two hosts' answers field by field, after normalising what must differ between machines."""

from __future__ import annotations

import re
from typing import Any

_MACHINE_SID = re.compile(r"S-1-5-21-\d+-\d+-\d+")
# Keys whose values are the moment or the build of a machine, never the product's concern.
_VOLATILE_KEYS = frozenset({"time", "windowsVersion", "windowsCaption", "psVersion"})


def normalise(document: Any, computer_name: str | None) -> Any:
    """The document with the computer name and machine/domain SID prefixes replaced by markers.

    Each distinct machine SID prefix becomes ``<sid1>``, ``<sid2>``... in the order met, so the
    same account on two machines compares equal while two different accounts on one do not.
    """
    prefixes: dict[str, str] = {}

    def text(value: str) -> str:
        value = _MACHINE_SID.sub(
            lambda m: prefixes.setdefault(m.group(0), f"<sid{len(prefixes) + 1}>"), value
        )
        if computer_name:
            value = re.sub(re.escape(computer_name), "<computer>", value, flags=re.IGNORECASE)
        return value

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                text(key): "<volatile>" if key in _VOLATILE_KEYS else walk(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [walk(item) for item in value]
        return text(value) if isinstance(value, str) else value

    return walk(document)


def differences(expected: Any, actual: Any, where: str = "$") -> list[str]:
    """Every field where the two differ, with both values shown; empty when they agree."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in list(expected) + [key for key in actual if key not in expected]:
            if key not in actual:
                found.append(f"{where}.{key}: only in the reference ({expected[key]!r})")
            elif key not in expected:
                found.append(f"{where}.{key}: only in the subject ({actual[key]!r})")
            else:
                found.extend(differences(expected[key], actual[key], f"{where}.{key}"))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = []
        if len(expected) != len(actual):
            found.append(f"{where}: {len(expected)} items in the reference, {len(actual)} in the subject")
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found.extend(differences(left, right, f"{where}[{index}]"))
        return found
    if expected != actual or type(expected) is not type(actual):
        return [f"{where}: reference {expected!r}, subject {actual!r}"]
    return []
