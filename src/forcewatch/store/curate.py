"""Curator actions on incidents: merge two, split a document's mentions off one.

Both are stored as link constraints between mentions (`link_constraints`, with
who and when), which automatic linking obeys from then on: a merge adds
must-links between the two incidents' mentions, a split replaces any
must-links between the document's mentions and the rest by cannot-links. Then
the neighbourhood is relinked at once. Actions that conflict with the data or
an earlier action raise `CurationError` saying what to do instead. The caller
commits the session.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from forcewatch.errors import CurationError

from .linking import relink
from .models import IncidentAliasRow, IncidentRow, LinkConstraintRow, MentionRow


def _by(by: str) -> str:
    by = by.strip()
    if not by:
        raise CurationError("say who does this: `by` must name the curator")
    return by


def _alias_chain(session: Session, incident_id: int) -> IncidentAliasRow | None:
    return session.get(IncidentAliasRow, incident_id)


def _live(session: Session, incident_id: int, verb: str) -> IncidentRow:
    """Return the incident, or raise naming where its mentions went."""
    row = session.get(IncidentRow, incident_id)
    if row is not None:
        return row
    alias = _alias_chain(session, incident_id)
    if alias is None:
        raise CurationError(f"no incident {incident_id}: list them with `forcewatch incidents`")
    how = "merged into" if alias.reason.startswith("merged") else "relinked into"
    raise CurationError(
        f"incident {incident_id} was already {how} {alias.new_id}; {verb} {alias.new_id} "
        f"instead ({alias.reason}, {alias.created_at:%Y-%m-%d %H:%M})"
    )


def _mention_ids(session: Session, incident_id: int) -> list[int]:
    stmt = select(MentionRow.id).where(MentionRow.incident_id == incident_id)
    return sorted(session.scalars(stmt))


def _constraints(session: Session, left: list[int], right: list[int]) -> list[LinkConstraintRow]:
    pairs = {(min(a, b), max(a, b)) for a in left for b in right}
    if not pairs:
        return []
    stmt = select(LinkConstraintRow).where(
        LinkConstraintRow.mention_a.in_({a for a, _ in pairs}),
        LinkConstraintRow.mention_b.in_({b for _, b in pairs}),
    )
    return [c for c in session.scalars(stmt) if (c.mention_a, c.mention_b) in pairs]


def merge_incidents(session: Session, a: int, b: int, *, by: str) -> int:
    """Merge incident `b` into `a` (they are one person); return the surviving incident id."""
    by = _by(by)
    if a == b:
        raise CurationError(f"cannot merge incident {a} with itself: name two incidents")
    _live(session, a, "merge")
    _live(session, b, "merge")
    left, right = _mention_ids(session, a), _mention_ids(session, b)
    existing = _constraints(session, left, right)
    for c in existing:
        if c.kind == "cannot":
            raise CurationError(
                f"cannot merge incidents {a} and {b}: {c.created_by} kept them apart on "
                f"{c.created_at:%Y-%m-%d %H:%M} ({c.action}); a merge would undo that decision"
            )
    now = dt.datetime.now(dt.UTC)
    have = {(c.mention_a, c.mention_b) for c in existing}
    _constrain(session, "must", left, right, by, now, f"merge {a} {b}", have)
    assignment = relink(session, left + right, now, keep=left)
    survivor = assignment[left[0]]
    for gone in {a, b} - {survivor}:
        alias = session.get(IncidentAliasRow, gone)
        if alias is not None:
            alias.reason = f"merged by {by}"
            alias.new_id = survivor
    session.flush()
    return survivor


def _constrain(
    session: Session,
    kind: str,
    xs: list[int],
    ys: list[int],
    by: str,
    now: dt.datetime,
    action: str,
    have: set[tuple[int, int]] | None = None,
) -> None:
    """Record a `kind` ("must"/"cannot") link between every mention of `xs` and of `ys`,
    in canonical pair order, skipping the pairs already in `have`."""
    for x in xs:
        for y in ys:
            p = (min(x, y), max(x, y))
            if have is None or p not in have:
                session.add(
                    LinkConstraintRow(
                        kind=kind,
                        mention_a=p[0],
                        mention_b=p[1],
                        created_by=by,
                        created_at=now,
                        action=action,
                    )
                )
    session.flush()


def split_source(session: Session, incident_id: int, document_id: int, *, by: str) -> int:
    """Split the mentions of one document off an incident; return their new incident id."""
    by = _by(by)
    _live(session, incident_id, "split")
    rows = list(session.scalars(select(MentionRow).where(MentionRow.incident_id == incident_id)))
    moving = sorted(m.id for m in rows if m.document_id == document_id)
    staying = sorted(m.id for m in rows if m.document_id != document_id)
    if not moving:
        docs = ", ".join(str(d) for d in sorted({m.document_id for m in rows}))
        raise CurationError(
            f"document {document_id} is not a source of incident {incident_id}; "
            f"its sources are documents {docs}"
        )
    if not staying:
        raise CurationError(
            f"document {document_id} is the only source of incident {incident_id}: "
            "nothing is left to split it from"
        )
    now = dt.datetime.now(dt.UTC)
    existing = _constraints(session, moving, staying)
    if existing:
        session.execute(
            delete(LinkConstraintRow).where(LinkConstraintRow.id.in_([c.id for c in existing]))
        )
    action = f"split {incident_id} document {document_id}"
    _constrain(session, "cannot", moving, staying, by, now, action)
    assignment = relink(session, moving + staying, now, keep=staying)
    return assignment[moving[0]]
