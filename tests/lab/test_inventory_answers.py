"""The lab's inventory answers as Windows gives them: folders, domain SIDs, enums, states that throw."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from bridge.lab.apphost import parse_apphost
from bridge.lab.machine import Machine, load_machine
from bridge.lab.scenario import load_scenario
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from bridge.model import parse_inventory
from bridge.scripts import Operation, script_text

_CONFIG = """<configuration><system.applicationHost>
  <applicationPools>
    <applicationPoolDefaults><processModel identityType="ApplicationPoolIdentity" /></applicationPoolDefaults>
    <add name="Manual" managedPipelineMode="Classic" autoStart="false">
      <processModel identityType="NetworkService" manualGroupMembership="true" />
    </add>
    <add name="Plain" />
  </applicationPools>
  <sites>
    <site name="Web" id="1">
      <application path="/" applicationPool="Plain">
        <virtualDirectory path="/" physicalPath="D:\\Web" />
      </application>
      <bindings><binding protocol="https" bindingInformation="*:443:" /></bindings>
    </site>
    <site name="Files" id="2">
      <application path="/" applicationPool="Plain">
        <virtualDirectory path="/" physicalPath="D:\\Ftp" />
      </application>
      <bindings><binding protocol="ftp" bindingInformation="*:21:" /></bindings>
    </site>
  </sites>
</system.applicationHost></configuration>"""


def _inventory(machine: Machine | None = None, config: str = _CONFIG) -> dict[str, Any]:
    scenario = load_scenario(demo_scenario_path())
    scenario = replace(scenario, config=parse_apphost(config), machine=machine or Machine())
    answer = SimulatedServer(scenario).execute(script_text(Operation.INVENTORY), {})
    return dict(json.loads(answer))


def test_the_shipped_script_answers_enumerations_as_names() -> None:
    answer = _inventory()
    pools = {pool["name"]: pool for pool in answer["appPools"]}
    assert pools["Manual"]["identityType"] == "NetworkService"
    assert pools["Manual"]["managedPipelineMode"] == "Classic"
    assert pools["Manual"]["state"] == "Stopped"
    assert pools["Plain"]["identityType"] == "ApplicationPoolIdentity"


def test_a_pool_read_as_numbers_parses_to_the_same_model() -> None:
    names = parse_inventory(_inventory())
    numbers_answer = _inventory(Machine(enums_as_numbers=True))
    pools = {pool["name"]: pool for pool in numbers_answer["appPools"]}
    assert (pools["Manual"]["identityType"], pools["Manual"]["managedPipelineMode"]) == (2, 1)
    assert (pools["Manual"]["state"], pools["Plain"]["state"], pools["Plain"]["identityType"]) == (3, 1, 4)
    assert numbers_answer["sites"][0]["state"] == 1
    assert parse_inventory(numbers_answer) == names


def test_a_site_whose_state_throws_reports_unknown_and_the_inventory_goes_on() -> None:
    inventory = parse_inventory(_inventory())
    assert [(site.name, site.state) for site in inventory.sites] == [("Web", "Started"), ("Files", "Unknown")]


def test_manual_group_membership_comes_from_process_model() -> None:
    inventory = parse_inventory(_inventory())
    manual, plain = inventory.app_pools
    assert manual.manual_group_membership and not plain.manual_group_membership


def test_windows_on_d_and_the_domain_sids_are_reported() -> None:
    machine = Machine(
        environment={
            "SystemDrive": "D:",
            "windir": "D:\\Windows",
            "ProgramFiles": "D:\\Program Files",
            "ProgramFiles(x86)": "D:\\Program Files (x86)",
            "ProgramData": "D:\\ProgramData",
        },
        profiles_directory="%SystemDrive%\\Users",
        domain_sid="S-1-5-21-100-200-300",
        forest_root_sid="S-1-5-21-400-500-600",
    )
    server = parse_inventory(_inventory(machine)).server
    assert (server.windir, server.system_drive, server.profiles_directory) == (
        "D:\\Windows",
        "D:",
        "D:\\Users",
    )
    assert (server.program_files, server.program_files_x86, server.program_data) == (
        "D:\\Program Files",
        "D:\\Program Files (x86)",
        "D:\\ProgramData",
    )
    assert server.machine_sid == Machine().machine_sid
    assert (server.domain_sid, server.forest_root_sid) == ("S-1-5-21-100-200-300", "S-1-5-21-400-500-600")


def test_a_workgroup_server_has_no_domain_sids() -> None:
    server = parse_inventory(_inventory()).server
    assert server.machine_sid is not None and server.machine_sid.startswith("S-1-5-21-")
    assert (server.domain_sid, server.forest_root_sid) == (None, None)


def test_machine_json_gives_the_domain_sids_and_the_number_form(tmp_path: Path) -> None:
    (tmp_path / "machine.json").write_text(
        json.dumps(
            {
                "machineSid": "S-1-5-21-7-8-9",
                "domainSid": "S-1-5-21-1-2-3",
                "profilesDirectory": "E:\\Profiles",
                "enumsAsNumbers": True,
            }
        ),
        encoding="utf-8",
    )
    machine = load_machine(tmp_path / "machine.json")
    assert (machine.machine_sid, machine.domain_sid) == ("S-1-5-21-7-8-9", "S-1-5-21-1-2-3")
    # A single-domain forest: its root is the domain itself.
    assert machine.forest_root_sid == "S-1-5-21-1-2-3"
    assert machine.profiles_directory == "E:\\Profiles" and machine.enums_as_numbers
