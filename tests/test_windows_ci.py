"""The Windows workflow and its provisioning script: well-formed, constant, and naming only what exists."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import tree_sitter
import tree_sitter_powershell
import yaml

from bridge.lab.scenario import load_scenario
from bridge.lab.simulator import demo_scenario_path
from tests.e2e.scenarios import write_scenario
from tests.test_scripts import FORBIDDEN, _broken_nodes, _code_only
from tests.windows.scenario_data import main, scenario_data

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
PROVISION = ROOT / "tests" / "windows" / "provision.ps1"
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))


def _workflow() -> dict[Any, Any]:
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"]["real-iis"]["steps"]
    return steps


def _runs() -> str:
    return "\n".join(str(step.get("run", "")) for step in _steps())


def test_the_workflow_runs_on_both_windows_server_runners() -> None:
    job = _workflow()["jobs"]["real-iis"]
    assert job["strategy"]["matrix"]["os"] == ["windows-2022", "windows-2025"]
    assert job["runs-on"] == "${{ matrix.os }}"


def test_the_workflow_prepares_the_server_as_the_issue_says() -> None:
    runs = _runs()
    assert "Install-WindowsFeature Web-Server, Web-Scripting-Tools, Web-Asp-Net45" in runs
    assert "Enable-PSRemoting" in runs
    assert "LocalAccountTokenFilterPolicy -Value 1" in runs
    assert "RandomNumberGenerator" in runs and "::add-mask::" in runs
    assert "pyinstaller --noconfirm build.spec" in runs
    assert "dist\\IISAccess.exe --version" in runs and "dist\\IISAccess.exe --smoke" in runs
    uploads = [
        step["with"]["path"] for step in _steps() if str(step.get("uses", "")).startswith("actions/upload")
    ]
    assert uploads == ["recording-${{ matrix.os }}", "dist/IISAccess.exe"]


def test_every_file_the_workflow_names_exists() -> None:
    runs = _runs()
    named = set(re.findall(r"(?:tests|resources|bridge|gui)/[\w./-]*\w", runs)) | {"build.spec"}
    modules = {name.replace(".", "/") + ".py" for name in re.findall(r"python -m (tests\.[\w.]+)", runs)}
    missing = [name for name in sorted(named | modules) if not (ROOT / name).exists()]
    assert missing == []
    assert "tests/windows/provision.ps1" in named


def test_every_pytest_and_cli_option_the_workflow_uses_exists() -> None:
    conftest = (ROOT / "tests" / "conformance" / "conftest.py").read_text(encoding="utf-8")
    for line in _runs().splitlines():
        if "pytest" in line:
            for option in re.findall(r"(--real-[\w-]+)", line):
                assert f'"{option}"' in conftest, option
    from bridge.commands import build_parser  # noqa: PLC0415 - the CLI's own parser judges its options

    for line in _runs().splitlines():
        if line.strip().startswith("iis-access"):
            words = shlex.split(line.replace("${{ env.CI_ADMIN }}", "ci").replace("${{ matrix.os }}", "x"))
            build_parser().parse_args(words[1:])


def test_the_provisioning_script_parses_and_builds_no_code_from_strings() -> None:
    text = PROVISION.read_text(encoding="utf-8")
    tree = PARSER.parse(text.encode("utf-8"))
    assert _broken_nodes(tree.root_node) == []
    code = _code_only(text)
    assert [name for name, pattern in FORBIDDEN.items() if pattern.search(code)] == []
    assert re.search(r"(?m)^param\(", code)
    # Values reach the cmdlets only from the data file, never spliced into a script.
    assert "ConvertFrom-Json" in code
    assert "Invoke-Command" not in code and "-ScriptBlock" not in code


@pytest.mark.parametrize("source", ["demo", "e2e"])
def test_the_provisioning_data_holds_the_scenarios_facts(tmp_path: Path, source: str) -> None:
    folder = demo_scenario_path() if source == "demo" else write_scenario(tmp_path / "scenario")
    out = tmp_path / "data.json"
    assert main([str(folder), str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == scenario_data(folder)
    scenario = load_scenario(folder)
    assert [pool["name"] for pool in data["pools"]] == [pool.name for pool in scenario.config.pools]
    assert [site["name"] for site in data["sites"]] == [site.name for site in scenario.config.sites]
    depths = [entry["path"].rstrip("\\").count("\\") for entry in data["folders"]]
    assert depths == sorted(depths), "parents before children"
    for entry in data["folders"]:
        assert "ID;" not in entry["sddl"] and not entry["sddl"].startswith("O:")
        assert scenario.filesystem.exists(entry["path"])


def test_the_provisioning_data_cli_says_how_to_call_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err
