"""The rights vocabulary names masks as the Security tab and icacls do."""

from __future__ import annotations

import pytest

from bridge import rights, sddl
from bridge.rights import describe, icacls_letters


def _words(mask: int) -> tuple[str, ...]:
    described = describe(mask)
    if described.simple is not None:
        return (described.simple.name,)
    return tuple(right.words for right in described.specific)


@pytest.mark.parametrize(
    ("mask", "words", "letters"),
    [
        (sddl.READ, ("Read",), "R"),
        (sddl.READ_AND_EXECUTE, ("ReadAndExecute",), "RX"),
        (sddl.MODIFY, ("Modify",), "M"),
        (sddl.FULL_CONTROL, ("FullControl",), "F"),
        (sddl.WRITE, ("Write",), "W"),
        (sddl.GENERIC_ALL, ("FullControl",), "F"),
        (sddl.GENERIC_READ | sddl.GENERIC_EXECUTE, ("ReadAndExecute",), "RX"),
        (0x3, ("List folder", "Create files"), "RD,WD"),
        # The demo's BUILTIN\Users "CI;LCSW" (0x4 | 0x8), in the Security tab's order.
        (0xC, ("Read extended attributes", "Create folders"), "REA,AD"),
        # Synchronize is printed by icacls but never ticked in the Security tab.
        (0x100001, ("List folder",), "RD,S"),
        (0x200, (), "0x200"),
    ],
)
def test_masks_are_named_as_the_security_tab_and_icacls_do(
    mask: int, words: tuple[str, ...], letters: str
) -> None:
    assert _words(mask) == words
    assert describe(mask).icacls == letters
    assert describe(mask).unknown == (0x200 if mask == 0x200 else 0)


def test_special_rights_list_the_security_tab_order_and_icacls_letters() -> None:
    described = describe(0x40000 | 0x20 | 0x1)
    assert described.is_special
    assert [right.words for right in described.specific] == [
        "Traverse folder",
        "List folder",
        "Change permissions",
    ]
    assert described.icacls == "X,RD,WDAC"


def test_every_specific_right_is_one_distinct_bit() -> None:
    masks = [right.mask for right in rights.SPECIFIC_RIGHTS]
    assert len(set(masks)) == len(masks)
    assert all(mask & (mask - 1) == 0 for mask in masks)
    # The basic permissions are made of the specific rights only.
    every_bit = sum(masks)
    assert all(right.mask & ~every_bit == 0 for right in rights.SIMPLE_RIGHTS)


def test_icacls_letters_of_the_grants() -> None:
    assert (icacls_letters("ReadAndExecute"), icacls_letters("Modify")) == ("RX", "M")
