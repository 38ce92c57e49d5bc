"""The German catalogue is complete, compiled from the current source, and used with --lang de."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bridge.access import AccessLevel
from bridge.model import Message
from bridge.needs import level_word
from bridge.resources import resource_path
from gui.app import Translation, language_code, parse_args
from gui.settings import Settings
from gui.texts import iis_word, reason_text
from tests.gui.conftest import LabFactory, WindowFactory, lab_entry

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(shutil.which("pyside6-lupdate") or ROOT / ".venv" / "bin" / "pyside6-lupdate").parent
TS = resource_path("translations", "iis_access_de.ts")
QM = resource_path("translations", "iis_access_de.qm")


def _messages(ts: Path) -> list[tuple[str, str | None, str | None]]:
    tree = ET.parse(ts)  # noqa: S314 - the project's own committed catalogue
    return [
        (m.findtext("source", ""), m.findtext("translation"), m.find("translation").get("type"))  # type: ignore[union-attr]
        for m in tree.iter("message")
    ]


def test_every_source_string_is_in_the_catalogue_and_translated(tmp_path: Path) -> None:
    scratch = tmp_path / "iis_access_de.ts"
    shutil.copy(TS, scratch)
    sources = sorted(str(path) for path in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [str(VENV_BIN / "pyside6-lupdate"), *sources, "-ts", str(scratch), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    committed = {source for source, _text, _kind in _messages(TS)}
    current = _messages(scratch)
    assert {source for source, _text, _kind in current} == committed, "run lupdate: the .ts is out of date"
    untranslated = [source for source, text, kind in current if kind is not None or not text]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / "iis_access_de.qm"
    subprocess.run(
        [str(VENV_BIN / "pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run lrelease: the .qm is older than the .ts"


def test_placeholders_survive_translation() -> None:
    for source, text, _kind in _messages(TS):
        fields = {part.split("}")[0] for part in source.split("{")[1:]}
        assert fields == {part.split("}")[0] for part in (text or "").split("{")[1:]}, source


def test_german_strings_appear_with_lang_de(
    qtbot: QtBot, settings: Settings, start_lab: LabFactory, lab_password: str, open_window: WindowFactory
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.install(language_code(parse_args(["--lang", "de"]).lang, settings))
    try:
        window = open_window(lab_entry(start_lab(), lab_password))
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == ["Websites", "Anwendungspools", "Alle Hosts", "Verlauf"]
        assert window.details.grant_buttons
        assert "gewähren" in next(iter(window.details.grant_buttons.values())).text()
        # Values IIS reports as English words are shown in German too.
        assert [iis_word("Started"), iis_word("Stopped"), iis_word("Integrated")] == [
            "Gestartet",
            "Beendet",
            "Integriert",
        ]
    finally:
        translation.install("en")
    assert window.tr("Sites") == "Sites"


def _reason(code: str, effective: AccessLevel, needs: AccessLevel) -> Message:
    """A finding as the bridge words its parameters (levels as the Security tab's English words)."""
    params = {
        "name": "IUSR",
        "pool": "Shop",
        "path": r"C:\inetpub\shop",
        "denied": "Everyone",
        "effective": level_word(effective),
        "needs": level_word(needs),
    }
    return Message(code, "", params)


def test_reasons_name_every_access_level_in_a_natural_phrase(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    english = reason_text(_reason("anonymous-missing", AccessLevel.NONE, AccessLevel.READ_EXECUTE))
    assert r"which has no access to C:\inetpub\shop but needs Read & execute:" in english
    translation = Translation(app)
    translation.install("de")
    try:
        none = reason_text(_reason("anonymous-missing", AccessLevel.NONE, AccessLevel.READ_EXECUTE))
        read = reason_text(_reason("worker-missing", AccessLevel.READ, AccessLevel.MODIFY))
        full = reason_text(_reason("ok", AccessLevel.FULL_CONTROL, AccessLevel.READ_EXECUTE))
        blocked = reason_text(_reason("blocked", AccessLevel.NONE, AccessLevel.READ))
    finally:
        translation.install("en")
    assert r"C:\inetpub\shop keinen Zugriff, braucht aber die Berechtigung „Lesen, Ausführen“:" in none
    assert r"C:\inetpub\shop die Berechtigung „Lesen“, braucht aber die Berechtigung „Ändern“:" in read
    assert full.startswith(r"IUSR hat auf C:\inetpub\shop Vollzugriff; das genügt")
    assert r"IUSR braucht auf C:\inetpub\shop die Berechtigung „Lesen“, aber" in blocked
    for text in (none, read, full, blocked):
        assert "„keine“" not in text
        assert "access" not in text
