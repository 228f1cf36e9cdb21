"""Cheap relevance detection: is this a story about police force on a person?"""

from forcewatch.detect.score import detect

__all__ = ["detect"]
