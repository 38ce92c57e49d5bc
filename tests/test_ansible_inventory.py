"""The project's Ansible inventory reader against ansible-core's own InventoryManager as the oracle."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from bridge.ansible_inventory import InventoryError, read_inventory
from bridge.errors import UsageFailure
from bridge.fleet import hosts_from_inventory

INI = """\
# web and db servers
lonely.example.com ansible_port=5985

[web]
web[01:03].example.com ansible_user=deploy
shop.example.com:5990 shop_flag=True

[web:vars]
ansible_connection=psrp
ansible_psrp_protocol=https
team = web team

[db]
db[a:c] ansible_host=10.0.0.9
web02.example.com

[windows:children]
web
db

[windows:vars]
ansible_psrp_auth=ntlm
ansible_psrp_cert_validation=ignore
team=windows

[linux]
box[1:7:3] ansible_connection=ssh
"""

YAML = """\
all:
  vars:
    ansible_psrp_protocol: http
  hosts:
    solo:
      ansible_host: 192.0.2.1
  children:
    windows:
      vars:
        ansible_connection: winrm
        ansible_winrm_transport: ntlm
      children:
        web:
          hosts:
            web[1:3]:
              ansible_port: 5986
            edge:5999:
          vars:
            ansible_winrm_scheme: https
        db:
          hosts:
            db1:
            web2:
              ansible_user: dbadmin
    linux:
      hosts:
        box1:
"""

PATTERNS = [
    None,
    "all",
    "*",
    "web",
    "db",
    "windows",
    "ungrouped",
    "linux",
    "web:db",
    "web,db",
    "windows:!db",
    "windows:&db",
    "web*",
    "*.example.com",
    "db?",
    "web:&windows:!web02.example.com",
    "!linux",
    "&web",
    "shop.example.com",
    "web2:solo",
    "nothing-by-that-name",
]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _oracle(path: Path, patterns: list[str]) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "tests.ansible_oracle", str(path), *patterns],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
        env={
            "ANSIBLE_LOCAL_TEMP": str(path.parent / ".ansible"),
            "HOME": str(path.parent),
            "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true",
        },
    )
    answer: dict[str, Any] = json.loads(completed.stdout)
    return answer


def _same_as_ansible(path: Path, patterns: list[str | None], keys: set[str]) -> None:
    ours = read_inventory(path)
    theirs = _oracle(path, [pattern or "all" for pattern in patterns])
    # Ansible orders a group's descendants through a set beyond its direct children, so only the
    # members are compared; ours keep the file's order.
    assert sorted(ours.hosts) == sorted(theirs["hosts"])
    for pattern in patterns:
        assert sorted(ours.select(pattern)) == sorted(theirs["patterns"][pattern or "all"]), pattern
    for host in theirs["hosts"]:
        expected = {key: value for key, value in theirs["vars"][host].items() if key in keys}
        mine = {key: value for key, value in ours.variables(host).items() if key in keys}
        assert json.loads(json.dumps(mine, default=str)) == expected, host
        assert sorted(ours.groups_of(host)) == theirs["groups"][host], host


_KEYS = {
    "ansible_port",
    "ansible_user",
    "ansible_host",
    "ansible_connection",
    "ansible_psrp_protocol",
    "ansible_psrp_auth",
    "ansible_psrp_cert_validation",
    "ansible_winrm_transport",
    "ansible_winrm_scheme",
    "team",
    "shop_flag",
    "from_file",
    "from_folder",
}


def test_ini_inventory_matches_ansible(tmp_path: Path) -> None:
    _same_as_ansible(_write(tmp_path, "hosts.ini", INI), PATTERNS, _KEYS)


def test_yaml_inventory_matches_ansible(tmp_path: Path) -> None:
    _same_as_ansible(_write(tmp_path, "hosts.yml", YAML), PATTERNS, _KEYS)


def test_group_vars_and_host_vars_beside_the_file_override_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "inventory", INI)
    _write(tmp_path, "group_vars/all.yml", "from_file: all\nteam: everyone\n")
    _write(tmp_path, "group_vars/web.yaml", "from_file: web\n")
    _write(
        tmp_path, "group_vars/windows/connection.yml", "from_folder: windows\nansible_psrp_auth: kerberos\n"
    )
    _write(tmp_path, "host_vars/web01.example.com", "ansible_user: override\nfrom_file: host\n")
    _write(tmp_path, "host_vars/dba.json", '{"ansible_port": 6000}')
    _same_as_ansible(path, [None, "web"], _KEYS)
    ours = read_inventory(path)
    assert ours.variables("web01.example.com")["ansible_user"] == "override"
    assert ours.variables("dba")["ansible_psrp_auth"] == "kerberos"


def test_vault_values_and_files_are_never_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "hosts.yml",
        """\
        windows:
          hosts:
            web1:
              ansible_password: !vault |
                $ANSIBLE_VAULT;1.1;AES256
                3132
              ansible_user: admin
        """,
    )
    _write(tmp_path, "group_vars/windows.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162\n")
    ours = read_inventory(path)
    assert ours.variables("web1") == {"ansible_user": "admin"}
    assert any("ansible_password is vault-encrypted" in note for note in ours.notes)
    assert any("windows.yml is vault-encrypted" in note for note in ours.notes)


def test_an_unreadable_inventory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InventoryError, match="Cannot read the Ansible inventory"):
        read_inventory(tmp_path / "missing.ini")
    bad = _write(tmp_path, "bad.ini", "[web:nonsense]\nhost\n")
    with pytest.raises(InventoryError, match="unknown section type"):
        read_inventory(bad)


def test_positional_subscripts_are_refused_rather_than_read_as_ranges(tmp_path: Path) -> None:
    ours = read_inventory(_write(tmp_path, "hosts.ini", INI))
    with pytest.raises(UsageFailure, match="picks hosts by position"):
        ours.select("windows:!web[1:2]")


def test_the_readme_inventory_example_reads_as_in_ansible_and_as_the_readme_says(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```ini\n# hosts.ini\n(.*?)```", readme, re.DOTALL)
    assert found is not None, "the README's inventory example is missing"
    path = _write(tmp_path, "hosts.ini", found.group(1))
    _same_as_ansible(path, ["windows:!db", "web01:web02", "windows"], _KEYS)

    inventory = read_inventory(path)
    hosts, notes = hosts_from_inventory(inventory, "windows:!db")
    assert [host.name for host in hosts] == [f"web{number:02}" for number in range(1, 11)]
    assert hosts[0].options == {"host": "10.0.0.11", "user": "CONTOSO\\admin", "auth": "negotiate"}
    assert notes == []
    _, notes = hosts_from_inventory(inventory, "windows")
    assert notes == ["db01: skipped, it is reached over ssh, not WinRM."]
