"""A scenario: the folder that describes one simulated IIS server.

``applicationHost.config`` (required), ``filesystem.json`` (required) and
``machine.json`` (optional).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bridge.lab.apphost import AppHostConfig, AppHostError, load_apphost
from bridge.lab.machine import Machine, MachineError, load_machine
from bridge.lab.ntfs import Filesystem, FilesystemError
from bridge.resources import resource_path

APPHOST_FILE = "applicationHost.config"
FILESYSTEM_FILE = "filesystem.json"
MACHINE_FILE = "machine.json"


class ScenarioError(ValueError):
    """The folder is not a usable scenario; the message names the file and the problem."""


@dataclass
class Scenario:
    config: AppHostConfig
    filesystem: Filesystem
    machine: Machine


def demo_scenario_path() -> Path:
    """The shipped demo server every new user sees first."""
    return resource_path("lab", "demo")


def load_scenario(folder: Path) -> Scenario:
    for required in (APPHOST_FILE, FILESYSTEM_FILE):
        if not (folder / required).is_file():
            raise ScenarioError(f"{folder} is not a scenario: {required} is missing")
    try:
        return Scenario(
            config=load_apphost(folder / APPHOST_FILE),
            filesystem=Filesystem.load(folder / FILESYSTEM_FILE),
            machine=load_machine(folder / MACHINE_FILE),
        )
    except (AppHostError, FilesystemError, MachineError, OSError) as error:
        raise ScenarioError(f"cannot load scenario {folder}: {error}") from error
