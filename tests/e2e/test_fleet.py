"""Several lab hosts in one CLI run: at the same time, one down, from an inventory, as CSV."""

from __future__ import annotations

import csv
import io
import itertools
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.scripts import Operation, operation_for_script
from tests.e2e.lab import PASSWORD, USER, run_cli
from tests.e2e.scenarios import HOSTILE_SITE, write_scenario

COMMON = ["--transport", "http", "--auth", "ntlm", "--user", USER]


class MeetingServer:
    """A lab server whose inventory answers wait until every host in the run has been asked for one:
    a run that worked on the hosts one after another would never get past the first."""

    def __init__(self, server: SimulatedServer, meeting: threading.Barrier) -> None:
        self.server = server
        self.meeting = meeting

    def execute(self, script: str, parameters: Mapping[str, object]) -> str:
        if operation_for_script(script) is Operation.INVENTORY:
            self.meeting.wait()
        return self.server.execute(script, parameters)


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write_scenario(tmp_path / "scenario")


def _lab_hosts(
    stack: ExitStack, scenario: Path, count: int, meeting: threading.Barrier | None
) -> list[LabHost]:
    hosts = []
    for _ in range(count):
        server = SimulatedServer.from_scenario(scenario)
        backend = MeetingServer(server, meeting) if meeting is not None else server
        hosts.append(stack.enter_context(LabHost(backend, user=USER, password=PASSWORD, auth=("ntlm",))))
    return hosts


def _free_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def three(scenario: Path) -> Iterator[list[LabHost]]:
    with ExitStack() as stack:
        yield _lab_hosts(stack, scenario, 3, threading.Barrier(3, timeout=60))


def test_three_hosts_are_checked_at_the_same_time(three: list[LabHost], tmp_path: Path) -> None:
    options = [option for host in three for option in ("--host", f"127.0.0.1:{host.port}")]
    result = run_cli([*options, *COMMON, "check", "--all", "--json"], tmp_path / "data")
    # 1: the scenario's private application misses access on every host.
    assert result.code == 1, result.stderr
    document = result.json()
    assert [entry["port"] for entry in document["hosts"]] == [host.port for host in three]
    for entry in document["hosts"]:
        assert set(entry) == {"host", "port", "status", "error", "result"}
        assert (entry["host"], entry["status"], entry["error"]) == ("127.0.0.1", "ok", None)
        assert [item["target"] for item in entry["result"]] == ["Shop", "Shop/private", HOSTILE_SITE]
    # Every host's inventory request arrived before any host's path-access request: the three were
    # in flight at the same time (the barrier let none answer until all three had asked).
    inventories = [host.records[0]["time"] for host in three]
    path_access = [host.records[1]["time"] for host in three]
    assert [host.records[1]["operation"] for host in three] == [Operation.PATH_ACCESS.value] * 3
    assert max(inventories) < min(path_access)


def test_forks_bounds_the_hosts_in_flight(scenario: Path, tmp_path: Path) -> None:
    with ExitStack() as stack:
        hosts = _lab_hosts(stack, scenario, 3, None)
        options = [option for host in hosts for option in ("--host", f"127.0.0.1:{host.port}")]
        result = run_cli([*options, *COMMON, "--forks", "1", "pools", "--json"], tmp_path / "data")
        assert result.code == 0, result.stderr
        # One at a time: each host's work ended before the next host's began.
        spans = [(host.records[0]["time"], host.records[-1]["time"]) for host in hosts]
        assert all(earlier[1] < later[0] for earlier, later in itertools.pairwise(spans))


def test_one_host_down_is_reported_while_the_others_answer(three: list[LabHost], tmp_path: Path) -> None:
    down = _free_port()
    options = ["--host", f"127.0.0.1:{down}"]
    for host in three:
        options += ["--host", f"localhost:{host.port}" if host is three[2] else f"127.0.0.1:{host.port}"]
    result = run_cli([*options, *COMMON, "check", "--all", "--json"], tmp_path / "data")
    entries = result.json()["hosts"]
    assert result.code == 4, result.stderr
    assert entries[0]["status"] == "error"
    assert entries[0]["port"] == down
    assert entries[0]["error"]["exitCode"] == 4
    assert set(entries[0]["error"]) == {"kind", "message", "hint", "exitCode"}
    assert entries[0]["result"] is None
    assert [entry["status"] for entry in entries[1:]] == ["ok"] * 3
    assert entries[3]["host"] == "localhost"


def test_text_output_groups_by_host_with_a_summary(scenario: Path, tmp_path: Path) -> None:
    down = _free_port()
    with ExitStack() as stack:
        (host,) = _lab_hosts(stack, scenario, 1, None)
        port = host.port
        text = run_cli(
            ["--host", f"127.0.0.1:{down}", "--host", f"localhost:{host.port}", *COMMON, "pools"],
            tmp_path / "data",
        )
    assert text.code == 4, text.stderr
    down_section, up_section = text.stdout.split("\n\n")[:2]
    assert down_section.startswith(f"== 127.0.0.1:{down} ==\nNothing is listening for WinRM")
    assert up_section.startswith(f"== localhost:{port} ==\nDefaultAppPool")
    summary = text.stdout.split("Summary:\n")[1].splitlines()
    assert summary[0].startswith(f"  127.0.0.1:{down}  exit 4: Nothing is listening")
    assert summary[1:] == [f"  localhost:{port}  ok", "2 hosts: 1 ok, 1 not"]


def test_an_inventory_with_groups_and_a_limit(scenario: Path, tmp_path: Path) -> None:
    with ExitStack() as stack:
        web1, web2, db = _lab_hosts(stack, scenario, 3, None)
        inventory = tmp_path / "inventory" / "hosts.ini"
        inventory.parent.mkdir()
        inventory.write_text(
            "[web]\n"
            f"web1 ansible_host=127.0.0.1 ansible_port={web1.port}\n"
            f"web2 ansible_host=127.0.0.1 ansible_port={web2.port} ansible_password=not-read\n"
            "[db]\n"
            f"db1 ansible_host=127.0.0.1 ansible_port={db.port}\n"
            "[linux]\nbox ansible_connection=ssh\n"
            "[windows:children]\nweb\ndb\n"
            "[windows:vars]\nansible_connection=psrp\nansible_psrp_protocol=http\nansible_psrp_auth=ntlm\n",
            encoding="utf-8",
        )
        (inventory.parent / "group_vars").mkdir()
        (inventory.parent / "group_vars" / "windows.yml").write_text(
            f"ansible_user: {USER}\n", encoding="utf-8"
        )
        result = run_cli(
            ["--inventory", str(inventory), "--limit", "windows:!db", "sites", "--json"], tmp_path / "data"
        )
        assert result.code == 0, result.stderr
        entries = result.json()["hosts"]
        assert [(entry["host"], entry["port"]) for entry in entries] == [
            ("web1", web1.port),
            ("web2", web2.port),
        ]
        assert db.records == []
        assert "web2: the inventory's password is not used" in result.stderr

        everything = run_cli(["--inventory", str(inventory), "sites", "--json"], tmp_path / "data")
        assert [entry["host"] for entry in everything.json()["hosts"]] == ["web1", "web2", "db1"]
        assert "box: skipped, it is reached over ssh, not WinRM." in everything.stderr

        # Even one matching host keeps the fleet shape.
        one = run_cli(["--inventory", str(inventory), "--limit", "db1", "pools", "--json"], tmp_path / "data")
        assert [entry["host"] for entry in one.json()["hosts"]] == ["db1"]


def test_check_all_as_csv_for_several_hosts(scenario: Path, tmp_path: Path) -> None:
    with ExitStack() as stack:
        hosts = _lab_hosts(stack, scenario, 2, None)
        down = _free_port()
        options = [option for host in hosts for option in ("--host", f"127.0.0.1:{host.port}")]
        options += ["--host", f"127.0.0.1:{down}"]
        result = run_cli([*options, *COMMON, "check", "--all", "--format", "csv"], tmp_path / "data")
        assert result.code == 4, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert list(rows[0]) == ["host", "target", "path", "account", "sid", "needs", "has", "status", "fix"]
        first = [row for row in rows if row["host"] == f"127.0.0.1:{hosts[0].port}"]
        second = [row for row in rows if row["host"] == f"127.0.0.1:{hosts[1].port}"]
        assert [row["target"] for row in first] == [row["target"] for row in second]
        private_iusr = next(
            row for row in first if row["target"] == "Shop/private" and row["sid"] == "S-1-5-17"
        )
        assert (private_iusr["needs"], private_iusr["has"], private_iusr["status"]) == (
            "read",
            "none",
            "missing",
        )
        assert private_iusr["fix"] == 'iis-access grant iusr-read "Shop/private"'
        assert any(row["status"] == "ok" and row["fix"] == "" for row in first)
        assert rows[-1]["host"] == f"127.0.0.1:{down}"
        assert rows[-1]["status"] == "error"
