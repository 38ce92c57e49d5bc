"""Every sentence the bridge says to an administrator, declared once, in English, with a stable code.

A finding, warning, refusal or error is a :class:`~bridge.model.Message`: a code, its English
template and named parameters (text, or another message). The CLI prints the template filled
in; the GUI looks the same template up in Qt's catalogue and fills in the German. Nothing else
holds the wording: the GUI keeps no copy of these sentences, so they cannot drift apart.

One line declares a message, in the module that says it::

    PATH_MISSING = translate("Bridge", "{path} does not exist on the server.", "path-missing")
    ...
    return PATH_MISSING(path=path)

``translate`` is spelled the way Qt's ``lupdate`` reads Python source - ``translate(context,
source, disambiguation)`` with literal strings - so the scan that collects the GUI's strings
collects these too, with the code beside each one; the bridge itself never imports Qt. After
declaring, run ``.ci/translations`` and write the German into the catalogue it updates
(``tests/gui/test_translations.py`` fails until every declared code has its German).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from bridge.model import Message, MessageParam

# The catalogue context every bridge message is translated in (a literal, for lupdate).
CONTEXT = "Bridge"


@dataclass(frozen=True)
class Text:
    """A declared message: its code and English template. Call it with the template's fields."""

    code: str
    template: str

    def __call__(self, **params: MessageParam) -> Message:
        return Message(self.code, self.template, params)


_DECLARED: dict[str, Text] = {}


def translate(context: Literal["Bridge"], template: str, code: str) -> Text:
    """Declare the message ``code`` with its English ``template`` (``context`` is always "Bridge")."""
    declared = _DECLARED.setdefault(code, Text(code, template))
    if declared.template != template:
        raise ValueError(f"message code {code!r} is declared twice, with different texts")
    return declared


def declared() -> Mapping[str, Text]:
    """Every message declared by the modules imported so far, by code."""
    return dict(_DECLARED)


def listed(items: Sequence[Message]) -> Message:
    """Several phrases as one, separated by commas (the same in every language this product speaks):
    its template is made of its items alone, so there is no sentence to translate, only its items."""
    template = ", ".join(f"{{item{index}}}" for index in range(len(items)))
    return Message("listed", template, {f"item{index}": item for index, item in enumerate(items)})
