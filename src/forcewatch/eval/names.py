"""Name and string normalisation used by scoring; shared with linking (`link/names.py`)."""

from __future__ import annotations

from forcewatch.link.names import (
    SUFFIXES,
    SURNAME_PARTICLES,
    TITLES,
    fold,
    normalise_name,
)

__all__ = ["SUFFIXES", "SURNAME_PARTICLES", "TITLES", "fold", "normalise_name"]
