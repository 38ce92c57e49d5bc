"""The README's demo sequence, run as written (each line its own process), and hosts told apart by
their labels: two lab hosts on 127.0.0.1, the demo and a lab host."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer, demo_scenario_path
from tests.e2e.lab import PASSWORD, SOURCE_ROOT, USER, Result, answer_at_terminal, connection_options, run_cli

README = SOURCE_ROOT / "README.md"
# The change id the README shows; the test puts in the one the grant made.
README_CHANGE_ID = "3f9c2a1b"
BAKERY = "O'Brien Bakery"


def _readme_sequence() -> list[list[str]]:
    """The commands of the README's "On the demo lab" block, without the program name."""
    text = README.read_text(encoding="utf-8")
    section = text.split("#### On the demo lab", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the README's demo sequence is missing"
    commands = [shlex.split(line, comments=True) for line in block.group(1).splitlines() if line.strip()]
    assert all(command[0] == "iis-access" for command in commands)
    return [command[1:] for command in commands]


def _run(command: list[str], data_dir: Path, change_id: str | None) -> Result:
    arguments = [change_id if word == README_CHANGE_ID and change_id else word for word in command]
    if arguments[0] in ("grant", "undo") and "--yes" not in arguments:
        # As an admin at a terminal would: the prompt answered with y.
        return answer_at_terminal(arguments, data_dir, "y")
    return run_cli(arguments, data_dir)


def test_the_readme_demo_sequence_works_as_shown(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    sequence = _readme_sequence()
    assert [command[0] for command in sequence] == [
        "check", "grant", "check", "history", "undo", "check", "lab",
    ]  # fmt: skip
    results: list[Result] = []
    change_id: str | None = None
    for command in sequence:
        result = _run(command, data_dir, change_id)
        results.append(result)
        found = re.search(r"Done: change ([0-9a-f]{8})", result.stdout)
        change_id = found.group(1) if found else change_id
    missing, granted, ok, history, undone, missing_again, reset = results

    assert missing.code == 1 and "missing" in missing.stdout.splitlines()[0], missing.stderr
    assert "this is the built-in demo lab" in missing.stderr, "the first command says it is the demo"
    assert "demo-lab.json" in missing.stderr
    assert granted.code == 0 and change_id is not None, granted.stderr
    assert "Proceed? [y/N]" in granted.stderr and "Host:      Demo lab" in granted.stderr
    assert all("demo lab" not in result.stderr for result in results[1:6]), "said once, not every time"
    assert ok.code == 0 and ok.stdout.splitlines()[0].endswith(": ok"), "the demo kept the grant"
    assert history.code == 0
    heading, line = history.stdout.splitlines()
    assert heading.split() == ["Change", "Time", "Host", "Kind", "Status", "Folder"]
    assert line.startswith(change_id) and "  Demo lab  " in line and "  changed  " in line
    assert undone.code == 0 and "Restored the ACL" in undone.stdout, undone.stderr
    assert missing_again.code == 1, "the undo was kept too"
    assert reset.code == 0 and "back as shipped" in reset.stdout
    assert not (data_dir / "demo-lab.json").exists()
    after = run_cli(["history"], data_dir)
    assert "  undone  " in after.stdout, "a reset forgets the demo's state, not the history"


def test_a_grant_made_after_a_reset_starts_from_the_shipped_demo(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run_cli(["grant", "iusr-read", BAKERY, "--yes"], data_dir).code == 0
    assert run_cli(["lab", "--reset-demo"], data_dir).code == 0
    again = run_cli(["check", BAKERY], data_dir)
    assert again.code == 1 and "this is the built-in demo lab" in again.stderr, "said again after a reset"


def test_two_lab_hosts_on_one_address_and_the_demo_are_never_confused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    scenario = demo_scenario_path()
    with (
        LabHost(SimulatedServer.from_scenario(scenario), user=USER, password=PASSWORD) as first,
        LabHost(SimulatedServer.from_scenario(scenario), user=USER, password=PASSWORD) as second,
    ):
        on_first, on_second = connection_options(first, "ntlm"), connection_options(second, "ntlm")
        made = run_cli([*on_first, "--json", "grant", "iusr-read", BAKERY, "--yes"], data_dir)
        assert made.code == 0, made.stderr
        change_id = made.json()["changeId"]
        assert made.json()["plan"]["host"] == f"127.0.0.1:{first.port}"
        record = run_cli(["history", "--json"], data_dir).json()[0]
        assert (record["host"], record["hostLabel"]) == ("127.0.0.1", f"127.0.0.1:{first.port}")

        elsewhere = run_cli([*on_second, "undo", change_id, "--yes"], data_dir)
        assert elsewhere.code == 3, elsewhere.stderr
        assert f"was made on 127.0.0.1:{first.port}, not 127.0.0.1:{second.port}" in elsewhere.stderr
        on_demo = run_cli(["undo", change_id, "--yes"], data_dir)
        assert on_demo.code == 3 and "not Demo lab" in on_demo.stderr

        assert run_cli([*on_first, "undo", change_id, "--yes"], data_dir).code == 0
        label = f"127.0.0.1:{first.port}"
    assert f"  {label}  " in run_cli(["history"], data_dir).stdout
