"""Data files for linking and reference lists (read with importlib.resources)."""
