"""Every identity case of the demo, end to end through the CLI against the lab host: the requirement
names the right account and SID, the status is right, the fix is the least-privilege one, a share
is never fixed locally - and the recommended fix, applied, leaves the target ok."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bridge.lab.host import LabHost
from bridge.lab.scenario import demo_scenario_path
from bridge.lab.simulator import SimulatedServer
from bridge.sids import AUTHENTICATED_USERS, IUSR, app_pool_sid
from tests.e2e.lab import PASSWORD, USER, Result, connection_options, run_cli

CORP = "S-1-5-21-1004336348-1177238915-682003330"
ARCHIVE, BILLING, HR_STAFF, COMPUTER = f"{CORP}-1301", f"{CORP}-1305", f"{CORP}-1402", f"{CORP}-1104"
TIMESHEETS = "S-1-5-21-3623811015-3361044348-30300820-1014"


@pytest.fixture(scope="module")
def host() -> Any:
    with LabHost(SimulatedServer.from_scenario(demo_scenario_path()), user=USER, password=PASSWORD) as lab:
        yield lab


def _cli(host: LabHost, data_dir: Path, *arguments: str) -> Result:
    return run_cli([*connection_options(host, "ntlm"), *arguments], data_dir)


def _check(host: LabHost, data_dir: Path, target: str) -> dict[str, Any]:
    result = _cli(host, data_dir, "check", target, "--json")
    assert result.code in (0, 1), result.stderr
    document: dict[str, Any] = result.json()
    return document


def _needs(document: dict[str, Any]) -> list[tuple[str, str | None, bool]]:
    return [(need["role"], need["sid"], need["ok"]) for need in document["requirements"]]


def test_connect_as_user_is_the_reader_and_the_fix_names_it(host: LabHost, tmp_path: Path) -> None:
    found = _check(host, tmp_path, "Records Archive/scans")
    assert found["status"] == "missing"
    content = found["requirements"][0]
    assert (content["role"], content["name"], content["sid"]) == ("connect-as", "CORP\\svc-archive", ARCHIVE)
    assert IUSR not in [need["sid"] for need in found["requirements"]]
    assert (found["fix"]["kind"], found["fix"]["sid"]) == ("account-read", ARCHIVE)


def test_pass_through_share_names_the_computer_account_and_offers_no_local_fix(
    host: LabHost, tmp_path: Path
) -> None:
    found = _check(host, tmp_path, "Photo Library")
    assert found["status"] == "unfixable"
    worker = found["requirements"][0]
    assert (worker["role"], worker["name"], worker["sid"]) == ("worker", "CORP\\WEB01$", COMPUTER)
    assert all(need["onFileServer"] and need["effective"] is None for need in found["requirements"])
    assert (found["fix"], found["fixes"], found["fixReason"]["code"]) == (None, [], "file-server")


def test_local_service_on_a_share_cannot_be_helped(host: LabHost, tmp_path: Path) -> None:
    found = _check(host, tmp_path, "Downloads")
    worker = found["requirements"][0]
    assert (worker["sid"], found["fix"]) == (None, None)
    assert "LocalService" in found["fixReason"]["message"]


def test_windows_authentication_reads_as_the_allowed_group_and_iusr_needs_nothing(
    host: LabHost, tmp_path: Path
) -> None:
    found = _check(host, tmp_path, "HR Portal")
    assert ("authenticated", HR_STAFF, True) in _needs(found)
    assert IUSR not in [need["sid"] for need in found["requirements"]]
    assert AUTHENTICATED_USERS not in [need["sid"] for need in found["requirements"]]
    assert found["status"] == "ok"


def test_impersonated_user_is_a_reader(host: LabHost, tmp_path: Path) -> None:
    found = _check(host, tmp_path, "Timesheets")
    assert ("impersonated", TIMESHEETS, True) in _needs(found)


def test_unreadable_web_config_is_500_19_and_not_fixed_through_its_folder(
    host: LabHost, tmp_path: Path
) -> None:
    found = _check(host, tmp_path, "Supplier Portal")
    assert found["status"] == "missing"
    (missing,) = [need for need in found["requirements"] if not need["ok"]]
    assert missing["path"].endswith("\\web.config") and "500.19" in missing["reason"]
    assert found["fixReason"]["code"] == "protected-file"


def test_temporary_aspnet_files_are_fixed_with_modify_for_the_pool_there(
    host: LabHost, tmp_path: Path
) -> None:
    found = _check(host, tmp_path, "Payroll 32-bit")
    fix = found["fix"]
    assert (fix["kind"], fix["sid"], fix["rights"]) == (
        "account-modify",
        app_pool_sid("Payroll32Pool"),
        "Modify",
    )
    assert fix["path"] == "C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\Temporary ASP.NET Files"
    assert "--path" in fix["command"]


def test_specific_user_pool_reads_through_its_computed_group(host: LabHost, tmp_path: Path) -> None:
    found = _check(host, tmp_path, "Billing")
    assert found["worker"]["runsAs"] == {"name": "CORP\\svc-billing", "sid": BILLING}
    assert found["status"] == "ok"


@pytest.mark.parametrize("target", ["Records Archive/scans", "Payroll 32-bit"])
def test_the_recommended_fix_applied_leaves_the_target_ok(target: str, tmp_path: Path) -> None:
    # A lab of its own: this one changes folders.
    with LabHost(SimulatedServer.from_scenario(demo_scenario_path()), user=USER, password=PASSWORD) as lab:
        made = _cli(lab, tmp_path, "fix", target, "--yes", "--json")
        assert made.code == 0, made.stderr
        assert made.json()["changes"]
        assert _check(lab, tmp_path, target)["status"] in ("ok", "too-much")


def test_sites_and_pools_show_who_reads_as_iis_manager_names_it(host: LabHost, tmp_path: Path) -> None:
    sites = {site["name"]: site for site in _cli(host, tmp_path, "sites", "--json").json()}
    scans = sites["Records Archive"]["applications"][0]["virtualDirectories"][1]
    assert scans["connectAs"] == {
        "name": "CORP\\svc-archive",
        "sid": ARCHIVE,
        "logonMethod": "Network",
        "passwordSet": True,
    }
    (timesheets,) = sites["Timesheets"]["applications"]
    assert timesheets["impersonation"] == {"name": "WEB01\\svc-timesheets", "sid": TIMESHEETS}
    assert "(Connect as CORP\\svc-archive)" in _cli(host, tmp_path, "sites").stdout
    pools = {pool["name"]: pool for pool in _cli(host, tmp_path, "pools", "--json").json()}
    assert pools["Payroll32Pool"]["enable32BitAppOnWin64"] is True
