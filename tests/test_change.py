"""A change is one type whatever its kind: grant and reduce alike carry a verdict with its message, the
ACL before and the one expected after, and their inverse, which the journal keeps so undo never rebuilds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bridge import operations, sids
from bridge.access import AccessLevel
from bridge.change import (
    Change,
    ChangeKind,
    Verdict,
    acl_difference,
    entry_text,
    refuse_unless_applicable,
    restore_script,
    same_acl,
)
from bridge.errors import NothingToDo, OutcomeUnknown, Refused, Unreachable
from bridge.history import History, Outcome
from bridge.lab.simulator import SimulatedServer
from bridge.model import AppPool, IdentityType
from bridge.needs import check_target
from bridge.plans import GrantKind, plan_grant
from bridge.reduce_change import ReduceRequest, Site, plan_reduce
from bridge.scripts import Operation
from bridge.sddl import parse_dacl
from bridge.session import HostSession
from tests.e2e.scenarios import BROAD, EVERYONE, NEEDY, OPEN, write_excess_scenario
from tests.factories import folder_state, make_target
from tests.test_change_journal import HOST, FaultyTransport

SITE = "D:\\Sites\\Shop"
LOCKED = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
EVERYONE_FULL = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;WD)"
POOL = AppPool("Shop", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated")


def _grant(sddl: str, kind: GrantKind = GrantKind.IUSR_READ) -> Change:
    return plan_grant(
        kind, host=HOST, target=make_target(SITE), path_access=folder_state(SITE, sddl), pool=POOL
    ).change


def _reduce(sddl: str, to: AccessLevel, *, ancestors: tuple[tuple[str, str | None], ...] = ()) -> Change:
    target = make_target(SITE)
    access = folder_state(SITE, sddl)
    requirements = check_target(target, POOL, access).requirements
    above = [folder_state(path, text) if text else folder_state(path, None) for path, text in ancestors]
    assert access.dacl is not None
    return plan_reduce(
        ReduceRequest(HOST, target, SITE, EVERYONE, to),
        access=access,
        ancestors=above,
        sites=[Site(SITE, access.dacl, requirements)],
    )


def test_a_grant_is_a_change_with_its_expected_after_and_its_inverse() -> None:
    change = _grant(LOCKED)
    assert (change.kind, change.verdict, change.reason, change.label) == (
        ChangeKind.GRANT,
        Verdict.APPLY,
        None,
        "iusr-read",
    )
    assert change.before == LOCKED
    assert change.expected_after == LOCKED + "(A;OICI;0x1200a9;;;S-1-5-17)"
    assert change.script is not None and change.script.operation is Operation.GRANT
    assert change.inverse == restore_script(SITE, LOCKED, LOCKED + "(A;OICI;0x1200a9;;;S-1-5-17)")
    removed, added = acl_difference(change.before, change.expected_after)
    assert removed == ()
    assert [entry_text(ace, "IUSR") for ace in added] == ["IUSR:(OI)(CI)(RX)"]


def test_each_verdict_carries_its_own_message_and_only_apply_may_be_sent() -> None:
    noop = _grant(LOCKED + "(A;OICI;FA;;;WD)")
    assert noop.verdict is Verdict.NOTHING_TO_DO and noop.script is None
    assert noop.reason is not None and noop.reason.code == "already-has-access"
    with pytest.raises(NothingToDo, match="already has this access"):
        refuse_unless_applicable(noop)

    blocked = _grant(LOCKED.replace("D:PAI", "D:PAI(D;OICI;FA;;;WD)"))
    assert blocked.verdict is Verdict.BLOCKED and blocked.reason is not None
    with pytest.raises(Refused, match="deny entry"):
        refuse_unless_applicable(blocked)

    refused = plan_grant(
        GrantKind.IUSR_READ,
        host=HOST,
        target=make_target("C:\\"),
        path_access=folder_state("C:\\", LOCKED),
        pool=POOL,
    ).change
    assert refused.verdict is Verdict.REFUSED and refused.reason is not None
    assert refused.reason.code == "drive-root"
    with pytest.raises(Refused, match="root of a drive") as caught:
        refuse_unless_applicable(refused)
    assert caught.value.exit_code == 3


def test_a_reduction_narrows_the_explicit_entry_and_says_what_it_fixes() -> None:
    change = _reduce(EVERYONE_FULL, AccessLevel.READ_EXECUTE)
    assert (change.kind, change.verdict, change.folder, change.rights) == (
        ChangeKind.REDUCE,
        Verdict.APPLY,
        SITE,
        "ReadAndExecute",
    )
    assert change.expected_after == LOCKED + "(A;OICI;0x1200a9;;;WD)"
    assert change.icacls == (f'icacls "{SITE}" /grant:r "*{EVERYONE}:(OI)(CI)RX"',)
    assert "SetSecurityDescriptorSddlForm" in change.powershell
    # restore.ps1 writes the exact DACL, only where the folder still has the one read.
    assert change.script == restore_script(SITE, LOCKED + "(A;OICI;0x1200a9;;;WD)", EVERYONE_FULL)
    assert change.inverse == restore_script(SITE, EVERYONE_FULL, LOCKED + "(A;OICI;0x1200a9;;;WD)")
    assert [fix.code for fix in change.fixes] == ["reduce-fixes"]
    assert "instead of Full control" in change.fixes[0].describe()


def test_removing_every_entry_is_icacls_remove_g_which_leaves_deny_entries() -> None:
    readers = "(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"
    deny = "(D;OICI;WD;;;WD)"  # Change permissions (WRITE_DAC) denied
    change = _reduce(f"D:PAI{deny}{readers}(A;OICI;FA;;;WD)(A;CI;FA;;;WD)", AccessLevel.NONE)
    assert change.verdict is Verdict.APPLY
    assert change.icacls == (f'icacls "{SITE}" /remove:g "*{EVERYONE}"',)
    assert change.expected_after == f"D:PAI{deny}{readers}"


def test_a_reduction_that_breaks_a_requirement_is_refused_with_the_requirement_named() -> None:
    # Everyone's entry is the only one through which IUSR and the pool may read.
    needy = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;WD)"
    change = _reduce(needy, AccessLevel.NONE)
    assert change.verdict is Verdict.REFUSED and change.script is None and change.fixes == ()
    assert change.reason is not None and change.reason.code == "reduce-breaks-requirement"
    with pytest.raises(Refused, match="needs Read access"):
        refuse_unless_applicable(change)


def test_an_inherited_entry_is_reduced_on_the_folder_that_holds_it() -> None:
    parent = "D:\\Sites"
    inherited = "D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;WD)"
    change = _reduce(inherited, AccessLevel.READ_EXECUTE, ancestors=((parent, EVERYONE_FULL),))
    assert (change.verdict, change.folder, change.before) == (Verdict.APPLY, parent, EVERYONE_FULL)
    assert [warning.code for warning in change.warnings] == ["reduce-inherited"]
    # Where the entry comes from cannot be read: the inheritance is not touched.
    unknown = _reduce(inherited, AccessLevel.READ_EXECUTE, ancestors=((parent, None),))
    assert unknown.verdict is Verdict.REFUSED
    assert unknown.reason is not None and unknown.reason.code == "reduce-source-unknown"
    # The folder that holds it is one no change may touch: refused, naming where it comes from.
    root = _reduce(inherited, AccessLevel.READ_EXECUTE, ancestors=(("D:\\", EVERYONE_FULL),))
    assert root.verdict is Verdict.REFUSED and root.reason is not None
    assert root.reason.code == "reduce-source-refused" and "D:\\" in root.reason.describe()


def test_nothing_to_reduce_and_a_non_canonical_acl() -> None:
    nothing = _reduce(LOCKED + "(A;OICI;0x1200a9;;;WD)", AccessLevel.READ_EXECUTE)
    assert nothing.verdict is Verdict.NOTHING_TO_DO
    assert nothing.reason is not None and nothing.reason.code == "reduce-nothing-to-do"
    disordered = _reduce("D:P(A;OICI;FA;;;WD)(D;OICI;FA;;;BG)", AccessLevel.READ)
    assert disordered.verdict is Verdict.REFUSED
    assert disordered.reason is not None and disordered.reason.code == "reduce-not-canonical"


def test_same_acl_compares_entries_not_spelling() -> None:
    assert same_acl("D:PAI(A;OICI;FA;;;WD)", "D:PAI(A;OICI;0x1f01ff;;;S-1-1-0)")
    assert not same_acl("D:PAI(A;OICI;FA;;;WD)", "D:PAI(A;OICI;FR;;;WD)")
    assert not same_acl("not sddl", "D:PAI")


# The journal: a reduction keeps every guarantee a grant has.


@pytest.fixture
def transport(tmp_path: Path) -> FaultyTransport:
    return FaultyTransport(SimulatedServer.from_scenario(write_excess_scenario(tmp_path / "scenario")))


def _lines(history: History) -> list[dict[str, Any]]:
    return [json.loads(line) for line in history.path.read_text(encoding="utf-8").splitlines()]


def test_a_reduction_is_journaled_with_its_inverse_before_it_is_sent(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    change = operations.plan_reduce(session, "Open", EVERYONE, to=AccessLevel.READ_EXECUTE)
    seen: list[list[dict[str, Any]]] = []

    def before_send(operation: Operation) -> None:
        if operation is Operation.RESTORE:
            seen.append(_lines(history))

    transport.before_send = before_send
    record = operations.apply(session, change, history)
    [[intent]] = seen
    assert (intent["type"], intent["change"], intent["kind"], intent["path"]) == (
        "intent",
        "reduce",
        "reduce",
        OPEN,
    )
    assert intent["inverse"] == {
        "operation": "restore",
        "parameters": {"Path": OPEN, "Sddl": change.before, "ExpectedSddl": change.expected_after},
    }
    assert record.outcome is Outcome.CHANGED and record.after == change.expected_after
    assert transport.server.filesystem.access_sddl(OPEN) == change.expected_after


def test_a_reduction_whose_answer_is_lost_is_unknown_and_undo_reads_the_inverse(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    before = transport.server.filesystem.access_sddl(BROAD + "\\Site")
    change = operations.plan_reduce(session, "Inherits", EVERYONE, to=AccessLevel.READ)
    assert change.folder == BROAD
    transport.fail(Operation.RESTORE, Unreachable(HOST, "the connection was dropped"), after_landing=True)
    with pytest.raises(OutcomeUnknown) as caught:
        operations.apply(session, change, history)
    record = history.get(caught.value.change_id)
    assert (record.outcome, record.after, record.change) == (Outcome.UNKNOWN, None, "reduce")
    assert record.left_behind == change.expected_after
    undone = operations.undo(session, record.id, history)
    assert undone.undone and undone.outcome is Outcome.CHANGED
    assert transport.server.filesystem.access_sddl(BROAD + "\\Site") == before


def test_a_reduction_refused_by_a_requirement_sends_nothing(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    change = operations.plan_reduce(session, "Needy", EVERYONE, to=AccessLevel.NONE)
    assert change.verdict is Verdict.REFUSED and change.folder == NEEDY
    with pytest.raises(Refused):
        operations.apply(session, change, history)
    assert Operation.RESTORE not in transport.sent
    assert history.records() == []


def test_an_old_history_file_without_inverses_still_undoes_its_grant(
    transport: FaultyTransport, session: HostSession, history: History
) -> None:
    # Written by a version before changes carried their inverse: a grant whose answer was lost.
    before = transport.server.filesystem.access_sddl(OPEN)
    transport.server.filesystem.add_access_rule(OPEN, sids.IUSR, 0x1200A9)
    old = {
        "type": "intent",
        "id": "0ld1d000",
        "time": "2026-11-30T10:00:00+00:00",
        "host": HOST,
        "target": "Open",
        "kind": "iusr-read",
        "path": OPEN,
        "identity": "NT AUTHORITY\\IUSR",
        "sid": sids.IUSR,
        "rights": "ReadAndExecute",
        "before": before,
    }
    history.path.write_text(json.dumps(old) + "\n", encoding="utf-8")
    record = history.get("0ld1d000")
    assert (record.change, record.inverse, record.expected_after) == ("grant", None, None)
    assert parse_dacl(record.left_behind) == parse_dacl(transport.server.filesystem.access_sddl(OPEN))
    assert operations.undo(session, "0ld1d000", history).undone
    assert transport.server.filesystem.access_sddl(OPEN) == before


def test_an_intent_with_a_malformed_inverse_is_skipped_as_a_torn_line(history: History) -> None:
    history.record_intent(
        host=HOST,
        target="Open",
        kind="reduce",
        path=OPEN,
        identity="Everyone",
        sid=EVERYONE,
        rights="Read",
        before="D:P",
        change="reduce",
        expected_after="D:P",
        inverse=restore_script(OPEN, "D:P", "D:P"),
    )
    good = history.path.read_text(encoding="utf-8")
    broken = json.loads(good) | {"id": "badbad00", "inverse": {"operation": "format-disk", "parameters": {}}}
    history.path.write_text(good + json.dumps(broken) + "\n", encoding="utf-8")
    assert [record.kind for record in history.records()] == ["reduce"]
    assert history.skipped == [2]


def test_a_grant_says_which_requirement_it_fixes() -> None:
    change = _grant(LOCKED)
    [fix] = change.fixes
    assert fix.code == "ok" and "IUSR" in fix.describe()
    assert _grant(LOCKED, GrantKind.POOL_READ).fixes[0].describe().startswith("IIS AppPool\\Shop has")


def test_a_reduction_waits_for_windows_to_rewrite_the_tree_below_and_says_so() -> None:
    target = make_target(SITE)
    access = folder_state(SITE, EVERYONE_FULL)
    assert access.dacl is not None
    requirements = check_target(target, POOL, access).requirements

    def reduced(items: int | None, complete: bool) -> Change:
        request = ReduceRequest(HOST, target, SITE, EVERYONE, AccessLevel.READ_EXECUTE, items, complete)
        return plan_reduce(
            request, access=access, ancestors=[], sites=[Site(SITE, access.dacl, requirements)]
        )

    big = reduced(50_000, True)
    assert big.script is not None and big.script.timeout == pytest.approx(100.0)
    assert "propagation-items" in [warning.code for warning in big.warnings]
    at_least = reduced(100_000, False)
    assert "propagation-at-least" in [warning.code for warning in at_least.warnings]
    uncounted = reduced(None, False)
    assert uncounted.script is not None and uncounted.script.timeout is None
    # The inverse an undo runs is timed by its own tree, not by this count.
    assert big.inverse is not None and big.inverse.timeout is None
