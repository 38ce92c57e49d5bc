"""How names and paths appear in messages, the terminal and the confirmation.

Paths are shown as Windows writes them (``'C:\\Windows'``, not Python's ``'C:\\\\Windows'``), and the
characters that would hide or reorder what the admin reads (control characters, bidirectional
overrides and isolates, other invisible format characters, line separators) are shown as visible
escapes such as ``\\u202e``. Data (JSON, parameters) keeps the exact text; only the display changes.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Cc control, Cf format (bidi overrides and isolates, zero-width joiners, BOM), Zl/Zp separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) not in _INVISIBLE:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every invisible or reordering character written as an escape."""
    # Printable text (no category C or Z character but the space) has nothing to escape: the common
    # case, tested in C instead of one call per character (17 million for a 20,000-site check).
    if text.isprintable():
        return text
    return "".join(map(_escape, text))


def quoted(text: str) -> str:
    """``text`` in single quotes for a message, backslashes as they are, invisible characters escaped."""
    return f"'{visible(text)}'"
