"""A lab scenario as data for tests/windows/provision.ps1: the same facts the lab serves, as one JSON file.

``python -m tests.windows.scenario_data SCENARIO OUT.json`` writes it. The provisioning script is
constant text; everything it creates comes from this file, read with ConvertFrom-Json.

Folders are listed parents first, each with its explicit ACL entries only: Windows computes the
inherited ones when the entry is written, as it would for a folder an administrator set up. Windows'
own folder (the scenario's windir, e.g. its Temporary ASP.NET Files) is left as Windows made it:
rewriting its ACL would propagate through the whole system tree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bridge import sddl
from bridge.lab.apphost import load_apphost
from bridge.lab.ntfs import path_key
from bridge.lab.scenario import APPHOST_FILE, FILESYSTEM_FILE, load_scenario


def _explicit_access(text: str) -> str:
    """The DACL part of an SDDL string with its inherited entries left out."""
    dacl = sddl.parse_dacl(text)
    explicit = sddl.Dacl(
        protected=dacl.protected,
        auto_inherited=dacl.auto_inherited,
        auto_inherit_required=dacl.auto_inherit_required,
        aces=tuple(ace for ace in dacl.aces if not ace.inherited),
    )
    return sddl.format_dacl(explicit)


def scenario_data(folder: Path) -> dict[str, Any]:
    scenario = load_scenario(folder)  # the scenario as the lab would refuse it, with the lab's message
    windir = path_key(scenario.machine.expand("%windir%"))
    config = load_apphost(folder / APPHOST_FILE)
    listing = json.loads((folder / FILESYSTEM_FILE).read_text(encoding="utf-8"))["paths"]
    folders = [
        {"path": path, "type": entry["type"], "sddl": _explicit_access(entry["sddl"])}
        for path, entry in sorted(listing.items(), key=lambda item: path_key(item[0]).count("\\"))
        if not path.startswith("\\\\")
        and len(path.rstrip("\\")) > 2
        and not (path_key(path) + "\\").startswith(windir + "\\")
    ]
    return {
        "pools": [
            {
                "name": pool.name,
                "started": pool.started,
                "identityType": pool.identity_type,
                "userName": pool.user_name,
                "managedRuntimeVersion": pool.managed_runtime_version,
                "managedPipelineMode": pool.managed_pipeline_mode,
            }
            for pool in config.pools
        ],
        "folders": folders,
        "sites": [
            {
                "name": site.name,
                "id": site.id,
                "started": site.started,
                "bindings": [
                    {"protocol": b.protocol, "bindingInformation": b.binding_information}
                    for b in site.bindings
                ],
                "applications": [
                    {
                        "path": app.path,
                        "applicationPool": app.application_pool,
                        "anonymousEnabled": app.anonymous.enabled,
                        "anonymousUserName": app.anonymous.user_name,
                        "virtualDirectories": [
                            {"path": vdir.path, "physicalPath": vdir.physical_path}
                            for vdir in app.virtual_directories
                        ],
                    }
                    for app in site.applications
                ],
            }
            for site in config.sites
        ],
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tests.windows.scenario_data SCENARIO OUT.json", file=sys.stderr)
        return 2
    data = scenario_data(Path(argv[0]))
    Path(argv[1]).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
