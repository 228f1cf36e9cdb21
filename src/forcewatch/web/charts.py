"""Chart geometry for server-side SVG: stacked bars by year, horizontal bars by group.

Only numbers and labels are computed here; `templates/_charts.html` draws them,
so every label goes through Jinja's autoescaping. Colours are CSS classes
(`static/style.css`): fatal, injured, missed, unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from forcewatch.store.browse import Tally

OUTCOMES = ("fatal", "injured", "missed", "unknown")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    outcome: str
    value: int


@dataclass(frozen=True)
class Bar:
    """One bar (a year or a group) with its stacked parts, label and total."""

    label: str
    total: int
    rects: tuple[Rect, ...]
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    horizontal: bool


def _parts(t: Tally) -> list[tuple[str, int]]:
    return [(o, getattr(t, o)) for o in OUTCOMES if getattr(t, o)]


def columns(title: str, tallies: list[Tally], *, width: int = 640, height: int = 220) -> Chart:
    """Return vertical stacked bars, one per tally (e.g. per year), left to right."""
    top = max((t.total for t in tallies), default=0) or 1
    plot_h = height - 40
    slot = width / max(len(tallies), 1)
    bar_w = min(48.0, slot * 0.7)
    bars = []
    for i, t in enumerate(tallies):
        x = i * slot + (slot - bar_w) / 2
        y = 20.0 + plot_h
        rects = []
        for outcome, n in _parts(t):
            h = plot_h * n / top
            y -= h
            rects.append(Rect(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), outcome, n))
        bars.append(Bar(t.key or "undated", t.total, tuple(rects), round(x + bar_w / 2, 1), y - 4))
    return Chart(title, width, height, tuple(bars), horizontal=False)


def rows(title: str, tallies: list[Tally], *, width: int = 640, limit: int = 10) -> Chart:
    """Return horizontal stacked bars, biggest first, at most `limit` of them."""
    shown = tallies[:limit]
    top = max((t.total for t in shown), default=0) or 1
    label_w, row_h = 170.0, 26.0
    plot_w = width - label_w - 40
    bars = []
    for i, t in enumerate(shown):
        y = 6 + i * row_h
        x = label_w
        rects = []
        for outcome, n in _parts(t):
            w = plot_w * n / top
            rects.append(Rect(round(x, 1), y, round(w, 1), row_h - 8, outcome, n))
            x += w
        bars.append(
            Bar(t.key.strip() or "not told", t.total, tuple(rects), round(x + 6, 1), y + 13)
        )
    height = int(12 + row_h * max(len(shown), 1))
    return Chart(title, width, height, tuple(bars), horizontal=True)
