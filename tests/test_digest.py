"""The digest's order of stories: credible independent reports, then reports, then recency."""

from __future__ import annotations

from briefing.digest import importance
from briefing.models import DigestStory


def story(story_id: str, credible: int, reports: int, latest: str | None) -> DigestStory:
    return DigestStory(
        id=story_id,
        title=story_id,
        source_ids=(story_id,),
        independent_reports=reports,
        credible_reports=credible,
        latest=latest,
        brief=None,
    )


def test_stories_are_ordered_by_credible_reports_then_reports_then_recency() -> None:
    stories = [
        story("old", 2, 2, "2026-11-01"),
        story("new", 2, 2, "2026-11-29"),
        story("undated", 2, 2, None),
        story("weak", 0, 3, "2026-11-30"),
        story("strong", 3, 3, "2026-10-01"),
        story("bad-date", 2, 2, "yesterday"),
    ]
    ordered = [s.id for s in sorted(stories, key=importance)]
    assert ordered == ["strong", "new", "old", "bad-date", "undated", "weak"]
