"""The abstractive composer: a generator model rewrites the ranked claims as a brief.

Owns what the model is shown (the best-ranked claims as `[C<n>] text` that fit its context
window) and how its reply becomes draft sentences (sentence split, cited claim ids pulled out,
fragments without words dropped, the word budget kept). Nothing here is trusted: `verify.py`
checks every draft against the sources before it can reach the brief.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

from briefing.compose.base import ComposeInput, Composition
from briefing.compose.generator import Generator, Prompt, TransformersGenerator
from briefing.compose.printable import Wording, best_member, best_title, tidy
from briefing.compose.prompts import CLAIM_MARK, Template, load_template, render, sanitise
from briefing.config import BriefConfig, ComposeConfig
from briefing.errors import ModelError
from briefing.models import Claim, DraftSentence
from briefing.sentences import Splitter

log = logging.getLogger(__name__)

# Claim ids the model can cite as they are; other ids are shown as C<rank> and mapped back.
SHORT_ID = re.compile(r"^C\d+$")
CLAIM_NUMBER = re.compile(r"C\d+", re.IGNORECASE)
# The model sees at most this many ranked claims per sentence asked for: room to choose and
# merge, while lower-ranked claims (minor details) stay out of a prompt CPU decoding pays for.
CLAIMS_PER_SENTENCE = 4
# Ids written after the full stop ("... said. [C3][C7] Next ...") are moved before it, so that
# the sentence splitter keeps them with the sentence they close.
IDS_AFTER_STOP = re.compile(
    r"(?P<stop>[.!?…]+[\"'”’)]*)(?P<ids>(?:\s*" + CLAIM_MARK.pattern + r")+)", re.IGNORECASE
)
LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)]|#+)\s+")
EMPHASIS = re.compile(r"\*\*|__")
SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?…])")
LETTER = re.compile(r"[^\W\d_]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Reasoning models wrap their thoughts in <think> tags; only what follows is the brief.
THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)
# A headline-length title when no source headline is known.
TITLE_WORDS = 12
UNTITLED = "Untitled story"


class AbstractiveComposer:
    """Writes the brief with a generator model (transformers, unless one is injected)."""

    name = "abstractive"

    def __init__(self, config: ComposeConfig, generator: Generator | None = None) -> None:
        self._config = config
        self._generator = generator if generator is not None else TransformersGenerator(config)

    def compose(self, given: ComposeInput) -> Composition:
        generator = self._generator
        budget = given.config.brief
        wording = Wording.of(given.sentences, given.sources)  # the story's names, read once
        candidates = [
            _as_best_member(claim, wording)
            for claim in given.claims[: budget.sentences * CLAIMS_PER_SENTENCE]
        ]
        drafts: tuple[DraftSentence, ...] = ()
        if candidates:
            labels = claim_labels(candidates)
            template = load_template(generator.kind, self._config.prompts)
            shown, prompt = fit_prompt(template, candidates, generator, budget)
            reply = generator.generate(prompt)
            cited = {labels[claim.id]: claim.id for claim in shown}
            splitter = Splitter.for_texts(s.text for s in given.sentences.values())
            drafts = within_budget(parse_drafts(reply, cited, splitter), budget)
            log.info("%s wrote %d draft sentence(s)", generator.name, len(drafts))
        title = choose_title(given, drafts)
        return Composition(title=title, sentences=drafts, model=generator.name)


def _as_best_member(claim: Claim, wording: Wording) -> Claim:
    """The claim worded as its best-reading member sentence (what the extractive brief would
    say), so that the model starts from the most credible, attributed wording."""
    member = best_member(claim, wording)
    return claim if member is None else claim.model_copy(update={"text": tidy(member.text)})


def claim_labels(claims: Sequence[Claim]) -> dict[str, str]:
    """Claim id -> the id the model sees: the id itself when it is short ("C3"), else C<rank>."""
    ids = [claim.id for claim in claims]
    if all(SHORT_ID.match(claim_id) for claim_id in ids) and len(set(ids)) == len(ids):
        return {claim_id: claim_id for claim_id in ids}
    return {claim_id: f"C{rank}" for rank, claim_id in enumerate(ids, start=1)}


def prompt_values(
    claims: Sequence[Claim], labels: Mapping[str, str], budget: BriefConfig, generator: Generator
) -> dict[str, str]:
    """Template variables; instruct models see `[C3] text` lines, summarizers plain sentences."""
    if generator.kind == "instruct":
        listed = "\n".join(f"[{labels[claim.id]}] {sanitise(claim.text)}" for claim in claims)
    else:
        listed = " ".join(sanitise(claim.text) for claim in claims)
    return {
        "claims": listed,
        "sentences": str(budget.sentences),
        "max_words": str(budget.max_words),
        "task_prefix": generator.task_prefix,
    }


def fit_prompt(
    template: Template, claims: Sequence[Claim], generator: Generator, budget: BriefConfig
) -> tuple[tuple[Claim, ...], Prompt]:
    """The prompt with the most best-ranked claims that fits the model's context window,
    counted in the model's own tokens; the lowest-ranked claims are dropped first. Each claim
    is shown with its label in `claim_labels(claims)`."""
    limit = generator.max_prompt_tokens
    labels = claim_labels(claims)

    def prompt_for(count: int) -> Prompt:
        return render(template, prompt_values(claims[:count], labels, budget, generator))

    low, high = 0, len(claims)  # invariant: prompt_for(low) fits, prompt_for(high + 1) does not
    while low < high:
        middle = (low + high + 1) // 2
        if generator.count_tokens(prompt_for(middle)) <= limit:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        raise ModelError(
            f"the model's context window ({limit} prompt tokens) cannot hold the prompt "
            f"template ({template.path}) and one claim",
            generator.name,
        )
    if low < len(claims):
        log.info("context window: the model sees %d of %d claims", low, len(claims))
    return tuple(claims[:low]), prompt_for(low)


def parse_drafts(
    reply: str, cited: Mapping[str, str], splitter: Splitter
) -> tuple[DraftSentence, ...]:
    """Draft sentences from a model's reply; `cited` maps the ids shown to claim ids."""
    drafts: list[DraftSentence] = []
    paragraph = 0
    for block in PARAGRAPH_BREAK.split(THINKING.sub("", reply)):
        text = _prose(block)
        parts = [text[start:end] for start, end, _ in splitter.spans(text)]
        found = [_draft(part, cited, paragraph) for part in parts]
        kept = [draft for draft in found if draft is not None]
        drafts.extend(kept)
        paragraph += bool(kept)
    return tuple(drafts)


def _prose(block: str) -> str:
    """One paragraph as running text: list markers, emphasis and "Here is ...:" lines removed,
    citation ids moved before the full stop they follow."""
    lines = (EMPHASIS.sub("", LIST_MARKER.sub("", line)).strip() for line in block.splitlines())
    text = " ".join(line for line in lines if line and not line.endswith(":"))
    return IDS_AFTER_STOP.sub(lambda match: match["ids"] + match["stop"], text)


def _draft(sentence: str, cited: Mapping[str, str], paragraph: int) -> DraftSentence | None:
    shown = [
        number.upper()
        for mark in CLAIM_MARK.findall(sentence)
        for number in CLAIM_NUMBER.findall(mark)
    ]
    claim_ids = tuple(dict.fromkeys(cited[label] for label in shown if label in cited))
    text = SPACE_BEFORE_PUNCT.sub(r"\1", CLAIM_MARK.sub(" ", sentence))
    text = " ".join(text.split())
    if not LETTER.search(text):
        return None
    return DraftSentence(text=text, claim_ids=claim_ids, paragraph=paragraph)


def within_budget(
    drafts: Sequence[DraftSentence], budget: BriefConfig
) -> tuple[DraftSentence, ...]:
    """The leading drafts that fit the sentence count and the word budget (the first always)."""
    kept: list[DraftSentence] = []
    words = 0
    for draft in drafts[: budget.sentences]:
        words += len(draft.text.split())
        if kept and words > budget.max_words:
            break
        kept.append(draft)
    return tuple(kept)


def choose_title(given: ComposeInput, drafts: Sequence[DraftSentence]) -> str:
    """The headline of the top claim (printable.best_title), else the first sentence, shortened."""
    if given.claims:
        headline = _headline(given.claims[0], given)
        if headline:
            return headline
    if not drafts:
        return UNTITLED
    words = drafts[0].text.rstrip(".!?…").split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def _headline(claim: Claim, given: ComposeInput) -> str | None:
    members = [given.sentences[m] for m in claim.member_ids if m in given.sentences]
    sources = [given.sources[m.source_id] for m in members if m.source_id in given.sources]
    titled = [source for source in sources if source.title]
    return best_title(titled, claim.text) if titled else None
