"""Run operation scripts on this machine by starting Windows PowerShell 5.1.

The command line is always the same: a constant bootstrap passed with
``-EncodedCommand``. The request (the shipped script text and its parameters)
travels on stdin as base64 of UTF-8 JSON, so the pipe carries only ASCII and
no console code page can mangle a non-ASCII path; the parameters reach the
script splatted, never as text to evaluate.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bridge.errors import Cancelled, OperationTimeout, UnexpectedAnswer, Unreachable, script_failure
from bridge.scripts import Operation, script_text
from bridge.transport import NotJson, Parameters, decode_answer
from bridge.wording import translate

LOCAL_HOST = "localhost"

CANNOT_START = translate(
    "Bridge", "cannot start Windows PowerShell at {executable}: {error}", "detail-cannot-start-powershell"
)
EXIT_CODE_SAYING = translate("Bridge", "exit code {code}: {error}", "detail-exit-code")
EXIT_CODE_WITHOUT_RECORD = translate(
    "Bridge", "exit code {code} without an error record", "detail-exit-code-without-record"
)

# [scriptblock]::Create is used on the shipped operation script's text only:
# the operation scripts themselves never build code from strings, and the
# parameter values never pass through it - they are splatted as data.
BOOTSTRAP = """\
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
try {
    $encoded = [Console]::In.ReadToEnd().Trim()
    $json = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded))
    $request = ConvertFrom-Json -InputObject $json
    $parameters = @{}
    foreach ($property in $request.parameters.PSObject.Properties) {
        $parameters[$property.Name] = $property.Value
    }
    $operation = [scriptblock]::Create($request.script)
    $output = & $operation @parameters
    [Console]::Out.Write(($output -join "`n"))
    exit 0
} catch {
    $failure = [ordered]@{ error = [ordered]@{
        message  = $_.Exception.Message
        errorId  = [string]$_.FullyQualifiedErrorId
        category = [string]$_.CategoryInfo.Category
    } }
    [Console]::Out.Write((ConvertTo-Json -InputObject $failure -Depth 4 -Compress))
    exit 1
}
"""

ENCODED_BOOTSTRAP = base64.b64encode(BOOTSTRAP.encode("utf-16-le")).decode("ascii")
FIXED_ARGUMENTS = (
    "-NoLogo",
    "-NoProfile",
    "-NonInteractive",
    "-ExecutionPolicy",
    "Bypass",
    "-EncodedCommand",
    ENCODED_BOOTSTRAP,
)
POLL_SECONDS = 0.1
# Started from the GUI, each PowerShell process would otherwise flash a console window.
if sys.platform == "win32":
    _NO_WINDOW = subprocess.CREATE_NO_WINDOW
else:
    _NO_WINDOW = 0
# Windows PowerShell writes errors it raises itself (outside the bootstrap's catch)
# to a redirected stderr as CLIXML: the text is in the <S S="Error"> elements.
_CLIXML_ERROR = re.compile(r'<S S="Error">(.*?)</S>', re.DOTALL)


def default_executable() -> str:
    system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return system_root + r"\System32\WindowsPowerShell\v1.0\powershell.exe"


def command_line(executable: str) -> list[str]:
    return [executable, *FIXED_ARGUMENTS]


def encode_request(operation: Operation, parameters: Parameters) -> bytes:
    request = {"script": script_text(operation), "parameters": dict(parameters)}
    return base64.b64encode(json.dumps(request, ensure_ascii=False).encode("utf-8"))


def decode_request(encoded: bytes | str) -> dict[str, Any]:
    """The inverse of ``encode_request``, for the stand-in that plays powershell.exe."""
    request: dict[str, Any] = json.loads(base64.b64decode(encoded, validate=True).decode("utf-8"))
    return request


class LocalTransport:
    def __init__(self, executable: str | Path | None = None, operation_timeout: float = 120.0) -> None:
        self.executable = str(executable) if executable is not None else default_executable()
        self.operation_timeout = operation_timeout

    @property
    def host(self) -> str:
        return LOCAL_HOST

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        try:
            process = subprocess.Popen(
                command_line(self.executable),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                creationflags=_NO_WINDOW,
            )
        except OSError as exc:
            raise Unreachable(
                LOCAL_HOST, CANNOT_START(executable=str(self.executable), error=str(exc))
            ) from exc
        limit = max(self.operation_timeout, timeout or 0.0)
        stdout, stderr = self._communicate(process, encode_request(operation, parameters), cancel, limit)
        return self._answer(process.returncode, stdout, stderr)

    def close(self) -> None:
        """Each operation is its own process; nothing stays open between them."""

    def _communicate(
        self, process: subprocess.Popen[bytes], request: bytes, cancel: threading.Event | None, timeout: float
    ) -> tuple[bytes, bytes]:
        deadline = time.monotonic() + timeout
        pending: bytes | None = request
        while True:
            try:
                return process.communicate(pending, timeout=POLL_SECONDS)
            except subprocess.TimeoutExpired:
                # communicate() keeps what it read so far; input is sent only once.
                pending = None
            if cancel is not None and cancel.is_set():
                self._kill(process)
                raise Cancelled()
            if time.monotonic() >= deadline:
                self._kill(process)
                raise OperationTimeout(LOCAL_HOST, timeout)

    @staticmethod
    def _kill(process: subprocess.Popen[bytes]) -> None:
        process.kill()
        process.communicate()

    @staticmethod
    def _answer(returncode: int, stdout: bytes, stderr: bytes) -> Any:
        try:
            document = decode_answer(LOCAL_HOST, stdout)
        except NotJson:
            detail = EXIT_CODE_SAYING(code=str(returncode), error=_first_error_line(stderr))
            raise UnexpectedAnswer(LOCAL_HOST, detail) from None
        failure = document.get("error") if isinstance(document, dict) else None
        if returncode != 0 or failure is not None:
            if not isinstance(failure, dict):
                raise UnexpectedAnswer(LOCAL_HOST, EXIT_CODE_WITHOUT_RECORD(code=str(returncode)))
            raise script_failure(
                LOCAL_HOST, str(failure.get("message")), failure.get("errorId"), failure.get("category")
            )
        return document


def _first_error_line(stderr: bytes) -> str:
    """The first line of what PowerShell wrote to stderr, read out of CLIXML when it is that."""
    text = stderr.decode("utf-8", "replace").strip()
    if text.startswith("#< CLIXML"):
        pieces = (html.unescape(piece) for piece in _CLIXML_ERROR.findall(text))
        text = "".join(pieces).replace("_x000D_", "").replace("_x000A_", "\n").strip()
    return (text.splitlines() or ["no output"])[0]
