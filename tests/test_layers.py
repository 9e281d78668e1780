"""The module map of docs/design.md: stages import the base layer and their own package, never
each other; only the orchestrators (pipeline, batch, batch_ray, cli, assemble) see several
stages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "briefing"
BASE = {
    "errors",
    "models",
    "config",
    "vectors",
    "language",
    "sentences",
    "embed",
    "onnx_model",
    "nltk_light",
    "markup",
}
STAGES = {
    "ingest",
    "claims",
    "credibility",
    "rank",
    "compose",
    "verify",
    "render",
    "stories",
    "disagree",
}
ORCHESTRATORS = {
    "pipeline",
    "batch",
    "batch_ray",
    "cli",
    "cli_help",
    "assemble",
    "interrupt",
    "__main__",
    "digest",
}


def top_level(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported(path: Path) -> set[str]:
    """The briefing modules (first level under the package) that a file imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "briefing":
                found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.split(".")[1]
                for alias in node.names
                if alias.name.startswith("briefing.")
            }
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if top_level(p) not in {"__init__", "data"})


def test_every_module_is_placed_in_the_map() -> None:
    placed = BASE | STAGES | ORCHESTRATORS
    assert {top_level(p) for p in MODULES} <= placed


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stages_and_base_import_only_what_the_map_allows(path: Path) -> None:
    own = top_level(path)
    if own in ORCHESTRATORS:
        return
    allowed = BASE | {own}
    if own in BASE:  # the base layer never reaches up into a stage
        allowed = BASE
    assert imported(path) - allowed == set()


# Every function takes its input and its config section, grouped into records where it needs
# more (issue 10): "no stage function takes more than 4 parameters". Private helpers count
# too (loose arguments there spread as much as anywhere). The typer commands are exempt:
# typer reads each command-line option from a parameter of the command.
MAX_PARAMETERS = 4


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The parameters a caller passes: `self` and `cls` are not counted, `*args` and
    `**kwargs` are."""
    args = function.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    if names and names[0] in {"self", "cls"}:
        names = names[1:]
    return names + [a.arg for a in (args.vararg, args.kwarg) if a is not None]


def _is_command(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for d in function.decorator_list
    )


def test_no_function_takes_more_than_four_parameters() -> None:
    crowded = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}{tuple(_parameters(node))}"
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not _is_command(node)
        and len(_parameters(node)) > MAX_PARAMETERS
    ]
    assert crowded == []
