"""Batch builds on Ray Data: the story folders as a Dataset, a pool of actors that each load the
models once and build the stories they are given, and the briefs written on the driver by
batch.py's own loop and writers, so both engines write the same bytes and report the same way.

Ray is an optional extra (`briefing[ray]`), imported only when `--engine ray` asks for it.
Workers read the story folders by path (a cluster needs them on a shared filesystem); only the
driver writes, so workers need no access to the output folder.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import numpy as np
from rich.console import Console

from briefing.batch import MakeBrief, Story, write_stories
from briefing.compose import get_composer, resolve_mode
from briefing.compose import loading as compose_loading
from briefing.config import BriefingConfig
from briefing.embed import get_embedder
from briefing.errors import BriefingError, ConfigError
from briefing.models import Brief
from briefing.pipeline import OnStage, build_brief

log = logging.getLogger(__name__)


class Engine(StrEnum):
    """Where `briefing build` runs a batch: this process (the default) or Ray Data."""

    IN_PROCESS = "in-process"
    RAY = "ray"


MISSING_RAY = "--engine ray needs Ray Data: pip install 'briefing[ray]'"
# Stories per actor call: a TF-IDF story takes ~40 ms, so eight of them make Ray's per-call
# overhead (a few ms) small, while a failure or a slow story still holds up only a few others.
STORIES_PER_BATCH = 8
# A local Ray listens on loopback only: nothing of a laptop's batch is reachable from outside.
LOOPBACK = "127.0.0.1"
# Shared memory for a local Ray's object store. A pickled brief of a dev-set story is ~5 KB and
# the driver writes them as they come, so 256 MiB is ample; Ray's default (30% of RAM) would
# reserve gigabytes of /dev/shm on a shared machine.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2


@dataclass(frozen=True)
class RayOptions:
    """`--ray-address` (None: start Ray on this machine) and `--workers` (None: one actor per
    CPU, or per GPU when abstractive actors run on GPUs)."""

    address: str | None = None
    workers: int | None = None


def check_engine_options(engine: Engine, address: str | None, workers: int | None) -> RayOptions:
    """The Ray options, refused when given to the in-process engine, which would ignore them."""
    if engine is Engine.IN_PROCESS and (address is not None or workers is not None):
        raise ConfigError("--ray-address and --workers need --engine ray")
    return RayOptions(address, workers)


def build_stories(
    stories: list[Story], config: BriefingConfig, console: Console, options: RayOptions
) -> int:
    """Build every story on Ray, writing each brief here as it arrives; a failing story is
    reported and skipped exactly as in-process. Returns the failure count."""
    with _ray_session(options) as ray:
        made = _built_on_ray(ray, stories, config, options.workers)
        return write_stories(made, len(stories), console)


def _import_ray(local: bool) -> Any:
    """Ray, set up before its import (it reads these once): offline, quiet, and for a local
    cluster token authentication (Ray's default, here without its warning), so that other
    users of this machine cannot submit work to it over loopback."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray Data's tuning hints and per-dataset timings are for Ray developers; the batch shows
    # its own progress. RAY_DATA_LOG_LEVEL=INFO brings them back.
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    if local:
        os.environ.setdefault("RAY_AUTH_MODE", "token")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(MISSING_RAY) from exc
    return ray


@contextlib.contextmanager
def _ray_session(options: RayOptions) -> Iterator[Any]:
    """Connect to `options.address`, or start Ray here (loopback, no dashboard, its files in
    a temp folder removed afterwards); shut it down however the batch ends."""
    ray = _import_ray(local=options.address is None)
    settings: dict[str, Any] = {"logging_level": logging.WARNING, "include_dashboard": False}
    with tempfile.TemporaryDirectory(prefix="briefing-ray-", ignore_cleanup_errors=True) as temp:
        if options.address is None:
            settings |= {
                "num_cpus": options.workers or os.cpu_count() or 1,
                "object_store_memory": LOCAL_OBJECT_STORE_BYTES,
                "_node_ip_address": LOOPBACK,
                "_temp_dir": temp,
            }
        try:
            ray.init(address=options.address, **settings)
        except Exception as exc:  # Ray raises several types for one problem: no usable cluster
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            where = f"at {options.address}" if options.address else "on this machine"
            raise ConfigError(f"cannot start or reach Ray {where} ({reason})") from exc
        try:
            yield ray
        finally:
            ray.shutdown()


def _built_on_ray(
    ray: Any, stories: list[Story], config: BriefingConfig, workers: int | None
) -> Iterator[tuple[Story, MakeBrief]]:
    """Each story with what its actor made, in the stories' order, as soon as it is made."""
    gpu = needs_gpu(config, int(ray.cluster_resources().get("GPU", 0)))
    available = int(ray.cluster_resources().get("GPU" if gpu else "CPU", 1))
    size = min(workers or available, len(stories))  # an actor with no story would idle
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the same order of lines as in-process
    context.enable_progress_bars = False  # batch.py shows one progress bar for every engine
    context.print_on_execution_start = False
    items = [{"index": n, "input_dir": str(story.input_dir)} for n, story in enumerate(stories)]
    per_batch = min(STORIES_PER_BATCH, math.ceil(len(items) / size))  # every actor gets work
    dataset = ray.data.from_items(items, override_num_blocks=math.ceil(len(items) / per_batch))
    built = dataset.map_batches(
        StoryBuilder,
        fn_constructor_kwargs={"config": config, "log_level": logging.getLogger().level},
        compute=ray.data.ActorPoolStrategy(size=size),
        batch_size=per_batch,
        batch_format="numpy",
        num_cpus=1,
        num_gpus=1 if gpu else 0,
    )
    log.info(
        "building %d stories on %d Ray actors (%s)", len(stories), size, "GPU" if gpu else "CPU"
    )
    for row in built.iter_rows():
        yield stories[int(row["index"])], _unpickled(bytes(row["outcome"]))


def needs_gpu(config: BriefingConfig, cluster_gpus: int) -> bool:
    """GPU actors only for abstractive mode on a cluster that has GPUs; `--device auto` runs on
    CPU actors where it has none, an explicit CUDA device is refused rather than left waiting
    for a GPU that never comes."""
    try:
        abstractive = resolve_mode(config.compose) == "abstractive"
    except ConfigError:  # each story reports it, as in-process
        return False
    device = config.compose.device
    if not abstractive or device == "cpu":
        return False
    if cluster_gpus > 0:
        return True
    if device != "auto":
        raise ConfigError(f"--device {device}: the Ray cluster has no GPU")
    log.info("the Ray cluster has no GPU: abstractive actors run on CPU")
    return False


def _unpickled(outcome: bytes) -> MakeBrief:
    def fetched(on_stage: OnStage) -> Brief:
        on_stage("writing what a Ray worker built")
        value = pickle.loads(outcome)
        if isinstance(value, Exception):
            raise value  # a BriefingError is reported and skipped; anything else is a bug
        return cast(Brief, value)

    return fetched


class StoryBuilder:
    """One per Ray actor: loads the embedder (and the generator model) once, then builds each
    story it is given. Every outcome goes back pickled, a Brief or the exception its build
    raised, so the driver reports it exactly as the in-process loop would."""

    def __init__(self, config: BriefingConfig, log_level: int) -> None:
        # The CLI's log format and level (cli._setup_logging): Ray prefixes each line it forwards.
        logging.basicConfig(level=log_level, format="%(levelname)s: %(message)s", force=True)
        self._config = config
        try:
            load_models(config)
        except BriefingError as exc:  # each story then raises it, as it would in-process
            log.info("models not loaded in the Ray actor: %s", exc)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        folders = [Path(str(folder)) for folder in batch["input_dir"]]
        return {"index": list(batch["index"]), "outcome": [self._build(f) for f in folders]}

    def _build(self, folder: Path) -> bytes:
        try:
            return pickle.dumps(build_brief(folder, self._config))
        except Exception as exc:  # shipped to the driver, which raises it there
            log.info("building %s failed", folder, exc_info=True)
            return _pickled_error(exc)


def _pickled_error(exc: Exception) -> bytes:
    try:
        return pickle.dumps(exc)
    except Exception:  # an exception that cannot cross processes keeps its type and message
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


def load_models(config: BriefingConfig) -> None:
    """Load what `build_brief` loads lazily into this process's caches: the embedding model
    and, in abstractive mode, the generator's weights on its device."""
    get_composer(config.compose)  # a missing model raises here, as build_brief would
    get_embedder(config.embed).fit(["warm-up"])
    compose = config.compose
    if resolve_mode(compose) == "abstractive" and compose.model:
        ref = compose_loading.resolve_model(compose.model, compose.download)
        compose_loading.load_model(ref, compose.download, compose.device)
