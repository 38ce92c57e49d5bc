"""Settings every test shares: no display here, so Qt renders offscreen unless told otherwise."""

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from bridge.history import History
from bridge.session import HostSession
from bridge.transport import Transport
from tests.keyrings import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The offscreen platform's own screen is 800 x 600, smaller than any admin's: the window would fit
    # itself to it. Tests see a 1920 x 1080 desktop at 100 % (the 150 % case has its own test).
    _folder = tempfile.mkdtemp(prefix="iis-access-screen-")
    atexit.register(shutil.rmtree, _folder, True)
    _screens = Path(_folder) / "screens.json"
    _screens.write_text(json.dumps({"screens": [{"name": "Desktop", "width": 1920, "height": 1080}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's history and demo lab state in a folder of its own, never the admin's: the demo
    keeps its changes across runs, so a grant in one test must not be seen by the next."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("IIS_ACCESS_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Swap in an in-memory keyring for the test."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def session(transport: Transport) -> Iterator[HostSession]:
    """A session on the module's ``transport`` fixture (a module may define its own session)."""
    with HostSession(transport) as session:
        yield session


@pytest.fixture
def history(tmp_path: Path) -> History:
    """An empty change history of the test's own."""
    return History(tmp_path / "history.jsonl")
