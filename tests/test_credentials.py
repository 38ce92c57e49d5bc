"""Where a password comes from: the keyring if remembered, else IIS_ACCESS_PASSWORD, else a prompt."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from bridge.credentials import (
    PASSWORD_VARIABLE,
    SERVICE,
    forget_password,
    keyring_key,
    password_for,
    remember_password,
)
from tests.keyrings import MemoryKeyring


class LockedKeyring(KeyringBackend):
    """A keyring that refuses every call, as a headless Linux box without a Secret Service does."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("no keyring here")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("no keyring here")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("no keyring here")


def _no_prompt(text: str) -> str:
    raise AssertionError(f"prompted unexpectedly: {text}")


def test_a_remembered_password_wins_over_the_environment(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "from-environment")
    remember_password("admin", "web01", "from-keyring")
    assert memory_keyring.passwords == {(SERVICE, keyring_key("admin", "web01")): "from-keyring"}
    assert password_for("admin", "web01", prompt=_no_prompt, interactive=True) == "from-keyring"
    assert password_for("admin", "web02", prompt=_no_prompt, interactive=True) == "from-environment"


def test_without_keyring_or_environment_it_prompts_only_when_interactive(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return "typed"

    assert password_for("admin", "web01", prompt=prompt, interactive=True) == "typed"
    assert asked == ["Password for admin on web01: "]
    assert password_for("admin", "web01", prompt=prompt, interactive=False) is None
    assert len(asked) == 1


def test_forgetting_removes_only_that_entry(memory_keyring: MemoryKeyring) -> None:
    remember_password("admin", "web01", "one")
    remember_password("admin", "web02", "two")
    forget_password("admin", "web01")
    forget_password("admin", "web01")  # already gone: not an error
    assert memory_keyring.passwords == {(SERVICE, keyring_key("admin", "web02")): "two"}


def test_an_unusable_keyring_behaves_as_if_nothing_was_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        monkeypatch.setenv(PASSWORD_VARIABLE, "from-environment")
        assert password_for("admin", "web01", prompt=_no_prompt, interactive=True) == "from-environment"
        forget_password("admin", "web01")
    finally:
        keyring.set_keyring(previous)
