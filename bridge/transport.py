"""The seam between operations and the way a host is reached.

A transport runs one shipped operation script with its parameters and returns
the one JSON document the script wrote, already decoded. Parameters are data:
no transport ever formats them into script text.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, Protocol

from bridge.scripts import Operation

Parameters = Mapping[str, object]


class Transport(Protocol):
    @property
    def host(self) -> str:
        """The host name as the admin knows it, for messages and history."""
        ...

    def run(self, operation: Operation, parameters: Parameters, cancel: threading.Event | None = None) -> Any:
        """Run ``operation`` with ``parameters``; return its decoded JSON document.

        Raises only ``bridge.errors.BridgeError`` subclasses; setting ``cancel``
        stops the operation where it runs and raises ``Cancelled``.
        """
        ...

    def close(self) -> None:
        """Release the connection or process; the transport may not be used afterwards."""
        ...
