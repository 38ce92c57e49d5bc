"""Settings every test shares: no display here, so Qt renders offscreen unless told otherwise."""

import os
from collections.abc import Iterator

import keyring
import pytest

from tests.keyrings import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Swap in an in-memory keyring for the test."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
