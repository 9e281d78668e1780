"""The composer protocol and registry: a composer turns ranked claims into draft sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from briefing.config import BriefingConfig
from briefing.models import Claim, DraftSentence, Sentence, Source, Suppressed


class ComposeInput(BaseModel):
    """What every composer gets: ranked, non-suppressed claims (best first) and their context."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    claims: tuple[Claim, ...]
    sentences: Mapping[str, Sentence]
    # What the extractive brief prints, in the order it tells it (rank.select_brief chose them
    # from `claims` within the word budget).
    selected: tuple[Claim, ...] = ()
    sources: Mapping[str, Source]
    config: BriefingConfig


class Composition(BaseModel):
    """A composer's output: a title and draft sentences, each tied to the claims it uses."""

    model_config = ConfigDict(frozen=True)

    title: str
    sentences: tuple[DraftSentence, ...]
    model: str | None = None
    # Claims the composer reached but could not print, each with the reason (to the audit).
    left_out: tuple[Suppressed, ...] = ()


class Composer(Protocol):
    name: str

    def compose(self, given: ComposeInput) -> Composition: ...
