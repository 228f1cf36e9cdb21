"""Render one incident as text for the terminal: merged fields, evidence, changes,
reference-list matches, sources.

A field whose sources disagree is marked "!" and lists each value with the
documents that give it; a field all sources agree on names its documents once.
"""

from __future__ import annotations

import textwrap

from forcewatch.store.views import FieldView, IncidentDetail

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
    ]
    if s.event_id is not None:
        lines.append(f"  event {s.event_id}: other people were shot at in the same event")
    if s.conflicts:
        lines.append(f"  sources disagree on: {', '.join(s.conflicts)}")
    lines += ["", "Fields (! = sources disagree; [documents] behind each value):"]
    for f in detail.fields:
        if f.value is None:
            continue
        conf = "" if f.confidence is None else f"  ({f.confidence:.2f})"
        mark = "!" if f.conflict else " "
        lines.append(f" {mark}{f.name:<15} {f.value}{conf}{_backing(f)}")
        if f.conflict or len(f.values) > 1:
            for v in f.values:
                lines.append(f"      {v.value}: {', '.join(v.external_ids)}")
        for ev in f.evidence:
            lines.append(_quote(f"[{ev.external_id} {ev.start}-{ev.end}] {ev.text}"))
    if detail.investigations:
        lines += ["", "Investigations:"]
        for inv in detail.investigations:
            lines.append(f"  {inv.body} ({inv.kind}): {inv.finding or 'no finding stated'}")
            if inv.evidence is not None:
                ev = inv.evidence
                lines.append(_quote(f"[{ev.external_id} {ev.start}-{ev.end}] {ev.text}"))
    if detail.changes:
        lines += ["", "Changes over time:"]
        for c in detail.changes:
            before = f" ({c.before_published})" if c.before_published else ""
            after = f" ({c.after_published})" if c.after_published else ""
            lines.append(
                f"  {c.field}: {c.before}{before} -> {c.after}{after}; "
                f"documents {_ids(c.before_documents)} -> {_ids(c.after_documents)}"
            )
    if detail.references:
        lines += ["", "Reference lists (run `forcewatch reference match` to refresh):"]
        for ref in detail.references:
            r = ref.record
            row = f"row {r.row_number}" + (f" (id {r.external_id})" if r.external_id else "")
            what = ", ".join(str(x) for x in (r.date, r.name, r.place, r.region) if x)
            lines.append(f"  {ref.list_name} {row}: {what}  score {ref.score:.1f}")
            lines.append(f"      {'; '.join(ref.reasons)}")
    lines += ["", f"Sources ({len(detail.sources)} documents):"]
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
        lines.append(f"  [{src.document_id}] " + " | ".join(bits))
        for copy in src.copies:
            extra = [copy.external_id, copy.source or "", copy.url or ""]
            lines.append(
                f"      near-duplicate ({copy.similarity:.2f}): "
                + " | ".join(x for x in extra if x)
            )
    return "\n".join(lines)


def _ids(ids: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in ids)


def _backing(f: FieldView) -> str:
    """Return " [ext ids]" of the documents behind a field all sources agree on."""
    if len(f.values) != 1:
        return ""
    return f"  [{', '.join(f.values[0].external_ids)}]"
