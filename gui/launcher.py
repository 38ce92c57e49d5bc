"""The ``iis-access`` program: one entry point for the desktop app, the CLI and the lab host.

It lives on the GUI side because it may start the GUI, and the bridge never reaches up into
``gui/``. Each route is imported only when taken: Qt is loaded for the desktop app alone, so a
CLI command such as ``iis-access sites`` never imports PySide6, and the lab its TLS machinery.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bridge.console import attach_parent_console

# Flags that start the desktop app directly, so the executable answers
# ``IISAccess --smoke`` as well as ``iis-access gui --smoke``.
GUI_FLAGS = frozenset({"--smoke"})


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        attach_parent_console()
    if args and args[0] == "lab":
        from bridge.lab.serve import main as lab_main  # noqa: PLC0415 - imported only when this route is taken

        return lab_main(args[1:])
    if not args or args[0] == "gui" or args[0] in GUI_FLAGS:
        from gui.app import main as gui_main  # noqa: PLC0415 - Qt is loaded only for the GUI

        return gui_main(args[1:] if args and args[0] == "gui" else args)
    from bridge.commands import main as commands_main  # noqa: PLC0415 - imported only when this route is taken

    return commands_main(args)


if __name__ == "__main__":
    sys.exit(main())
