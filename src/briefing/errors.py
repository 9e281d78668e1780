"""Errors the library raises; each message is written for the person running the tool.

The CLI turns every `BriefingError` into one line on stderr and its `exit_code`; the message
is kept to one line here, whatever file names or library messages it quotes.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: a problem the user can fix (bad input, bad option, missing model)."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(one_line(f"{path}: {message}" if path else message))


def one_line(text: str) -> str:
    """A message as one line: file names and library messages may hold line breaks."""
    return " ".join(text.splitlines())


class InputError(BriefingError):
    """The input folder, a file in it, or the manifest cannot be used."""


class ConfigError(BriefingError):
    """An option or `briefing.toml` value is invalid."""


class ModelError(BriefingError):
    """A model (embedder or generator) cannot be found or loaded."""


class OutputError(BriefingError):
    """The output folder cannot be created or written."""
