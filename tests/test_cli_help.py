"""What ``iis-access --help`` and ``grant --help`` tell a new user."""

from __future__ import annotations

import re

import pytest

from bridge.plans import GrantKind
from gui import launcher


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        launcher.main([*argv, "--help"])
    assert exited.value.code == 0
    # argparse wraps to the terminal width; join the lines so phrases can be searched for.
    return re.sub(r"\s+", " ", capsys.readouterr().out)


def test_top_level_help_lists_the_gui_and_the_lab(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help(capsys)
    assert re.search(r" gui the desktop app", shown)
    assert re.search(r" lab run the simulated Windows server", shown)


@pytest.mark.parametrize(
    ("option", "default"),
    [
        ("--port PORT", "(default: 5986 for https, 5985 for http)"),
        ("--transport {https,http}", "(default: https)"),
        ("--auth {negotiate,kerberos,ntlm,credssp,basic,certificate}", "(default: negotiate)"),
        ("--user ACCOUNT", "(default: none;"),
    ],
)
def test_connection_options_say_their_defaults(
    capsys: pytest.CaptureFixture[str], option: str, default: str
) -> None:
    shown = _help(capsys)
    described = shown.split(f" {option} ", 1)[1].split(" --", 1)[0]
    assert default in described


def test_grant_help_explains_each_kind_in_one_line_and_the_target(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        launcher.main(["grant", "--help"])
    shown = capsys.readouterr().out
    kinds = shown.split("kinds:\n", 1)[1]
    for kind in GrantKind:
        assert re.search(rf"^  {re.escape(kind.value)} +\S", kinds, re.MULTILINE), kind
    joined = re.sub(r"\s+", " ", shown)
    assert "target whose folder: a site's name" in joined
    assert "Site/app/path" in joined


def test_gui_or_lab_after_global_options_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["--json", "gui", "--demo"]) == 2
    assert "run 'iis-access gui ...'" in capsys.readouterr().err


def test_unknown_options_are_still_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["sites", "--bogus"]) == 2
    assert "Unrecognized arguments: --bogus." in capsys.readouterr().err
