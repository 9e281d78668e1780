"""The typer adapter: flags -> config -> pipeline -> render -> files; errors -> exit codes."""

from __future__ import annotations

import inspect
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from briefing import __version__, batch, batch_ray, interrupt, pipeline
from briefing import digest as digest_stage
from briefing.cli_help import CleanHelpGroup
from briefing.config import BriefingConfig, load_config
from briefing.errors import BriefingError, one_line
from briefing.render import outputs, sources_view

app = typer.Typer(
    cls=CleanHelpGroup,
    add_completion=False,
    no_args_is_help=True,
    help="Turn many news reports of one story into a short, neutral, fully cited brief.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
log = logging.getLogger(__name__)
# Shown for an exception that is not a BriefingError: exit 1, the contract's code for a bug.
INTERNAL_ERROR = "internal error in briefing (a bug; run again with --verbose and report it)"
T = TypeVar("T")

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="A briefing.toml (default: ./briefing.toml).")
]
RatingsOpt = Annotated[
    Path | None, typer.Option("--ratings", help="Your own domain,score ratings CSV.")
]
UnknownOpt = Annotated[
    str | None,
    typer.Option("--unknown-as", help="Treat unknown credibility as 'low' (default) or 'medium'."),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option(
        "--embedder",
        help="'minilm' (default), 'tfidf', or the path of a sentence-transformers model folder.",
    ),
]
FollowOpt = Annotated[
    bool | None, typer.Option("--follow-links", help="Follow symbolic links out of the folder.")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log each step and drop.")]
OutputOpt = Annotated[
    Path | None, typer.Option("-o", "--output", help="Output folder (default outputs/NAME).")
]
MaxCitationsOpt = Annotated[
    int | None, typer.Option("--max-citations", help="Citations per sentence (5).")
]
SentencesOpt = Annotated[
    int | None,
    typer.Option("--sentences", help="Sentence cap per story (max words / 20, at least 4)."),
]
MaxWordsOpt = Annotated[
    int | None, typer.Option("--max-words", help="Word budget per story (200).")
]


@dataclass(frozen=True)
class Shared:
    """The options every command takes, declared once: how the folder is read and rated,
    the config file and the log level. `_shares_options` adds them to a command."""

    ratings: RatingsOpt = None
    unknown_as: UnknownOpt = None
    follow_links: FollowOpt = None
    config_file: ConfigOpt = None
    verbose: VerboseOpt = False


def _shares_options(command: Callable[..., None]) -> Callable[..., None]:
    """The command with the options of `Shared` after its own; it gets them as `shared`."""
    own = inspect.signature(command, eval_str=True).parameters.values()
    added = inspect.signature(Shared, eval_str=True).parameters.values()

    def with_shared(**given: Any) -> None:
        shared = Shared(**{option.name: given.pop(option.name) for option in added})
        command(shared=shared, **given)

    with_shared.__name__, with_shared.__doc__ = command.__name__, command.__doc__
    parameters = [option for option in own if option.name != "shared"] + list(added)
    with_shared.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return with_shared


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn many news reports of one story into a short, neutral, fully cited brief."""


def _setup_logging(verbose: bool) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(levelname)s: %(message)s", stream=sys.stderr, force=True
    )
    for noisy in ("transformers", "sentence_transformers", "trafilatura", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def _interrupted() -> NoReturn:
    err.print(interrupt.MESSAGE, markup=False)
    raise typer.Exit(interrupt.EXIT_STATUS) from None


@contextmanager
def _user_errors() -> Iterator[None]:
    """One clear line on stderr and exit 2 for anything the user can fix."""
    try:
        with interrupt.raising():
            yield
    except BriefingError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:  # the set being written was removed; the previous one stays
        _interrupted()
    except Exception as exc:  # a bug: still one line, the traceback only with --verbose
        if interrupt.received():  # a library's own error made of the KeyboardInterrupt
            _interrupted()
        log.info("traceback of the internal error", exc_info=True)
        message = one_line(f"{INTERNAL_ERROR}: {type(exc).__name__}: {exc}")
        err.print(f"error: {message}", markup=False)
        raise typer.Exit(1) from None


def _config(shared: Shared, **sections: dict[str, Any]) -> BriefingConfig:
    """The config of the files, then the flags: the shared ones (--follow-links, --ratings,
    --unknown-as), then `sections`, the command's own."""
    ingest = {"follow_links": shared.follow_links}
    credibility = {"ratings": shared.ratings, "unknown_as": shared.unknown_as}
    return load_config(
        shared.config_file, {"ingest": ingest, "credibility": credibility, **sections}
    )


def _run(verbose: bool, action: Callable[[], T]) -> T:
    _setup_logging(verbose)
    with _user_errors():
        return action()


def _out_dir(output: Path | None, input_dir: Path) -> Path:
    return output or batch.DEFAULT_OUTPUT_ROOT / input_dir.resolve().name


@app.command()
@_shares_options
def build(
    input_dirs: Annotated[
        list[Path], typer.Argument(help="Story folder(s) of articles.", metavar="INPUT_DIR")
    ],
    output: OutputOpt = None,
    per_folder: Annotated[
        bool, typer.Option("--per-folder", help="Each subfolder of INPUT_DIR is one story.")
    ] = False,
    sentences: SentencesOpt = None,
    max_words: MaxWordsOpt = None,
    mode: Annotated[
        str | None, typer.Option("--mode", help="auto (default), extractive or abstractive.")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Generator: local path or cached hub id.")
    ] = None,
    device: Annotated[str | None, typer.Option("--device", help="auto, cpu, cuda, cuda:N.")] = None,
    download: Annotated[
        bool | None, typer.Option("--download", help="Let --model download from the hub.")
    ] = None,
    max_citations: MaxCitationsOpt = None,
    embedder: EmbedderOpt = None,
    engine: Annotated[
        batch_ray.Engine,
        typer.Option("--engine", help="Run the batch in-process (default) or on Ray Data."),
    ] = batch_ray.Engine.IN_PROCESS,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="Ray cluster to use (default: start Ray here)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Ray actors (default: one per CPU, or GPU)."),
    ] = None,
    *,
    shared: Shared,
) -> None:
    """Write brief.md, audit.md and brief.json for each story folder."""

    def action() -> int:
        config = _config(
            shared,
            embed={"embedder": embedder},
            brief={"sentences": sentences, "max_words": max_words},
            compose={"mode": mode, "model": model, "device": device, "download": download},
            verify={"max_citations": max_citations},
        )
        ray_options = batch_ray.check_engine_options(engine, ray_address, workers)
        stories = batch.plan_stories(input_dirs, output, per_folder)
        if engine is batch_ray.Engine.RAY:
            return batch_ray.build_stories(stories, config, err, ray_options)
        return batch.build_stories(stories, config, err)

    if _run(shared.verbose, action):  # some stories of a batch failed; the others were written
        raise typer.Exit(2)


@app.command()
@_shares_options
def digest(
    input_dir: Annotated[Path, typer.Argument(help="A folder of articles on many stories.")],
    output: OutputOpt = None,
    sentences: SentencesOpt = None,
    max_words: MaxWordsOpt = None,
    embedder: EmbedderOpt = None,
    *,
    shared: Shared,
) -> None:
    """Group a day's articles into stories; write digest.md, .json, .html and feed.json."""

    def action() -> None:
        config = _config(
            shared,
            embed={"embedder": embedder},
            brief={"sentences": sentences, "max_words": max_words},
        )
        out_dir = _out_dir(output, input_dir)
        with outputs.output_dir(out_dir, [input_dir]), err.status("digest") as status:
            found = digest_stage.build_digest(input_dir, config, on_stage=status.update)
            outputs.write_digest(found, out_dir)
        err.print(outputs.digest_summary(found, out_dir), markup=False)

    _run(shared.verbose, action)


@app.command()
@_shares_options
def cite(
    draft: Annotated[Path, typer.Argument(help="Your draft, Markdown or plain text.")],
    input_dir: Annotated[Path, typer.Argument(help="The folder of articles it is based on.")],
    output: OutputOpt = None,
    max_citations: MaxCitationsOpt = None,
    embedder: EmbedderOpt = None,
    *,
    shared: Shared,
) -> None:
    """Add footnotes to a draft and mark the sentences the articles do not support."""

    def action() -> None:
        config = _config(
            shared, embed={"embedder": embedder}, verify={"max_citations": max_citations}
        )
        out_dir = _out_dir(output, input_dir)
        inputs = [input_dir, draft]
        with outputs.output_dir(out_dir, inputs), err.status("citing") as status:
            cited = pipeline.cite_draft(draft, input_dir, config, status.update)
            outputs.write_cited(cited.draft, cited.brief, out_dir)
        err.print(outputs.cite_summary(cited.brief, out_dir), markup=False)

    _run(shared.verbose, action)


@app.command()
@_shares_options
def sources(
    input_dir: Annotated[Path, typer.Argument(help="The folder of articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    *,
    shared: Shared,
) -> None:
    """Show what was read from each file: outlet, date, credibility, sentences, clutter dropped."""

    def action() -> None:
        corpus, sents = pipeline.read_sources(input_dir, _config(shared))
        if as_json:
            typer.echo(sources_view.sources_json(corpus, sents))
        else:
            table = sources_view.sources_table(corpus, sents, shared.verbose)
            Console(highlight=False).print(table)

    _run(shared.verbose, action)
