"""Reading a scenario's JSON files: one JSON object each, with the file named in every error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_json_object(path: Path, error: type[ValueError]) -> dict[str, Any]:
    """The object ``path`` holds; else ``error``, the caller's own error type, naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise error(f"{path} is not valid JSON: {problem}") from problem
    if not isinstance(data, dict):
        raise error(f"{path} must hold a JSON object")
    return data
