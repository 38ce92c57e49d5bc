"""One PowerShell runspace pool served over a WSMan shell, through psrpcore's server side.

A shell owns a ``ServerRunspacePool``; every WSMan Command becomes a
``ServerPipeline``. Pipelines run their one operation script on a worker thread
so a slow backend is long-polled by Receives instead of blocking the HTTP
thread. Everything psrpcore queues for the client is moved into one outbox per
target (the pool, or one pipeline) so a Receive for one never takes another's
fragments.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import psrpcore
from psrpcore.types import (
    ErrorCategory,
    ErrorCategoryInfo,
    ErrorRecord,
    NETException,
    PipelineState,
    PSInvocationState,
    PSVersion,
)

from bridge.lab.backend import ScriptBackend, ScriptFailed, ScriptRejected

log = logging.getLogger(__name__)

# The smallest slice psrpcore can cut: a fragment header is 21 bytes.
MIN_FRAGMENT = 22
FINAL_STATES = frozenset({PSInvocationState.Completed, PSInvocationState.Failed, PSInvocationState.Stopped})
WORKER_JOIN_SECONDS = 2.0

ParameterValue = str | int | bool | float | None | list["ParameterValue"]
PipelineObserver = Callable[[str, Mapping[str, ParameterValue]], None]


class UnknownCommand(Exception):
    """A Receive, Send or Signal named a CommandId this shell does not have."""


class ShellClosed(Exception):
    """The shell was deleted (or the host stopped) while a request waited on it."""


@dataclass(frozen=True)
class ReceiveReply:
    payloads: tuple[bytes, ...]
    command_done: bool


@dataclass
class _Run:
    pipeline: psrpcore.ServerPipeline
    waiting_for_input: bool = False
    worker: threading.Thread | None = None


@dataclass
class _Replay:
    message_id: str
    sequence_id: str | None
    reply: ReceiveReply


@dataclass
class _Target:
    """What one Receive stream (pool or pipeline) has queued, and its last answer for replays."""

    outbox: deque[bytes] = field(default_factory=deque)
    generation: int = 0
    last: _Replay | None = None


def _plain(value: object) -> ParameterValue:
    """Turn a deserialised CLIXML value into plain JSON-able data; it is never evaluated."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return str(value)


def _exception(message: str, type_names: list[str]) -> NETException:
    exception = NETException(Message=message, HResult=-2146233087)
    exception.PSObject.type_names = [*type_names, *exception.PSTypeNames]
    return exception


def not_recognized(name: str) -> ErrorRecord:
    """The error a locked-down (JEA) endpoint gives for a command it does not expose."""
    message = (
        f"The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable "
        "program. Check the spelling of the name, or if a path was included, verify that the path is correct "
        "and try again."
    )
    return ErrorRecord(
        Exception=_exception(
            message,
            [
                "System.Management.Automation.CommandNotFoundException",
                "System.Management.Automation.RuntimeException",
                "System.SystemException",
            ],
        ),
        CategoryInfo=ErrorCategoryInfo(
            Category=ErrorCategory.ObjectNotFound,
            Reason="CommandNotFoundException",
            TargetName=name,
            TargetType="String",
        ),
        TargetObject=name,
        FullyQualifiedErrorId="CommandNotFoundException",
    )


def script_failure(error: ScriptFailed) -> ErrorRecord:
    """The terminating error record a failed operation script leaves on Windows."""
    category = ErrorCategory.__members__.get(error.category, ErrorCategory.NotSpecified)
    return ErrorRecord(
        Exception=_exception(
            error.message, ["System.Management.Automation.RuntimeException", "System.SystemException"]
        ),
        CategoryInfo=ErrorCategoryInfo(
            Category=category,
            Reason=error.error_id.rsplit(",", 1)[0],
            TargetName=error.target or "",
        ),
        TargetObject=error.target,
        FullyQualifiedErrorId=error.error_id,
    )


def _command_name(text: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else text
    return first_line.strip()


class RunspaceShell:
    """The server end of one pypsrp ``RunspacePool``: created by WSMan Create, ended by Delete."""

    def __init__(
        self,
        shell_id: str,
        creation: bytes,
        *,
        backend: ScriptBackend,
        on_pipeline: PipelineObserver,
    ) -> None:
        self.shell_id = shell_id
        self.created = time.monotonic()
        self._backend = backend
        self._on_pipeline = on_pipeline
        self._cond = threading.Condition()
        self._closed = False
        self._runs: dict[uuid.UUID, _Run] = {}
        self._finished: set[uuid.UUID] = set()
        self._targets: dict[uuid.UUID | None, _Target] = {None: _Target()}
        self._pool = psrpcore.ServerRunspacePool(
            application_private_data={
                "PSVersionTable": {
                    "PSVersion": PSVersion("5.1.17763.1"),
                    "PSEdition": "Desktop",
                    "WSManStackVersion": PSVersion("3.0"),
                    "BuildVersion": PSVersion("10.0.17763.1"),
                    "CLRVersion": PSVersion("4.0.30319.42000"),
                },
            }
        )
        with self._cond:
            self._feed(creation, None, psrpcore.StreamType.default)

    @property
    def runspace_pool_id(self) -> str:
        return str(self._pool.runspace_pool_id).upper()

    def command(self, command_id: str | None, data: bytes) -> str:
        """Start a pipeline whose CreatePipeline message arrives in the Command arguments."""
        pipeline_id = uuid.UUID(command_id) if command_id else uuid.uuid4()
        with self._cond:
            self._ensure_open()
            psrpcore.ServerPipeline(self._pool, pipeline_id)
            self._targets[pipeline_id] = _Target()
            self._feed(data, pipeline_id, psrpcore.StreamType.default)
        return str(pipeline_id).upper()

    def send(self, command_id: str | None, stream: str, data: bytes) -> None:
        stream_type = psrpcore.StreamType.prompt_response if stream == "pr" else psrpcore.StreamType.default
        with self._cond:
            self._ensure_open()
            pipeline_id = self._known(command_id)
            self._feed(data, pipeline_id, stream_type)

    def signal(self, command_id: str, code: str) -> None:
        """``powershell/signal/crtl_c`` (sic) stops the pipeline; Terminate also forgets it."""
        with self._cond:
            self._ensure_open()
            pipeline_id = self._known(command_id)
            if pipeline_id is None:
                raise UnknownCommand(command_id)
            run = self._runs.get(pipeline_id)
            if run is not None:
                self._stop(run)
                if code.lower().endswith("terminate"):
                    run.pipeline.close()
                    del self._runs[pipeline_id]
                    self._targets.pop(pipeline_id, None)
                    self._finished.add(pipeline_id)
            self._cond.notify_all()

    def receive(
        self,
        command_id: str | None,
        *,
        max_bytes: int,
        timeout: float,
        message_id: str,
        sequence_id: str | None,
    ) -> ReceiveReply | None:
        """Long-poll for output; ``None`` means nothing came before ``timeout`` (WSMan TimedOut).

        A request that repeats the last MessageID or SequenceId of the stream is a
        client retry whose answer was lost: it gets that same answer again.
        """
        deadline = time.monotonic() + timeout
        fragment_limit = max(MIN_FRAGMENT, max_bytes)
        with self._cond:
            pipeline_id = self._known(command_id)
            target = self._targets.setdefault(pipeline_id, _Target())
            last = target.last
            if last is not None and (
                last.message_id == message_id or (sequence_id is not None and last.sequence_id == sequence_id)
            ):
                return last.reply
            target.generation += 1
            generation = target.generation
            while True:
                self._ensure_open()
                self._drain(fragment_limit)
                reply = self._take(pipeline_id, target, max_bytes)
                if reply is not None:
                    target.last = _Replay(message_id, sequence_id, reply)
                    return reply
                remaining = deadline - time.monotonic()
                if remaining <= 0 or generation != target.generation:
                    return None
                self._cond.wait(remaining)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = [run.worker for run in self._runs.values() if run.worker is not None]
            self._cond.notify_all()
        for worker in workers:
            worker.join(WORKER_JOIN_SECONDS)

    def _ensure_open(self) -> None:
        if self._closed:
            raise ShellClosed(self.shell_id)

    def _known(self, command_id: str | None) -> uuid.UUID | None:
        if not command_id:
            return None
        try:
            pipeline_id = uuid.UUID(command_id)
        except ValueError:
            raise UnknownCommand(command_id) from None
        if (
            pipeline_id not in self._runs
            and pipeline_id not in self._finished
            and pipeline_id not in self._targets
        ):
            raise UnknownCommand(command_id)
        return pipeline_id

    def _feed(self, data: bytes, pipeline_id: uuid.UUID | None, stream_type: psrpcore.StreamType) -> None:
        self._pool.receive_data(psrpcore.PSRPPayload(data, stream_type, pipeline_id))
        while (event := self._pool.next_event()) is not None:
            self._handle(event)
        self._cond.notify_all()

    def _handle(self, event: psrpcore.PSRPEvent[Any, Any]) -> None:
        if isinstance(event, psrpcore.CreatePipelineEvent):
            pipeline = self._pool.pipeline_table[event.pipeline_id]
            run = _Run(pipeline, waiting_for_input=not event.pipeline.no_input)
            self._runs[event.pipeline_id] = run
            if not run.waiting_for_input:
                self._start(run)
        elif isinstance(event, psrpcore.EndOfPipelineInputEvent):
            waiting = self._runs.get(event.pipeline_id)
            if waiting is not None and waiting.waiting_for_input:
                waiting.waiting_for_input = False
                self._start(waiting)
        elif isinstance(event, psrpcore.GetCommandMetadataEvent):
            pipeline = self._pool.pipeline_table[event.pipeline_id]
            self._runs[event.pipeline_id] = run = _Run(pipeline)
            self._mark_running(run)
            self._fail(run, not_recognized("Get-Command"))
        elif isinstance(event, psrpcore.GetAvailableRunspacesEvent):
            self._pool.runspace_availability_response(event.ci, self._pool.max_runspaces)
        elif isinstance(
            event,
            psrpcore.SetMaxRunspacesEvent | psrpcore.SetMinRunspacesEvent | psrpcore.ResetRunspaceStateEvent,
        ):
            self._pool.runspace_availability_response(event.ci, True)

    def _start(self, run: _Run) -> None:
        self._mark_running(run)
        metadata = run.pipeline.metadata
        commands = metadata.commands if isinstance(metadata, psrpcore.PowerShell) else []
        if (
            len(commands) != 1
            or not commands[0].is_script
            or any(name is None for name, _ in commands[0].parameters)
        ):
            name = _command_name(commands[0].command_text) if commands else ""
            self._fail(run, not_recognized(name))
            return
        command = commands[0]
        parameters = {str(name): _plain(value) for name, value in command.parameters}
        run.worker = threading.Thread(
            target=self._execute,
            args=(run, command.command_text, parameters),
            name=f"lab-pipeline-{run.pipeline.pipeline_id}",
            daemon=True,
        )
        run.worker.start()

    def _execute(self, run: _Run, script: str, parameters: dict[str, ParameterValue]) -> None:
        output: str | None = None
        error: ErrorRecord | None = None
        try:
            self._on_pipeline(script, parameters)
            output = self._backend.execute(script, parameters)
        except ScriptRejected:
            error = not_recognized(_command_name(script))
        except ScriptFailed as failure:
            error = script_failure(failure)
        except Exception as unexpected:  # a backend bug must fail one pipeline, not the server
            log.exception("backend failed on a pipeline")
            error = script_failure(
                ScriptFailed(str(unexpected), error_id="InternalError", category="NotSpecified")
            )
        with self._cond:
            if run.pipeline.state != PSInvocationState.Running or self._closed:
                return
            if error is not None:
                self._fail(run, error)
            else:
                run.pipeline.write_output(output)
                run.pipeline.complete()
            self._cond.notify_all()

    @staticmethod
    def _mark_running(run: _Run) -> None:
        # Not ServerPipeline.start(): that queues a Running PipelineState, which Windows never sends.
        run.pipeline.state = PSInvocationState.Running

    def _fail(self, run: _Run, error: ErrorRecord) -> None:
        # As recorded from Windows: a terminating error travels only inside the
        # Failed PipelineState message; pypsrp adds it to streams.error itself.
        run.pipeline.prepare_message(
            PipelineState(PipelineState=int(PSInvocationState.Failed), ExceptionAsErrorRecord=error)
        )
        run.pipeline.state = PSInvocationState.Failed

    def _stop(self, run: _Run) -> None:
        if run.pipeline.state in FINAL_STATES:
            return
        if run.pipeline.state == PSInvocationState.NotStarted:
            self._mark_running(run)
        run.waiting_for_input = False
        run.pipeline.begin_stop()
        run.pipeline.stop()

    def _drain(self, fragment_limit: int) -> None:
        while (payload := self._pool.data_to_send(fragment_limit)) is not None:
            self._targets.setdefault(payload.pipeline_id, _Target()).outbox.append(payload.data)

    def _take(self, pipeline_id: uuid.UUID | None, target: _Target, max_bytes: int) -> ReceiveReply | None:
        taken: list[bytes] = []
        size = 0
        while target.outbox and (not taken or size + len(target.outbox[0]) <= max_bytes):
            size += len(target.outbox[0])
            taken.append(target.outbox.popleft())
        done = pipeline_id is not None and not target.outbox and self._is_finished(pipeline_id)
        if not taken and not done:
            return None
        if done and pipeline_id in self._runs:
            run = self._runs.pop(pipeline_id)
            run.pipeline.close()
            self._finished.add(pipeline_id)
        return ReceiveReply(tuple(taken), done)

    def _is_finished(self, pipeline_id: uuid.UUID) -> bool:
        if pipeline_id in self._finished:
            return True
        run = self._runs.get(pipeline_id)
        return run is not None and run.pipeline.state in FINAL_STATES
