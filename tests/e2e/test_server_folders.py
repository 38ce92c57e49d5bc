"""The safety rules and the propagation allowance as the CLI applies them, from what the server reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from tests.e2e.lab import PASSWORD, USER, connection_options, run_cli
from tests.e2e.scenarios import INHERITING, SHOP, write_scenario

TOOLS = "D:\\Windows\\Web\\Tools"
WINDOWS_ON_D = {"SystemDrive": "D:", "SystemRoot": "D:\\Windows", "windir": "D:\\Windows"}
WINDOWS_ON_C = {"SystemDrive": "C:", "SystemRoot": "C:\\Windows", "windir": "C:\\Windows"}


def _with_tools_site(folder: Path, environment: dict[str, str]) -> Path:
    """The e2e scenario plus a site "Tools" served from D:\\Windows\\Web\\Tools."""
    write_scenario(folder)
    config = ET.parse(folder / "applicationHost.config")  # noqa: S314 - written just above by the test
    sites = config.getroot().find("system.applicationHost/sites")
    assert sites is not None
    site = ET.SubElement(sites, "site", name="Tools", id="9")
    application = ET.SubElement(site, "application", path="/", applicationPool="DefaultAppPool")
    ET.SubElement(application, "virtualDirectory", path="/", physicalPath=TOOLS)
    ET.SubElement(ET.SubElement(site, "bindings"), "binding", protocol="http", bindingInformation="*:8090:")
    config.write(folder / "applicationHost.config", encoding="utf-8", xml_declaration=True)
    listing = json.loads((folder / "filesystem.json").read_text(encoding="utf-8"))
    for path in ("D:\\Windows", "D:\\Windows\\Web", TOOLS):
        listing["paths"][path] = {"type": "directory", "sddl": INHERITING}
    (folder / "filesystem.json").write_text(json.dumps(listing), encoding="utf-8")
    (folder / "machine.json").write_text(json.dumps({"environment": environment}), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("environment", "code"), [(WINDOWS_ON_D, 3), (WINDOWS_ON_C, 0)], ids=["windows-on-d", "windows-on-c"]
)
def test_a_grant_under_the_servers_own_windows_folder_is_refused_wherever_it_is(
    tmp_path: Path, environment: dict[str, str], code: int
) -> None:
    server = SimulatedServer.from_scenario(_with_tools_site(tmp_path / "scenario", environment))
    before = server.filesystem.access_sddl(TOOLS)
    with LabHost(server, user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        result = run_cli([*options, "grant", "pool-modify", "Tools", "--yes"], tmp_path / "data")
    assert result.code == code, result.stderr
    assert "Traceback" not in result.stderr
    after = server.filesystem.access_sddl(TOOLS)
    if code == 3:
        # Refused before anything is sent, naming the server's Windows folder.
        assert "D:\\Windows" in result.stderr + result.stdout
        assert after == before
    else:
        # On a server whose Windows is on C:, D:\Windows is just another folder a site may use.
        assert after != before and "Done: change" in result.stdout


def test_a_grant_over_psrp_waits_for_its_propagation_beyond_the_operation_timeout(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "scenario")
    listing = json.loads((folder / "filesystem.json").read_text(encoding="utf-8"))
    # 5,000 items at 0.8 ms: 4 s, twice the 2 s timeout given below and well inside the 10 s allowed.
    listing["paths"][SHOP + "\\uploads"]["itemsBelow"] = 5_000
    listing["propagationSecondsPerItem"] = 0.0008
    (folder / "filesystem.json").write_text(json.dumps(listing), encoding="utf-8")
    with LabHost(SimulatedServer.from_scenario(folder), user=USER, password=PASSWORD) as host:
        options = [*connection_options(host, "ntlm"), "--timeout", "2"]
        grant = ["grant", "pool-modify", "Shop", "--subpath", "uploads"]
        preview = run_cli([*options, *grant, "--dry-run", "--json"], tmp_path / "data")
        applied = run_cli([*options, *grant, "--yes"], tmp_path / "data")
    assert preview.code == 0, preview.stderr
    plan = preview.json()["plan"]
    assert (plan["itemsBelow"], plan["itemsBelowComplete"]) == (5_000, True)
    assert applied.code == 0, applied.stderr
