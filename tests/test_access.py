"""Effective access: allow minus deny through every group in the token, per Windows' ordering."""

from __future__ import annotations

import pytest

from bridge import sddl, sids
from bridge.access import (
    AccessLevel,
    Scope,
    access_level,
    blocked_by_deny,
    content_level,
    denying_aces,
    effective_level,
    effective_mask,
    with_explicit_allow,
)
from bridge.sddl import format_dacl, parse_dacl
from bridge.sids import IdentityType

TI = sids.TRUSTED_INSTALLER
WWWROOT = parse_dacl(
    f"D:AI(A;OICIIOID;GA;;;CO)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;BA)"
    f"(A;ID;FA;;;BA)(A;OICIIOID;GXGR;;;BU)(A;ID;0x1200a9;;;BU)(A;CIIOID;GA;;;{TI})(A;ID;FA;;;{TI})"
)
IUSR_TOKEN = sids.anonymous_token()
POOL_TOKEN = sids.worker_token("DefaultAppPool", IdentityType.APPLICATION_POOL_IDENTITY)


def test_iusr_reads_a_fresh_wwwroot_through_builtin_users() -> None:
    assert effective_level(WWWROOT, IUSR_TOKEN) is AccessLevel.READ_EXECUTE
    assert effective_level(WWWROOT, IUSR_TOKEN, scope=Scope.FILES) is AccessLevel.READ_EXECUTE
    assert content_level(WWWROOT, IUSR_TOKEN) is AccessLevel.READ_EXECUTE
    assert content_level(WWWROOT, POOL_TOKEN) is AccessLevel.READ_EXECUTE


def test_removing_users_breaks_anonymous_access() -> None:
    without_users = parse_dacl(format_dacl(WWWROOT).replace("(A;OICIIOID;GXGR;;;BU)(A;ID;0x1200a9;;;BU)", ""))
    assert content_level(without_users, IUSR_TOKEN) is AccessLevel.NONE
    assert content_level(without_users, POOL_TOKEN) is AccessLevel.NONE


def test_iusr_is_not_in_iis_iusrs() -> None:
    dacl = parse_dacl("D:P(A;OICI;0x1200a9;;;IS)")
    assert content_level(dacl, POOL_TOKEN) is AccessLevel.READ_EXECUTE
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.NONE


def test_administrators_only_folder_is_not_readable_by_iusr() -> None:
    dacl = parse_dacl("D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)")
    assert effective_mask(dacl, IUSR_TOKEN) == 0
    local_system = sids.worker_token("Sys", IdentityType.LOCAL_SYSTEM)
    assert content_level(dacl, local_system) is AccessLevel.FULL_CONTROL


def test_inherit_only_and_file_only_aces() -> None:
    folder_only = parse_dacl("D:P(A;;0x1200a9;;;BU)")
    assert effective_level(folder_only, IUSR_TOKEN) is AccessLevel.READ_EXECUTE
    assert effective_level(folder_only, IUSR_TOKEN, scope=Scope.FILES) is AccessLevel.NONE
    assert content_level(folder_only, IUSR_TOKEN) is AccessLevel.NONE
    files_only = parse_dacl("D:P(A;OIIO;FR;;;BU)")
    assert effective_level(files_only, IUSR_TOKEN) is AccessLevel.NONE
    assert effective_level(files_only, IUSR_TOKEN, scope=Scope.FILES) is AccessLevel.READ
    assert effective_level(files_only, IUSR_TOKEN, scope=Scope.SUBFOLDERS) is AccessLevel.NONE
    no_propagate = parse_dacl("D:P(A;OICINP;FR;;;BU)")
    assert effective_level(no_propagate, IUSR_TOKEN, scope=Scope.FILES) is AccessLevel.READ
    assert effective_level(no_propagate, IUSR_TOKEN, scope=Scope.SUBFOLDERS) is AccessLevel.READ


def test_generic_rights_are_mapped() -> None:
    dacl = parse_dacl("D:P(A;OICI;GRGX;;;WD)")
    assert effective_mask(dacl, IUSR_TOKEN) == sddl.READ_AND_EXECUTE


def test_rights_add_up_across_groups() -> None:
    dacl = parse_dacl("D:P(A;OICI;FR;;;BU)(A;OICI;FX;;;AU)")
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.READ_EXECUTE


def test_explicit_deny_before_allow_wins() -> None:
    dacl = parse_dacl("D:AI(D;OICI;FR;;;S-1-5-17)(A;OICIID;0x1200a9;;;BU)")
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.NONE
    assert content_level(dacl, POOL_TOKEN) is AccessLevel.READ_EXECUTE


def test_allow_before_deny_keeps_the_granted_bits() -> None:
    dacl = parse_dacl("D:AI(A;OICI;FR;;;S-1-5-17)(D;OICIID;FA;;;WD)")
    assert effective_mask(dacl, IUSR_TOKEN) == sddl.READ
    assert effective_mask(dacl, POOL_TOKEN) == 0


def test_deny_of_write_data_leaves_read() -> None:
    # What Explorer writes for "Deny Write": the write bits without SYNCHRONIZE and READ_CONTROL.
    dacl = parse_dacl("D:AI(D;OICI;DCLCRPCR;;;BU)(A;OICIID;0x1301bf;;;BU)")
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.READ_EXECUTE


def test_deny_of_fw_also_denies_read_control_and_so_read() -> None:
    dacl = parse_dacl("D:AI(D;OICI;FW;;;BU)(A;OICIID;0x1301bf;;;BU)")
    assert effective_mask(dacl, IUSR_TOKEN) & sddl.READ != sddl.READ
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.NONE


def test_other_ace_types_are_ignored() -> None:
    dacl = parse_dacl("D:P(XA;OICI;FA;;;WD;(Member_of {SID(BA)}))(A;OICI;FR;;;WD)")
    assert effective_mask(dacl, IUSR_TOKEN) == sddl.READ


@pytest.mark.parametrize(
    ("mask", "level"),
    [
        (0, AccessLevel.NONE),
        (sddl.READ, AccessLevel.READ),
        (sddl.READ_AND_EXECUTE, AccessLevel.READ_EXECUTE),
        (sddl.MODIFY, AccessLevel.MODIFY),
        (sddl.FULL_CONTROL, AccessLevel.FULL_CONTROL),
        (sddl.GENERIC_ALL, AccessLevel.FULL_CONTROL),
        (sddl.READ & ~0x1, AccessLevel.NONE),
        (sddl.WRITE, AccessLevel.NONE),
    ],
)
def test_access_level_from_mask(mask: int, level: AccessLevel) -> None:
    assert access_level(mask) is level


def test_access_levels_are_ordered_and_have_cli_words() -> None:
    assert AccessLevel.NONE < AccessLevel.READ < AccessLevel.READ_EXECUTE < AccessLevel.MODIFY
    assert AccessLevel.MODIFY < AccessLevel.FULL_CONTROL
    assert max(AccessLevel.READ, AccessLevel.MODIFY) is AccessLevel.MODIFY
    assert [level.value for level in AccessLevel] == [
        "none",
        "read",
        "read-execute",
        "modify",
        "full-control",
    ]


def test_new_allow_goes_after_explicit_aces_and_before_inherited() -> None:
    dacl = parse_dacl("D:AI(D;OICI;FW;;;BG)(A;OICI;FA;;;BA)(A;OICIID;FA;;;SY)")
    granted = with_explicit_allow(dacl, sids.IUSR, sddl.READ_AND_EXECUTE)
    assert format_dacl(granted) == (
        "D:AI(D;OICI;FW;;;BG)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;S-1-5-17)(A;OICIID;FA;;;SY)"
    )


def test_explicit_deny_blocks_a_new_allow() -> None:
    dacl = parse_dacl("D:AI(D;OICI;FR;;;S-1-5-17)(A;OICIID;FA;;;SY)")
    assert blocked_by_deny(dacl, IUSR_TOKEN, sids.IUSR, sddl.READ_AND_EXECUTE)
    assert [ace.sid for ace in denying_aces(dacl, IUSR_TOKEN, sddl.READ)] == [sids.IUSR]


def test_deny_through_a_group_blocks_too() -> None:
    dacl = parse_dacl("D:AI(D;OICI;0x1200a9;;;WD)(A;OICIID;FA;;;SY)")
    assert blocked_by_deny(dacl, POOL_TOKEN, sids.app_pool_sid("DefaultAppPool"), sddl.READ)


def test_inherited_deny_is_overridden_by_an_explicit_allow() -> None:
    dacl = parse_dacl("D:AI(D;OICIID;FR;;;S-1-5-17)(A;OICIID;FA;;;SY)")
    assert content_level(dacl, IUSR_TOKEN) is AccessLevel.NONE
    assert denying_aces(dacl, IUSR_TOKEN, sddl.READ)
    assert not blocked_by_deny(dacl, IUSR_TOKEN, sids.IUSR, sddl.READ_AND_EXECUTE)


def test_deny_of_unrelated_rights_does_not_block() -> None:
    dacl = parse_dacl("D:AI(D;OICI;SD;;;S-1-5-17)(A;OICIID;FA;;;SY)")
    assert not blocked_by_deny(dacl, IUSR_TOKEN, sids.IUSR, sddl.READ_AND_EXECUTE)
    assert denying_aces(dacl, IUSR_TOKEN, sddl.READ_AND_EXECUTE) == ()


def test_deny_on_files_only_blocks() -> None:
    dacl = parse_dacl("D:AI(D;OIIO;FR;;;BU)(A;OICIID;FA;;;SY)")
    assert blocked_by_deny(dacl, IUSR_TOKEN, sids.IUSR, sddl.READ)


def test_granting_a_sid_outside_the_token_is_an_error() -> None:
    with pytest.raises(ValueError, match="not in the token"):
        blocked_by_deny(WWWROOT, IUSR_TOKEN, sids.IIS_IUSRS, sddl.READ)


def test_a_grant_widens_the_identitys_own_inheritable_allow_as_add_access_rule_does() -> None:
    dacl = parse_dacl("D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;S-1-5-17)(A;CI;FR;;;S-1-5-17)")
    granted = with_explicit_allow(dacl, sids.IUSR, sddl.MODIFY)
    widened = "D:PAI(A;OICI;FA;;;SY)(A;OICI;0x1301bf;;;S-1-5-17)(A;CI;FR;;;S-1-5-17)"
    assert sddl.format_dacl(granted) == widened
    inherited_only = parse_dacl("D:AI(A;OICIID;0x1200a9;;;S-1-5-17)")
    added = with_explicit_allow(inherited_only, sids.IUSR, sddl.MODIFY)
    assert sddl.format_dacl(added) == "D:AI(A;OICI;0x1301bf;;;S-1-5-17)(A;OICIID;0x1200a9;;;S-1-5-17)"
