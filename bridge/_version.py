"""The single source of the version: pyproject.toml, the CLI and the Windows version resource read it."""

VERSION = "0.1.0"
