"""Render one incident as text for the terminal: fields, evidence sentences, sources."""

from __future__ import annotations

import textwrap

from forcewatch.store.views import IncidentDetail

_WIDTH = 96


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return textwrap.fill(flat, _WIDTH, initial_indent="      > ", subsequent_indent="        ")


def render_incident(detail: IncidentDetail) -> str:
    """Return a readable multi-line description of the incident with its evidence."""
    s = detail.summary
    lines = [
        f"Incident {s.id}  [{s.status}]  confidence {s.confidence:.2f}",
        f"  {s.subject or 'unnamed subject'} - {s.outcome}, {s.force}"
        + (f", {s.date}" if s.date else "")
        + (
            f", {', '.join(x for x in (s.place, s.region, s.country) if x)}"
            if s.country or s.place
            else ""
        ),
        "",
        "Fields:",
    ]
    for f in detail.fields:
        if f.value is None:
            continue
        conf = "" if f.confidence is None else f"  ({f.confidence:.2f})"
        lines.append(f"  {f.name:<15} {f.value}{conf}")
        for ev in f.evidence:
            lines.append(_quote(f"[{ev.external_id} {ev.start}-{ev.end}] {ev.text}"))
    if detail.investigations:
        lines += ["", "Investigations:"]
        for inv in detail.investigations:
            lines.append(f"  {inv.body} ({inv.kind}): {inv.finding or 'no finding stated'}")
            if inv.evidence is not None:
                ev = inv.evidence
                lines.append(_quote(f"[{ev.external_id} {ev.start}-{ev.end}] {ev.text}"))
    lines += ["", "Sources:"]
    for src in detail.sources:
        bits = [src.external_id]
        if src.published:
            bits.append(src.published.isoformat())
        if src.source:
            bits.append(src.source)
        if src.title:
            bits.append(repr(src.title))
        if src.url:
            bits.append(src.url)
        lines.append("  " + " | ".join(bits))
    return "\n".join(lines)
