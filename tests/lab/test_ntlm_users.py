"""Several NTLM lab hosts in one process: the shared NTLM user file that pyspnego's acceptor reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypsrp.exceptions import AuthenticationError
from pypsrp.powershell import PowerShell, RunspacePool
from spnego._ntlm_raw.crypto import lmowfv1, ntowfv1

from bridge import operations
from bridge.demo import DemoHost
from bridge.lab.host import LabHost
from bridge.psrp_transport import PsrpTransport
from bridge.scripts import Operation, script_text
from bridge.session import HostSession
from tests.lab.conftest import FakeBackend, client


def _host(user: str, password: str) -> LabHost:
    return LabHost(FakeBackend(), user=user, password=password, auth=("ntlm",))


def _inventory(host: LabHost, user: str, password: str) -> str:
    with RunspacePool(client(host, "ntlm", password=password, username=user)) as pool:
        shell = PowerShell(pool)
        shell.add_script(script_text(Operation.INVENTORY))
        return str(shell.invoke()[0])


def test_pyspnego_hash_functions_still_match_the_ms_nlmp_vectors() -> None:
    # MS-NLMP 4.2.2.1: the lab writes these hashes to the NTLM user file (see bridge.lab.auth).
    assert ntowfv1("Password").hex() == "a4f49c406510bdcab6824ee7c30fd852"
    assert lmowfv1("Password").hex() == "e52cac67419a9a224a3b108f3fa6cb6d"


def test_hosts_with_different_users_serve_side_by_side_and_only_their_own_user() -> None:
    with (
        _host("alice", "first:pass") as alice,
        _host("bob", "second pass") as bob,
    ):
        assert '"inventory"' in _inventory(alice, "alice", "first:pass")
        assert '"inventory"' in _inventory(bob, "bob", "second pass")
        with pytest.raises(AuthenticationError):
            _inventory(bob, "alice", "first:pass")
        assert bob.records[-1]["operation"] == "inventory" and len(bob.records) == 1


def test_one_user_with_two_passwords_is_refused_clearly_and_the_first_host_goes_on() -> None:
    with _host("carol", "one") as first:
        second = _host("CONTOSO\\Carol", "two")
        with pytest.raises(ValueError, match="one password per user name"):
            second.start()
        assert '"inventory"' in _inventory(first, "carol", "one")


def test_the_user_file_is_private_and_forgets_a_stopped_host() -> None:
    with _host("dave", "pw-in-clear"):
        path = Path(os.environ["NTLM_USER_FILE"])
        assert path.stat().st_mode & 0o777 == 0o600
        text = path.read_text(encoding="utf-8")
        assert "\ndave:" in "\n" + text and "pw-in-clear" not in text, "hashes, never the password itself"
    # Removed when no other NTLM lab host runs in this process; else without dave.
    assert not path.exists() or "dave:" not in path.read_text(encoding="utf-8")


def test_two_demo_hosts_in_one_process_both_answer() -> None:
    with DemoHost() as one, DemoHost() as two:
        for settings in (one, two):
            with HostSession(PsrpTransport(settings)) as session:
                assert operations.inventory(session).sites


def test_lab_command_reports_an_unusable_user_without_a_traceback() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "gui.launcher", "lab", "--user", "odd:name", "--password", "x"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 2
    assert finished.stderr.startswith("iis-access lab: ") and "Traceback" not in finished.stderr
