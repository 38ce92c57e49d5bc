"""IIS_IUSRS's stored members, manualGroupMembership's effect on worker tokens, and the members view."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge import sids
from bridge.lab.backend import ScriptFailed
from bridge.lab.groups import group_members
from bridge.lab.machine import Machine
from bridge.members import (
    Group,
    StoredMembers,
    group_view,
    iis_iusrs_member_through,
    parse_group_members,
    with_iis_iusrs_members,
)
from bridge.model import AppPool, Inventory, ModelError, ServerFacts
from bridge.needs import check_target
from bridge.sids import IdentityType, app_pool_sid
from tests.factories import folder_state, make_target

GROUP_ONLY = "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;IS)"
ORPHAN = "S-1-5-21-1111111111-2222222222-3333333333-1099"
SERVER = ServerFacts("WEB01", "10.0.20348", "Windows Server 2022", "10.0", "5.1", True, True)


def _pool(
    name: str, *, manual: bool = False, identity: IdentityType = IdentityType.APPLICATION_POOL_IDENTITY
) -> AppPool:
    return AppPool(
        name, "Started", identity, None, None, "v4.0", "Integrated", manual_group_membership=manual
    )


def _stored(*members: str) -> StoredMembers:
    return parse_group_members(
        {
            "group": {"sid": sids.IIS_IUSRS, "name": "BUILTIN\\IIS_IUSRS"},
            "members": [{"sid": m, "name": None} for m in members],
        }
    )


def test_a_manual_pool_carries_iis_iusrs_only_through_a_stored_member() -> None:
    plain, manual = _pool("Plain"), _pool("Manual", manual=True)
    assert sids.IIS_IUSRS in plain.token and sids.IIS_IUSRS not in manual.token
    assert iis_iusrs_member_through(manual, _stored(ORPHAN).sids) is None
    assert iis_iusrs_member_through(manual, _stored(ORPHAN, app_pool_sid("Manual")).sids) == app_pool_sid(
        "Manual"
    )
    # Windows adds a local group for any SID already in the token, not only the identity.
    assert (
        iis_iusrs_member_through(manual, _stored(sids.AUTHENTICATED_USERS).sids) == sids.AUTHENTICATED_USERS
    )
    network = _pool("Net", manual=True, identity=IdentityType.NETWORK_SERVICE)
    both = _stored(sids.AUTHENTICATED_USERS, sids.NETWORK_SERVICE)
    assert iis_iusrs_member_through(network, both.sids) == sids.NETWORK_SERVICE
    inventory = with_iis_iusrs_members(
        Inventory(SERVER, (), (plain, manual)), _stored(app_pool_sid("Manual"))
    )
    settled = inventory.pool("Manual")
    assert settled is not None and settled.carries_iis_iusrs and sids.IIS_IUSRS in settled.token
    assert inventory.pool("Plain") == plain


def test_the_check_says_why_a_manual_pool_misses_or_has_access() -> None:
    folder = folder_state("D:\\Sites\\A", GROUP_ONLY)
    manual = _pool("Manual", manual=True)
    missing = check_target(make_target("D:\\Sites\\A", pool="Manual"), manual, folder).requirements[0]
    assert not missing.ok and missing.reason.code == "manual-group-missing"
    member = replace(manual, iis_iusrs_member=app_pool_sid("Manual"))
    found = check_target(make_target("D:\\Sites\\A", pool="Manual"), member, folder).requirements[0]
    assert found.ok and found.reason.code == "ok-manual-member"
    assert "because IIS AppPool\\Manual is a stored member" in found.reason.describe()
    # Where Users already gives the access, IIS_IUSRS decides nothing and the reason stays plain.
    users = folder_state("D:\\Sites\\A", "D:PAI(A;OICI;0x1200a9;;;BU)")
    plain = check_target(make_target("D:\\Sites\\A", pool="Manual"), manual, users).requirements[0]
    assert plain.ok and plain.reason.code == "ok"


def test_the_view_lists_manual_pools_as_exceptions_and_iusr_only_where_it_belongs() -> None:
    stored = _stored(ORPHAN)
    inventory = with_iis_iusrs_members(
        Inventory(SERVER, (), (_pool("Plain"), _pool("Manual", manual=True))), stored
    )
    view = group_view(Group.IIS_IUSRS, inventory, stored)
    assert [member.pool for member in view.runtime] == ["Plain"]
    assert [(e.pool, e.carries_group, e.reason.code) for e in view.exceptions] == [
        ("Manual", False, "manual-not-member")
    ]
    assert view.stored[0].name is None and view.note.code == "note-iis-iusrs"
    users = group_view(Group.AUTHENTICATED_USERS, inventory, None)
    assert [member.pool for member in users.runtime] == ["Plain", "Manual", None]
    assert users.runtime[-1].sid == sids.IUSR and users.exceptions == ()
    with pytest.raises(ModelError):
        group_view(Group.USERS, inventory, None)


def test_parse_rejects_a_member_without_a_sid() -> None:
    with pytest.raises(ModelError, match=r"members\[0\]\.sid: missing"):
        parse_group_members({"group": {"sid": sids.IIS_IUSRS, "name": "x"}, "members": [{"name": "a"}]})


def test_the_lab_serves_stored_members_names_them_and_fails_as_windows_would() -> None:
    machine = Machine(local_groups={sids.IIS_IUSRS: (app_pool_sid("Blog"), ORPHAN)})
    answer = group_members(machine, {app_pool_sid("Blog"): "Blog"}, sids.IIS_IUSRS)
    assert answer["members"] == [
        {"sid": app_pool_sid("Blog"), "name": "IIS AppPool\\Blog"},
        {"sid": ORPHAN, "name": None},
    ]
    assert group_members(Machine(), {}, sids.IIS_IUSRS)["members"] == []
    with pytest.raises(ScriptFailed, match="group name could not be found"):
        group_members(Machine(), {}, sids.AUTHENTICATED_USERS)
    with pytest.raises(ScriptFailed, match="No local group"):
        group_members(Machine(), {}, ORPHAN)
