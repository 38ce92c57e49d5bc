"""Reductions: a SID's explicit allow entries narrowed or removed, where inherited ones are explicit,
and the refusal that names the requirement a reduction would break."""

from __future__ import annotations

import pytest

from bridge import sids
from bridge.access import AccessLevel, NonCanonicalDacl, content_level
from bridge.model import AppPool
from bridge.needs import CheckResult, check_target
from bridge.reduce import explicit_folder, propagated_dacl, reduced_dacl, reduction_refusal
from bridge.sddl import format_dacl, parse_dacl
from bridge.sids import IdentityType
from tests.factories import folder_state, make_target

PATH = "D:\\Sites\\Shop"
ADMINS = "(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
POOL = AppPool(
    "ShopPool", "Started", IdentityType.APPLICATION_POOL_IDENTITY, None, None, "v4.0", "Integrated"
)
POOL_SID = POOL.sid


def reduced(sddl: str, sid: str, to: AccessLevel) -> str:
    return format_dacl(reduced_dacl(parse_dacl(sddl), sid, to))


def test_full_control_for_everyone_narrows_to_read_execute_in_place() -> None:
    before = f"D:PAI{ADMINS}(A;OICI;FA;;;WD)(A;OICI;0x1200a9;;;BU)"
    assert reduced(before, sids.EVERYONE, AccessLevel.READ_EXECUTE) == (
        f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;WD)(A;OICI;0x1200a9;;;BU)"
    )


def test_read_narrows_modify_to_read_and_none_removes_the_entry() -> None:
    before = f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;IS)"
    assert reduced(before, sids.IIS_IUSRS, AccessLevel.READ) == f"D:PAI{ADMINS}(A;OICI;FR;;;IS)"
    assert reduced(before, sids.IIS_IUSRS, AccessLevel.NONE) == f"D:PAI{ADMINS}"


def test_a_write_only_entry_narrowed_to_read_is_removed_not_left_as_read_permissions() -> None:
    before = f"D:PAI{ADMINS}(A;OICI;0x120116;;;S-1-5-17)"
    assert reduced(before, sids.IUSR, AccessLevel.READ) == f"D:PAI{ADMINS}"


def test_generic_rights_are_mapped_before_narrowing_and_kept_when_they_already_fit() -> None:
    assert reduced(f"D:PAI{ADMINS}(A;OICIIO;GA;;;BU)", sids.USERS, AccessLevel.READ_EXECUTE) == (
        f"D:PAI{ADMINS}(A;OICIIO;0x1200a9;;;BU)"
    )
    fits = f"D:PAI{ADMINS}(A;OICIIO;GR;;;BU)"
    assert reduced(fits, sids.USERS, AccessLevel.READ_EXECUTE) == fits


def test_nothing_to_do_gives_back_the_same_dacl() -> None:
    dacl = parse_dacl(f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;WD)")
    assert reduced_dacl(dacl, sids.EVERYONE, AccessLevel.READ_EXECUTE) is dacl
    assert reduced_dacl(dacl, sids.IUSR, AccessLevel.NONE) is dacl


def test_inherited_entries_denies_and_other_sids_are_left_alone() -> None:
    before = "D:AI(D;OICI;0x1301bf;;;WD)(A;OICI;FA;;;WD)(A;OICI;FA;;;BU)(A;OICIID;FA;;;WD)"
    assert reduced(before, sids.EVERYONE, AccessLevel.NONE) == (
        "D:AI(D;OICI;0x1301bf;;;WD)(A;OICI;FA;;;BU)(A;OICIID;FA;;;WD)"
    )


def test_entries_that_become_equal_merge_and_distinct_inheritance_stays_apart() -> None:
    before = "D:PAI(A;OICI;FA;;;WD)(A;OICI;0x1301bf;;;WD)(A;CI;FA;;;WD)"
    assert reduced(before, sids.EVERYONE, AccessLevel.READ_EXECUTE) == (
        "D:PAI(A;OICI;0x1200a9;;;WD)(A;CI;0x1200a9;;;WD)"
    )


def test_a_non_canonical_dacl_is_not_reduced() -> None:
    with pytest.raises(NonCanonicalDacl, match="entry 2"):
        reduced_dacl(parse_dacl("D:P(A;OICI;FA;;;WD)(D;OICI;FA;;;BG)"), sids.EVERYONE, AccessLevel.READ)


def test_only_read_execute_read_or_none_are_reductions() -> None:
    with pytest.raises(ValueError, match="not modify"):
        reduced_dacl(parse_dacl("D:P(A;OICI;FA;;;WD)"), sids.EVERYONE, AccessLevel.MODIFY)


def test_a_reduction_above_propagates_to_the_inherited_entries_below() -> None:
    below = parse_dacl("D:AI(A;OICIID;FA;;;WD)(A;OICIID;FA;;;SY)(A;OICI;FA;;;BA)")
    after = propagated_dacl(below, sids.EVERYONE, AccessLevel.READ_EXECUTE)
    assert format_dacl(after) == "D:AI(A;OICIID;0x1200a9;;;WD)(A;OICIID;FA;;;SY)(A;OICI;FA;;;BA)"
    assert content_level(after, frozenset({sids.EVERYONE})) is AccessLevel.READ_EXECUTE


def test_the_folder_holding_an_inherited_entry_is_the_nearest_with_it_explicit() -> None:
    child = parse_dacl("D:AI(A;OICIID;FA;;;WD)").aces[0]
    ancestors = [
        ("D:\\Sites\\Shop", parse_dacl("D:AI(A;OICIID;FA;;;WD)")),
        ("D:\\Sites", parse_dacl("D:AI(A;OICI;GA;;;WD)")),
        ("D:\\", parse_dacl("D:PAI(A;OICI;FA;;;BA)")),
    ]
    assert explicit_folder(child, ancestors) == "D:\\Sites"


def test_a_broken_chain_names_no_folder() -> None:
    child = parse_dacl("D:AI(A;OICIID;FA;;;WD)").aces[0]
    assert explicit_folder(child, [("D:\\Sites", parse_dacl("D:PAI(A;OICI;FA;;;BA)"))]) is None
    assert explicit_folder(child, [("D:\\Sites", None)]) is None
    # An entry that reaches no child (this folder only) cannot be the source.
    assert explicit_folder(child, [("D:\\Sites", parse_dacl("D:PAI(A;;FA;;;WD)"))]) is None
    with pytest.raises(ValueError, match="explicit"):
        explicit_folder(parse_dacl("D:(A;OICI;FA;;;WD)").aces[0], [])


def _check(sddl: str) -> CheckResult:
    return check_target(make_target(PATH, site="Shop", pool="ShopPool"), POOL, folder_state(PATH, sddl))


def test_a_reduction_that_leaves_iusr_without_read_is_refused_naming_it() -> None:
    # IUSR reads only through Everyone: removing Everyone would answer 401.3.
    sddl = f"D:PAI{ADMINS}(A;OICI;FA;;;WD)(A;OICI;0x1200a9;;;{POOL_SID})"
    result = _check(sddl)
    refusal = reduction_refusal(
        result.requirements, parse_dacl(sddl), sids.EVERYONE, AccessLevel.NONE, path=PATH
    )
    assert refusal is not None and refusal.code == "reduce-breaks-requirement"
    text = refusal.describe()
    assert "NT AUTHORITY\\IUSR needs Read access to D:\\Sites\\Shop" in text
    assert "reducing Everyone to no access" in text and "HTTP 401.3" in text
    # Narrowing to Read & execute keeps what IUSR needs: allowed.
    assert (
        reduction_refusal(
            result.requirements, parse_dacl(sddl), sids.EVERYONE, AccessLevel.READ_EXECUTE, path=PATH
        )
        is None
    )


def test_a_reduction_of_the_pools_only_source_is_refused_with_500_19() -> None:
    sddl = f"D:PAI{ADMINS}(A;OICI;0x1301bf;;;IS)(A;OICI;0x1200a9;;;S-1-5-17)"
    result = _check(sddl)
    refusal = reduction_refusal(
        result.requirements, parse_dacl(sddl), sids.IIS_IUSRS, AccessLevel.NONE, path=PATH
    )
    assert refusal is not None
    assert "IIS AppPool\\ShopPool needs Read access" in refusal.describe()
    assert "500.19" in refusal.describe()


def test_a_requirement_already_short_is_not_made_worse_and_others_do_not_matter() -> None:
    sddl = f"D:PAI{ADMINS}(A;OICI;0x1200a9;;;WD)(A;OICI;FA;;;S-1-5-21-1-2-3-1107)"
    result = _check(sddl)
    # A SID in no requirement's token can go.
    assert (
        reduction_refusal(
            result.requirements, parse_dacl(sddl), "S-1-5-21-1-2-3-1107", AccessLevel.NONE, path=PATH
        )
        is None
    )


def test_a_reduction_on_a_folder_above_is_judged_by_what_propagates() -> None:
    sddl = f"D:AI(A;OICIID;FA;;;WD){ADMINS.replace('OICI', 'OICIID')}"
    result = _check(sddl)
    refusal = reduction_refusal(
        result.requirements,
        parse_dacl(sddl),
        sids.EVERYONE,
        AccessLevel.NONE,
        path=PATH,
        folder="D:\\Sites",
        names={sids.EVERYONE: "Jeder"},
    )
    assert refusal is not None
    assert refusal.params["folder"] == "D:\\Sites" and refusal.params["account"] == "Jeder"


def test_a_refusal_on_a_non_canonical_dacl_says_so() -> None:
    sddl = "D:P(A;OICI;FA;;;WD)(D;OICI;FA;;;BG)"
    refusal = reduction_refusal((), parse_dacl(sddl), sids.EVERYONE, AccessLevel.READ, path=PATH)
    assert refusal is not None and refusal.code == "reduce-not-canonical"
    assert "entry 2 (an explicit deny)" in refusal.describe()
