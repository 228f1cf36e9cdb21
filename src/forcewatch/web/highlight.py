"""Split an article into plain and highlighted pieces for the evidence sentences.

Returns text pieces with the fields each supports; the template wraps the
highlighted ones in <mark>, and Jinja escapes every piece, so article text can
never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from forcewatch.store.views import IncidentDetail


@dataclass(frozen=True)
class Piece:
    text: str
    fields: tuple[str, ...]  # empty: not evidence


def spans(detail: IncidentDetail, document_id: int) -> list[tuple[int, int, str]]:
    """Return (start, end, field) for every evidence span of this incident in one document."""
    out = [
        (e.start, e.end, f.name)
        for f in detail.fields
        for e in f.evidence
        if e.document_id == document_id
    ]
    out += [
        (i.evidence.start, i.evidence.end, "investigation")
        for i in detail.investigations
        if i.evidence is not None and i.evidence.document_id == document_id
    ]
    return out


def pieces(content: str, marks: list[tuple[int, int, str]]) -> list[Piece]:
    """Return `content` cut at every span boundary, each piece with the fields covering it."""
    cuts = {0, len(content)}
    for start, end, _ in marks:
        if 0 <= start < end <= len(content):
            cuts |= {start, end}
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        fields = tuple(sorted({f for s, e, f in marks if s <= a and b <= e}))
        out.append(Piece(content[a:b], fields))
    return out
