"""The seam between operations and the way a host is reached.

A transport runs one shipped operation script with its parameters and returns
the one JSON document the script wrote, already decoded. Parameters are data:
no transport ever formats them into script text.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, Protocol

from bridge.errors import UnexpectedAnswer
from bridge.json_pieces import loads_in_pieces
from bridge.scripts import Operation
from bridge.wording import translate

Parameters = Mapping[str, object]

TOO_LARGE = translate(
    "Bridge", "the answer is {size} MB, more than the {limit} MB IIS Access reads", "detail-answer-too-large"
)
NOT_JSON = translate("Bridge", "the output was not JSON", "detail-not-json")
TOO_DEEP = translate("Bridge", "the JSON document is nested too deeply to read", "detail-too-deep")

# Far above any real answer (a 1,000-site inventory is about 2 MB): a bigger one is refused, not read.
MAX_ANSWER_CHARS = 64 * 1024 * 1024


def check_answer_size(host: str, size: int) -> None:
    """Raise UnexpectedAnswer when an answer of ``size`` characters is more than IIS Access reads."""
    if size > MAX_ANSWER_CHARS:
        limit = MAX_ANSWER_CHARS / 2**20
        raise UnexpectedAnswer(host, TOO_LARGE(size=f"{size / 2**20:.1f}", limit=f"{limit:g}"))


class NotJson(UnexpectedAnswer):
    def __init__(self, host: str) -> None:
        super().__init__(host, NOT_JSON())


def decode_answer(host: str, output: str | bytes) -> Any:
    """The JSON document an operation printed (bytes: UTF-8), or UnexpectedAnswer: never a RecursionError."""
    check_answer_size(host, len(output))
    try:
        # In pieces: a worker thread decoding a 30 MB answer in one json.loads call would keep the
        # GUI thread waiting for the interpreter lock 140-225 ms.
        return loads_in_pieces(output.decode("utf-8") if isinstance(output, bytes) else output)
    except RecursionError:
        raise UnexpectedAnswer(host, TOO_DEEP()) from None
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        raise NotJson(host) from None


class Transport(Protocol):
    @property
    def host(self) -> str:
        """The host name as the admin knows it, for messages and history."""
        ...

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        """Run ``operation`` with ``parameters``; return its decoded JSON document.

        Raises only ``bridge.errors.BridgeError`` subclasses; setting ``cancel``
        stops the operation where it runs and raises ``Cancelled``. ``timeout``
        lets this one operation run longer than the transport's own operation
        timeout (a grant that Windows propagates through a large tree); it never
        shortens it.
        """
        ...

    def close(self) -> None:
        """Release the connection or process; the transport may not be used afterwards."""
        ...
