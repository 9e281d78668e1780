"""Finding and loading a generator model offline, once per process.

A model reference is a local folder (loaded with no network) or a hub id, which resolves only
from the local Hugging Face cache unless the user allowed downloads. Every failure is a
`ModelError` raised before any weights are read where possible.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

# A hub id is "name" or "owner/name" made of letters, digits, "-", "_" and "."; anything else
# (a leading "/", ".", "~", a backslash, more than one "/") can only be a local path.
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
DEVICE = re.compile(r"^(auto|cpu|cuda(:\d+)?)$")


@dataclass(frozen=True)
class Loaded:
    """A model and its tokenizer, on their device."""

    model: Any
    tokenizer: Any
    device: str


def resolve_model(name: str, download: bool) -> str:
    """The path or hub id to load; fails fast when it cannot be loaded without a network."""
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise ModelError("not a transformers model folder (it has no config.json)", name)
        return str(path.resolve())
    if not HUB_ID.match(name):
        raise ModelError("model folder not found", name)
    if download and _offline_mode():
        raise ModelError(
            "--download needs the network, but Hugging Face offline mode is on "
            "(HF_HUB_OFFLINE was set before the hub library loaded); fetch the model with "
            "`hf download` and run without --download",
            name,
        )
    if not download and not _in_hub_cache(name):
        raise ModelError(
            "no such model folder, and no hub model of that name in the local Hugging Face "
            "cache; give a local folder, or pass --download to fetch it once",
            name,
        )
    return name


def _stay_offline(download: bool) -> None:
    """Without --download, stop huggingface_hub from trying the network (and retrying)."""
    if not download:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _offline_mode() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def _in_hub_cache(repo_id: str) -> bool:
    _stay_offline(download=False)
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # an id the hub rejects cannot be cached either
        return False
    return isinstance(found, str)


def _failure(what: str, ref: str, exc: Exception) -> ModelError:
    return ModelError(f"cannot load the {what} ({type(exc).__name__}: {exc})", ref)


def _from_pretrained(what: str, loader: Any, ref: str, download: bool) -> Any:
    try:
        return loader.from_pretrained(ref, local_files_only=not download)
    except Exception as exc:  # any loader failure means "model unusable"
        raise _failure(what, ref, exc) from exc


@cache
def model_config(ref: str, download: bool) -> Any:
    """The model's transformers config (no weights); tells the family and the context window."""
    _stay_offline(download)
    from transformers import AutoConfig

    return _from_pretrained("model config", AutoConfig, ref, download)


@cache
def load_tokenizer(ref: str, download: bool) -> Any:
    _stay_offline(download)
    from transformers import AutoTokenizer

    return _from_pretrained("tokenizer", AutoTokenizer, ref, download)


@cache
def load_model(ref: str, download: bool, device: str) -> Loaded:
    """Weights on the chosen device, in eval mode; the first call per process pays the load."""
    is_seq2seq = bool(model_config(ref, download).is_encoder_decoder)
    tokenizer = load_tokenizer(ref, download)
    target, dtype = choose_device(device)
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    family: Any = AutoModelForSeq2SeqLM if is_seq2seq else AutoModelForCausalLM
    log.info("loading %s on %s (%s)", ref, target, dtype)
    try:
        model = family.from_pretrained(ref, local_files_only=not download, dtype=dtype)
    except Exception as exc:  # any loader failure means "model unusable"
        raise _failure("model weights", ref, exc) from exc
    return Loaded(model.to(target).eval(), tokenizer, target)


def choose_device(requested: str) -> tuple[str, Any]:
    """Device and dtype: CUDA in bf16 (fp16 where bf16 is unsupported), else CPU in float32."""
    import torch

    if not DEVICE.match(requested):
        raise ConfigError(f"invalid device {requested!r}: use auto, cpu, cuda or cuda:N")
    if requested == "auto":
        requested = "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cpu":
        return "cpu", torch.float32
    if not torch.cuda.is_available():
        raise ModelError(f"device {requested} was asked for, but this torch has no usable CUDA")
    index = int(requested.partition(":")[2] or 0)
    if index >= torch.cuda.device_count():
        raise ModelError(f"device {requested} does not exist: {torch.cuda.device_count()} GPU(s)")
    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return requested, dtype
