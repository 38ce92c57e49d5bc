"""The hand-made ws2022-numbers path-access answer, as PowerShell 5.1 is believed to print it, parses."""

from __future__ import annotations

import json

from bridge.model import parse_path_access
from bridge.sddl import SidContext, format_dacl
from tests.recordings import ROOT

RECORDING = ROOT / "ws2022-numbers" / "path-access.json"
DOMAIN = "S-1-5-21-1004336348-1177238915-682003330"
# The server facts that recording's inventory reports (machineSid, domainSid, forestRootSid).
SIDS = SidContext("S-1-5-21-2418790413-1563429281-3310251487", DOMAIN, DOMAIN)


def test_the_recorded_answer_is_in_powershell_5_1_escaping() -> None:
    text = RECORDING.read_text(encoding="utf-8")
    assert "O\\u0027Brien" in text and "'" not in text


def test_every_recorded_path_parses_with_its_aliases_errors_and_orphans() -> None:
    entries = {
        entry.path: entry for entry in parse_path_access(json.loads(RECORDING.read_text("utf-8")), SIDS)
    }
    shop = entries["E:\\Sites\\O'Brien\\shop"]
    assert shop.dacl is not None and shop.sddl is not None
    assert [ace.sid for ace in shop.dacl.aces][:2] == [DOMAIN + "-512", DOMAIN + "-519"]
    assert format_dacl(shop.dacl, SIDS) == shop.sddl
    assert shop.account_name(DOMAIN + "-512") == "CORP\\Domain Admins"
    logs = entries["E:\\Sites\\O'Brien\\logs"]
    assert (logs.exists, logs.is_directory, logs.readable) == (True, True, False)
    assert (logs.error_type, logs.hresult) == ("System.UnauthorizedAccessException", -2147024891)
    archive = entries["F:\\Archive"]
    assert (archive.exists, archive.error_type, archive.hresult) == (
        False,
        "System.IO.IOException",
        -2147024875,
    )
    too_long = next(entry for path, entry in entries.items() if len(path) > 260)
    assert too_long.error_type == "System.IO.PathTooLongException"
    uploads = entries["D:\\inetpub\\uploads"]
    assert uploads.account_name(DOMAIN + "-7001") is None  # an orphaned SID stays unresolved
    assert entries["E:\\Sites\\O'Brien"].children == ("shop",)


def test_a_single_path_answer_as_powershell_5_1_prints_it() -> None:
    # One path: ToArray() keeps "paths" an array of one; the single child stays an array too.
    text = (
        '{"paths":[{"path":"E:\\\\Sites\\\\O\\u0027Brien","exists":true,"isDirectory":true,"isUnc":false,'
        '"owner":"S-1-5-32-544","protected":false,"sddl":"D:AI(A;OICI;FA;;;DA)","children":{"value":["shop"],'
        '"Count":1},"error":null,"errorType":null,"hresult":null}],'
        '"accounts":{"S-1-5-32-544":"BUILTIN\\\\Administrators","'
        + DOMAIN
        + '-512":"CORP\\\\Domain Admins"}}'
    )
    (entry,) = parse_path_access(json.loads(text), SIDS)
    assert entry.path == "E:\\Sites\\O'Brien" and entry.children == ("shop",)
    assert entry.dacl is not None and entry.dacl.aces[0].sid == DOMAIN + "-512"
