"""Text generators for the abstractive composer: the `Generator` protocol and the transformers one.

Owns the model family (encoder-decoder summarizer or decoder-only instruct model, read from the
model config), the context window, prompt token counts and deterministic decoding. Finding and
loading the model is `loading.py`'s job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from briefing.compose import loading
from briefing.config import ComposeConfig
from briefing.errors import ConfigError

log = logging.getLogger(__name__)

PromptKind = Literal["instruct", "seq2seq"]

# Tokenizers without a saved limit report int(1e30); anything this large means "no limit known".
NO_LIMIT = 1_000_000_000
# Used only when neither the model config nor the tokenizer states a window: the BERT-era
# default, small enough to be safe for any model.
FALLBACK_WINDOW = 512
# Model types of the T5 family, which were trained with a task prefix such as "summarize: ".
T5_TYPES = frozenset({"t5", "mt5", "umt5", "longt5"})
T5_PREFIX = "summarize: "
# transformers' neutral values for the sampling settings: passing them explicitly overrides a
# checkpoint's own (Qwen ships temperature 0.7, top_p 0.8), so greedy or beam decoding stays
# deterministic and raises no "flags are not valid" warning.
GREEDY: dict[str, Any] = {
    "do_sample": False,
    "temperature": 1.0,
    "top_p": 1.0,
    "top_k": 50,
    "typical_p": 1.0,
}


@dataclass(frozen=True)
class Prompt:
    """A rendered prompt: system and user turns (a seq2seq model reads only the user text)."""

    system: str
    user: str


class Generator(Protocol):
    """Turns a prompt into text; `name` is what the brief reports as its model."""

    name: str

    @property
    def kind(self) -> PromptKind: ...

    @property
    def task_prefix(self) -> str: ...

    @property
    def max_prompt_tokens(self) -> int: ...

    def count_tokens(self, prompt: Prompt) -> int: ...

    def generate(self, prompt: Prompt) -> str: ...


class TransformersGenerator:
    """A transformers model from a local folder or the local hub cache; weights load on first
    `generate` and are shared by every generator of the process that names the same model."""

    def __init__(self, config: ComposeConfig) -> None:
        if not config.model:
            raise ConfigError("abstractive mode needs a model: pass --model PATH_OR_HUB_ID")
        if not loading.DEVICE.match(config.device):
            raise ConfigError(f"invalid device {config.device!r}: use auto, cpu, cuda or cuda:N")
        self.name = config.model
        self._ref = loading.resolve_model(config.model, config.download)
        self._config = config

    @property
    def kind(self) -> PromptKind:
        return "seq2seq" if self._model_config().is_encoder_decoder else "instruct"

    @property
    def task_prefix(self) -> str:
        return task_prefix(self._model_config())

    @property
    def max_prompt_tokens(self) -> int:
        window = context_window(self._model_config(), self._tokenizer().model_max_length)
        if self.kind == "seq2seq":  # the decoder has its own positions for the output
            return window
        return window - self._config.max_new_tokens

    def count_tokens(self, prompt: Prompt) -> int:
        return len(self._encode(prompt)["input_ids"][0])

    def generate(self, prompt: Prompt) -> str:
        import torch

        config = self._config
        loaded = loading.load_model(self._ref, config.download, config.device)
        inputs = self._encode(prompt).to(loaded.device)
        settings = {
            **GREEDY,
            "num_beams": config.num_beams,
            "max_new_tokens": config.max_new_tokens,
        }
        if loaded.tokenizer.pad_token_id is None:
            settings["pad_token_id"] = loaded.tokenizer.eos_token_id
        with torch.inference_mode():
            output = loaded.model.generate(**inputs, **settings)[0]
        if self.kind == "instruct":  # a decoder-only model returns the prompt, then the reply
            output = output[inputs["input_ids"].shape[1] :]
        text: str = loaded.tokenizer.decode(output, skip_special_tokens=True)
        log.debug("generated %d tokens: %r", len(output), text)
        return text

    def _model_config(self) -> Any:
        return loading.model_config(self._ref, self._config.download)

    def _tokenizer(self) -> Any:
        return loading.load_tokenizer(self._ref, self._config.download)

    def _encode(self, prompt: Prompt) -> Any:
        """Token ids as a BatchEncoding of tensors (input_ids, attention_mask)."""
        tokenizer = self._tokenizer()
        if self.kind == "seq2seq":
            limit = self.max_prompt_tokens
            return tokenizer(prompt.user, return_tensors="pt", truncation=True, max_length=limit)
        if tokenizer.chat_template:
            return _apply_chat_template(tokenizer, prompt)
        return tokenizer(plain_prompt(prompt), return_tensors="pt")


def plain_prompt(prompt: Prompt) -> str:
    """The prompt for a decoder-only model without a chat template: system, then user, as text."""
    return "\n\n".join(part for part in (prompt.system, prompt.user) if part) + "\n\n"


def _apply_chat_template(tokenizer: Any, prompt: Prompt) -> Any:
    messages = [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": prompt.user},
    ]
    options: dict[str, Any] = {
        "add_generation_prompt": True,
        "return_tensors": "pt",
        "return_dict": True,
        # Qwen3-style templates otherwise let the model "think" first, spending the token
        # budget on text that is not the brief; templates without the switch ignore it.
        "enable_thinking": False,
    }
    try:
        return tokenizer.apply_chat_template(messages, **options)
    except Exception:  # some templates (older Gemma) reject a system turn
        log.info("the chat template rejects a system turn; sending one user turn")
        merged = [{"role": "user", "content": plain_prompt(prompt).strip()}]
        return tokenizer.apply_chat_template(merged, **options)


def context_window(model_config: Any, tokenizer_limit: int) -> int:
    """Tokens the model can attend to: the smallest limit that the config or tokenizer states."""
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
