"""Messages and copy-paste lines say what Windows would: paths as Windows writes them, names
with invisible or reordering characters shown as escapes, and command lines safe to paste."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bridge import operations
from bridge.display import quoted, visible
from bridge.errors import Refused, UsageFailure
from bridge.history import History
from bridge.lab.simulator import SimulatedServer
from bridge.plans import GrantKind, icacls_line, powershell_lines
from bridge.session import HostSession
from tests.e2e.scenarios import HOSTILE_SITE, SHOP, write_scenario
from tests.test_change_journal import FaultyTransport

IUSR = "S-1-5-17"
# What PowerShell takes for a single quote: the apostrophe and U+2018-U+201B.
POWERSHELL_QUOTES = "'\u2018\u2019\u201a\u201b"


def _read_single_quoted(text: str) -> tuple[str, str]:
    """Read one PowerShell single-quoted string at the start of ``text``: (its value, the rest)."""
    assert text[0] in POWERSHELL_QUOTES
    value, index = [], 1
    while index < len(text):
        char = text[index]
        if char in POWERSHELL_QUOTES:
            if index + 1 < len(text) and text[index + 1] in POWERSHELL_QUOTES:
                value.append(text[index + 1])
                index += 2
                continue
            return "".join(value), text[index + 1 :]
        value.append(char)
        index += 1
    raise AssertionError("the string never ends")


def _cmd_first_argument(line: str) -> str:
    """What icacls receives as its first argument when ``line`` is typed at a cmd.exe prompt.

    cmd toggles its quote state at every '"' and removes a '^' outside quotes; a '%' it would try
    to expand must not stand inside quotes. The C runtime then reads '""' inside quotes as '"'.
    """
    assert line.startswith("icacls ")
    text, quoting, escaped = line[len("icacls ") :], False, False
    raw: list[str] = []
    for char in text:
        if escaped:
            raw.append(char)
            escaped = False
        elif char == '"':
            quoting = not quoting
            raw.append(char)
        elif char == "^" and not quoting:
            escaped = True
        elif char == "%":
            raise AssertionError(f"an unescaped % would expand a variable: {line}")
        elif char == " " and not quoting:
            break
        else:
            raw.append(char)
    argument = "".join(raw)
    # C runtime argv rules for the characters these lines use.
    value, index, inside = [], 0, False
    while index < len(argument):
        if argument.startswith('\\\\"', index):
            value.append("\\")
            index += 2
        elif argument.startswith('""', index) and inside:
            value.append('"')
            index += 2
        elif argument[index] == '"':
            inside = not inside
            index += 1
        else:
            value.append(argument[index])
            index += 1
    return "".join(value)


@pytest.mark.parametrize(
    "path", ["C:\\Sites\\O'Brien", "C:\\Sites\\O\u2019Brien\u2018s", "C:\\x\u201a\u201b'\u2019", "D:\\ok"]
)
def test_powershell_single_quoted_paths_end_only_where_they_should(path: str) -> None:
    line = powershell_lines(path, IUSR, "ReadAndExecute").splitlines()[0]
    start = line.index("-LiteralPath ") + len("-LiteralPath ")
    value, rest = _read_single_quoted(line[start:])
    assert value == path
    assert rest.startswith(").GetAccessControl('Access')")


@pytest.mark.parametrize(
    "path",
    ["C:\\Sites\\100%", "C:\\Sites\\%PATH%\\x", 'C:\\Sites\\say "hi"', "C:\\Sites\\trailing\\", "D:\\ok"],
)
def test_icacls_lines_paste_into_cmd_as_the_same_path(path: str) -> None:
    assert _cmd_first_argument(icacls_line(path, IUSR, "Modify")) == path


def test_paths_in_messages_are_written_as_windows_writes_them() -> None:
    assert quoted("C:\\Windows") == "'C:\\Windows'"
    assert visible("D:\\Sites\\evil\u202etxt.exe\n\t\x1b") == "D:\\Sites\\evil\\u202etxt.exe\\n\\t\\x1b"
    assert visible("Müller ß 日本") == "Müller ß 日本"
    # Not printable, yet nothing to escape (a no-break space): the slow path keeps it as it is.
    assert visible("D:\\Sites\\a\u00a0b") == "D:\\Sites\\a\u00a0b"


@pytest.fixture
def transport(tmp_path: Path) -> FaultyTransport:
    scenario = write_scenario(tmp_path / "scenario")
    config = ET.parse(scenario / "applicationHost.config")  # noqa: S314 - the test's own scenario file
    sites = config.getroot().find("system.applicationHost/sites")
    assert sites is not None
    site = ET.SubElement(sites, "site", name="Vars", id="9")
    application = ET.SubElement(site, "application", path="/", applicationPool="ShopPool")
    ET.SubElement(application, "virtualDirectory", path="/", physicalPath="%NOT_DEFINED_HERE%\\vars")
    config.write(scenario / "applicationHost.config", encoding="utf-8", xml_declaration=True)
    return FaultyTransport(SimulatedServer.from_scenario(scenario))


def test_site_backslash_app_is_understood_as_site_slash_app(session: HostSession) -> None:
    assert operations.check(session, "Shop\\private").physical_path == SHOP + "\\private"


def test_an_unknown_target_is_quoted_windows_style(session: HostSession) -> None:
    with pytest.raises(UsageFailure) as caught:
        operations.check(session, "Nope\\C:\\Windows")
    assert "'Nope\\C:\\Windows'" in caught.value.message and "\\\\" not in caught.value.message


def test_an_undefined_variable_in_a_physical_path_is_named(session: HostSession, tmp_path: Path) -> None:
    result = operations.check(session, "Vars")
    assert result.problem is not None
    assert "%NOT_DEFINED_HERE%" in result.problem.describe()
    assert "not defined on the server" in result.problem.describe()
    plan = operations.plan(session, GrantKind.IUSR_READ, "Vars")
    assert plan.refusal is not None and "not defined on the server" in plan.refusal.describe()
    with pytest.raises(Refused, match="not defined on the server"):
        operations.apply(session, plan, History(tmp_path / "h.jsonl"))


def test_the_terminal_plan_shows_hidden_characters_as_escapes(session: HostSession) -> None:
    from bridge.commands import _render_plan  # noqa: PLC0415 - the CLI's rendering, tested directly

    plan = operations.plan(session, GrantKind.IUSR_READ, HOSTILE_SITE)
    assert "\n" in plan.path, "the hostile folder name holds a line break"
    shown = _render_plan(plan)
    folder = next(line for line in shown.splitlines() if line.startswith("Folder:"))
    assert folder == "Folder:    " + plan.path.replace("\n", "\\n")
    *captioned, outcome = shown.splitlines()
    captions = [line.split(":", 1)[0] for line in captioned]
    assert captions == ["Host", "Folder", "Identity", "Rights", "Adds", "Same as", "Fixes"]
    # The last line says what confirming achieves, its folder escaped like the others.
    assert outcome.startswith("After this, NT AUTHORITY\\IUSR has Read & execute on ")
    assert plan.path.replace("\n", "\\n") in outcome
    same_as = next(line for line in shown.splitlines() if line.startswith("Same as:"))
    assert "a&b\\nÜmlaut" in same_as
