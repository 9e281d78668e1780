"""Help text without typer's type tags: flags show no `<bool>`, and an argument shows its
name in capitals (`INPUT_DIR...`) instead of `{input_dirs}...` and `<list[Path]>`.

`CleanHelpGroup` is the click group class of the typer app (`typer.Typer(cls=...)`); it tidies
every command it hands out, so commands added later need nothing of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption


class _NamedArgument(TyperArgument):
    """An argument shown by its name alone, in capitals, as in the README's synopsis."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        return f"{self.display_name_raw}..." if self.nargs != 1 else self.display_name_raw


def _tidy(params: Iterable[Any]) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _NamedArgument  # same state, other display methods
            param.metavar = param.metavar or (param.name or "").upper()
        elif isinstance(param, TyperOption) and param.is_flag:
            param.metavar = ""  # a flag takes no value: nothing to show


class CleanHelpGroup(TyperGroup):
    """A typer group whose own help and whose commands' help show no type tags."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        _tidy(params)
        return params

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _tidy([*command.params, command.get_help_option(ctx)])
        return command
