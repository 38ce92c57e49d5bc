"""Generated scenarios load, are deterministic, and are as large as asked."""

from __future__ import annotations

import json
from pathlib import Path

from bridge import sddl
from bridge.lab.generate import generate_scenario
from bridge.lab.ntfs import inherited_aces
from bridge.lab.simulator import SimulatedServer
from bridge.scripts import Operation, script_text


def test_thousand_sites_generate_and_load(tmp_path: Path) -> None:
    folder = generate_scenario(tmp_path / "big", sites=1000, pools=300, seed=7)
    server = SimulatedServer.from_scenario(folder)
    inventory = json.loads(server.execute(script_text(Operation.INVENTORY), {}))
    assert len(inventory["sites"]) == 1000
    assert len(inventory["appPools"]) == 300
    assert {len(site["applications"]) for site in inventory["sites"]} == {2}
    site_root = inventory["sites"][999]["applications"][0]["virtualDirectories"][0]["expandedPhysicalPath"]
    described = json.loads(
        server.execute(script_text(Operation.PATH_ACCESS), {"Path": [site_root], "Subfolders": True})
    )
    assert described["paths"][0]["exists"] is True
    assert described["paths"][0]["children"] == ["api", "App_Data", "static"]


def test_same_seed_same_scenario_other_seed_differs(tmp_path: Path) -> None:
    files = ("applicationHost.config", "filesystem.json")
    first, again, other = (
        generate_scenario(tmp_path / name, sites=20, seed=seed)
        for name, seed in (("a", 1), ("b", 1), ("c", 2))
    )
    assert all((first / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert (first / "applicationHost.config").read_bytes() != (other / "applicationHost.config").read_bytes()


def test_small_server_has_a_realistic_large_config(tmp_path: Path) -> None:
    folder = generate_scenario(tmp_path / "small", sites=8, pools=10)
    text = (folder / "applicationHost.config").read_text(encoding="utf-8")
    assert len(text.encode()) > 80_000
    for section in (
        "<globalModules>",
        "<handlers",
        "<staticContent",
        "<requestFiltering>",
        "<configSections>",
    ):
        assert section in text


def test_generated_inherited_aces_are_consistent_with_parents(tmp_path: Path) -> None:
    paths = json.loads((generate_scenario(tmp_path / "s", sites=30) / "filesystem.json").read_text())["paths"]
    lookup = {path.lower(): spec for path, spec in paths.items()}
    checked = 0
    for path, spec in paths.items():
        dacl = sddl.parse_dacl(spec["sddl"])
        parent = lookup.get(path.rpartition("\\")[0].lower())
        if dacl.protected or parent is None:
            continue
        expected = inherited_aces(
            sddl.parse_dacl(parent["sddl"]), child_is_directory=spec["type"] == "directory"
        )
        assert tuple(ace for ace in dacl.aces if ace.inherited) == expected, path
        checked += 1
    assert checked > 100
