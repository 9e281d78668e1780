"""Text generators for the abstractive composer: the `Generator` protocol and the transformers one.

Owns resolving a model reference offline (local folder, or hub id from the local cache), choosing
the device and dtype, detecting the family (encoder-decoder summarizer or decoder-only instruct
model), loading once per process, counting prompt tokens and deterministic decoding.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol

from briefing.config import ComposeConfig
from briefing.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

PromptKind = Literal["instruct", "seq2seq"]

# A hub id is "name" or "owner/name" made of letters, digits, "-", "_" and "."; anything else
# (a leading "/", ".", "~", a backslash, more than one "/") can only be a local path.
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
DEVICE = re.compile(r"^(auto|cpu|cuda(:\d+)?)$")
# Tokenizers without a saved limit report int(1e30); anything this large means "no limit known".
NO_LIMIT = 1_000_000_000
# Used only when neither the model config nor the tokenizer states a window: BERT-era default,
# small enough to be safe for any model.
FALLBACK_WINDOW = 512
# Model types of the T5 family, which were trained with a task prefix such as "summarize: ".
T5_TYPES = frozenset({"t5", "mt5", "umt5", "longt5"})
T5_PREFIX = "summarize: "
# transformers' neutral values for the sampling settings: passing them explicitly overrides a
# checkpoint's own (Qwen ships temperature 0.7, top_p 0.8), so greedy or beam decoding stays
# deterministic and raises no "flags are not valid" warning.
GREEDY = {"do_sample": False, "temperature": 1.0, "top_p": 1.0, "top_k": 50, "typical_p": 1.0}


@dataclass(frozen=True)
class Prompt:
    """A rendered prompt: instruct models get system and user turns; seq2seq models the user text."""

    system: str
    user: str


class Generator(Protocol):
    """Turns a prompt into text. `name` is reported as the brief's model."""

    name: str

    @property
    def kind(self) -> PromptKind: ...

    @property
    def task_prefix(self) -> str: ...

    @property
    def max_prompt_tokens(self) -> int: ...

    def count_tokens(self, prompt: Prompt) -> int: ...

    def generate(self, prompt: Prompt) -> str: ...


@dataclass(frozen=True)
class Loaded:
    """A model and its tokenizer, on their device."""

    model: Any
    tokenizer: Any
    device: str


class TransformersGenerator:
    """A transformers model from a local folder or the local hub cache, loaded on first use."""

    def __init__(self, config: ComposeConfig) -> None:
        if not config.model:
            raise ConfigError("abstractive mode needs a model: pass --model PATH_OR_HUB_ID")
        if not DEVICE.match(config.device):
            raise ConfigError(f"invalid device {config.device!r}: use auto, cpu, cuda or cuda:N")
        self.name = config.model
        self._ref = resolve_model(config.model, config.download)
        self._config = config

    @property
    def kind(self) -> PromptKind:
        return "seq2seq" if _model_config(self._ref, self._config.download).is_encoder_decoder else (
            "instruct"
        )

    @property
    def task_prefix(self) -> str:
        return task_prefix(_model_config(self._ref, self._config.download))

    @property
    def max_prompt_tokens(self) -> int:
        window = context_window(
            _model_config(self._ref, self._config.download), self._tokenizer().model_max_length
        )
        if self.kind == "seq2seq":
            return window
        return window - self._config.max_new_tokens

    def count_tokens(self, prompt: Prompt) -> int:
        return len(self._encode(prompt)["input_ids"][0])

    def generate(self, prompt: Prompt) -> str:
        import torch

        loaded = _load(self._ref, self._config.download, self._config.device)
        inputs = self._encode(prompt).to(loaded.model.device)
        settings = {**GREEDY, "num_beams": self._config.num_beams}
        settings["max_new_tokens"] = self._config.max_new_tokens
        if loaded.tokenizer.pad_token_id is None:
            settings["pad_token_id"] = loaded.tokenizer.eos_token_id
        with torch.inference_mode():
            output = loaded.model.generate(**inputs, **settings)
        new_tokens = output[0] if self.kind == "seq2seq" else output[0][inputs["input_ids"].shape[1] :]
        text: str = loaded.tokenizer.decode(new_tokens, skip_special_tokens=True)
        log.debug("generated %d tokens: %r", len(new_tokens), text)
        return text

    def _tokenizer(self) -> Any:
        return _load_tokenizer(self._ref, self._config.download)

    def _encode(self, prompt: Prompt) -> Any:
        """Token ids as a BatchEncoding of tensors (input_ids, attention_mask)."""
        tokenizer = self._tokenizer()
        if self.kind == "instruct" and tokenizer.chat_template:
            return _apply_chat_template(tokenizer, prompt)
        text = prompt.user if self.kind == "seq2seq" else plain_prompt(prompt)
        return tokenizer(text, return_tensors="pt", truncation=self.kind == "seq2seq",
                         max_length=self.max_prompt_tokens if self.kind == "seq2seq" else None)


def plain_prompt(prompt: Prompt) -> str:
    """The prompt for a decoder-only model without a chat template: system, then user, as text."""
    return "\n\n".join(part for part in (prompt.system, prompt.user) if part) + "\n\n"


def _apply_chat_template(tokenizer: Any, prompt: Prompt) -> Any:
    messages = [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": prompt.user},
    ]
    options = {"add_generation_prompt": True, "return_tensors": "pt", "return_dict": True}
    try:
        return tokenizer.apply_chat_template(messages, **options)
    except Exception:  # noqa: BLE001 - some templates (older Gemma) reject a system turn
        merged = [{"role": "user", "content": plain_prompt(prompt).strip()}]
        return tokenizer.apply_chat_template(merged, **options)


def context_window(model_config: Any, tokenizer_limit: int) -> int:
    """Tokens the model can attend to: the smallest limit the config or tokenizer states."""
    limits = [
        value
        for attr in ("max_position_embeddings", "n_positions", "max_encoder_position_embeddings")
        if isinstance(value := getattr(model_config, attr, None), int) and value > 0
    ]
    if 0 < tokenizer_limit < NO_LIMIT:
        limits.append(tokenizer_limit)
    return min(limits) if limits else FALLBACK_WINDOW


def task_prefix(model_config: Any) -> str:
    """The summarization prefix a model was trained with ("summarize: " for T5), else ""."""
    params = getattr(model_config, "task_specific_params", None) or {}
    prefix = params.get("summarization", {}).get("prefix")
    if isinstance(prefix, str):
        return prefix
    return T5_PREFIX if getattr(model_config, "model_type", "") in T5_TYPES else ""
