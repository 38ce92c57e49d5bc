"""The Qt binding itself must hold up under the app's signal traffic.

PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every
``Signal.emit()``; after a few thousand emits the interpreter aborts with
``bool_dealloc``. The app emits host, busy and task signals all the time, so
a long session would crash. pyproject.toml excludes that release; this test
fails for any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()
    counted = Signal(int)


def test_emitting_signals_leaks_no_references_to_true() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.changed.connect(lambda: received.append(0))
    emitter.counted.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.changed.emit()
        emitter.counted.emit(number)
    assert len(received) == 400
    # A leaking binding loses one reference per emit (-400 here); allow for unrelated churn.
    assert abs(sys.getrefcount(True) - before) < 40
