"""Tiny record builders shared by the tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from briefing.embed import NEURAL, Calibration
from briefing.models import Article, Claim, Corpus, Evidence, Sentence, Source, Story


def source(source_id: str, credibility: float | None = None, **fields: object) -> Source:
    if credibility is None:
        label = "unknown"
    else:
        label = "high" if credibility >= 0.75 else "medium" if credibility >= 0.5 else "low"
    return Source(
        id=source_id,
        path=f"{source_id}.txt",
        credibility=credibility,
        credibility_label=label,
        credibility_origin="manifest" if credibility is not None else "default",
        **fields,  # type: ignore[arg-type]
    )


def sentence(source_id: str, index: int, text: str, position: float = 0.0) -> Sentence:
    return Sentence(
        id=f"{source_id}:{index}",
        source_id=source_id,
        text=text,
        start=0,
        end=len(text),
        paragraph=index,
        index=index,
        position=position,
    )


def claim(claim_id: str, text: str, members: list[Sentence], position: float = 0.0) -> Claim:
    by_source = {m.source_id: m for m in members}
    return Claim(
        id=claim_id,
        text=text,
        member_ids=tuple(m.id for m in members),
        source_ids=tuple(sorted(by_source)),
        evidence=tuple(
            Evidence(source_id=s, sentence=m.text, score=1.0, sentence_id=m.id)
            for s, m in sorted(by_source.items())
        ),
        position=position,
    )


def unit(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def story(
    sentences: Sequence[Sentence],
    sources: Mapping[str, Source],
    independent: Mapping[str, str] | None = None,
    vectors: np.ndarray | None = None,
    calibration: Calibration = NEURAL,
) -> Story:
    """A Story of these sources (each marked with its report from `independent`, itself when
    absent) and sentences, as the pipeline builds it."""
    reports = independent or {}
    articles = tuple(
        Article(source=s.model_copy(update={"report_id": reports.get(sid, sid)}), text="")
        for sid, s in sources.items()
    )
    found = np.zeros((len(sentences), 1), np.float32) if vectors is None else vectors
    return Story(Corpus(folder=".", articles=articles), tuple(sentences), found, calibration)
