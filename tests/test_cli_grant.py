"""The grant command's argument rules, decided before any host is asked: --sid for the account kinds
only, --subpath or --path but not both, a SID that is one. Each is a usage error (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge import commands, logfile, operations
from bridge.plans import GrantKind

ACCOUNT = "S-1-5-21-1004336348-1177238915-682003330-1107"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IIS_ACCESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(logfile, "log_file", lambda: tmp_path / "logs" / "iis-access.log")

    def no_host(*args: object, **kwargs: object) -> None:
        raise AssertionError("an argument error must be found before connecting")

    # Every grant here is wrong on its face: none may reach a session (not even the demo lab).
    monkeypatch.setattr(commands, "_session", no_host)


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["grant", "account-read", "Shop"], "account-read grants the account given with --sid"),
        (["grant", "account-modify", "Shop", "--path", "C:\\x"], "account-modify grants the account"),
        (
            ["grant", "pool-read", "Shop", "--sid", ACCOUNT],
            "--sid is only for account-read and account-modify",
        ),
        (["grant", "iusr-read", "Shop", "--sid", "S-1-5-17"], "iusr-read grants its own account"),
        (["grant", "account-read", "Shop", "--sid", "CORP\\alice"], "is not a SID such as S-1-5-11"),
        (["grant", "pool-read", "Shop", "--subpath", "a", "--path", "D:\\b"], "not allowed with argument"),
    ],
)
def test_argument_errors_are_usage_errors_before_connecting(
    arguments: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert commands.main(arguments) == 2
    assert words in capsys.readouterr().err
    assert commands.main([*arguments, "--json"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["error"]["exitCode"] == 2 and words in document["error"]["message"]


def test_the_operations_layer_applies_the_same_rules() -> None:
    problem = operations.grant_request_problem
    assert problem(GrantKind.ACCOUNT_READ, ACCOUNT, None, None) is None
    assert problem(GrantKind.POOL_MODIFY, None, None, "D:\\x") is None
    assert problem(GrantKind.POOL_MODIFY, None, "a", "D:\\x") is not None
    assert problem(GrantKind.ACCOUNT_MODIFY, None, None, None) is not None
    assert problem(GrantKind.IIS_IUSRS_MODIFY, ACCOUNT, None, None) is not None
