"""Effective anonymous authentication with web.config files, locks and inheritInChildApplications."""

from __future__ import annotations

import json

import pytest

from bridge.lab.apphost import parse_apphost
from bridge.lab.machine import Machine
from bridge.lab.ntfs import Filesystem, FilesystemError
from bridge.lab.scenario import Scenario
from bridge.lab.simulator import SimulatedServer
from bridge.model import Inventory, parse_inventory
from bridge.scripts import Operation, script_text

_FOLDER = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)"
_SECTION_DEFINITION = """<configSections><sectionGroup name="system.webServer"><sectionGroup name="security">
  <sectionGroup name="authentication">
    <section name="anonymousAuthentication" overrideModeDefault="{mode}" />
  </sectionGroup></sectionGroup></sectionGroup></configSections>"""
_SITES = """<system.applicationHost><sites><site name="Web" id="1">
  <application path="/"><virtualDirectory path="/" physicalPath="D:\\Web" /></application>
  <application path="/shop"><virtualDirectory path="/" physicalPath="D:\\Web\\shop" /></application>
  <application path="/blog/admin"><virtualDirectory path="/" physicalPath="E:\\Admin" /></application>
  <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>
</site></sites></system.applicationHost>"""
_GLOBAL = """<system.webServer><security><authentication>
  <anonymousAuthentication enabled="true" userName="IUSR" />
</authentication></security></system.webServer>"""
_POOL_IDENTITY = """<configuration><system.webServer><security><authentication>
  <anonymousAuthentication userName="" />
</authentication></security></system.webServer></configuration>"""


def _inventory(config: str, files: dict[str, str]) -> Inventory:
    paths: dict[str, object] = {
        folder: {"type": "directory", "sddl": _FOLDER}
        for folder in ("D:\\", "D:\\Web", "D:\\Web\\shop", "D:\\Web\\blog", "E:\\", "E:\\Admin")
    }
    for path, content in files.items():
        paths[path] = {"type": "file", "sddl": _FOLDER, "content": content}
    scenario = Scenario(parse_apphost(config), Filesystem.from_mapping({"paths": paths}), Machine())
    return parse_inventory(
        json.loads(SimulatedServer(scenario).execute(script_text(Operation.INVENTORY), {}))
    )


def _anonymous(inventory: Inventory) -> dict[str, tuple[str, str | None]]:
    site = inventory.sites[0]
    return {app.path: (app.anonymous.user_name, app.config_error) for app in site.applications}


def test_an_unlocked_web_config_sets_anonymous_for_its_application_and_those_below() -> None:
    config = f"<configuration>{_SECTION_DEFINITION.format(mode='Allow')}{_SITES}{_GLOBAL}</configuration>"
    found = _anonymous(_inventory(config, {"D:\\Web\\web.config": _POOL_IDENTITY}))
    assert found == {"/": ("", None), "/shop": ("", None), "/blog/admin": ("", None)}


def test_a_web_config_in_a_folder_on_the_url_path_counts() -> None:
    config = f"<configuration>{_SECTION_DEFINITION.format(mode='Allow')}{_SITES}{_GLOBAL}</configuration>"
    found = _anonymous(_inventory(config, {"D:\\Web\\blog\\web.config": _POOL_IDENTITY}))
    assert found == {"/": ("IUSR", None), "/shop": ("IUSR", None), "/blog/admin": ("", None)}


def test_a_location_with_override_mode_allow_unlocks_the_section_for_its_site() -> None:
    unlock = '<location path="Web" overrideMode="Allow"><system.webServer /></location>'
    config = f"<configuration>{_SITES}{_GLOBAL}{unlock}</configuration>"
    found = _anonymous(_inventory(config, {"D:\\Web\\shop\\web.config": _POOL_IDENTITY}))
    assert found == {"/": ("IUSR", None), "/shop": ("", None), "/blog/admin": ("IUSR", None)}


@pytest.mark.parametrize("definition", ["", _SECTION_DEFINITION.format(mode="Deny")])
def test_a_locked_section_set_in_web_config_is_that_applications_error(definition: str) -> None:
    # IIS ships the section with overrideModeDefault="Deny": a web.config may not set it.
    config = f"<configuration>{definition}{_SITES}{_GLOBAL}</configuration>"
    found = _anonymous(_inventory(config, {"D:\\Web\\shop\\web.config": _POOL_IDENTITY}))
    assert found["/"] == ("IUSR", None) and found["/blog/admin"] == ("IUSR", None)
    user, error = found["/shop"]
    assert user == "IUSR" and error is not None
    assert "D:\\Web\\shop\\web.config" in error and "locked at a parent level" in error


def test_a_web_config_that_does_not_parse_is_reported_on_that_application_only() -> None:
    config = f"<configuration>{_SECTION_DEFINITION.format(mode='Allow')}{_SITES}{_GLOBAL}</configuration>"
    inventory = _inventory(config, {"D:\\Web\\shop\\web.config": "<configuration><system.webServer>"})
    found = _anonymous(inventory)
    assert found["/"] == ("IUSR", None) and found["/blog/admin"] == ("IUSR", None)
    user, error = found["/shop"]
    assert user == "IUSR" and error is not None and "not well-formed XML" in error
    assert [pool.name for pool in inventory.app_pools] == []


def test_inherit_in_child_applications_false_stops_at_child_applications() -> None:
    location = (
        '<location path="Web" inheritInChildApplications="false"><system.webServer><security>'
        '<authentication><anonymousAuthentication userName="" /></authentication></security>'
        "</system.webServer></location>"
    )
    config = f"<configuration>{_SITES}{_GLOBAL}{location}</configuration>"
    found = _anonymous(_inventory(config, {}))
    assert found == {"/": ("", None), "/shop": ("IUSR", None), "/blog/admin": ("IUSR", None)}


def test_only_a_files_text_may_be_given() -> None:
    with pytest.raises(FilesystemError, match="content must be a file's text"):
        Filesystem.from_mapping({"paths": {"D:\\": {"type": "directory", "sddl": _FOLDER, "content": "x"}}})
