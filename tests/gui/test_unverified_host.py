"""A host whose HTTPS certificate is not verified says so on its line, every time it is shown."""

from __future__ import annotations

import pytest

from gui.hosts import HostEntry, HostKind, HostState, host_line
from gui.settings import SavedHost


def _entry(*, transport: str, verify_tls: bool) -> HostEntry:
    saved = SavedHost(
        host="web01", port=5986, transport=transport, auth="ntlm", user="admin", verify_tls=verify_tls
    )
    return HostEntry(key=saved.key, label="web01", kind=HostKind.REMOTE, saved=saved, state=HostState.READY)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("transport", "verify_tls", "warned"),
    [("https", False, True), ("https", True, False), ("http", False, False)],
)
def test_an_unverified_certificate_is_named_on_the_host_line(
    transport: str, verify_tls: bool, warned: bool
) -> None:
    line = host_line(_entry(transport=transport, verify_tls=verify_tls))
    assert line.startswith("Connected")
    assert ("certificate NOT verified" in line) is warned
