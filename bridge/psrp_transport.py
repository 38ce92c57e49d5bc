"""Run operation scripts on a remote host over PSRP (WinRM) with pypsrp.

One runspace pool per host, opened on first use and kept. When the server has
dropped it, a read is retried once on a fresh pool; a change (grant, restore)
is only ever sent on a pool just checked to be alive, and never re-sent, since
its outcome would be unknown.

Thumbprint pinning: requests cannot pin a certificate, but urllib3 can check
the SHA-256 fingerprint of the peer certificate on the very TLS connection the
request uses (``assert_fingerprint``). The pin is set on the pool manager of
pypsrp's own HTTPS adapter, so the check happens during every handshake rather
than on a separate probe connection a man in the middle could answer
differently.
"""

from __future__ import annotations

import hashlib
import importlib
import ssl
import struct
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from pypsrp.complex_objects import PSInvocationState
from pypsrp.exceptions import FragmentError
from pypsrp.messages import Message
from pypsrp.powershell import Fragmenter, PowerShell, RunspacePool
from pypsrp.wsman import WSMan
from requests import PreparedRequest, Response
from requests.adapters import HTTPAdapter

from bridge.connection import Auth, ConnectionSettings, Scheme
from bridge.errors import (
    CERTIFICATE_FAILURES,
    AnswerNotSealed,
    BridgeError,
    Cancelled,
    KerberosLibraryMissing,
    OperationTimeout,
    Thumbprints,
    UnexpectedAnswer,
    Unreachable,
    WinRMNotListening,
    script_failure,
)
from bridge.psrp_errors import UnsealedResponse, tls_failure, translate_exception
from bridge.scripts import Operation, script_text
from bridge.transport import Parameters, check_answer_size, decode_answer
from bridge.wording import translate

NOT_ONE_DOCUMENT = translate(
    "Bridge", "expected one JSON document, got {count} objects", "detail-not-one-document"
)

# Seconds each receive waits on the server before it answers "nothing yet":
# the bound on how late a cancel or the operation timeout is noticed.
POLL_SECONDS = 1
READ_ONLY = frozenset({Operation.INVENTORY, Operation.PATH_ACCESS, Operation.GROUP_MEMBERS})
# A server that restarted answers the old session's sealed request with a plain 401, exactly as a
# forger would: a read may try once more on a fresh pool (a new sign-in), a change never is.
_RETRYABLE = (Unreachable, WinRMNotListening, UnexpectedAnswer, AnswerNotSealed)


_FRAGMENT_HEADER = struct.Struct(">QQBI")  # object id, fragment id, start/end bits, length (MS-PSRP 2.2.4)


class _JoiningFragmenter(Fragmenter):
    """pypsrp's Fragmenter, reassembling a message from a list of its fragments joined once.

    pypsrp 0.9's ``defragment`` appends each fragment to the bytes received so far and slices the
    rest of the response after each header: both copy, so a 60 MB answer (a 20,000-site server's
    path-access, in UTF-16) costs time and memory growing with its square (1.4 of 28 profiled
    seconds of a check at that size, measured). Same checks, same messages, one copy.
    """

    def defragment(self, data: bytes) -> list[Message]:
        view, offset, complete = memoryview(data), 0, []
        while offset < len(view):
            object_id, fragment_id, flags, length = _FRAGMENT_HEADER.unpack_from(view, offset)
            offset += _FRAGMENT_HEADER.size
            chunk = bytes(view[offset : offset + length])
            offset += length
            buffer = self.incoming_buffer.setdefault(object_id, {"data": [], "id": 0})
            if fragment_id != buffer["id"]:
                expected = buffer["id"]
                raise FragmentError(f"Fragment Id: {fragment_id} != Expected Fragment Id: {expected}")
            buffer["data"].append(chunk)
            buffer["id"] += 1
            if flags & 0x2:  # the end fragment
                del self.incoming_buffer[object_id]
                complete.append(b"".join(buffer["data"]))
        return [Message.unpack(message, self.serializer) for message in complete]


class PsrpTransport:
    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._wsman: WSMan | None = None
        self._pool: RunspacePool | None = None

    @property
    def host(self) -> str:
        return self.settings.host

    def run(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None = None,
        timeout: float | None = None,
    ) -> Any:
        with self._lock:
            reused = self._pool is not None
            try:
                if operation not in READ_ONLY and reused:
                    self._ensure_alive()
                return self._run_on_pool(operation, parameters, cancel, timeout)
            except BridgeError as error:
                if not (reused and operation in READ_ONLY and isinstance(error, _RETRYABLE)):
                    raise
            # The server dropped the pool since the last operation; a read is safe to repeat.
            self._discard()
            return self._run_on_pool(operation, parameters, cancel, timeout)

    def close(self) -> None:
        with self._lock:
            self._discard()

    def _run_on_pool(
        self,
        operation: Operation,
        parameters: Parameters,
        cancel: threading.Event | None,
        timeout: float | None,
    ) -> Any:
        try:
            pool = self._open()
            shell = PowerShell(pool)
            shell.add_script(script_text(operation))
            shell.add_parameters(dict(parameters))
            shell.begin_invoke()
            self._wait(shell, cancel, max(self.settings.operation_timeout, timeout or 0.0))
        except BridgeError:
            raise
        except Exception as exc:
            self._discard()
            raise self._translate(exc) from exc
        # pypsrp keeps every pipeline it started, output included, until told otherwise; a
        # finished one needs no Signal (the server ended it), only to be let go here.
        pool.pipelines.pop(shell.id, None)
        return self._answer(shell)

    def _wait(self, shell: PowerShell, cancel: threading.Event | None, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while shell.state == PSInvocationState.RUNNING:
            if cancel is not None and cancel.is_set():
                shell.stop()
                raise Cancelled()
            if time.monotonic() >= deadline:
                shell.stop()
                raise OperationTimeout(self.host, timeout)
            shell.poll_invoke(timeout=POLL_SECONDS)
            # An answer growing past the cap is stopped while it streams, not read to the end.
            try:
                check_answer_size(self.host, sum(len(item) for item in shell.output if isinstance(item, str)))
            except BridgeError:
                if shell.state == PSInvocationState.RUNNING:
                    shell.stop()
                raise

    def _answer(self, shell: PowerShell) -> Any:
        if shell.state == PSInvocationState.STOPPED:
            raise Cancelled()
        if shell.had_errors or shell.streams.error:
            record = shell.streams.error[0]
            markers = " ".join(str(part) for part in (record.fq_error, record.reason, record.message) if part)
            raise script_failure(self.host, str(record), record.fq_error, markers)
        texts = [item for item in shell.output if isinstance(item, str)]
        if len(texts) != 1 or len(shell.output) != 1:
            raise UnexpectedAnswer(self.host, NOT_ONE_DOCUMENT(count=str(len(shell.output))))
        return decode_answer(self.host, texts[0])

    def _open(self) -> RunspacePool:
        if self._pool is None:
            self._wsman = self._connect()
            # pypsrp's RunspacePool(connection, configuration_name=...): the WSMan resource URI's
            # last part, http://schemas.microsoft.com/powershell/<name>.
            pool = RunspacePool(self._wsman, configuration_name=self.settings.configuration_name)
            # The same Fragmenter pypsrp makes (its private attribute), joining each message once.
            pool._fragmenter = _JoiningFragmenter(self._wsman.max_payload_size, pool._serializer)
            pool.open()
            self._pool = pool
        return self._pool

    def _ensure_alive(self) -> None:
        pool = self._pool
        try:
            alive = pool is not None and pool.is_alive(timeout=POLL_SECONDS)
        except Exception:
            alive = False
        if not alive:
            self._discard()

    def _discard(self) -> None:
        pool, wsman = self._pool, self._wsman
        self._pool = self._wsman = None
        try:
            if pool is not None:
                pool.close()
        except Exception:  # noqa: S110 - the pool is already gone on the server side; nothing to release there
            pass
        finally:
            if wsman is not None:
                wsman.close()

    def _connect(self) -> WSMan:
        settings = self.settings
        if settings.auth is Auth.KERBEROS:
            _require_kerberos()
        https = settings.scheme is Scheme.HTTPS
        cert_validation: bool | str = settings.verify_tls and not settings.thumbprint
        if https and settings.ca_file is not None:
            cert_validation = str(settings.ca_file)
        extra: dict[str, Any] = {}
        if settings.auth is Auth.CERTIFICATE:
            extra = {
                "certificate_pem": str(settings.certificate_pem),
                "certificate_key_pem": str(settings.certificate_key_pem),
            }
        timeout = max(1, round(settings.connection_timeout))
        wsman = WSMan(
            settings.host,
            port=settings.port,
            username=settings.user,
            password=settings.password,
            ssl=https,
            auth=settings.auth.value,
            # pypsrp hands this to requests' ``verify``, which also takes a CA file path.
            cert_validation=cert_validation,  # type: ignore[arg-type]
            connection_timeout=timeout,
            # The HTTP read must outlast the WSMan operation timeout, or every
            # quiet long-poll would look like a dead server.
            operation_timeout=timeout,
            read_timeout=timeout + 10,
            no_proxy=True,
            **extra,
        )
        # pypsrp builds its requests session lazily on the first send; building it
        # here (the same private call pypsrp makes) lets it be set up before any
        # byte leaves.
        transport = wsman.transport
        session = transport._build_session()
        # pypsrp has merged the environment's proxy and CA settings into the session
        # above; left on, requests would read the environment again for every exchange.
        session.trust_env = False
        adapter = session.get_adapter(transport.endpoint)
        assert isinstance(adapter, HTTPAdapter)
        # pypsrp unwraps a sealed answer but takes a plain one as it comes, a forged fault included.
        # Checked as the adapter builds the response, before any hook (the auth's 401 handling) sees it.
        adapter.build_response = _sealed_or_rejected(adapter.build_response)  # type: ignore[method-assign]
        if https and settings.thumbprint:
            adapter.poolmanager.connection_pool_kw["assert_fingerprint"] = settings.thumbprint
        transport.session = session
        return wsman

    def _translate(self, exc: Exception) -> BridgeError:
        error = translate_exception(
            exc,
            self.host,
            port=self.settings.port,
            user=self.settings.user,
            configuration=self.settings.configuration_name,
        )
        if isinstance(error, CERTIFICATE_FAILURES):
            # Read the certificate again on a probe connection, only to show the admin what to compare.
            return tls_failure(exc, self.host, self.settings.port, self._peer_thumbprints())
        return error

    def _peer_thumbprints(self) -> Thumbprints | None:
        """The thumbprints of the certificate the server presents, so the admin can compare and pin it."""
        try:
            pem = ssl.get_server_certificate(
                (self.settings.host, self.settings.port), timeout=self.settings.connection_timeout
            )
        except (OSError, ValueError):
            return None
        der = ssl.PEM_cert_to_DER_cert(pem)
        return Thumbprints(
            hashlib.sha256(der).hexdigest(), hashlib.sha1(der, usedforsecurity=False).hexdigest()
        )


_SEALED = ("multipart/encrypted", "multipart/x-multi-encrypted")


def _sealed_or_rejected(build: Callable[[PreparedRequest, Any], Response]) -> Callable[..., Response]:
    """Reject a plain answer to a sealed request, whatever its status (a 401 or 500 too): once
    message encryption is in use, only the peer holding the session key can answer."""

    def checked(request: PreparedRequest, raw: Any) -> Response:
        response = build(request, raw)
        sent = str(request.headers.get("Content-Type", "")).lower()
        got = response.headers.get("Content-Type", "").lower()
        if sent.startswith(_SEALED) and not got.startswith(_SEALED):
            response.close()
            raise UnsealedResponse(f"HTTP {response.status_code} with Content-Type {got or 'none'!r}")
        return response

    return checked


def _require_kerberos() -> None:
    """Fail before connecting when Kerberos cannot work here: spnego uses SSPI on Windows and the
    gssapi package elsewhere, and imports it only once the server has answered 401."""
    if sys.platform == "win32":
        return
    try:
        importlib.import_module("gssapi")
    except ImportError as exc:
        raise KerberosLibraryMissing(str(exc)) from exc
