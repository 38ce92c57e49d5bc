"""The German catalogue is complete, compiled from the current source, and used with --lang de."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import bridge
from bridge import needs, plans, wording
from bridge.access import AccessLevel, describe_disorder, out_of_order
from bridge.model import Message
from bridge.needs import level_phrase
from bridge.resources import resource_path
from bridge.sddl import parse_dacl
from bridge.wording import Text
from gui.app import Translation, language_code, parse_args
from gui.settings import Settings
from gui.texts import iis_word, reason_text
from tests.gui.conftest import LabFactory, WindowFactory, lab_entry

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(shutil.which("pyside6-lupdate") or ROOT / ".venv" / "bin" / "pyside6-lupdate").parent
TS = resource_path("translations", "iis_access_de.ts")
QM = resource_path("translations", "iis_access_de.qm")


def _entries(ts: Path) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(context, source, code, translation, its type) for every message of a catalogue."""
    tree = ET.parse(ts)  # noqa: S314 - the project's own committed catalogue
    return [
        (
            context.findtext("name", ""),
            m.findtext("source", ""),
            m.findtext("comment"),
            m.findtext("translation"),
            m.find("translation").get("type"),  # type: ignore[union-attr]
        )
        for context in tree.iter("context")
        for m in context.iter("message")
    ]


def _messages(ts: Path) -> list[tuple[str, str | None, str | None]]:
    return [(source, text, kind) for _context, source, _code, text, kind in _entries(ts)]


def test_every_source_string_is_in_the_catalogue_and_translated(tmp_path: Path) -> None:
    scratch = tmp_path / "iis_access_de.ts"
    shutil.copy(TS, scratch)
    # What .ci/translations scans: the GUI's strings and the bridge's declared messages.
    sources = sorted(str(path) for folder in ("gui", "bridge") for path in (ROOT / folder).rglob("*.py"))
    subprocess.run(
        [
            str(VENV_BIN / "pyside6-lupdate"),
            *sources,
            "-ts",
            str(scratch),
            "-no-obsolete",
            "-locations",
            "none",
        ],
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
        tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
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


def _reason(text: Text, effective: AccessLevel, needs: AccessLevel) -> Message:
    """A finding as the bridge words its parameters (levels as phrases of their own)."""
    return text(
        name="IUSR",
        pool="Shop",
        path=r"C:\inetpub\shop",
        denied="Everyone",
        effective=level_phrase(effective),
        needs=level_phrase(needs),
    )


def test_reasons_name_every_access_level_in_a_natural_phrase(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    english = reason_text(_reason(needs.ANONYMOUS_MISSING, AccessLevel.NONE, AccessLevel.READ_EXECUTE))
    assert r"which has no access to C:\inetpub\shop but needs Read & execute:" in english
    translation = Translation(app)
    translation.install("de")
    try:
        none = reason_text(_reason(needs.ANONYMOUS_MISSING, AccessLevel.NONE, AccessLevel.READ_EXECUTE))
        read = reason_text(_reason(needs.WORKER_MISSING, AccessLevel.READ, AccessLevel.MODIFY))
        full = reason_text(_reason(needs.OK, AccessLevel.FULL_CONTROL, AccessLevel.READ_EXECUTE))
        blocked = reason_text(_reason(needs.BLOCKED, AccessLevel.NONE, AccessLevel.READ))
    finally:
        translation.install("en")
    assert r"C:\inetpub\shop keinen Zugriff, braucht aber die Berechtigung „Lesen, Ausführen“:" in none
    assert r"C:\inetpub\shop die Berechtigung „Lesen“, braucht aber die Berechtigung „Ändern“:" in read
    assert full.startswith(r"IUSR hat auf C:\inetpub\shop Vollzugriff; das genügt")
    assert r"IUSR braucht auf C:\inetpub\shop die Berechtigung „Lesen“, aber" in blocked
    for text in (none, read, full, blocked):
        assert "„keine“" not in text
        assert "access" not in text


def _every_bridge_module() -> list[str]:
    """Every module of the bridge, imported, so each one's messages are declared."""
    names = [module.name for module in pkgutil.walk_packages(bridge.__path__, "bridge.")]
    for name in names:
        importlib.import_module(name)
    return names


def test_every_bridge_message_code_has_its_german_translation(qtbot: QtBot) -> None:
    assert _every_bridge_module()
    catalogue = {
        (source, code): (text, kind)
        for context, source, code, text, kind in _entries(TS)
        if context == wording.CONTEXT and code is not None
    }
    compiled = QTranslator()
    assert compiled.load(str(QM))
    declared = wording.declared()
    # The messages of the modules this change moved into the bridge, and the newest error kinds.
    assert {"worker-missing", "unc", "iis-iusrs-modify-site-root", "note-iis-iusrs"} <= set(declared)
    untranslated = []
    for code, text in sorted(declared.items()):
        german, kind = catalogue.get((text.template, code), (None, "missing"))
        looked_up = compiled.translate(wording.CONTEXT, text.template, code)
        if kind is not None or not german or looked_up != german:
            untranslated.append(code)
    assert untranslated == [], "declare the German of these codes in the .ts (run .ci/translations)"


def test_a_message_code_is_declared_once() -> None:
    first = wording.translate("Bridge", "{path} is a file, not a folder.", "not-a-folder")
    assert first is needs.NOT_A_FOLDER
    with pytest.raises(ValueError, match="not-a-folder"):
        wording.translate("Bridge", "{path} is a file.", "not-a-folder")


def test_every_message_the_bridge_reports_is_declared() -> None:
    """A Message built by hand would have no German: the bridge builds them from declarations only."""
    built = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for folder in ("bridge", "gui")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "wording.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == "Message" or getattr(node.func, "attr", None) == "Message")
    ]
    assert built == [], "declare these with bridge.wording.translate and call the declaration"


def test_the_entries_out_of_canonical_order_are_named_in_german(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dacl = parse_dacl("D:(A;OICI;FA;;;BA)(D;OICI;FA;;;WD)(A;OICIID;FA;;;SY)(A;OICI;FA;;;BU)")
    entries = describe_disorder(out_of_order(dacl))
    assert entries.describe() == "entry 2 (an explicit deny), entry 4 (an explicit allow)"
    translation = Translation(app)
    translation.install("de")
    try:
        german = reason_text(plans.NOT_CANONICAL(path="D:\\Sites\\Shop", entries=entries))
    finally:
        translation.install("en")
    assert (
        "Eintrag 2 (ein expliziter Verweigern-Eintrag), Eintrag 4 (ein expliziter Zulassen-Eintrag)" in german
    )
    assert "entry" not in german
