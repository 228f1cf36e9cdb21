"""Readers that turn files (txt, HTML, JSON Lines) into Document records."""

from forcewatch.sources.files import ReadStats, iter_documents

__all__ = ["ReadStats", "iter_documents"]
