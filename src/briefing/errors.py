"""Errors the library raises; each message is written for the person running the tool.

The CLI turns every `BriefingError` into one line on stderr and its `exit_code`.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: a problem the user can fix (bad input, bad option, missing model)."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(BriefingError):
    """The input folder, a file in it, or the manifest cannot be used."""


class ConfigError(BriefingError):
    """An option or `briefing.toml` value is invalid."""


class ModelError(BriefingError):
    """A model (embedder or generator) cannot be found or loaded."""


class OutputError(BriefingError):
    """The output folder cannot be created or written."""
