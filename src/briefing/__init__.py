"""briefing: many news reports of one story in, one short, neutral, fully cited brief out."""

__version__ = "0.1.0"
