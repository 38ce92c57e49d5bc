"""What the details pane says under its table: why each identity lacks what it needs, each finding
of too much access with its Reduce link, and the notes on who reads the content."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from bridge.excess import Excess
from bridge.needs import CheckResult, level_phrase
from bridge.reduce_change import SOURCE_UNKNOWN
from bridge.safety import is_within, same_path
from gui.members_view import link_iis_iusrs
from gui.texts import level_text, reason_text
from gui.wrapping import message_paragraph

# A Reduce link's address: the finding's place in CheckResult.excessive follows.
REDUCE_LINK = "reduce:"


def reasons_text(check: CheckResult) -> str:
    """Why each identity that lacks access lacks it, in full (the table cell is too narrow); a
    manual pool's reason is shown even when it has access: it explains how. What is too much
    stands beside it, each finding with its reduction."""
    shown = [r.reason for r in check.requirements if not r.ok or r.reason.code == "ok-manual-member"]
    lines = [f"• {link_iis_iusrs(message_paragraph(reason))}" for reason in shown]
    too_much = html.escape(QCoreApplication.translate("Details", "Too much:"))
    for number, found in enumerate(check.excessive):
        reason = link_iis_iusrs(message_paragraph(found.reason))
        lines.append(f"• <b>{too_much}</b> {reason} {_reduction(check, number, found)}")
    return "<br>".join(lines)


def _reduction(check: CheckResult, number: int, found: Excess) -> str:
    """The finding's Reduce link, or - where the GUI cannot offer one - what to do instead."""
    if found.to is None:
        # Not an ACL matter (a pool that runs as LocalSystem): the fix is said in words.
        return f"<i>{html.escape(reason_text(found.fix))}</i>"
    if found.folder is None:
        unknown = SOURCE_UNKNOWN(identity=found.name, path=found.path, to=level_phrase(found.to))
        return f"<i>{html.escape(reason_text(unknown))}</i>"
    refusal = found.fix.params.get("refusal")
    if refusal is not None and not isinstance(refusal, str):
        # Reducing would take away what the site needs: the refusal names it.
        return f"<i>{html.escape(reason_text(refusal))}</i>"
    level = level_text(found.to)
    if is_within(found.folder, check.physical_path):
        text = QCoreApplication.translate("Details", "Reduce to {level}").format(level=level)
    else:
        # Inherited: reduced where the entry is set, which reaches every folder that inherits it.
        text = QCoreApplication.translate("Details", "Reduce to {level} on {folder}, where it is set").format(
            level=level, folder=found.folder
        )
    return f'<a href="{REDUCE_LINK}{number}">{html.escape(text)}</a>'


def linked_finding(check: CheckResult, href: str) -> Excess | None:
    """The finding a Reduce link of :func:`reasons_text` stands for."""
    number = href.removeprefix(REDUCE_LINK)
    if not href.startswith(REDUCE_LINK) or not number.isdigit() or int(number) >= len(check.excessive):
        return None
    return check.excessive[int(number)]


def reduce_subpath(found: Excess, folder: str) -> str | None:
    """The subpath to reduce on for a finding on ``folder``: its explicit folder when below it;
    None for the folder itself or above it (the reduction then goes where the entry is set)."""
    explicit = found.folder
    if explicit is None or same_path(explicit, folder) or not is_within(explicit, folder):
        return None
    return explicit.rstrip("\\")[len(folder.rstrip("\\")) :].strip("\\")


def notes_text(check: CheckResult) -> str:
    """What the admin should know about who reads the content, one paragraph each."""
    note = html.escape(QCoreApplication.translate("Details", "Note:"))
    return "<br>".join(f"<b>{note}</b> {link_iis_iusrs(message_paragraph(text))}" for text in check.notes)
