"""Readers that turn files (txt, HTML, JSON Lines, WARC) and fetched pages into Documents."""

from forcewatch.sources.files import ReadStats, iter_documents

__all__ = ["ReadStats", "iter_documents"]
