"""A scenario: the folder that describes one simulated IIS server.

``applicationHost.config`` (required), ``filesystem.json`` (required) and
``machine.json`` (optional; its ``"doctor"`` object stages failing doctor probes, see
``bridge.lab.probes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridge.lab.apphost import AppHostConfig, AppHostError, load_apphost
from bridge.lab.machine import Machine, MachineError, load_machine
from bridge.lab.ntfs import Filesystem, FilesystemError
from bridge.lab.probes import ProbeStagingError, load_probe_staging
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
    # Doctor probes staged to fail, by probe name.
    doctor: dict[str, dict[str, Any]] = field(default_factory=dict)


def demo_scenario_path() -> Path:
    """The shipped demo server every new user sees first."""
    return resource_path("lab", "demo")


def load_scenario(folder: Path) -> Scenario:
    for required in (APPHOST_FILE, FILESYSTEM_FILE):
        if not (folder / required).is_file():
            raise ScenarioError(f"{folder} is not a scenario: {required} is missing")
    try:
        machine = load_machine(folder / MACHINE_FILE)
        return Scenario(
            config=load_apphost(folder / APPHOST_FILE),
            # The SDDL of filesystem.json may use the machine's relative aliases (LA, DA, EA...).
            filesystem=Filesystem.load(folder / FILESYSTEM_FILE, machine.sid_context),
            machine=machine,
            doctor=load_probe_staging(folder / MACHINE_FILE),
        )
    except (AppHostError, FilesystemError, MachineError, ProbeStagingError, OSError) as error:
        raise ScenarioError(f"cannot load scenario {folder}: {error}") from error
