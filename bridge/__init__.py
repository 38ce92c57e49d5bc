"""IIS Access bridge: everything below the GUI, in pure Python (never imports Qt)."""

from bridge._version import VERSION as __version__

__all__ = ["__version__"]
