"""SDDL DACLs: parsed from and written back to the exact form Windows prints."""

from __future__ import annotations

import pytest

from bridge import access, sddl, sids
from bridge.access import effective_mask
from bridge.sddl import (
    Ace,
    Dacl,
    SddlError,
    SidContext,
    UnresolvedAlias,
    format_ace,
    format_dacl,
    parse_dacl,
)

TI = sids.TRUSTED_INSTALLER
POOL = sids.app_pool_sid("DefaultAppPool")
USER = "S-1-5-21-3623811015-3361044348-30300820-1013"

# DACLs as Windows prints them:
# (Get-Item $p).GetAccessControl('Access').GetSecurityDescriptorSddlForm('Access').
REAL_DACLS = {
    "C:\\": "D:PAI(A;OICIIO;SDGXGWGR;;;AU)(A;;0x1301bf;;;AU)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)"
    "(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)",
    "C:\\inetpub": f"D:PAI(A;OICIIO;GA;;;CO)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)(A;OICIIO;GA;;;BA)(A;;FA;;;BA)"
    f"(A;OICIIO;GXGR;;;BU)(A;;0x1200a9;;;BU)(A;CIIO;GA;;;{TI})(A;;FA;;;{TI})",
    "C:\\inetpub\\wwwroot": f"D:AI(A;OICIIOID;GA;;;CO)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;BA)"
    f"(A;ID;FA;;;BA)(A;OICIIOID;GXGR;;;BU)(A;ID;0x1200a9;;;BU)(A;CIIOID;GA;;;{TI})(A;ID;FA;;;{TI})",
    "C:\\Program Files": f"D:PAI(A;;FA;;;{TI})(A;CIIO;GA;;;{TI})(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)"
    "(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICIIO;GA;;;CO)"
    "(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)(A;;0x1200a9;;;S-1-15-2-2)(A;OICIIO;GXGR;;;S-1-15-2-2)",
    "deny IUSR": "D:AI(D;OICI;0x1301bf;;;S-1-5-17)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)"
    "(A;OICIID;0x1200a9;;;BU)",
    "protected pool folder": f"D:PAI(A;OICI;0x1301bf;;;{POOL})(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)",
    "C:\\data": "D:AI(A;OICIID;FA;;;BA)(A;OICIID;FA;;;SY)(A;OICIID;0x1200a9;;;BU)(A;ID;0x1301bf;;;AU)"
    "(A;OICIIOID;SDGXGWGR;;;AU)",
    "user profile": f"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;{USER})",
    "owner rights": "D:PARAI(A;OICINPID;FA;;;OW)(A;CINPIO;LC;;;BU)(A;OICIID;0x1200a9;;;IS)",
    "empty": "D:P",
}


@pytest.mark.parametrize("text", REAL_DACLS.values(), ids=REAL_DACLS.keys())
def test_real_windows_dacls_round_trip(text: str) -> None:
    assert format_dacl(parse_dacl(text)) == text


def test_parse_full_descriptor_keeps_only_the_dacl() -> None:
    text = f"O:{TI}G:{TI}D:PAI(A;;FA;;;SY)(A;OICI;0x1200a9;;;BU)S:AI(AU;OICISAFA;FA;;;WD)"
    dacl = parse_dacl(text)
    assert format_dacl(dacl) == "D:PAI(A;;FA;;;SY)(A;OICI;0x1200a9;;;BU)"
    assert parse_dacl("O:BAG:SYD:AI(A;;FA;;;SY)").aces == (
        Ace("A", frozenset(), sddl.FULL_CONTROL, sids.SYSTEM),
    )


def test_aliases_owner_ending_in_a_tag_letter_splits_correctly() -> None:
    assert parse_dacl("O:BGG:DDD:(A;;FA;;;BU)").aces[0].sid == sids.USERS


def test_parsed_fields_of_the_wwwroot_dacl() -> None:
    dacl = parse_dacl(REAL_DACLS["C:\\inetpub\\wwwroot"])
    assert not dacl.protected
    assert dacl.auto_inherited
    assert not dacl.auto_inherit_required
    creator, *_ = dacl.aces
    assert creator == Ace("A", frozenset({"OI", "CI", "IO", "ID"}), sddl.GENERIC_ALL, sids.CREATOR_OWNER)
    users = dacl.aces[6]
    assert users.sid == sids.USERS
    assert users.mask == sddl.READ_AND_EXECUTE
    assert users.inherited and users.applies_to_folder
    assert not users.applies_to_files
    assert dacl.aces[7].sid == TI


def test_protected_and_auto_inherit_required_flags() -> None:
    dacl = parse_dacl(REAL_DACLS["owner rights"])
    assert (dacl.protected, dacl.auto_inherited, dacl.auto_inherit_required) == (True, True, True)
    assert format_dacl(parse_dacl("D:AIARP")) == "D:PARAI"


@pytest.mark.parametrize(
    ("alias", "sid"),
    [
        ("IU", sids.INTERACTIVE),
        ("IS", sids.IIS_IUSRS),
        ("SU", sids.SERVICE),
        ("AN", sids.ANONYMOUS_LOGON),
        ("WD", sids.EVERYONE),
        ("NS", sids.NETWORK_SERVICE),
        ("LS", sids.LOCAL_SERVICE),
        ("CO", sids.CREATOR_OWNER),
        ("CG", sids.CREATOR_GROUP),
        ("AC", sids.ALL_APP_PACKAGES),
        ("NU", sids.NETWORK),
        ("RD", "S-1-5-32-555"),
        ("PU", "S-1-5-32-547"),
        ("ED", "S-1-5-9"),
        ("RC", "S-1-5-12"),
    ],
)
def test_sid_aliases_resolve_and_print_back(alias: str, sid: str) -> None:
    text = f"D:(A;;FA;;;{alias})"
    assert parse_dacl(text).aces[0].sid == sid
    assert format_dacl(parse_dacl(f"D:(A;;FA;;;{sid})")) == text


def test_iusr_has_no_alias() -> None:
    assert format_ace(Ace("A", frozenset({"OI", "CI"}), sddl.READ_AND_EXECUTE, sids.IUSR)) == (
        "(A;OICI;0x1200a9;;;S-1-5-17)"
    )


@pytest.mark.parametrize(
    ("mask", "text"),
    [
        (sddl.FULL_CONTROL, "FA"),
        (sddl.READ, "FR"),
        (sddl.WRITE, "FW"),
        (sddl.EXECUTE, "FX"),
        (sddl.READ_AND_EXECUTE, "0x1200a9"),
        (sddl.MODIFY, "0x1301bf"),
        (sddl.GENERIC_ALL, "GA"),
        (sddl.GENERIC_READ | sddl.GENERIC_EXECUTE, "GXGR"),
        (0x10000 | sddl.GENERIC_EXECUTE | sddl.GENERIC_WRITE | sddl.GENERIC_READ, "SDGXGWGR"),
        (0x4, "LC"),
        (0x2, "DC"),
        (0x1F, "CCDCLCSWRP"),
        (0x100000, "0x100000"),
        (0, ""),
    ],
)
def test_masks_print_like_windows(mask: int, text: str) -> None:
    ace = Ace("A", frozenset(), mask, sids.SYSTEM)
    assert format_ace(ace) == f"(A;;{text};;;SY)"
    assert parse_dacl("D:" + format_ace(ace)).aces[0].mask == mask


@pytest.mark.parametrize(
    ("text", "mask"),
    [("0x1200A9", 0x1200A9), ("FRFX", sddl.READ_AND_EXECUTE), ("1179817", 0x1200A9), ("GRGX", 0xA0000000)],
)
def test_rights_written_other_ways_parse(text: str, mask: int) -> None:
    assert parse_dacl(f"D:(A;;{text};;;SY)").aces[0].mask == mask


def test_ace_flags_print_in_windows_order() -> None:
    ace = parse_dacl("D:(A;IDIONPCIOI;FA;;;SY)").aces[0]
    assert ace.flags == {"OI", "CI", "NP", "IO", "ID"}
    assert format_ace(ace) == "(A;OICINPIOID;FA;;;SY)"


def test_other_ace_types_and_conditions_are_kept_verbatim() -> None:
    text = "D:(XA;;FA;;;WD;(Member_of {SID(BA)}))(OA;;RP;bf967a86-0de6-11d0-a285-00aa003049e2;;AU)"
    dacl = parse_dacl(text)
    callback, obj = dacl.aces
    assert callback.kind == "XA" and not callback.is_allow
    assert callback.condition == "(Member_of {SID(BA)})"
    assert obj.object_type == "bf967a86-0de6-11d0-a285-00aa003049e2"
    assert format_dacl(dacl) == text


def test_domain_aliases_resolve_through_known_sids() -> None:
    domain_admins = "S-1-5-21-1-2-3-512"
    dacl = parse_dacl("D:(A;OICI;FA;;;DA)", known_sids=[sids.SYSTEM, domain_admins, "S-1-5-21-1-2-3-513"])
    assert dacl.aces[0].sid == domain_admins
    with pytest.raises(SddlError, match="'DA'"):
        parse_dacl("D:(A;OICI;FA;;;DA)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("O:BAG:SY", "no DACL"),
        ("D:(A;;FA;;SY)", "fields"),
        ("D:(A;;FA;;;SY", "unbalanced"),
        ("D:(A;;FA;;;SY))", "unbalanced"),
        ("D:(A;;ZZ;;;SY)", "'ZZ'"),
        ("D:(A;;FAG;;;SY)", "FAG"),
        ("D:(A;XX;FA;;;SY)", "'XX'"),
        ("D:(A;;FA;;;QQ)", "'QQ'"),
        ("D:(A;;FA;;;S-1-5)", "S-1-5"),
        ("D:(a;;FA;;;SY)", "ACE type"),
        ("D:PX(A;;FA;;;SY)", "DACL flag"),
        ("D:(A;;FA;;;SY)junk", "between ACEs"),
        ("junkD:(A;;FA;;;SY)", "section tag"),
        ("D:NO_ACCESS_CONTROL", "null DACL"),
        ("D:(A;;FA;;;SY)D:(A;;FA;;;BA)", "twice"),
        ("D:(A;;0x1ffffffff;;;SY)", "0x1ffffffff"),
    ],
)
def test_malformed_sddl_raises_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(SddlError, match=message):
        parse_dacl(text)


def test_sddl_error_is_a_value_error() -> None:
    assert issubclass(SddlError, ValueError)


def test_ace_helpers() -> None:
    inherit_only = Ace("A", frozenset({"OI", "CI", "IO"}), sddl.GENERIC_ALL, sids.CREATOR_OWNER)
    assert not inherit_only.applies_to_folder
    assert inherit_only.applies_to_files and inherit_only.applies_to_subfolders
    deny = Ace("D", frozenset({"ID"}), sddl.MODIFY, sids.IUSR)
    assert deny.is_deny and deny.inherited and not deny.is_allow


def test_map_generic() -> None:
    assert sddl.map_generic(sddl.GENERIC_READ) == sddl.READ
    assert sddl.map_generic(sddl.GENERIC_WRITE | 0x10000) == sddl.WRITE | 0x10000
    assert sddl.map_generic(sddl.GENERIC_ALL) == sddl.FULL_CONTROL


def test_dacl_is_a_value() -> None:
    assert parse_dacl("D:AI(A;;FA;;;SY)") == Dacl(
        protected=False,
        auto_inherited=True,
        auto_inherit_required=False,
        aces=(Ace("A", frozenset(), sddl.FULL_CONTROL, sids.SYSTEM),),
    )


def test_formatting_a_dacl_again_gives_the_text_of_that_very_dacl() -> None:
    # format_dacl is cached by value: DACLs one flag or one bit apart keep their own text.
    texts = (
        "D:P(A;OICI;FA;;;BA)",
        "D:P(A;OICIIO;FA;;;BA)",
        "D:P(A;OICI;0x1f01fe;;;BA)",
        "D:PAI(A;OICI;FA;;;BA)",
    )
    for _ in range(2):
        assert [format_dacl(parse_dacl(text)) for text in texts] == list(texts)
    assert format_dacl.__wrapped__(parse_dacl(texts[2])) == texts[2]


def test_equal_dacls_hash_equal_however_they_were_made() -> None:
    built = Dacl(False, True, False, (Ace("A", frozenset(), sddl.FULL_CONTROL, sids.SYSTEM),))
    granted = access.with_explicit_allow(built, sids.IUSR, sddl.READ_AND_EXECUTE)
    # The hash is computed once per object: a copy with other ACEs must not inherit it.
    assert hash(built) == hash(parse_dacl("D:AI(A;;FA;;;SY)"))
    assert granted == parse_dacl(format_dacl(granted))
    assert hash(granted) == hash(parse_dacl(format_dacl(granted)))
    assert hash(granted) != hash(built)
    assert len({built, granted, parse_dacl("D:AI(A;;FA;;;SY)"), parse_dacl(format_dacl(granted))}) == 2


def test_parsing_an_equal_dacl_again_gives_the_object_the_caches_already_hold() -> None:
    first = parse_dacl(REAL_DACLS["deny IUSR"])
    assert parse_dacl(REAL_DACLS["deny IUSR"]) is first
    assert parse_dacl("D:" + REAL_DACLS["deny IUSR"][4:]) is not first
    # Equal by value, however spelled.
    assert parse_dacl("D:AI(A;OICI;0x1200a9;;;IS)") is parse_dacl("D:AI(A;CIOI;0x1200A9;;;S-1-5-32-568)")


@pytest.mark.parametrize("mask", ["4\u00b229", "\u0664\u0662", "\uff11", "0x\u0661"])
def test_a_mask_with_non_ascii_digits_is_rejected_as_windows_parser_does(mask: str) -> None:
    with pytest.raises(SddlError):
        parse_dacl(f"D:(A;;{mask};;;BA)")


def test_relative_aliases_expand_with_the_hosts_domains_and_print_back_the_same() -> None:
    context = SidContext(machine="S-1-5-21-1-1-1", domain="S-1-5-21-2-2-2", forest_root="S-1-5-21-3-3-3")
    text = "D:AI(A;;FA;;;LA)(A;;FA;;;LG)(A;;FA;;;DA)(A;;FA;;;RS)(A;;FA;;;EA)(A;;FA;;;RO)(A;;FA;;;EK)"
    dacl = parse_dacl(text, context=context)
    assert [ace.sid for ace in dacl.aces] == [
        "S-1-5-21-1-1-1-500",
        "S-1-5-21-1-1-1-501",
        "S-1-5-21-2-2-2-512",
        "S-1-5-21-2-2-2-553",
        "S-1-5-21-3-3-3-519",
        "S-1-5-21-3-3-3-498",
        "S-1-5-21-3-3-3-527",
    ]
    assert format_dacl(dacl, context) == text
    # Without the domains, the same SIDs print in full: Windows abbreviates only what it knows.
    assert "S-1-5-21-2-2-2-512" in format_dacl(dacl)


def test_an_alias_whose_domain_is_unknown_is_reported_not_guessed() -> None:
    with pytest.raises(UnresolvedAlias, match="'EA'"):
        parse_dacl("D:(A;;FA;;;EA)", context=SidContext(machine="S-1-5-21-1-1-1", domain="S-1-5-21-2-2-2"))


@pytest.mark.parametrize("kind", ["XD", "OD"])
def test_callback_and_object_denies_are_treated_as_denying(kind: str) -> None:
    dacl = parse_dacl(f"D:({kind};OICI;FA;;;BU)(A;OICI;FA;;;BU)")
    assert dacl.aces[0].may_deny
    assert effective_mask(dacl, frozenset({"S-1-5-32-545"})) == 0
