"""``export ansible`` and ``export powershell`` against lab hosts: what they hold, that Ansible and a
PowerShell parser accept them, and that making their changes through the product's grant script fixes
what the check found."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tree_sitter
import tree_sitter_powershell
import yaml

from bridge import export_powershell, operations
from bridge.connection import connection_settings
from bridge.demo import DemoHost
from bridge.exports import host_fixes
from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation, script_text
from bridge.session import HostSession
from tests.e2e.lab import PASSWORD, USER, Result, run_cli
from tests.e2e.scenarios import HOSTILE_PATH, LOCKED, write_scenario

COMMON = ["--transport", "http", "--auth", "ntlm", "--user", USER]
# Ansible would template a task value holding {{ }}: the export must keep it a folder name.
JINJA_PATH = "D:\\Sites\\{{ lookup('pipe', 'id') }} \u2019q\u2019 #> $x"
DENIED = "O:BAG:SYD:PAI(D;OICI;FA;;;BU)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))
BIN = Path(sys.executable).parent
WIN_ACL = "ansible.windows.win_acl"


def _export_scenario(folder: Path) -> Path:
    """The e2e scenario (Shop/private and Hostile miss access) plus a folder whose name Ansible would
    template, a share, a folder a deny entry blocks and a drive root no grant may touch."""
    write_scenario(folder)
    config = ET.parse(folder / "applicationHost.config")  # noqa: S314 - written just above by the test
    sites = config.getroot().find("system.applicationHost/sites")
    assert sites is not None
    shop = sites.find("site[@name='Shop']/application[@path='/']")
    assert shop is not None
    ET.SubElement(shop, "virtualDirectory", path="/media", physicalPath="\\\\fs01\\media")
    listing = json.loads((folder / "filesystem.json").read_text(encoding="utf-8"))
    for site_id, (name, path, sddl) in enumerate(
        [("Jinja", JINJA_PATH, LOCKED), ("Denied", "D:\\Sites\\Denied", DENIED), ("Rooted", "E:\\", LOCKED)],
        start=20,
    ):
        site = ET.SubElement(sites, "site", name=name, id=str(site_id))
        application = ET.SubElement(site, "application", path="/", applicationPool="DefaultAppPool")
        ET.SubElement(application, "virtualDirectory", path="/", physicalPath=path)
        listing["paths"][path] = {"type": "directory", "sddl": sddl}
    config.write(folder / "applicationHost.config", encoding="utf-8", xml_declaration=True)
    (folder / "filesystem.json").write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")
    return folder


@dataclass
class Lab:
    hosts: list[LabHost]
    inventory: Path
    data: Path

    def cli(self, *arguments: str) -> Result:
        return run_cli(["--inventory", str(self.inventory), *COMMON, *arguments], self.data)

    def session(self, index: int = 0) -> HostSession:
        settings = connection_settings(
            "127.0.0.1", port=self.hosts[index].port, scheme="http", auth="ntlm", user=USER, password=PASSWORD
        )
        return HostSession(PsrpTransport(settings))


def _inventory(path: Path, ports: list[int]) -> Path:
    lines = ["[web]"]
    lines += [
        f"web{number} ansible_host=127.0.0.1 ansible_port={port}" for number, port in enumerate(ports, 1)
    ]
    lines += [
        "",
        "[web:vars]",
        "ansible_connection=psrp",
        "ansible_psrp_protocol=http",
        "ansible_psrp_auth=ntlm",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    scenario = _export_scenario(tmp_path / "scenario")
    with ExitStack() as stack:
        hosts = [
            stack.enter_context(
                LabHost(SimulatedServer.from_scenario(scenario), user=USER, password=PASSWORD, auth=("ntlm",))
            )
            for _ in range(2)
        ]
        yield Lab(hosts, _inventory(tmp_path / "hosts.ini", [host.port for host in hosts]), tmp_path / "data")


class _Loader(yaml.SafeLoader):
    pass


# The tag only tells Ansible not to template: for reading the playbook here, a string is a string.
_Loader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


def _playbook(text: str) -> list[dict[str, Any]]:
    plays: list[dict[str, Any]] = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    return plays


def _missing(lab: Lab, limit: str = "web1") -> list[dict[str, Any]]:
    """The requirements ``check --all`` finds missing on one host, each with its target."""
    result = lab.cli("--limit", limit, "check", "--all", "--json")
    (host,) = result.json()["hosts"]
    return [
        {"target": entry["target"], **requirement}
        for entry in host["result"]
        for requirement in entry["requirements"]
        if not requirement["ok"]
    ]


def _fixable(missing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        requirement
        for requirement in missing
        if not requirement["blockedByDeny"]
        and not requirement["onFileServer"]
        and requirement["path"] != "E:\\"
    ]


def test_playbook_has_one_task_per_change_in_a_play_per_inventory_host(lab: Lab, tmp_path: Path) -> None:
    output = tmp_path / "fixes.yml"
    down = tmp_path / "with-down.ini"
    down.write_text(
        lab.inventory.read_text() + "[down]\nweb9 ansible_host=127.0.0.1 ansible_port=1\n", encoding="utf-8"
    )
    result = run_cli(
        ["--inventory", str(down), *COMMON, "export", "ansible", "--all", "-o", str(output)], lab.data
    )
    # 4: web9 cannot be reached; the others are exported all the same.
    assert result.code == 4, result.stderr
    assert result.stdout == ""
    text = output.read_text(encoding="utf-8")
    plays = _playbook(text)
    assert [play["hosts"] for play in plays] == ["web1", "web2"]
    missing = _missing(lab)
    expected = {(requirement["path"], requirement["sid"]) for requirement in _fixable(missing)}
    for play in plays:
        assert play["gather_facts"] is False
        tasks = play["tasks"]
        assert {(task[WIN_ACL]["path"], task[WIN_ACL]["user"]) for task in tasks} == expected
        assert len(tasks) == len(expected)
        for task in tasks:
            assert task[WIN_ACL] | {"path": "", "user": ""} == {
                "path": "",
                "user": "",
                "rights": "ReadAndExecute",
                "type": "allow",
                "inherit": "ContainerInherit, ObjectInherit",
                "propagation": "None",
                "state": "present",
            }
    names = [task["name"] for task in plays[0]["tasks"]]
    assert "IIS AppPool\\ShopPool: Read & execute on D:\\Sites\\Shop\\private — fixes 500.19" in names
    assert "NT AUTHORITY\\IUSR: Read & execute on D:\\Sites\\Shop\\private — fixes 401.3" in names
    # Refused, blocked and share findings are comments, never tasks, and so is the host not reached.
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Shop/media (share): \\\\fs01\\media is a network share" in line for line in comments)
    assert any(line.startswith("#   Denied (blocked):") and "deny entry" in line for line in comments)
    assert any(line.startswith("#   Rooted (refused): E:\\ is the root of a drive") for line in comments)
    assert any(line.startswith("# web9: not in this playbook, it could not be checked:") for line in comments)
    # The hostile folder's line break stays inside its value: no comment or task line starts with it.
    assert not any(line.startswith("\u00dcmlaut") for line in text.splitlines())

    check = subprocess.run(
        [str(BIN / "ansible-playbook"), "-i", str(down), "--syntax-check", str(output)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def _win_acl_spec() -> tuple[dict[str, Any], str]:
    """win_acl's documented options and its PowerShell, from the installed ansible.windows collection."""
    found = importlib.util.find_spec(
        f"ansible_collections.{WIN_ACL.replace('.win_acl', '.plugins.modules.win_acl')}"
    )
    assert found is not None and found.origin is not None, "the ansible extra installs ansible.windows"
    module = Path(found.origin)
    tree = ast.parse(module.read_text(encoding="utf-8"))
    documentation = next(
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(target, ast.Name) and target.id == "DOCUMENTATION" for target in node.targets)
        and isinstance(node.value, ast.Constant)
    )
    options: dict[str, Any] = yaml.safe_load(documentation)["options"]
    return options, module.with_suffix(".ps1").read_text(encoding="utf-8")


def test_every_task_option_is_one_win_acl_documents_and_accepts(lab: Lab) -> None:
    plays = _playbook(lab.cli("--limit", "web1", "export", "ansible", "--all").stdout)
    options, powershell = _win_acl_spec()
    # What the module's PowerShell itself accepts: Get-AnsibleParam's -validateset per option.
    accepted = {
        name: re.findall(r'"([^"]+)"', choices)
        for name, choices in re.findall(r'(?m)-name "(\w+)".*?-validateset (.*)$', powershell)
    }
    assert set(accepted) == {"type", "state", "propagation"}
    tasks = plays[0]["tasks"]
    assert tasks
    for task in tasks:
        arguments = task[WIN_ACL]
        assert set(arguments) <= set(options)
        assert {name for name, option in options.items() if option.get("required")} <= set(arguments)
        for name, value in arguments.items():
            option = options[name]
            assert option["type"] == "str" and isinstance(value, str), name
            # inherit is documented as a comma-separated list of its choices.
            values = [part.strip() for part in value.split(",")] if name == "inherit" else [value]
            for part in values:
                assert part in option.get("choices", [part]), (name, part)
                assert part in accepted.get(name, [part]), (name, part)


def test_ansible_passes_every_value_through_untemplated(lab: Lab, tmp_path: Path) -> None:
    """The playbook run by ansible-playbook on this machine, win_acl swapped for set_fact (which takes
    any option): what Ansible would hand win_acl is exactly the folder's name, {{ }} included."""
    text = lab.cli("--limit", "web1", "export", "ansible", "--all").stdout
    playbook = tmp_path / "facts.yml"
    playbook.write_text(text.replace(f"{WIN_ACL}:", "ansible.builtin.set_fact:"), encoding="utf-8")
    inventory = tmp_path / "local.ini"
    inventory.write_text("web1 ansible_connection=local\n", encoding="utf-8")
    run = subprocess.run(
        [str(BIN / "ansible-playbook"), "-i", str(inventory), str(playbook)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, ANSIBLE_STDOUT_CALLBACK="json", ANSIBLE_NOCOLOR="1"),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (play,) = json.loads(run.stdout)["plays"]
    tasks = _playbook(text)[0]["tasks"]
    assert [task["task"]["name"] for task in play["tasks"]] == [task["name"] for task in tasks]
    facts = [task["hosts"]["web1"]["ansible_facts"] for task in play["tasks"]]
    assert facts == [task[WIN_ACL] for task in tasks]
    assert JINJA_PATH in [fact["path"] for fact in facts]


def _grant(
    session: HostSession, path: str, sid: str, rights: str, expected: str | None = None
) -> dict[str, Any]:
    """One change made the way the product makes it: its grant script, guarded by the ACL just read."""
    if expected is None:
        expected = operations.folder_access(session, path).sddl
    answer: dict[str, Any] = session.run(
        Operation.GRANT, {"Path": path, "Sid": sid, "Rights": rights, "ExpectedSddl": expected}
    )
    return answer


def test_the_playbook_applied_fixes_what_the_check_found_and_twice_changes_nothing(lab: Lab) -> None:
    missing = _missing(lab)
    tasks = _playbook(lab.cli("--limit", "web1", "export", "ansible", "--all").stdout)[0]["tasks"]
    with lab.session() as session:
        for task in tasks:
            arguments = task[WIN_ACL]
            assert (
                _grant(session, arguments["path"], arguments["user"], arguments["rights"])["status"]
                == "changed"
            )
        acls = [operations.folder_access(session, task[WIN_ACL]["path"]).sddl for task in tasks]
        # win_acl's state: present adds nothing when the entry is there; the grant merges it into itself.
        for task in tasks:
            arguments = task[WIN_ACL]
            _grant(session, arguments["path"], arguments["user"], arguments["rights"])
        assert [operations.folder_access(session, task[WIN_ACL]["path"]).sddl for task in tasks] == acls
    still = {(requirement["target"], requirement["sid"]) for requirement in _missing(lab)}
    assert still == {(requirement["target"], requirement["sid"]) for requirement in missing} - {
        (requirement["target"], requirement["sid"]) for requirement in _fixable(missing)
    }
    again = _playbook(lab.cli("--limit", "web1", "export", "ansible", "--all").stdout)
    assert again[0]["tasks"] == []


def _leaves(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    if node.child_count == 0:
        yield node
    for child in node.children:
        yield from _leaves(child)


def _nodes(node: tree_sitter.Node, kind: str) -> Iterator[tree_sitter.Node]:
    if node.type == kind:
        yield node
    for child in node.children:
        yield from _nodes(child, kind)


_QUOTES = "'\u2018\u2019\u201a\u201b"


def _verbatim(node: tree_sitter.Node) -> str:
    """A single-quoted string literal's value, as PowerShell reads it."""
    text = (node.text or b"").decode("utf-8")
    assert text[0] in _QUOTES and text[-1] in _QUOTES, text
    return re.sub(f"([{_QUOTES}])[{_QUOTES}]", r"\1", text[1:-1])


@dataclass
class DataBlock:
    values: list[str]
    entries: list[dict[str, Any]]


def _data_block(script: str) -> DataBlock:
    """The DATA section, proven to hold nothing but keys, punctuation, comments and single-quoted strings."""
    tree = PARSER.parse(script.encode("utf-8"))
    assert not tree.root_node.has_error
    heads = [node.type for node in tree.root_node.children]
    # Only the comment-based help stands before the data.
    assert heads[0] == "comment" and heads[1] == "statement_list", heads
    data = tree.root_node.children[1].children[0]
    assert data.type == "data_statement"
    assert len(list(_nodes(tree.root_node, "data_statement"))) == 1
    allowed = {"data", "{", "}", "@(", ")", "@{", "=", ",", "comment"}
    for leaf in _leaves(data):
        parents = []
        parent = leaf.parent
        while parent is not None and parent != data:
            parents.append(parent.type)
            parent = parent.parent
        if "string_literal" in parents:
            assert leaf.type == "verbatim_string_characters", leaf.type
        elif leaf.type == "simple_name":
            assert parents[0] in ("key_expression", "data_name"), parents
        else:
            assert leaf.type in allowed, (leaf.type, leaf.text)
    values = [_verbatim(node) for node in _nodes(data, "string_literal")]
    hashes = [_hash(node) for node in _nodes(data, "hash_literal_expression")]
    return DataBlock(values, [entries for entries in hashes if "ExpectedSddl" in entries])


def _hash(node: tree_sitter.Node) -> dict[str, Any]:
    entries = {}
    for entry in _nodes(node, "hash_entry"):
        if entry.parent is not None and entry.parent.parent == node:
            key = (entry.children[0].text or b"").decode()
            literals = [_verbatim(literal) for literal in _nodes(entry, "string_literal")]
            entries[key] = literals if key in ("Done", "Changes", "Notes") else literals[0]
    return entries


def test_the_script_is_constant_code_around_a_block_of_string_literals(lab: Lab, tmp_path: Path) -> None:
    output = tmp_path / "fixes.ps1"
    result = lab.cli("export", "powershell", "--all", "-o", str(output))
    assert result.code == 0, result.stderr
    raw = output.read_bytes()
    # Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page.
    assert raw.startswith(b"\xef\xbb\xbf")
    script = raw.decode("utf-8-sig")
    before, after = export_powershell.constant_code()
    assert script.startswith(before) and script.endswith(after)
    # The product's own grant, unchanged, is the code that makes each change.
    assert script_text(Operation.GRANT) in after
    block = _data_block(script)
    missing = _missing(lab)
    for requirement in _fixable(missing):
        assert requirement["path"] in block.values and requirement["sid"] in block.values
    assert JINJA_PATH in block.values and HOSTILE_PATH in block.values
    assert len(block.entries) == 2 * len({(r["path"], r["sid"]) for r in _fixable(missing)})
    assert all(
        entry["Path"] not in ("E:\\", "D:\\Sites\\Denied", "\\\\fs01\\media") for entry in block.entries
    )
    notes = [
        value
        for value in block.values
        if " (share): " in value or " (blocked): " in value or " (refused): " in value
    ]
    # Per host: the share, the deny entry for each of the two accounts, the drive root once.
    assert len(notes) == 2 * 4


def test_the_scripts_data_made_through_the_grant_fixes_what_the_check_found(lab: Lab) -> None:
    """The lab runs only the shipped scripts, so the script's loop is not run here: each change of its
    DATA block is made by the grant script it includes, with the parameters the loop passes."""
    missing = _missing(lab)
    script = lab.cli("--limit", "web1", "export", "powershell", "--all").stdout
    block = _data_block(script)
    (computer,) = {value for value in block.values if value == "WEB01"} or {None}
    assert computer is not None, "each server finds its changes by the computer name it reported"
    with lab.session() as session:
        for entry in block.entries:
            answer = _grant(session, entry["Path"], entry["Sid"], entry["Rights"], entry["ExpectedSddl"])
            assert answer["status"] == "changed"
            # What the loop compares to tell a second run that the change is done.
            assert answer["after"] == entry["Done"][0]
        # A second run: the loop finds every folder with an ACL its change lists as done, and were it
        # to send the grant all the same, the grant's guard would refuse the ACL as changed since.
        for entry in block.entries:
            current = operations.folder_access(session, entry["Path"]).sddl
            assert current in entry["Done"]
            answer = _grant(session, entry["Path"], entry["Sid"], entry["Rights"], entry["ExpectedSddl"])
            assert answer["status"] == "stale" and answer["before"] == current
    still = {(requirement["target"], requirement["sid"]) for requirement in _missing(lab)}
    fixed = {(requirement["target"], requirement["sid"]) for requirement in _fixable(missing)}
    assert fixed and not (still & fixed)
    assert _data_block(lab.cli("--limit", "web1", "export", "powershell", "--all").stdout).entries == []


def test_export_needs_targets_or_all_and_writes_no_json(lab: Lab) -> None:
    assert lab.cli("export", "ansible").code == 2
    assert lab.cli("export", "ansible", "Shop", "--all").code == 2
    refused = lab.cli("--json", "export", "powershell", "--all")
    assert refused.code == 2
    assert refused.json()["error"]["kind"] == "UsageFailure"
    one = _playbook(lab.cli("--limit", "web1", "export", "ansible", "Shop/private").stdout)
    assert [task[WIN_ACL]["path"] for task in one[0]["tasks"]] == ["D:\\Sites\\Shop\\private"] * 2


def test_a_folder_that_inherits_is_fixed_by_its_parents_change() -> None:
    """The demo's Partner API misses Read for its pool, and so does its application v2, whose folder
    inherits from the site's: one change on the site's folder fixes both."""
    with DemoHost() as settings, HostSession(PsrpTransport(settings)) as session:
        inventory, checked = operations.checked_targets(session)
        fixes = host_fixes("web01", inventory, checked)
        partner = [change for change in fixes.changes if "PartnerApi" in change.plan.path]
        assert [(change.plan.path, change.targets) for change in partner] == [
            ("D:\\Sites\\PartnerApi", ("Partner API", "Partner API/v2"))
        ]
        for change in fixes.changes:
            answer = _grant(
                session, change.plan.path, change.plan.sid, change.plan.rights, change.expected_before
            )
            assert (answer["status"], answer["after"]) == ("changed", change.done[0])
        results = {str(result.target): result for result in operations.check_all(session)}
    assert all(requirement.ok for requirement in results["Partner API/v2"].requirements)
    assert all(
        requirement.ok
        for target in fixes.changes
        for name in target.targets
        for requirement in results[name].requirements
    )
