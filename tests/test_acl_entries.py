"""The ACL rows as the Advanced view shows them: stored halves of one permission are one row."""

from __future__ import annotations

from bridge import sddl, sids
from bridge.acl_entries import advanced_entries
from bridge.sddl import parse_dacl

TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"


def _where(entry: object) -> tuple[bool, bool, bool]:
    return (
        entry.applies_to_folder,  # type: ignore[attr-defined]
        entry.applies_to_subfolders,  # type: ignore[attr-defined]
        entry.applies_to_files,  # type: ignore[attr-defined]
    )


def test_inherited_halves_merge_into_this_folder_subfolders_and_files() -> None:
    dacl = parse_dacl(
        f"D:AI(A;ID;FA;;;{TRUSTED_INSTALLER})(A;CIIOID;GA;;;{TRUSTED_INSTALLER})(A;ID;FA;;;SY)"
        "(A;OICIIOID;GA;;;SY)(A;ID;0x1200a9;;;BU)(A;OICIIOID;GXGR;;;BU)(A;OICIIOID;GA;;;CO)"
    )
    entries = advanced_entries(dacl.aces)
    assert [(e.sid, e.mask, _where(e)) for e in entries] == [
        (TRUSTED_INSTALLER, sddl.FULL_CONTROL, (True, True, False)),
        (sids.SYSTEM, sddl.FULL_CONTROL, (True, True, True)),
        (sids.USERS, sddl.READ_AND_EXECUTE, (True, True, True)),
        (sids.CREATOR_OWNER, sddl.FULL_CONTROL, (False, True, True)),
    ]
    assert all(e.inherited and e.kind == "A" for e in entries)
    assert [len(e.aces) for e in entries] == [2, 2, 2, 1]


def test_the_inherit_only_half_may_come_first_and_the_position_is_the_first_halfs() -> None:
    entries = advanced_entries(parse_dacl("D:PAI(A;OICIIO;GA;;;CO)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)").aces)
    assert [(e.sid, _where(e)) for e in entries] == [
        (sids.CREATOR_OWNER, (False, True, True)),
        (sids.SYSTEM, (True, True, True)),
    ]


def test_different_masks_types_principals_or_origins_stay_apart() -> None:
    for sddl_text in (
        "D:(A;;FA;;;SY)(A;OICIIO;GR;;;SY)",  # Full control here, only Read below
        "D:(A;;FA;;;SY)(D;OICIIO;GA;;;SY)",  # allow and deny
        "D:(A;;FA;;;SY)(A;OICIIO;GA;;;BA)",  # two principals
        "D:AI(A;;FA;;;SY)(A;OICIIOID;GA;;;SY)",  # explicit and inherited
        "D:(A;;FA;;;SY)(A;OICINPIO;GA;;;SY)",  # one propagates, the other does not
        "D:(A;OI;FA;;;SY)(A;OICIIO;GA;;;SY)",  # the first already reaches files
    ):
        assert len(advanced_entries(parse_dacl(sddl_text).aces)) == 2, sddl_text


def test_an_ace_merges_once() -> None:
    entries = advanced_entries(parse_dacl("D:(A;;FA;;;SY)(A;;FA;;;SY)(A;OICIIO;GA;;;SY)").aces)
    assert [len(e.aces) for e in entries] == [2, 1]
