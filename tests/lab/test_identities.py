"""The lab's inventory answer for every identity IIS reads content as, parsed as the product parses it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bridge.lab.apphost import parse_apphost
from bridge.lab.machine import Machine
from bridge.lab.ntfs import Filesystem
from bridge.lab.scenario import Scenario
from bridge.lab.simulator import SimulatedServer
from bridge.model import (
    Account,
    AuthorizationRule,
    ConnectAs,
    Impersonation,
    Inventory,
    SignIn,
    parse_inventory,
)
from bridge.scripts import Operation, script_text

_FOLDER = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)"
_DOMAIN = "S-1-5-21-1004336348-1177238915-682003330"
_MACHINE = "S-1-5-21-3623811015-3361044348-30300820"
_ACCOUNTS = {
    "CORP\\svc-files": f"{_DOMAIN}-1301",
    "CORP\\svc-app": f"{_DOMAIN}-1305",
    "CORP\\Sales": f"{_DOMAIN}-1402",
    "CORP\\Nobody-Knows": f"{_DOMAIN}-1777",
    "CORP\\WEB01$": f"{_DOMAIN}-1104",
    "WEB01\\svc-local": f"{_MACHINE}-1014",
}
_CONFIG = """<configuration>
<system.applicationHost>
  <applicationPools>
    <add name="App" enable32BitAppOnWin64="true" />
    <add name="Svc"><processModel identityType="SpecificUser" userName="CORP\\svc-app" /></add>
    <add name="Plain" />
    <applicationPoolDefaults enable32BitAppOnWin64="false" />
  </applicationPools>
  <sites>
    <site name="Web" id="1">
      <application path="/" applicationPool="App">
        <virtualDirectory path="/" physicalPath="D:\\Web" />
        <virtualDirectory path="/files" physicalPath="\\\\fs01\\files" userName="CORP\\svc-files"
            password="[enc:IISCngProvider:eA==:enc]" logonMethod="Network" />
        <virtualDirectory path="/local" physicalPath="D:\\Local" userName="WEB01\\svc-local" />
      </application>
      <application path="/shop" applicationPool="Svc">
        <virtualDirectory path="/" physicalPath="D:\\Web\\shop" />
      </application>
      <application path="/blog" applicationPool="Plain">
        <virtualDirectoryDefaults userName="CORP\\Nobody-Knows" logonMethod="interactive" />
        <virtualDirectory path="/" physicalPath="D:\\Web\\blog" />
      </application>
    </site>
  </sites>
</system.applicationHost>
<system.webServer><security>
  <authentication><windowsAuthentication enabled="false" /></authentication>
  <authorization><add accessType="Allow" users="*" /></authorization>
</security></system.webServer>
<location path="Web/shop" overrideMode="Allow"><system.webServer><security>
  <authentication><anonymousAuthentication enabled="false" /><windowsAuthentication enabled="true" />
    <basicAuthentication enabled="true" /></authentication>
  <authorization><add accessType="Deny" users="?" verbs="POST" /></authorization>
</security></system.webServer></location>
</configuration>"""


def _answer(
    config: str = _CONFIG, files: dict[str, str] | None = None, machine: Machine | None = None
) -> dict[str, Any]:
    paths: dict[str, object] = {
        folder: {"type": "directory", "sddl": _FOLDER}
        for folder in ("D:\\", "D:\\Web", "D:\\Web\\shop", "D:\\Web\\blog", "D:\\Local")
    }
    for path, content in (files or {}).items():
        paths[path] = {"type": "file", "sddl": _FOLDER, "content": content}
    if machine is None:
        machine = Machine(accounts=_ACCOUNTS, domain_sid=_DOMAIN, forest_root_sid=_DOMAIN)
    scenario = Scenario(parse_apphost(config), Filesystem.from_mapping({"paths": paths}), machine)
    answer: dict[str, Any] = json.loads(
        SimulatedServer(scenario).execute(script_text(Operation.INVENTORY), {})
    )
    return answer


def _inventory(**given: Any) -> Inventory:
    return parse_inventory(_answer(**given))


def test_connect_as_parses_with_user_sid_logon_method_and_only_whether_a_password_is_set() -> None:
    answer = _answer()
    root = answer["sites"][0]["applications"][0]
    files = root["virtualDirectories"][1]
    assert files["passwordSet"] is True and "IISCngProvider" not in json.dumps(answer)
    directories = _inventory().sites[0].applications[0].virtual_directories
    assert directories[0].connect_as is None  # pass-through
    assert directories[1].connect_as == ConnectAs(
        Account("CORP\\svc-files", _ACCOUNTS["CORP\\svc-files"]), logon_method="Network", password_set=True
    )
    assert directories[2].connect_as == ConnectAs(
        Account("WEB01\\svc-local", _ACCOUNTS["WEB01\\svc-local"]),
        logon_method="ClearText",
        password_set=False,
    )


def test_connect_as_comes_from_virtual_directory_defaults_and_logon_method_is_named_as_the_schema_does() -> (
    None
):
    blog = _inventory().sites[0].applications[2]
    connect_as = blog.virtual_directories[0].connect_as
    assert connect_as is not None
    assert connect_as.account == Account("CORP\\Nobody-Knows", _ACCOUNTS["CORP\\Nobody-Knows"])
    assert connect_as.logon_method == "Interactive"


def test_enums_print_as_numbers_on_a_server_that_answers_numbers() -> None:
    machine = Machine(accounts=_ACCOUNTS, enums_as_numbers=True)
    answer = _answer(machine=machine)
    root, shop = answer["sites"][0]["applications"][:2]
    assert [d["logonMethod"] for d in root["virtualDirectories"]] == [3, 2, 3]
    assert [rule["accessType"] for rule in shop["authorization"]] == [0, 1]
    inventory = parse_inventory(answer)
    connect_as = inventory.sites[0].applications[0].virtual_directories[1].connect_as
    assert connect_as is not None and connect_as.logon_method == "Network"
    authorization = inventory.sites[0].applications[1].authorization
    assert authorization is not None and [rule.access for rule in authorization] == ["Allow", "Deny"]


def test_sign_in_methods_and_32_bit_pools() -> None:
    inventory = _inventory()
    root, shop, _ = inventory.sites[0].applications
    assert root.sign_in == SignIn() and not root.sign_in.any
    assert shop.sign_in == SignIn(windows=True, basic=True, digest=False) and not shop.anonymous.enabled
    assert {pool.name: pool.enable_32bit for pool in inventory.app_pools} == {
        "App": True,
        "Svc": False,
        "Plain": False,
    }


def test_authorization_rules_merge_along_the_path_and_resolve_their_accounts() -> None:
    everyone = AuthorizationRule("Allow", ("*",), (), "", ())
    shop_rule = AuthorizationRule("Deny", ("?",), (), "POST", ())
    rules = {
        app.path: app.authorization
        for app in _inventory(
            files={
                "D:\\Web\\shop\\web.config": """<configuration><system.webServer><security><authorization>
                    <add accessType="Allow" roles="CORP\\Sales, CORP\\Unknown" users="WEB01\\svc-local" />
                    </authorization></security></system.webServer></configuration>""",
            }
        )
        .sites[0]
        .applications
    }
    assert rules["/"] == (everyone,)
    assert rules["/shop"] == (
        everyone,
        shop_rule,
        AuthorizationRule(
            "Allow",
            ("WEB01\\svc-local",),
            ("CORP\\Sales", "CORP\\Unknown"),
            "",
            (
                Account("WEB01\\svc-local", _ACCOUNTS["WEB01\\svc-local"]),
                Account("CORP\\Sales", _ACCOUNTS["CORP\\Sales"]),
                Account("CORP\\Unknown", None),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("web_config", "expected"),
    [
        ('<remove users="*" roles="" verbs="" />', ["Deny ? POST"]),
        (
            '<remove users="?" verbs="post" /><add accessType="Allow" roles="CORP\\Sales" />',
            ["Allow * ", "Allow  "],
        ),
        ('<clear /><add accessType="Allow" roles="CORP\\Sales" />', ["Allow  "]),
    ],
)
def test_remove_and_clear_act_on_the_inherited_rules(web_config: str, expected: list[str]) -> None:
    files = {
        "D:\\Web\\shop\\web.config": "<configuration><system.webServer><security><authorization>"
        f"{web_config}</authorization></security></system.webServer></configuration>"
    }
    shop = _answer(files=files)["sites"][0]["applications"][1]
    assert [f"{r['accessType']} {r['users']} {r['verbs']}" for r in shop["authorization"]] == expected


def test_a_file_without_the_authorization_section_is_read_as_the_shipped_one() -> None:
    config = """<configuration><system.applicationHost><sites><site name="Bare" id="1">
      <application path="/"><virtualDirectory path="/" physicalPath="D:\\Web" /></application>
      </site></sites></system.applicationHost></configuration>"""
    app = _inventory(config=config).sites[0].applications[0]
    assert app.authorization == (AuthorizationRule("Allow", ("*",), (), "", ()),)
    assert app.impersonation == Impersonation(False) and app.sign_in == SignIn()


def test_asp_net_impersonation_from_web_config_with_and_without_a_named_user() -> None:
    named = """<configuration><system.web>
      <identity impersonate="true" userName="WEB01\\svc-local" password="secret-never-printed" />
      </system.web></configuration>"""
    request_user = '<configuration><system.web><identity impersonate="true" /></system.web></configuration>'
    answer = _answer(files={"D:\\Web\\web.config": named, "D:\\Web\\blog\\web.config": request_user})
    assert "secret-never-printed" not in json.dumps(answer)
    root, shop, blog = parse_inventory(answer).sites[0].applications
    expected = Impersonation(True, Account("WEB01\\svc-local", _ACCOUNTS["WEB01\\svc-local"]))
    assert root.impersonation == expected and shop.impersonation == expected
    # The blog's own web.config sets impersonate again but keeps the inherited userName.
    assert blog.impersonation == expected
    answer = _answer(files={"D:\\Web\\blog\\web.config": request_user})
    assert parse_inventory(answer).sites[0].applications[2].impersonation == Impersonation(True, None)


def test_a_locked_authentication_section_in_web_config_is_a_config_error_with_apphost_values() -> None:
    # windowsAuthentication ships with overrideModeDefault="Deny"; only Web/shop is unlocked.
    locked = """<configuration><system.webServer><security><authentication>
      <windowsAuthentication enabled="true" /></authentication>
      <authorization><clear /></authorization></security></system.webServer></configuration>"""
    inventory = _inventory(files={"D:\\Web\\blog\\web.config": locked, "D:\\Web\\shop\\web.config": locked})
    root, shop, blog = inventory.sites[0].applications
    assert blog.config_error is not None and "locked at a parent level" in blog.config_error
    assert "D:\\Web\\blog\\web.config" in blog.config_error
    assert blog.sign_in == SignIn() and blog.authorization == root.authorization
    assert shop.config_error is None and shop.sign_in.windows and shop.authorization == ()


def test_memberships_of_pool_connect_as_and_impersonated_users() -> None:
    machine = Machine(
        accounts=_ACCOUNTS,
        domain_sid=_DOMAIN,
        memberships={_ACCOUNTS["CORP\\svc-app"]: (_ACCOUNTS["CORP\\Sales"], f"{_DOMAIN}-513")},
        local_groups={
            "S-1-5-32-545": (_ACCOUNTS["WEB01\\svc-local"], f"{_DOMAIN}-513"),
            "S-1-5-32-568": (_ACCOUNTS["CORP\\svc-files"],),
        },
    )
    answer = _answer(machine=machine)
    order = [entry["sid"] for entry in answer["memberships"]]
    # Each once, as the script meets them: pools, then each application's impersonated and Connect-as users.
    assert order == [
        _ACCOUNTS["CORP\\svc-app"],
        _ACCOUNTS["CORP\\svc-files"],
        _ACCOUNTS["WEB01\\svc-local"],
        _ACCOUNTS["CORP\\Nobody-Knows"],
    ]
    memberships = parse_inventory(answer).memberships
    app = memberships[_ACCOUNTS["CORP\\svc-app"]]
    # Explicit domain groups, then the local groups that store the account or one of its groups.
    assert app.groups == (_ACCOUNTS["CORP\\Sales"], f"{_DOMAIN}-513", "S-1-5-32-545") and app.complete
    assert memberships[_ACCOUNTS["CORP\\svc-files"]].groups == ("S-1-5-32-568",)
    assert memberships[_ACCOUNTS["WEB01\\svc-local"]].groups == ("S-1-5-32-545",)
    unknown = memberships[_ACCOUNTS["CORP\\Nobody-Knows"]]
    assert unknown.groups == () and not unknown.complete
    assert unknown.error is not None and "no logon servers" in unknown.error


def test_the_computer_account_is_named_only_on_a_domain_joined_server() -> None:
    joined = Machine(
        accounts=_ACCOUNTS, domain_sid=_DOMAIN, computer_account=("CORP\\WEB01$", _ACCOUNTS["CORP\\WEB01$"])
    )
    assert _inventory(machine=joined).server.computer_account == Account(
        "CORP\\WEB01$", _ACCOUNTS["CORP\\WEB01$"]
    )
    assert _answer()["server"]["computerAccount"] is None
    workgroup = Machine(accounts=_ACCOUNTS, computer_account=("CORP\\WEB01$", _ACCOUNTS["CORP\\WEB01$"]))
    assert _inventory(machine=workgroup).server.computer_account is None
