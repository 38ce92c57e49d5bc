"""JSON as Windows PowerShell 5.1's ``ConvertTo-Json -Compress`` writes it.

The lab prints its answers in this form, and a recording writes what a server
answered back in it: no spaces, non-ASCII as is, and the HTML-sensitive
characters escaped as the 5.1 serializer escapes them.
"""

from __future__ import annotations

import json

# Windows PowerShell 5.1's serializer escapes these HTML-sensitive characters; PowerShell 7 does not.
_POWERSHELL_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def powershell_json(document: object) -> str:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _POWERSHELL_ESCAPES.items():
        text = text.replace(character, escape)
    return text
