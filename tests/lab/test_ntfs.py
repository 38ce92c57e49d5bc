"""The simulated NTFS tree applies and propagates ACL changes as Windows does."""

from __future__ import annotations

import pytest

from bridge import sddl, sids
from bridge.lab.ntfs import Filesystem, FilesystemError, inherited_aces

SITES = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(A;OICI;0x1200a9;;;BU)"
SHOP = "O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)"
FILE = "O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)"
PRIVATE = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
INNER = "O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)"

LAYOUT = {
    "D:\\Sites": ("directory", SITES),
    "D:\\Sites\\Shop": ("directory", SHOP),
    "D:\\Sites\\Shop\\web.config": ("file", FILE),
    "D:\\Sites\\Shop\\uploads": ("directory", SHOP),
    "D:\\Sites\\Shop\\uploads\\photo.jpg": ("file", FILE),
    "D:\\Sites\\Shop\\private": ("directory", PRIVATE),
    "D:\\Sites\\Shop\\private\\inner": ("directory", INNER),
    "D:\\Sites\\Shop\\Assets": ("directory", SHOP),
}


@pytest.fixture
def fs() -> Filesystem:
    return Filesystem.from_mapping(
        {"paths": {path: {"type": kind, "sddl": text} for path, (kind, text) in LAYOUT.items()}}
    )


def _access(descriptor: str) -> str:
    return descriptor[descriptor.index("D:") :]


def test_reads_descriptor_owner_and_access_part(fs: Filesystem) -> None:
    assert fs.sddl("d:\\sites\\SHOP") == SHOP
    assert fs.access_sddl("D:/Sites/Shop/") == _access(SHOP)
    assert fs.owner("D:\\Sites\\Shop") == sids.ADMINISTRATORS
    assert fs.is_directory("D:\\Sites\\Shop") and not fs.is_directory("D:\\Sites\\Shop\\web.config")
    assert not fs.exists("D:\\Sites\\Other")


def test_subfolders_listed_in_case_insensitive_order_without_files(fs: Filesystem) -> None:
    assert fs.subfolder_names("D:\\Sites\\Shop") == ["Assets", "private", "uploads"]
    assert fs.subfolder_names("D:\\Sites\\Shop\\web.config") == []


def test_grant_propagates_to_subfolders_and_files(fs: Filesystem) -> None:
    fs.add_access_rule("D:\\Sites\\Shop", sids.IUSR, sddl.READ_AND_EXECUTE)
    assert fs.access_sddl("D:\\Sites\\Shop") == "D:AI(A;OICI;0x1200a9;;;S-1-5-17)" + _access(SHOP)[4:]
    assert fs.access_sddl("D:\\Sites\\Shop\\uploads") == (
        "D:AI(A;OICIID;0x1200a9;;;S-1-5-17)" + _access(SHOP)[4:]
    )
    assert (
        fs.access_sddl("D:\\Sites\\Shop\\web.config") == "D:AI(A;ID;0x1200a9;;;S-1-5-17)" + _access(FILE)[4:]
    )
    assert fs.access_sddl("D:\\Sites\\Shop\\uploads\\photo.jpg").startswith("D:AI(A;ID;0x1200a9;;;S-1-5-17)")


def test_protected_child_and_everything_below_it_are_untouched(fs: Filesystem) -> None:
    fs.add_access_rule("D:\\Sites\\Shop", sids.IUSR, sddl.READ_AND_EXECUTE)
    assert fs.sddl("D:\\Sites\\Shop\\private") == PRIVATE
    assert fs.sddl("D:\\Sites\\Shop\\private\\inner") == INNER


def test_existing_explicit_ace_is_widened_not_duplicated(fs: Filesystem) -> None:
    pool = sids.app_pool_sid("ShopPool")
    fs.add_access_rule("D:\\Sites\\Shop\\uploads", pool, sddl.READ_AND_EXECUTE)
    fs.add_access_rule("D:\\Sites\\Shop\\uploads", pool, sddl.MODIFY)
    aces = [ace for ace in fs.dacl("D:\\Sites\\Shop\\uploads").aces if ace.sid == pool]
    assert [(ace.mask, ace.flags) for ace in aces] == [(sddl.MODIFY, frozenset({"OI", "CI"}))]
    assert fs.access_sddl("D:\\Sites\\Shop\\uploads\\photo.jpg").count(pool) == 1


def test_new_allow_goes_after_explicit_deny_and_allow_before_inherited(fs: Filesystem) -> None:
    fs.set_dacl("D:\\Sites\\Shop", sddl.parse_dacl("D:AI(D;OICI;FA;;;S-1-5-7)(A;;FA;;;S-1-5-20)"))
    fs.add_access_rule("D:\\Sites\\Shop", sids.IUSR, sddl.READ_AND_EXECUTE)
    assert fs.access_sddl("D:\\Sites\\Shop").startswith(
        "D:AI(D;OICI;FA;;;AN)(A;;FA;;;NS)(A;OICI;0x1200a9;;;S-1-5-17)(A;OICIID;FA;;;SY)"
    )


def test_restore_round_trip_restores_folder_and_descendants(fs: Filesystem) -> None:
    original = {path: fs.sddl(path) for path in LAYOUT}
    before = fs.dacl("D:\\Sites\\Shop")
    fs.add_access_rule("D:\\Sites\\Shop", sids.IIS_IUSRS, sddl.MODIFY)
    assert fs.sddl("D:\\Sites\\Shop\\uploads\\photo.jpg") != original["D:\\Sites\\Shop\\uploads\\photo.jpg"]
    fs.set_dacl("D:\\Sites\\Shop", before)
    assert {path: fs.sddl(path) for path in LAYOUT} == original


def test_set_dacl_recomputes_own_inherited_aces_from_parent(fs: Filesystem) -> None:
    # The caller's copy of the inherited ACEs is ignored, as SetSecurityInfo ignores it.
    fs.set_dacl("D:\\Sites\\Shop", sddl.parse_dacl("D:AI(A;ID;FA;;;WD)"))
    assert fs.access_sddl("D:\\Sites\\Shop") == _access(SHOP)


def test_generic_rights_split_into_effective_and_inherit_only_aces() -> None:
    parent = sddl.parse_dacl("D:PAI(A;OICIIO;GA;;;SY)(A;CIIO;GXGR;;;BU)(A;OI;FA;;;BA)(A;OICINP;FA;;;AU)")
    folder = sddl.Dacl(False, True, False, inherited_aces(parent, child_is_directory=True))
    assert sddl.format_dacl(folder) == (
        "D:AI(A;ID;FA;;;SY)(A;OICIIOID;GA;;;SY)(A;ID;0x1200a9;;;BU)(A;CIIOID;GXGR;;;BU)"
        "(A;OIIOID;FA;;;BA)(A;ID;FA;;;AU)"
    )
    file = sddl.Dacl(False, True, False, inherited_aces(parent, child_is_directory=False))
    assert sddl.format_dacl(file) == "D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;FA;;;AU)"


def test_creator_owner_is_passed_on_but_not_applied() -> None:
    parent = sddl.parse_dacl("D:PAI(A;OICIIO;GA;;;CO)")
    assert sddl.format_dacl(
        sddl.Dacl(False, False, False, inherited_aces(parent, child_is_directory=True))
    ) == ("D:(A;OICIIOID;GA;;;CO)")
    assert inherited_aces(parent, child_is_directory=False) == ()


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        ({"C:\\x": {"type": "link", "sddl": INNER}}, "type"),
        ({"C:\\x": {"type": "file", "sddl": "D:(A;;FA;;;SY)"}}, "full descriptor"),
        ({"C:\\x": {"type": "file", "sddl": "O:SYD:(A;;XX;;;SY)"}}, "unknown access right"),
        ({"C:\\x": {"type": "file", "sddl": INNER}, "c:\\X\\": {"type": "file", "sddl": INNER}}, "twice"),
    ],
)
def test_malformed_filesystem_is_a_clear_error(paths: dict[str, object], message: str) -> None:
    with pytest.raises(FilesystemError, match=message):
        Filesystem.from_mapping({"paths": paths})
