"""Too much access through the CLI on the demo lab: every staged finding in ``check --json``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.lab import run_cli

EVERYONE, IUSR, IIS_IUSRS, AUTHENTICATED_USERS, SYSTEM = (
    "S-1-1-0",
    "S-1-5-17",
    "S-1-5-32-568",
    "S-1-5-11",
    "S-1-5-18",
)


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    result = run_cli(["check", "--all", "--json"], tmp_path_factory.mktemp("data"))
    assert result.code == 1, result.stderr  # the demo also stages missing access
    return {item["target"]: item for item in result.json()}


def _found(audit: dict[str, dict[str, Any]], target: str) -> list[dict[str, Any]]:
    item = audit[target]
    assert item["status"] == "too-much", item
    return list(item["excessive"])


def test_everyone_full_control(audit: dict[str, dict[str, Any]]) -> None:
    (found,) = _found(audit, "Community Forum")
    assert (found["sid"], found["has"], found["source"], found["path"]) == (
        EVERYONE,
        "full-control",
        "explicit",
        "D:\\Sites\\Forum",
    )
    assert found["fix"] == 'iis-access reduce "Community Forum" --sid S-1-1-0 --to read-execute'
    assert "anyone could upload and run scripts" in found["reason"]


def test_iusr_write_iis_iusrs_modify_foreign_and_own_pool(audit: dict[str, dict[str, Any]]) -> None:
    assert [(f["sid"], f["has"]) for f in _found(audit, "Guestbook")] == [(IUSR, "modify")]
    assert [(f["sid"], f["has"]) for f in _found(audit, "Wiki")] == [(IIS_IUSRS, "modify")]
    (foreign,) = _found(audit, "Events")
    assert (
        foreign["name"] == "IIS AppPool\\ShopPool"
        and "another application pool (ShopPool)" in foreign["reason"]
    )
    (own,) = _found(audit, "Newsletter")
    assert own["name"] == "IIS AppPool\\NewsletterPool" and "web.config and bin" in own["reason"]


def test_an_inherited_broad_entry_names_where_it_is_explicit(audit: dict[str, dict[str, Any]]) -> None:
    (found,) = _found(audit, "Team Docs")
    assert (found["sid"], found["source"], found["explicitOn"]) == (
        AUTHENTICATED_USERS,
        "inherited from D:\\Shared",
        "D:\\Shared",
    )


def test_a_local_system_pool(audit: dict[str, dict[str, Any]]) -> None:
    (found,) = _found(audit, "Reports")
    assert (found["sid"], found["has"], found["source"], found["reduceTo"]) == (
        SYSTEM,
        "local-system",
        None,
        None,
    )


def test_a_site_with_only_too_much_exits_0_and_prints_the_finding(tmp_path: Path) -> None:
    result = run_cli(["check", "Community Forum"], tmp_path / "data")
    assert result.code == 0, result.stderr
    assert "Community Forum  (D:\\Sites\\Forum): too-much" in result.stdout
    assert "[TOO MUCH] Everyone has Full control access to D:\\Sites\\Forum" in result.stdout
