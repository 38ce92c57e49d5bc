"""The iis-access CLI as a subprocess against the lab host and the local stand-in."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from bridge.lab.standin import write_wrapper
from bridge.scripts import Operation, script_text
from tests.e2e.lab import (
    CLI_TIMEOUT,
    PASSWORD,
    USER,
    Gate,
    HookedServer,
    Result,
    answer_at_terminal,
    cli_environment,
    connection_options,
    run_cli,
)
from tests.e2e.scenarios import (
    HOSTILE_NAME,
    HOSTILE_PATH,
    HOSTILE_SITE,
    HOSTILE_SUBPATH,
    LOCKED,
    SHOP,
    write_scenario,
)

PRIVATE = SHOP + "\\private"
IUSR = "S-1-5-17"
WRONG = "not-the-password"
# A domain account outside every IIS token: granting it changes the ACL without satisfying anyone.
OTHER_USER = "S-1-5-21-1004336348-1177238915-682003330-1105"


@pytest.fixture
def backend(tmp_path: Path) -> HookedServer:
    return HookedServer(SimulatedServer.from_scenario(write_scenario(tmp_path / "scenario")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _dacl(backend: HookedServer, path: str) -> str:
    return str(backend.server.filesystem.access_sddl(path))


def _ok(result: Result, code: int = 0) -> Result:
    assert result.code == code, result.stderr
    return result


# `check` exits 1 when any requirement is missing or blocked, like `git diff --exit-code`.
MISSING = 1


@pytest.mark.parametrize(
    ("auth", "https"),
    [("basic", True), ("ntlm", False), ("ntlm", True)],
    ids=["basic-https", "ntlm-http", "ntlm-https"],
)
def test_every_command_against_the_lab(backend: HookedServer, data_dir: Path, auth: str, https: bool) -> None:
    with LabHost(backend, user=USER, password=PASSWORD, https=https) as host:
        options = connection_options(host, auth)

        def cli(*arguments: str, code: int = 0) -> Result:
            return _ok(run_cli([*options, *arguments], data_dir), code)

        sites = cli("sites", "--json").json()
        assert [site["name"] for site in sites] == ["Shop", HOSTILE_SITE]
        shop = sites[0]
        assert set(shop) >= {"name", "id", "state", "bindings", "applications"}
        assert shop["applications"][1] == {
            "path": "/private",
            "applicationPool": "ShopPool",
            "physicalPath": PRIVATE,
            "virtualDirectories": [{"path": "/", "physicalPath": PRIVATE, "connectAs": None}],
            "anonymousAuthentication": True,
            "windowsAuthentication": False,
            "basicAuthentication": False,
            "digestAuthentication": False,
            "impersonation": None,
        }
        assert "Shop/private" in cli("sites").stdout

        pools = {pool["name"]: pool for pool in cli("--json", "pools").json()}
        assert pools["ShopPool"]["identity"] == "IIS AppPool\\ShopPool"
        assert pools["ShopPool"]["sid"].startswith("S-1-5-82-")
        assert set(pools["ShopPool"]) >= {"name", "state", "identityType", "identity", "sid"}

        check = cli("check", "Shop/private", "--json", code=MISSING).json()
        assert check["physicalPath"] == PRIVATE
        assert check["anonymous"] == {"name": "NT AUTHORITY\\IUSR", "sid": IUSR}
        iusr = next(item for item in check["requirements"] if item["sid"] == IUSR)
        assert (iusr["needs"], iusr["effective"], iusr["ok"]) == ("read", "none", False)
        assert (iusr["role"], iusr["path"]) == ("anonymous", PRIVATE)

        audit = cli("check", "--all", "--json", code=MISSING).json()
        assert [item["target"] for item in audit] == ["Shop", "Shop/private", HOSTILE_SITE]
        assert audit[1] == check

        before = _dacl(backend, PRIVATE)
        dry = cli("grant", "iusr-read", "Shop/private", "--dry-run", "--json").json()
        assert (dry["changed"], dry["changeId"], dry["before"], dry["dryRun"]) == (False, None, before, True)
        # A dry run reports the ACL the grant would leave, as predicted.
        assert dry["after"] == dry["plan"]["expectedAfter"] != before
        assert dry["plan"]["icacls"] == f'icacls "{PRIVATE}" /grant "*{IUSR}:(OI)(CI)RX"'
        assert _dacl(backend, PRIVATE) == before

        granted = cli("grant", "iusr-read", "Shop/private", "--yes", "--json").json()
        assert granted["changed"] is True
        assert granted["before"] == before
        assert granted["after"] == _dacl(backend, PRIVATE) == dry["after"] != before
        assert cli("check", "Shop/private", "--json", code=MISSING).json()["requirements"][1]["ok"] is True

        again = cli("grant", "iusr-read", "Shop/private", "--yes", "--json").json()
        assert (again["changed"], again["changeId"]) == (False, None)

        history = cli("history", "--json").json()
        assert [(item["changeId"], item["outcome"]) for item in history] == [(granted["changeId"], "changed")]
        assert PASSWORD not in (data_dir / "history.jsonl").read_text(encoding="utf-8")

        undone = cli("undo", granted["changeId"], "--yes", "--json").json()
        assert undone == {"changeId": granted["changeId"], "restored": True}
        assert _dacl(backend, PRIVATE) == before
        assert cli("history", "--json").json()[0]["undone"] is True
        again = cli("undo", granted["changeId"], "--yes", "--json").json()
        assert (again["restored"], "already undone" in again["nothingToDo"]) == (False, True)


def test_hostile_values_travel_as_parameters_byte_for_byte(backend: HookedServer, data_dir: Path) -> None:
    record = data_dir.parent / "record.jsonl"
    with LabHost(backend, user=USER, password=PASSWORD, record=record) as host:
        options = connection_options(host, "ntlm")
        _ok(run_cli([*options, "grant", "iusr-read", HOSTILE_SITE, "--yes"], data_dir))
        _ok(
            run_cli(
                [*options, "grant", "pool-modify", HOSTILE_SITE, "--subpath", HOSTILE_SUBPATH, "--yes"],
                data_dir,
            )
        )
        records = host.records
    subfolder = HOSTILE_PATH + "\\" + HOSTILE_SUBPATH
    grants = [entry["parameters"]["Path"] for entry in records if entry["operation"] == "grant"]
    assert grants == [HOSTILE_PATH, subfolder]
    assert [HOSTILE_PATH] in [entry["parameters"].get("Path") for entry in records]
    # The endpoint recognises only the shipped scripts by their exact text: every pipeline was one of them.
    assert {entry["operation"] for entry in records} <= {operation.value for operation in Operation}
    written = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [entry["parameters"]["Path"] for entry in written if entry["operation"] == "grant"] == grants
    assert HOSTILE_NAME in subfolder and _dacl(backend, subfolder) != LOCKED[LOCKED.index("D:") :]


def test_wrong_password_and_closed_port_exit_4(backend: HookedServer, data_dir: Path) -> None:
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        port = host.port
        wrong = run_cli([*options, "sites"], data_dir, password=WRONG)
    assert wrong.code == 4
    assert wrong.stderr.splitlines()[0].startswith("127.0.0.1 rejected the sign-in")
    closed = run_cli([*options, "sites"], data_dir)
    assert closed.code == 4, closed.stderr
    assert f"127.0.0.1:{port}" in closed.stderr.splitlines()[0]
    assert "Traceback" not in wrong.stderr + closed.stderr


def test_server_slower_than_the_timeout_exits_5(tmp_path: Path, data_dir: Path) -> None:
    slow = SimulatedServer.from_scenario(write_scenario(tmp_path / "slow"), operation_delay_s=60)
    with LabHost(slow, user=USER, password=PASSWORD) as host:
        result = run_cli([*connection_options(host, "ntlm"), "--timeout", "2", "sites"], data_dir)
    assert result.code == 5
    assert "did not answer within 2 seconds" in result.stderr


def test_acl_changed_after_the_check_refuses_the_grant(backend: HookedServer, data_dir: Path) -> None:
    def another_admin(parameters: object) -> None:
        backend.before_grant = None
        backend.server.filesystem.add_access_rule(PRIVATE, OTHER_USER, 0x1200A9)

    with LabHost(backend, user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        backend.before_grant = another_admin
        refused = run_cli([*options, "grant", "iusr-read", "Shop/private", "--yes"], data_dir)
        assert refused.code == 3, refused.stderr
        assert "changed since it was read" in refused.stderr.splitlines()[0]
        assert f"(A;OICI;0x1200a9;;;{OTHER_USER})" in refused.stderr
        assert IUSR not in _dacl(backend, PRIVATE)
        history = _ok(run_cli([*options, "history", "--json"], data_dir)).json()
        assert history[0]["outcome"] == "refused"

        granted = _ok(
            run_cli([*options, "grant", "iusr-read", "Shop/private", "--yes", "--json"], data_dir)
        ).json()
        backend.server.filesystem.add_access_rule(PRIVATE, "S-1-5-32-568", 0x1200A9)
        stale_undo = run_cli([*options, "undo", granted["changeId"], "--yes"], data_dir)
        assert stale_undo.code == 3
        assert "added (A;OICI;0x1200a9;;;IS)" in stale_undo.stderr


def test_server_killed_during_a_grant_keeps_the_intent_and_undo_works_later(
    backend: HookedServer, data_dir: Path
) -> None:
    before = _dacl(backend, PRIVATE)
    gate = Gate()
    host = LabHost(backend, user=USER, password=PASSWORD)
    host.start()
    port = host.port
    options = connection_options(host, "ntlm")

    def grant_then_die(parameters: Mapping[str, object]) -> None:
        backend.before_grant = None
        # The grant lands on the "disk", then the server dies before it can answer.
        backend.server.execute(script_text(Operation.GRANT), parameters)
        gate(parameters)

    backend.before_grant = grant_then_die
    cli = subprocess.Popen(
        [sys.executable, "-m", "gui.launcher", *options, "grant", "iusr-read", "Shop/private", "--yes"],
        env=cli_environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert gate.entered.wait(CLI_TIMEOUT)
        stopper = threading.Thread(target=host.stop)
        stopper.start()
        _, stderr = cli.communicate(timeout=CLI_TIMEOUT)
    finally:
        gate.release.set()
        cli.kill()
    stopper.join(CLI_TIMEOUT)
    assert cli.returncode == 5, stderr
    assert "not confirmed" in stderr.splitlines()[0]
    history = json.loads((data_dir / "history.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (history["type"], history["before"]) == ("intent", before)
    change_id = history["id"]
    assert IUSR in _dacl(backend, PRIVATE)

    with LabHost(backend, user=USER, password=PASSWORD, port=port):
        listed = _ok(run_cli([*options, "history", "--json"], data_dir)).json()
        assert listed[0]["outcome"] == "unknown"
        _ok(run_cli([*options, "undo", change_id, "--yes"], data_dir))
    assert _dacl(backend, PRIVATE) == before


@pytest.fixture
def standin(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    scenario = write_scenario(tmp_path / "local")
    yield write_wrapper(tmp_path, scenario), scenario


def test_every_command_against_the_local_stand_in(standin: tuple[Path, Path], data_dir: Path) -> None:
    wrapper, scenario = standin
    options = ["--powershell", str(wrapper)]
    assert [site["name"] for site in _ok(run_cli([*options, "sites", "--json"], data_dir)).json()] == [
        "Shop",
        HOSTILE_SITE,
    ]
    assert _ok(run_cli([*options, "pools", "--json"], data_dir)).json()[1]["name"] == "ShopPool"
    assert len(_ok(run_cli([*options, "check", "--all", "--json"], data_dir), MISSING).json()) == 3
    check = _ok(run_cli([*options, "check", HOSTILE_SITE, "--json"], data_dir), MISSING).json()
    assert check["physicalPath"] == HOSTILE_PATH
    granted = _ok(run_cli([*options, "grant", "iusr-read", HOSTILE_SITE, "--yes", "--json"], data_dir)).json()
    assert granted["changed"] is True
    checked = _ok(run_cli([*options, "check", HOSTILE_SITE, "--json"], data_dir), MISSING).json()
    assert checked["requirements"][1]["ok"]
    assert _ok(run_cli([*options, "history", "--json"], data_dir)).json()[0]["path"] == HOSTILE_PATH
    undone = _ok(run_cli([*options, "undo", granted["changeId"], "--yes", "--json"], data_dir)).json()
    assert undone["restored"] is True
    restored = json.loads((scenario / "filesystem.json").read_text(encoding="utf-8"))["paths"][HOSTILE_PATH]
    assert restored["sddl"].endswith(LOCKED[LOCKED.index("D:") :])


def test_usage_errors_exit_2(data_dir: Path) -> None:
    assert run_cli(["grant", "everyone-full", "Shop"], data_dir).code == 2
    missing = run_cli(["check"], data_dir)
    assert missing.code == 2
    version = run_cli(["--version"], data_dir)
    assert version.code == 0 and version.stdout.startswith("iis-access ")


def test_server_wide_audit_costs_two_round_trips(backend: HookedServer, data_dir: Path) -> None:
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        _ok(run_cli([*connection_options(host, "ntlm"), "check", "--all"], data_dir), MISSING)
        assert [entry["operation"] for entry in host.records] == ["inventory", "path-access"]
        # The three targets' folders and, in the same call, the two above them (where inherited
        # entries are explicit), each web.config IIS reads for them and the pool's Temporary ASP.NET
        # Files.
        folders = [SHOP, "D:\\Sites", "D:\\", PRIVATE, HOSTILE_PATH]
        files = [SHOP + "\\web.config", PRIVATE + "\\web.config", HOSTILE_PATH + "\\web.config"]
        asked = host.records[1]["parameters"]["Path"]
        assert asked[: len(folders) + len(files)] == folders + files
        assert all(path.endswith("Temporary ASP.NET Files") for path in asked[len(folders) + len(files) :])


def test_a_confirmed_grant_costs_three_round_trips_and_records_its_target(
    backend: HookedServer, data_dir: Path
) -> None:
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        _ok(run_cli([*options, "grant", "pool-modify", "Shop", "--subpath", "uploads", "--yes"], data_dir))
        assert [entry["operation"] for entry in host.records] == ["inventory", "path-access", "grant"]
        history = _ok(run_cli([*options, "history", "--json"], data_dir)).json()
    assert (history[0]["target"], history[0]["path"]) == ("Shop", SHOP + "\\uploads")


GRANT_UPLOADS = ("grant", "pool-modify", "Shop", "--subpath", "uploads")


def test_declining_the_prompt_changes_nothing_and_exits_3(backend: HookedServer, data_dir: Path) -> None:
    uploads = SHOP + "\\uploads"
    before = _dacl(backend, uploads)
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        declined = answer_at_terminal([*options, *GRANT_UPLOADS, "--json"], data_dir, "n")
        assert declined.code == 3, declined.stderr
        # The prompt goes to stderr; stdout holds the one JSON document: the refusal with its plan.
        document = declined.json()
        assert document["error"]["kind"] == "Declined" and document["error"]["exitCode"] == 3
        assert document["plan"]["path"] == uploads
        assert "Proceed?" not in declined.stdout
        assert "Proceed? [y/N]" in declined.stderr and "declined" in declined.stderr
        assert "grant" not in [entry["operation"] for entry in host.records]
        assert _dacl(backend, uploads) == before

        accepted = answer_at_terminal([*options, *GRANT_UPLOADS, "--json"], data_dir, "y")
        assert accepted.code == 0, accepted.stderr
        change = accepted.json()
        assert change["changed"] is True and _dacl(backend, uploads) != before

        kept = answer_at_terminal([*options, "undo", change["changeId"]], data_dir, "no")
        assert kept.code == 3 and "declined" in kept.stderr
        assert _dacl(backend, uploads) == change["after"]


def test_help_documents_every_exit_code(data_dir: Path) -> None:
    shown = _ok(run_cli(["--help"], data_dir)).stdout
    for code in ("0", "2", "3", "4", "5", "130"):
        assert f"\n  {code} " in shown
    assert "declined at the confirmation prompt" in shown


def test_without_host_the_demo_lab_answers_and_stdout_stays_pure_json(data_dir: Path) -> None:
    result = _ok(run_cli(["sites", "--json"], data_dir))
    assert result.json()[0]["name"]
    assert "demo lab" in result.stderr


def test_a_powershell_7_endpoint_is_named_with_its_fix(tmp_path: Path, data_dir: Path) -> None:
    folder = write_scenario(tmp_path / "pwsh7")
    (folder / "machine.json").write_text(json.dumps({"psVersion": "7.4.6"}), encoding="utf-8")
    with LabHost(SimulatedServer.from_scenario(folder), user=USER, password=PASSWORD) as host:
        options = connection_options(host, "ntlm")
        refused = run_cli([*options, "sites"], data_dir)
        # The lab serves only Windows PowerShell's configuration, as the fix asks.
        chosen = run_cli([*options, "--configuration-name", "Microsoft.PowerShell", "sites"], data_dir)
    assert refused.code == 5, refused.stderr
    assert "runs PowerShell 7.4.6" in refused.stderr
    assert "--configuration-name Microsoft.PowerShell" in refused.stderr
    assert chosen.code == 5 and "Traceback" not in refused.stderr + chosen.stderr
    with LabHost(
        SimulatedServer.from_scenario(write_scenario(tmp_path / "ps51")), user=USER, password=PASSWORD
    ) as host:
        unknown = run_cli(
            [*connection_options(host, "ntlm"), "--configuration-name", "Contoso.Restricted", "sites"],
            data_dir,
        )
    # The server answers "Cannot find the Contoso.Restricted session configuration": a connection failure.
    assert unknown.code == 4, unknown.stderr
    assert unknown.stderr.startswith(
        "127.0.0.1 has no PowerShell session configuration named Contoso.Restricted."
    )
    bad = run_cli(["--host", "web01", "--user", "u", "--configuration-name", "a b", "sites"], data_dir)
    assert bad.code == 2 and "session configuration name" in bad.stderr
