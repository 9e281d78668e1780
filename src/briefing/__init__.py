"""briefing: many news reports of one story in, one short, neutral, fully cited brief out."""

from briefing import nltk_light

__version__ = "0.1.0"

nltk_light.install()
