"""Loading a scenario folder: a broken or missing file is one clear ScenarioError naming it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bridge.lab.scenario import (
    FILESYSTEM_FILE,
    MACHINE_FILE,
    ScenarioError,
    demo_scenario_path,
    load_scenario,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "scenario"
    shutil.copytree(demo_scenario_path(), copy)
    return copy


def test_the_demo_copy_loads(folder: Path) -> None:
    assert load_scenario(folder).config.sites


@pytest.mark.parametrize(
    ("name", "text", "complaint"),
    [
        (FILESYSTEM_FILE, '{"paths": ', "is not valid JSON"),
        (FILESYSTEM_FILE, "[]", "must hold a JSON object"),
        (MACHINE_FILE, '"WEB01"', "must hold a JSON object"),
        (MACHINE_FILE, "\udcff", "is not valid JSON"),
    ],
)
def test_a_broken_json_file_is_named_in_the_error(folder: Path, name: str, text: str, complaint: str) -> None:
    (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(ScenarioError, match=complaint) as raised:
        load_scenario(folder)
    assert str(folder / name) in str(raised.value)


def test_a_missing_required_file_is_named(folder: Path) -> None:
    (folder / FILESYSTEM_FILE).unlink()
    with pytest.raises(ScenarioError, match=f"{FILESYSTEM_FILE} is missing"):
        load_scenario(folder)
