"""Composers write the brief from ranked claims; a name -> class registry picks one."""

from __future__ import annotations

from briefing.compose.base import Composer
from briefing.config import ComposeConfig
from briefing.errors import ConfigError


def resolve_mode(config: ComposeConfig) -> str:
    """`auto` is abstractive when a model is configured, extractive otherwise."""
    if config.mode == "auto":
        return "abstractive" if config.model else "extractive"
    if config.mode == "abstractive" and not config.model:
        raise ConfigError("--mode abstractive needs --model (a local path or a cached hub id)")
    return config.mode


def get_composer(config: ComposeConfig, force: str | None = None) -> Composer:
    mode = force or resolve_mode(config)
    if mode == "extractive":
        from briefing.compose.extractive import ExtractiveComposer

        return ExtractiveComposer()
    from briefing.compose.abstractive import AbstractiveComposer

    return AbstractiveComposer(config)
