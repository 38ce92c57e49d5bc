"""The ``iis-access`` commands: parse, connect, run one operation, print for people or as JSON.

Exit codes are listed in ``EXIT_CODES`` (and in ``--help``). Messages go to
stderr, the clear sentence first; with ``--json`` stdout holds exactly one
JSON document, so the confirmation prompt goes to stderr too.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, NoReturn, TextIO

from bridge import (
    __version__,
    change_cli,
    doctor_command,
    export_command,
    findings,
    fix_command,
    fleet_command,
    history_text,
    members_cli,
    operations,
)
from bridge.access import AccessLevel
from bridge.change import Change, ChangeKind, Verdict, refuse_unless_applicable
from bridge.check_output import check_json, render_check
from bridge.collector import settle_startup_objects
from bridge.connection import (
    DEFAULT_CONFIGURATION_NAME,
    HTTP_PORT,
    HTTPS_PORT,
    Auth,
    ConnectionSettings,
    Scheme,
    connection_settings,
    host_label,
)
from bridge.credentials import password_for
from bridge.demo import DEMO_LABEL, DemoHost
from bridge.demo_state import state_path
from bridge.errors import (
    EXIT_CANCELLED,
    EXIT_FAILED,
    EXIT_OK,
    BridgeError,
    Declined,
    NothingToDo,
    OutcomeUnknown,
    UsageFailure,
)
from bridge.history import History
from bridge.local_transport import LocalTransport
from bridge.logfile import log_to_file
from bridge.members import Group
from bridge.model import Inventory, Message
from bridge.needs import CheckResult, CheckStatus
from bridge.plans import GrantKind, GrantPlan
from bridge.psrp_transport import PsrpTransport
from bridge.session import HostSession
from bridge.transport import Transport
from bridge.wording import translate

# Like `git diff --exit-code`: a script can tell "all met" from "something to fix" by the code alone.
EXIT_MISSING = 1
# 128 + SIGPIPE, as a shell reports a tool that a closed pipe stopped.
EXIT_BROKEN_PIPE = 141

log = logging.getLogger(__name__)

# A script cannot tell "changed" from "not changed" by reading prose, so every
# outcome in which nothing changed by choice or by rule shares one code.
EXIT_CODES = """exit codes:
  0    done, or nothing to do (the access was already there, the change already undone);
       check: every requirement is met
  1    check: at least one requirement is missing or blocked by a deny entry, or cannot be
       fixed here
  2    usage error: unknown option, target or change id
  3    nothing was changed: refused by a safety rule, a blocking deny entry or an ACL that
       changed since it was read, or declined at the confirmation prompt
  4    could not connect or authenticate
  5    the operation failed on the host, its outcome is unknown, or IIS Access failed
       unexpectedly (the message names the log file with the details)
  130  interrupted with Ctrl+C
  141  the reader of the output went away (piped into head, say); what was done is in the history
"""


GRANT_KINDS = """kinds:
  iusr-read          IUSR (anonymous visitors) may read and run the files: for anonymous authentication
                     that runs as IUSR
  iis-iusrs-modify   IIS_IUSRS (every application pool) may change the files; discouraged on a site's
                     root, kept for software whose installer asks for it
  pool-read          the application pool's own identity (IIS AppPool\\NAME) may read and run the files
  pool-modify        the application pool's own identity may change the files: for an uploads or
                     App_Data folder (give --subpath)
  account-read       the account given with --sid may read and run the files: any account the check
                     named (a Connect-as user, the users who sign in, an impersonated user)
  account-modify     the account given with --sid may change the files (a pool's SID on Temporary
                     ASP.NET Files: give --path)

--path names a folder the check named for the target outside its own folder (the folder of a
web.config above it, the Temporary ASP.NET Files folder of its pool); a refused --path lists the
folders accepted.
"""

# Subcommand name -> summary for the programs gui.launcher starts before this parser runs.
OTHER_PROGRAMS = {
    "gui": "the desktop app (the default without a command); 'iis-access gui --help' for its options",
    "lab": "run the simulated Windows server on loopback; 'iis-access lab --help' for its options",
}


USAGE_HINT = translate("Bridge", "Run 'iis-access --help' for the options.", "hint-usage")
# argparse's own words for what is wrong with the command line (the CLI's, never the GUI's).
ARGUMENTS = translate("Bridge", "{problem}.", "usage-arguments")
NO_PASSWORD = translate(
    "Bridge", "No password for {user}: set IIS_ACCESS_PASSWORD or run interactively.", "no-password"
)
NOT_A_TERMINAL = translate(
    "Bridge", "Confirmation needed but stdin is not a terminal: add --yes.", "confirmation-not-a-terminal"
)
TARGET_OR_ALL = translate("Bridge", "Give either a TARGET or --all.", "target-or-all")
JSON_OR_CSV = translate("Bridge", "Give either --json or --format csv.", "json-or-csv")
NO_OPTIONS_BEFORE = translate(
    "Bridge", "'{command}' takes no options before it: run 'iis-access {command} ...'.", "no-options-before"
)
GRANT_DECLINED = translate(
    "Bridge", "The grant was declined at the confirmation prompt; nothing was changed.", "grant-declined"
)
UNDO_DECLINED = translate(
    "Bridge", "The undo was declined at the confirmation prompt; nothing was changed.", "undo-declined"
)
REDUCE_DECLINED = translate(
    "Bridge", "The reduction was declined at the confirmation prompt; nothing was changed.", "reduce-declined"
)
INTERNAL_ERROR = translate(
    "Bridge", "IIS Access failed unexpectedly ({kind}); the details are in {log}.", "internal-error"
)
INTERNAL_ERROR_HINT = translate(
    "Bridge", "Nothing more was sent. Please report this with the log file.", "hint-internal-error"
)
# Said by the first command that uses the demo (and the first after a reset), not by every one.
DEMO_NOTICE = (
    "No --host given: this is the built-in demo lab, a simulated IIS server, not a real one. It keeps "
    "its changes in {state} between runs, as a server would; 'iis-access lab --reset-demo' puts it "
    "back as shipped."
)


class UsageError(UsageFailure):
    def __init__(self, message: Message) -> None:
        super().__init__(message, USAGE_HINT())


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(ARGUMENTS(problem=message[:1].upper() + message[1:]))


def build_parser() -> argparse.ArgumentParser:
    json_option = _Parser(add_help=False)
    json_option.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document on stdout"
    )
    parser = _Parser(
        prog="iis-access",
        description="See which account needs access to each IIS site's folder, and grant it.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    connection = parser.add_argument_group("connection")
    fleet_command.add_options(connection)
    connection.add_argument(
        "--port", type=int, help=f"WinRM port (default: {HTTPS_PORT} for https, {HTTP_PORT} for http)"
    )
    connection.add_argument(
        "--transport",
        choices=[s.value for s in Scheme],
        default=Scheme.HTTPS.value,
        help="WinRM over HTTPS or HTTP (default: %(default)s)",
    )
    connection.add_argument(
        "--auth",
        choices=[a.value for a in Auth],
        default=Auth.NEGOTIATE.value,
        help="how to sign in to the host (default: %(default)s)",
    )
    connection.add_argument(
        "--user",
        metavar="ACCOUNT",
        help="account to sign in as, DOMAIN\\name or name@domain; needed by every sign-in method but "
        "kerberos and certificate (default: none; the password comes from IIS_ACCESS_PASSWORD, "
        "the keyring or a prompt)",
    )
    connection.add_argument("--ca-file", metavar="FILE")
    connection.add_argument(
        "--cert-thumbprint",
        metavar="THUMBPRINT",
        help="pin the server certificate: its SHA-256 or SHA-1 thumbprint "
        "(Get-ChildItem Cert:\\LocalMachine\\My on the server prints SHA-1)",
    )
    connection.add_argument(
        "--no-verify-tls", action="store_true", help="do NOT verify the HTTPS certificate"
    )
    connection.add_argument("--timeout", type=float, default=120.0, help="operation timeout in seconds")
    connection.add_argument(
        "--configuration-name",
        metavar="NAME",
        default=DEFAULT_CONFIGURATION_NAME,
        help="PowerShell session configuration to connect to (default: Microsoft.PowerShell, "
        "Windows PowerShell 5.1)",
    )
    connection.add_argument(
        "--powershell", metavar="PATH", help="run Windows PowerShell from PATH on this machine"
    )

    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("sites", parents=[json_option], help="every site with its applications")
    commands.add_parser("pools", parents=[json_option], help="every application pool with its identity")
    check = commands.add_parser("check", parents=[json_option], help="who needs what on a target's folder")
    check.add_argument("target", nargs="?", help="Site, or Site/app/path")
    check.add_argument("--all", action="store_true", help="every site, application and virtual directory")
    check.add_argument(
        "--format", choices=["text", "csv"], default="text", help="csv: one row per requirement, per host"
    )
    grant = commands.add_parser(
        "grant",
        parents=[json_option],
        help="grant an identity access to a folder",
        description="Grant one account access to the folder of a site, application or virtual directory.",
        epilog=GRANT_KINDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    grant.add_argument(
        "kind", choices=[kind.value for kind in GrantKind], help="which access; see the kinds below"
    )
    grant.add_argument(
        "target",
        help='whose folder: a site\'s name ("Contoso Shop"), or Site/app/path for an application or '
        "virtual directory (\"Contoso Shop/api\"), as 'iis-access sites' lists them",
    )
    grant.add_argument(
        "--sid", help="account-read and account-modify: the account to grant, by SID (S-1-5-11)"
    )
    where = grant.add_mutually_exclusive_group()
    where.add_argument("--subpath", metavar="RELATIVE", help="a folder below the target, e.g. App_Data")
    where.add_argument("--path", metavar="FOLDER", help="a folder the check named for the target (see below)")
    grant.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    grant.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    change_cli.add_reduce_parser(commands, json_option)
    fix_command.add_parser(commands, json_option)
    members_cli.add_parser(commands, json_option)
    commands.add_parser("history", parents=[json_option], help="the changes made from this account")
    undo = commands.add_parser("undo", parents=[json_option], help="restore a folder's ACL as it was")
    undo.add_argument("change_id")
    undo.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    doctor_command.add_parser(commands, json_option)
    export_command.add_parser(commands)
    # Both are started by gui.launcher before this parser runs; they are listed so --help names them.
    for name, summary in OTHER_PROGRAMS.items():
        commands.add_parser(name, add_help=False, help=summary)
    return parser


def _sites_json(inventory: Inventory) -> list[dict[str, Any]]:
    return [
        {
            "name": site.name,
            "id": site.id,
            "state": site.state,
            "bindings": [
                {"protocol": binding.protocol, "bindingInformation": binding.binding_information}
                for binding in site.bindings
            ],
            "applications": [
                {
                    "path": application.path,
                    "applicationPool": application.application_pool,
                    "physicalPath": next(
                        (
                            vdir.expanded_physical_path
                            for vdir in application.virtual_directories
                            if vdir.path == "/"
                        ),
                        None,
                    ),
                    "virtualDirectories": [
                        {
                            "path": vdir.path,
                            "physicalPath": vdir.expanded_physical_path,
                            # IIS Manager's "Physical path credentials"; never the password itself.
                            "connectAs": None
                            if vdir.connect_as is None
                            else {
                                "name": vdir.connect_as.account.name,
                                "sid": vdir.connect_as.account.sid,
                                "logonMethod": vdir.connect_as.logon_method,
                                "passwordSet": vdir.connect_as.password_set,
                            },
                        }
                        for vdir in application.virtual_directories
                    ],
                    "anonymousAuthentication": application.anonymous.enabled,
                    "windowsAuthentication": application.sign_in.windows,
                    "basicAuthentication": application.sign_in.basic,
                    "digestAuthentication": application.sign_in.digest,
                    "impersonation": None
                    if not application.impersonation.enabled
                    else {
                        "name": application.impersonation.account.name
                        if application.impersonation.account
                        else None,
                        "sid": application.impersonation.account.sid
                        if application.impersonation.account
                        else None,
                    },
                }
                for application in site.applications
            ],
        }
        for site in inventory.sites
    ]


def _render_sites(inventory: Inventory) -> str:
    lines = []
    for site in inventory.sites:
        lines.append(f"{site.name} (id {site.id}, {site.state})")
        for target in inventory.targets():
            if target.site is site:
                connect_as = target.directory.connect_as
                as_user = f"  (Connect as {connect_as.account.name})" if connect_as is not None else ""
                lines.append(
                    f"  {target.ref}  ->  {target.physical_path}  [{target.application.application_pool}]"
                    + as_user
                )
    return "\n".join(lines)


def _pools_json(inventory: Inventory) -> list[dict[str, Any]]:
    return [
        {
            "name": pool.name,
            "state": pool.state,
            "identityType": pool.identity_type.value,
            "identity": pool.identity_account,
            "sid": pool.sid,
            "identitySid": pool.identity_sid,
            "managedRuntimeVersion": pool.managed_runtime_version,
            "enable32BitAppOnWin64": pool.enable_32bit,
        }
        for pool in inventory.app_pools
    ]


def _render_pools(inventory: Inventory) -> str:
    return "\n".join(
        f"{pool.name} ({pool.state}): runs as {pool.identity_account} [{pool.identity_type.value}], "
        f"pool SID {pool.sid}"
        for pool in inventory.app_pools
    )


def _plan_json(plan: GrantPlan) -> dict[str, Any]:
    return change_cli.change_json(plan.change) | {
        "inheritance": plan.inheritance,
        # The files and folders below the folder that Windows writes the entry to (null: not told);
        # itemsBelowComplete false means "at least".
        "itemsBelow": plan.items_below,
        "itemsBelowComplete": plan.items_below_complete,
    }


def _render_plan(plan: GrantPlan) -> str:
    return change_cli.render_change(plan.change, f", {plan.inheritance_text}")


def _settings(args: argparse.Namespace) -> ConnectionSettings:
    if args.no_verify_tls:
        _say(
            "Warning: --no-verify-tls: the server's certificate is NOT checked; anyone on the network path "
            "can pose as it and read the session."
        )
    password = None
    if args.user and args.auth != Auth.CERTIFICATE.value:
        password = password_for(args.user, args.host)
        if password is None:
            raise UsageError(NO_PASSWORD(user=args.user))
    return connection_settings(
        args.host,
        port=args.port,
        scheme=args.transport,
        auth=args.auth,
        user=args.user,
        password=password,
        ca_file=args.ca_file,
        thumbprint=args.cert_thumbprint,
        verify_tls=not args.no_verify_tls,
        operation_timeout=args.timeout,
        configuration_name=args.configuration_name,
    )


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[HostSession]:
    with ExitStack() as stack:
        transport: Transport
        label = None
        if args.host:
            settings = _settings(args)
            transport = PsrpTransport(settings)
            label = host_label(getattr(args, "inventory_name", None) or args.host, settings.port)
        elif args.powershell or sys.platform == "win32":
            transport = LocalTransport(args.powershell, operation_timeout=args.timeout)
        else:
            demo = DemoHost()
            if demo.first_use:
                _say(DEMO_NOTICE.format(state=state_path()))
            transport = PsrpTransport(stack.enter_context(demo))
            label = DEMO_LABEL
        session = stack.enter_context(HostSession(transport, label))
        yield session


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _emit(args: argparse.Namespace, document: Any, text: str, out: TextIO) -> None:
    if getattr(args, "json", False):
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(text + ("\n" if text and not text.endswith("\n") else ""))


class _Listing:
    """Whole-server results written as each is handed over, then let go: a JSON array with one
    element per line, or the text blocks with a blank line between. A 20,000-site check is 60,000
    results: the indenting (pure Python) encoder took 30 s to print them, and holding them all until
    the last is made 180 MB. Nothing is written before the first result, so a check that fails
    before it has one prints only its error."""

    def __init__(self, out: TextIO, *, as_json: bool) -> None:
        self._out, self._json, self._written = out, as_json, 0
        self.all_met = True

    def add(self, result: CheckResult) -> None:
        self.all_met = self.all_met and result.status in _MET
        if self._json:
            text = ("[\n" if not self._written else ",\n") + _ENCODE(check_json(result))
        else:
            text = ("\n\n" if self._written else "") + render_check(result)
        self._out.write(text)
        self._written += 1

    @property
    def started(self) -> bool:
        """Whether a result is written: an error after it goes to stderr (see _error_out)."""
        return self._written > 0

    def close(self) -> None:
        if self._json:
            self._out.write(("" if self._written else "[") + "\n]\n")
        elif self._written:
            self._out.write("\n")


# One encoder for every line (json.dumps with an option makes a new one per call); C-accelerated.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
# Too much access breaks nothing: like all met, it exits 0 (its findings are in the output).
_MET = (CheckStatus.OK, CheckStatus.TOO_MUCH)


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise UsageError(NOT_A_TERMINAL())
    _say(question)
    # Not input(): it prompts on stdout, which belongs to the --json document.
    sys.stderr.write("Proceed? [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in {"y", "yes"}


def _run(args: argparse.Namespace, out: TextIO) -> int:
    history = History()
    if args.command == "history":
        records = history.records()
        _emit(args, [record.to_json() for record in records], history_text.render(records, history.path), out)
        return EXIT_OK
    hosts = fleet_command.fleet_hosts(args)
    if hosts is not None and args.command == export_command.COMMAND:
        return export_command.run_fleet(args, hosts, out, settings=_settings)
    if hosts is not None:
        return fleet_command.run(
            args,
            hosts,
            out,
            on_host=lambda each, session, buffer: _on_host(each, session, buffer, history),
            settings=_settings,
        )
    with _session(args) as session:
        return _on_host(args, session, out, history)


def _on_host(args: argparse.Namespace, session: HostSession, out: TextIO, history: History) -> int:
    """Run the command on one host; a fleet run calls it once per host."""
    if args.command == "sites":
        inventory = operations.inventory(session)
        _emit(args, _sites_json(inventory), _render_sites(inventory), out)
    elif args.command == "pools":
        inventory = operations.inventory(session)
        _emit(args, _pools_json(inventory), _render_pools(inventory), out)
    elif args.command == members_cli.COMMAND:
        view = operations.members(session, Group(args.group))
        _emit(args, members_cli.group_json(view), members_cli.render_group(view), out)
    elif args.command == "check":
        return _check(args, session, out)
    elif args.command in _CHANGE_COMMANDS:
        return _CHANGE_COMMANDS[args.command](args, session, history, out)
    elif args.command == export_command.COMMAND:
        return export_command.run(args, session, out)
    elif args.command == "doctor":
        return doctor_command.run(args, session, lambda document, text: _emit(args, document, text, out))
    elif args.command == "undo":
        record = history.get(args.change_id)
        if not args.yes and not _confirm(f"Restore the ACL of {record.path} on {record.host}."):
            raise Declined(UNDO_DECLINED())
        try:
            undone = operations.undo(session, args.change_id, history)
        except NothingToDo as nothing:
            text = f"{nothing.message} {nothing.hint}"
            _emit(args, {"changeId": record.id, "restored": False, "nothingToDo": text}, text, out)
            return EXIT_OK
        _emit(
            args,
            {"changeId": undone.id, "restored": undone.undone},
            f"Restored the ACL of {undone.path} as it was before change {undone.id}.",
            out,
        )
    return EXIT_OK


def _check(args: argparse.Namespace, session: HostSession, out: TextIO) -> int:
    if args.all == bool(args.target):
        raise UsageError(TARGET_OR_ALL())
    if args.format == "csv" and getattr(args, "json", False):
        raise UsageError(JSON_OR_CSV())
    if args.format == "csv":
        results = operations.check_all(session) if args.all else [operations.check(session, args.target)]
        label = getattr(args, "host_label", None) or session.host
        out.write(findings.csv_text(label, results, header=getattr(args, "csv_header", True)))
    elif args.all:
        listing = _Listing(out, as_json=getattr(args, "json", False))
        cancel = threading.Event()
        try:
            operations.check_each(session, listing.add, cancel)
        except KeyboardInterrupt:
            # Else the session's thread goes on printing the rest of the server after "Interrupted.".
            cancel.set()
            raise
        finally:
            args.results_printed = listing.started
        listing.close()
        return EXIT_OK if listing.all_met else EXIT_MISSING
    else:
        results = [operations.check(session, args.target)]
        _emit(args, check_json(results[0]), render_check(results[0]), out)
    return EXIT_OK if all(result.status in _MET for result in results) else EXIT_MISSING


def _grant(args: argparse.Namespace, session: HostSession, history: History, out: TextIO) -> int:
    plan = operations.plan(
        session, GrantKind(args.kind), args.target, args.subpath, path=args.path, sid=args.sid
    )
    preview = _render_plan(plan)
    return _make(args, session, history, out, plan.change, plan_json=_plan_json(plan), preview=preview)


def _reduce(args: argparse.Namespace, session: HostSession, history: History, out: TextIO) -> int:
    to = AccessLevel(args.to)
    change = operations.plan_reduce(session, args.target, args.sid, to=to, subpath=args.subpath)
    document, preview = change_cli.change_json(change), change_cli.render_change(change)
    return _make(args, session, history, out, change, plan_json=document, preview=preview)


def _fix(args: argparse.Namespace, session: HostSession, history: History, out: TextIO) -> int:
    if args.all == bool(args.target):
        raise UsageError(TARGET_OR_ALL())
    output = fix_command.Output(
        emit=lambda document, text: _emit(args, document, text, out),
        confirm=_confirm,
        fail=lambda error, extra: _fail(args, error, out, extra),
        plan_json=_plan_json,
        render_plan=_render_plan,
    )
    return fix_command.run(args, session, history, output)


# The commands that plan changes and make them: every kind of change has one.
_CHANGE_COMMANDS = {"grant": _grant, change_cli.REDUCE_COMMAND: _reduce, fix_command.COMMAND: _fix}


def _make(
    args: argparse.Namespace,
    session: HostSession,
    history: History,
    out: TextIO,
    change: Change,
    *,
    plan_json: dict[str, Any],
    preview: str,
) -> int:
    """Show the change, ask, make it: the one path of every kind of change, with one JSON document."""
    unchanged: dict[str, Any] = {"changeId": None, "changed": False, "plan": plan_json}
    unchanged |= {"before": change.before, "after": change.before}
    try:
        if change.verdict is Verdict.NOTHING_TO_DO:
            reason = "" if change.reason is None else f" {change.reason.describe()}"
            _emit(args, unchanged, f"{preview}\nNothing to do:{reason}", out)
            return EXIT_OK
        if not change.applicable:
            _say(preview)
            refuse_unless_applicable(change)
        if args.dry_run:
            # Nothing changed, and "after" is the ACL the change would leave, as predicted.
            dry = unchanged | {"after": change.expected_after, "dryRun": True}
            _emit(args, dry, preview + "\nDry run: nothing changed.", out)
            return EXIT_OK
        if not args.yes and not _confirm(preview):
            raise Declined(_DECLINED[change.kind]())
        record = operations.apply(session, change, history)
    except BridgeError as error:
        # The refusal, the declined prompt or the failed change, with the plan it concerns.
        return _fail(args, error, out, {"plan": plan_json})
    done = {"changeId": record.id, "changed": True, "plan": plan_json, "before": record.before}
    _emit(
        args,
        done | {"after": record.after},
        f"Done: change {record.id}; undo it with 'iis-access undo {record.id}'.",
        out,
    )
    return EXIT_OK


_DECLINED = {
    ChangeKind.GRANT: GRANT_DECLINED,
    ChangeKind.REDUCE: REDUCE_DECLINED,
    ChangeKind.UNDO: UNDO_DECLINED,
}


def error_json(error: BridgeError) -> dict[str, Any]:
    """The ``error`` object of a failed command's JSON document (a fleet run reuses it per host)."""
    document: dict[str, Any] = {
        "kind": type(error).__name__,
        "message": error.message,
        "hint": error.hint,
        "exitCode": error.exit_code,
    }
    if isinstance(error, OutcomeUnknown):
        document["changeId"] = error.change_id
    return document


def _error_out(args: argparse.Namespace) -> TextIO:
    """Where a failure's --json document goes: stdout, unless results were printed there already
    (a whole server's, each as it was made): an error document after half an array would leave
    neither readable, so it goes to stderr and stdout stays a cut-off array, the exit code saying so."""
    return sys.stderr if getattr(args, "results_printed", False) else sys.stdout


def _fail(args: argparse.Namespace | None, error: BridgeError, out: TextIO, extra: dict[str, Any]) -> int:
    _say(error.message)
    _say(error.hint)
    if args is None or getattr(args, "json", False):
        out.write(json.dumps({"error": error_json(error)} | extra, ensure_ascii=False, indent=2) + "\n")
    return error.exit_code


class InternalError(BridgeError):
    """A defect in IIS Access itself: the traceback is in the log, the admin gets one sentence."""

    exit_code = EXIT_FAILED

    def __init__(self, exc: BaseException, log_path: str) -> None:
        super().__init__(INTERNAL_ERROR(kind=type(exc).__name__, log=log_path), INTERNAL_ERROR_HINT())


def _wants_json(arguments: list[str]) -> bool:
    return "--json" in arguments[: arguments.index("--") if "--" in arguments else len(arguments)]


@contextmanager
def _logging() -> Iterator[str]:
    """Tracebacks and INFO to the log file, the bridge's warnings to stderr; the log file's path."""
    root, bridge = logging.getLogger(), logging.getLogger("bridge")
    kept = list(root.handlers)
    log_path = log_to_file()
    warnings = logging.StreamHandler(sys.stderr)
    warnings.setLevel(logging.WARNING)
    warnings.setFormatter(logging.Formatter("Warning: %(message)s"))
    # A traceback belongs in the log file only; the admin gets the one sentence instead.
    warnings.addFilter(lambda record: record.exc_info is None)
    bridge.addHandler(warnings)
    try:
        yield str(log_path)
    finally:
        bridge.removeHandler(warnings)
        for handler in root.handlers[len(kept) :]:
            root.removeHandler(handler)
            handler.close()


def _parse(arguments: list[str]) -> argparse.Namespace:
    parser = build_parser()
    args, unknown = parser.parse_known_args(arguments)
    if args.command in OTHER_PROGRAMS:
        command = args.command
        raise UsageError(NO_OPTIONS_BEFORE(command=command))
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "grant":
        # Before connecting: a --sid the kind cannot take (or lacks) needs no host to be wrong.
        problem = operations.grant_request_problem(GrantKind(args.kind), args.sid, args.subpath, args.path)
        if problem is not None:
            raise UsageError(problem)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    settle_startup_objects()
    with _logging() as log_path:
        try:
            args = _parse(arguments)
        except BridgeError as error:
            return _fail(None if _wants_json(arguments) else argparse.Namespace(), error, sys.stdout, {})
        try:
            return _run(args, sys.stdout)
        except BridgeError as error:
            return _fail(args, error, _error_out(args), {})
        except KeyboardInterrupt:
            _say("Interrupted.")
            return EXIT_CANCELLED
        except BrokenPipeError:
            # The reader of stdout went away (`iis-access check --all | head`): as a shell tool exits
            # on SIGPIPE. What was made is journaled; stdout is pointed at nothing so the exit's own
            # flush cannot fail again (the Python docs' "Note on SIGPIPE").
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
        except Exception as exc:
            # A defect, not a failure the bridge knows: the traceback goes to the log, never to the screen.
            log.exception("iis-access %s failed unexpectedly", args.command)
            return _fail(args, InternalError(exc, log_path), _error_out(args), {})
