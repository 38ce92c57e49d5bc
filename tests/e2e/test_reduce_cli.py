"""``iis-access reduce`` as a subprocess against the lab: the grant's preview, journal, guard and undo."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from bridge.lab.host import LabHost
from bridge.lab.simulator import SimulatedServer
from tests.e2e.lab import PASSWORD, USER, HookedServer, Result, connection_options, run_cli
from tests.e2e.scenarios import BROAD, EVERYONE, NEEDY, OPEN, write_excess_scenario

OTHER_USER = "S-1-5-21-1004336348-1177238915-682003330-1105"


@pytest.fixture
def backend(tmp_path: Path) -> HookedServer:
    return HookedServer(SimulatedServer.from_scenario(write_excess_scenario(tmp_path / "scenario")))


@pytest.fixture
def options(backend: HookedServer) -> Iterator[list[str]]:
    with LabHost(backend, user=USER, password=PASSWORD) as host:
        yield connection_options(host, "ntlm")


def _dacl(backend: HookedServer, path: str) -> str:
    return str(backend.server.filesystem.access_sddl(path))


def _run(options: list[str], data_dir: Path, *arguments: str, code: int = 0) -> Result:
    result = run_cli([*options, *arguments], data_dir)
    assert result.code == code, result.stderr
    return result


def test_reduce_previews_applies_journals_and_undoes(
    backend: HookedServer, options: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    before = _dacl(backend, OPEN)
    preview = _run(options, data, "reduce", "Open", "--sid", EVERYONE, "--dry-run").stdout
    assert "Reduce to: Read & execute" in preview
    assert "Removes:   Everyone:(OI)(CI)(F)" in preview
    assert "Adds:      Everyone:(OI)(CI)(RX)" in preview
    assert f'Same as:   icacls "{OPEN}" /grant:r "*{EVERYONE}:(OI)(CI)RX"' in preview
    assert "Fixes:     Everyone will have Read & execute access" in preview
    assert preview.rstrip().endswith("Dry run: nothing changed.")
    assert _dacl(backend, OPEN) == before

    done = _run(options, data, "reduce", "Open", "--sid", EVERYONE, "--yes", "--json").json()
    assert (done["changed"], done["before"], done["plan"]["verdict"]) == (True, before, "apply")
    assert done["after"] == _dacl(backend, OPEN) == done["plan"]["expectedAfter"]
    assert "(A;OICI;0x1200a9;;;WD)" in done["after"] and "FA;;;WD" not in done["after"]

    [record] = _run(options, data, "history", "--json").json()
    assert (record["changeId"], record["kind"], record["change"], record["outcome"]) == (
        done["changeId"],
        "reduce",
        "reduce",
        "changed",
    )
    assert record["inverse"]["parameters"]["Sddl"] == before

    again = _run(options, data, "reduce", "Open", "--sid", EVERYONE, "--yes", "--json").json()
    assert (again["changed"], again["plan"]["verdict"]) == (False, "nothing-to-do")

    undone = _run(options, data, "undo", done["changeId"], "--yes", "--json").json()
    assert undone == {"changeId": done["changeId"], "restored": True}
    assert _dacl(backend, OPEN) == before


def test_an_inherited_entry_is_reduced_where_it_is_explicit_and_undone_there(
    backend: HookedServer, options: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    site_before = _dacl(backend, BROAD + "\\Site")
    dry = _run(options, data, "reduce", "Inherits", "--sid", EVERYONE, "--to", "read", "--dry-run").stdout
    assert f"Folder:    {BROAD}\n" in dry
    assert f"inherited from {BROAD}" in dry
    done = _run(
        options, data, "reduce", "Inherits", "--sid", EVERYONE, "--to", "read", "--yes", "--json"
    ).json()
    assert done["plan"]["path"] == BROAD
    # Windows propagates the narrowed entry to the site's folder in the same SetAccessControl.
    assert "(A;OICIID;FR;;;WD)" in _dacl(backend, BROAD + "\\Site")
    _run(options, data, "undo", done["changeId"], "--yes")
    assert _dacl(backend, BROAD + "\\Site") == site_before


def test_a_reduction_that_would_break_the_site_is_refused_naming_the_requirement(
    backend: HookedServer, options: list[str], tmp_path: Path
) -> None:
    before = _dacl(backend, NEEDY)
    refused = _run(
        options,
        tmp_path / "data",
        "reduce",
        "Needy",
        "--sid",
        EVERYONE,
        "--to",
        "none",
        "--yes",
        "--json",
        code=3,
    )
    document = refused.json()
    assert document["error"]["kind"] == "Refused"
    assert document["plan"]["verdict"] == "refused"
    assert "IIS AppPool\\SitePool needs Read access" in document["plan"]["refusal"]
    assert "500.19" in refused.stderr
    assert _dacl(backend, NEEDY) == before
    assert _run(options, tmp_path / "data", "history", "--json").json() == []


def test_an_acl_changed_since_it_was_read_is_refused_and_a_stale_undo_too(
    backend: HookedServer, options: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"

    def another_admin(parameters: Mapping[str, object]) -> None:
        backend.before_restore = None
        backend.server.filesystem.add_access_rule(OPEN, OTHER_USER, 0x1200A9)

    backend.before_restore = another_admin
    refused = _run(options, data, "reduce", "Open", "--sid", EVERYONE, "--yes", code=3)
    assert "changed since it was read" in refused.stderr
    assert f"(A;OICI;0x1200a9;;;{OTHER_USER})" in refused.stderr
    assert "FA;;;WD" in _dacl(backend, OPEN)
    assert _run(options, data, "history", "--json").json()[0]["outcome"] == "refused"

    done = _run(options, data, "reduce", "Open", "--sid", EVERYONE, "--yes", "--json").json()
    backend.server.filesystem.add_access_rule(OPEN, "S-1-5-32-568", 0x1200A9)
    stale = _run(options, data, "undo", done["changeId"], "--yes", code=3)
    assert "added (A;OICI;0x1200a9;;;IS)" in stale.stderr


def test_reduce_usage_errors_exit_2(options: list[str], tmp_path: Path) -> None:
    bad_sid = _run(options, tmp_path / "data", "reduce", "Open", "--sid", "Everyone", code=2)
    assert "is not a SID" in bad_sid.stderr
    bad_level = _run(
        options, tmp_path / "data", "reduce", "Open", "--sid", EVERYONE, "--to", "modify", code=2
    )
    assert "invalid choice" in bad_level.stderr
