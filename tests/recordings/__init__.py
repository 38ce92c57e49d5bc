"""Recorded server answers, one folder each (see bridge/recording.py for the format)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def recording_folders() -> list[Path]:
    """Every recording in this folder: a bug report with a recording is one more folder here."""
    return sorted(folder for folder in ROOT.iterdir() if (folder / "inventory.json").is_file())


def recorded_scenario(folder: Path) -> Path | None:
    """The lab scenario a recording was made from, when its README.txt names one ("Scenario: PATH ...")."""
    readme = folder / "README.txt"
    if not readme.is_file():
        return None
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("Scenario: "):
            return ROOT.parents[1] / line.removeprefix("Scenario: ").split(" ")[0]
    return None
