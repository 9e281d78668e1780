"""The rank stage: which claims the story is about (`score`), and which of them the
extractive brief says, in what order, within its word budget (`select`)."""

from briefing.rank.score import rank_claims
from briefing.rank.select import MAX_CANDIDATES, Selection, select_brief

__all__ = ["MAX_CANDIDATES", "Selection", "rank_claims", "select_brief"]
