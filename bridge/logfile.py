"""The log file the CLI and the GUI write: where a traceback goes instead of the admin's screen."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return Path(platformdirs.user_log_dir("IIS Access", appauthor=False)) / "iis-access.log"


def log_to_file() -> Path:
    """Send INFO and above to the log file (created on the first record); return its path."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
