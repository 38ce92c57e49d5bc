"""Where a password comes from: the OS keyring if the admin chose to remember it, else the
``IIS_ACCESS_PASSWORD`` environment variable, else a prompt.

Passwords are handed to the connection and nowhere else: never logged,
never written to the history or the settings.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable

import keyring
from keyring.errors import KeyringError

SERVICE = "IIS Access"
PASSWORD_VARIABLE = "IIS_ACCESS_PASSWORD"  # noqa: S105 - the name of the variable, not a password


def keyring_key(user: str, host: str) -> str:
    return f"{user}@{host}"


def remembered_password(user: str, host: str) -> str | None:
    try:
        password: str | None = keyring.get_password(SERVICE, keyring_key(user, host))
    except KeyringError:
        # No usable keyring (a headless Linux box): behave as if nothing was remembered.
        return None
    return password


def remember_password(user: str, host: str, password: str) -> None:
    keyring.set_password(SERVICE, keyring_key(user, host), password)


def forget_password(user: str, host: str) -> None:
    try:
        keyring.delete_password(SERVICE, keyring_key(user, host))
    except KeyringError:
        return


def password_for(
    user: str,
    host: str,
    *,
    prompt: Callable[[str], str] | None = None,
    interactive: bool | None = None,
) -> str | None:
    """The password for ``user`` on ``host``, or None when none is available without asking."""
    remembered = remembered_password(user, host)
    if remembered is not None:
        return remembered
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment is not None:
        return from_environment
    if interactive is None:
        interactive = sys.stdin.isatty()
    if not interactive:
        return None
    try:
        return (prompt or getpass.getpass)(f"Password for {user} on {host}: ")
    except EOFError:
        # Ctrl+D (Ctrl+Z on Windows) at the prompt: no password was given.
        return None
