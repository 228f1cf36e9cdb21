"""The database side of linking: blocking keys, neighbourhood re-clustering, merged fields.

`relink(session, mention_ids)` is called after new mentions are stored. It
walks out from them through blocking-key candidates that link (`link/score`),
the incidents they sit in and curator must-links, until the connected
neighbourhood is closed; reclusters it from scratch with `link.cluster.cluster`
(so the grouping is a function of the stored mentions, not of their arrival
order); then moves mentions, reuses incident ids (the old incident holding most
of a group keeps its id; retired ids get an `incident_aliases` row), writes the
merged fields (`link/merge.py`) into the incident columns, and recomputes event
ids. Nothing outside the neighbourhood is read or written.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session, selectinload

from forcewatch.link.cluster import Constraints, cluster, pair
from forcewatch.link.mention import LinkMention, blocking_keys
from forcewatch.link.score import same_event, score_pair
from forcewatch.records import PartialDate

from .merged import incident_values, merged_for
from .models import (
    DocumentRow,
    IncidentAliasRow,
    IncidentRow,
    LinkConstraintRow,
    MentionKeyRow,
    MentionRow,
    ReferenceMatchRow,
)
from .review_sync import reapply

log = logging.getLogger(__name__)

#: a neighbourhood stops growing past this many mentions (logged); keeps a write bounded
MAX_NEIGHBOURHOOD = 5000
_CHUNK = 500


def mention_key(content_hash: str, position: int) -> str:
    """Return the canonical key of a mention: its document's hash and its position."""
    return f"{content_hash}:{position:04d}"


def link_mention(row: MentionRow, doc: DocumentRow) -> LinkMention:
    """Return what linking needs of a stored mention."""
    return LinkMention(
        key=mention_key(doc.content_hash, row.position),
        doc=doc.content_hash,
        name=row.subject_name,
        withheld=bool(row.name_withheld),
        age=row.subject_age,
        sex=row.subject_sex,
        outcome=row.outcome,
        force=row.force,
        date=_partial(row.date),
        place=row.place,
        locality=row.locality,
        region=row.region,
        country=row.country,
        agency=row.agency,
        weapon=row.subject_weapon,
        published=doc.published,
    )


def _partial(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def key_rows(mention_id: int, m: LinkMention) -> list[MentionKeyRow]:
    """Return the `mention_keys` rows of one mention."""
    keys, probes = blocking_keys(m)
    rows = [MentionKeyRow(mention_id=mention_id, kind="key", key=k[:255]) for k in sorted(keys)]
    rows += [
        MentionKeyRow(mention_id=mention_id, kind="probe", key=p[:255]) for p in sorted(probes)
    ]
    return rows


def _chunks(items: Iterable, size: int = _CHUNK) -> Iterable[list]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Loaded:
    """Mentions loaded so far, by id, with their link view."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[int, MentionRow] = {}
        self.views: dict[int, LinkMention] = {}

    def load(self, ids: Iterable[int]) -> None:
        missing = [i for i in set(ids) if i not in self.rows]
        for chunk in _chunks(sorted(missing)):
            stmt = (
                select(MentionRow)
                .where(MentionRow.id.in_(chunk))
                .options(selectinload(MentionRow.document), selectinload(MentionRow.facts))
            )
            for row in self.session.scalars(stmt):
                self.rows[row.id] = row
                self.views[row.id] = link_mention(row, row.document)


def _candidates(session: Session, loaded: _Loaded, frontier: set[int]) -> dict[int, set[int]]:
    """Return, per frontier mention, the stored mentions sharing a key with it."""
    wanted_keys: dict[str, set[int]] = defaultdict(set)  # probe of f -> f
    wanted_probes: dict[str, set[int]] = defaultdict(set)  # key of f -> f
    for f in frontier:
        keys, probes = blocking_keys(loaded.views[f])
        for p in probes:
            wanted_keys[p[:255]].add(f)
        for k in keys:
            wanted_probes[k[:255]].add(f)
    out: dict[int, set[int]] = defaultdict(set)
    for kind, wanted in (("key", wanted_keys), ("probe", wanted_probes)):
        for chunk in _chunks(sorted(wanted)):
            stmt = select(MentionKeyRow.mention_id, MentionKeyRow.key).where(
                MentionKeyRow.kind == kind, MentionKeyRow.key.in_(chunk)
            )
            for mention_id, key in session.execute(stmt):
                for f in wanted[key]:
                    if mention_id != f:
                        out[f].add(mention_id)
    return out


def _musts(session: Session, ids: set[int]) -> list[LinkConstraintRow]:
    rows: list[LinkConstraintRow] = []
    for chunk in _chunks(sorted(ids)):
        stmt = select(LinkConstraintRow).where(
            or_(LinkConstraintRow.mention_a.in_(chunk), LinkConstraintRow.mention_b.in_(chunk))
        )
        rows += session.scalars(stmt)
    return list({r.id: r for r in rows}.values())


def _mates(session: Session, incident_ids: set[int]) -> set[int]:
    out: set[int] = set()
    for chunk in _chunks(sorted(incident_ids)):
        out |= set(session.scalars(select(MentionRow.id).where(MentionRow.incident_id.in_(chunk))))
    return out


def neighbourhood(session: Session, seeds: Iterable[int]) -> tuple[_Loaded, set[int]]:
    """Return the loaded mentions and the closed neighbourhood of `seeds`."""
    loaded = _Loaded(session)
    component = set(seeds)
    frontier = set(component)
    while frontier:
        loaded.load(frontier)
        found: set[int] = set()
        for f, cands in _candidates(session, loaded, frontier).items():
            new = cands - component
            loaded.load(new)
            found |= {c for c in new if score_pair(loaded.views[f], loaded.views[c]).links}
        incidents = {loaded.rows[f].incident_id for f in frontier} - {None}
        found |= _mates(session, {i for i in incidents if i is not None})
        for c in _musts(session, frontier):
            if c.kind == "must":
                found |= {c.mention_a, c.mention_b}
        frontier = found - component
        component |= frontier
        if len(component) > MAX_NEIGHBOURHOOD:
            log.warning(
                "linking neighbourhood of mentions %s passed %d mentions; stopped growing it",
                sorted(seeds)[:5],
                MAX_NEIGHBOURHOOD,
            )
            break
    loaded.load(component)
    return loaded, component


def constraints_for(session: Session, ids: set[int], loaded: _Loaded) -> Constraints:
    """Return the curator constraints among `ids` as mention-key pairs."""
    must: set[tuple[str, str]] = set()
    cannot: set[tuple[str, str]] = set()
    for c in _musts(session, ids):
        if c.mention_a in ids and c.mention_b in ids:
            p = pair(loaded.views[c.mention_a].key, loaded.views[c.mention_b].key)
            (must if c.kind == "must" else cannot).add(p)
    return Constraints(frozenset(must), frozenset(cannot))


def relink(
    session: Session, seeds: Iterable[int], now: dt.datetime, *, keep: Iterable[int] = ()
) -> dict[int, int]:
    """Recluster the neighbourhood of `seeds`; return every seed's incident id.

    The group holding the `keep` mentions chooses its incident id first (so a
    curator's merge keeps the first incident's id, a split the rest's).
    """
    seeds = set(seeds)
    if not seeds:
        return {}
    loaded, component = neighbourhood(session, seeds)
    by_key = {loaded.views[i].key: i for i in component}
    groups = cluster(
        (loaded.views[i] for i in component), constraints_for(session, component, loaded)
    )
    assignment = _assign(session, loaded, [[by_key[k] for k in g] for g in groups], now, set(keep))
    touched = set(assignment.values())
    _update_events(session, touched)
    return {i: assignment[i] for i in seeds}


def _assign(
    session: Session, loaded: _Loaded, groups: list[list[int]], now: dt.datetime, keep: set[int]
) -> dict[int, int]:
    """Give each group an incident (reusing old ids), move mentions, write merged fields."""
    old_of = {m: loaded.rows[m].incident_id for g in groups for m in g}
    taken: set[int] = set()
    group_incident: dict[int, IncidentRow] = {}
    order = sorted(
        range(len(groups)),
        key=lambda i: (not keep & set(groups[i]), -len(groups[i]), loaded.views[groups[i][0]].key),
    )
    for gi in order:
        counts = Counter(old_of[m] for m in groups[gi] if old_of[m] is not None)
        best = sorted(
            ((n, i) for i, n in counts.items() if i not in taken), key=lambda x: (-x[0], x[1])
        )
        if best:
            incident = session.get(IncidentRow, best[0][1])
            assert incident is not None
            taken.add(incident.id)
        else:
            incident = IncidentRow(status="candidate", created_at=now, updated_at=now)
        group_incident[gi] = incident
        _write_fields(incident, [loaded.rows[m] for m in groups[gi]], now)
        session.add(incident)
    session.flush()
    created = [inc.id for inc in group_incident.values() if inc.id not in taken]
    if created:  # SQLite may hand out a retired id again: it is no alias any more
        session.execute(delete(IncidentAliasRow).where(IncidentAliasRow.old_id.in_(created)))
    assignment: dict[int, int] = {}
    for gi, group in enumerate(groups):
        for m in group:
            loaded.rows[m].incident_id = group_incident[gi].id
            assignment[m] = group_incident[gi].id
    session.flush()
    retired = {i for i in old_of.values() if i is not None} - taken
    for old in sorted(retired):
        heirs = Counter(assignment[m] for m, o in old_of.items() if o == old)
        new_id = sorted(heirs.items(), key=lambda x: (-x[1], x[0]))[0][0]
        session.execute(
            update(IncidentAliasRow).where(IncidentAliasRow.new_id == old).values(new_id=new_id)
        )
        if session.get(IncidentAliasRow, old) is None:
            session.add(
                IncidentAliasRow(old_id=old, new_id=new_id, reason="relinked", created_at=now)
            )
        _move_matches(session, old, new_id)
        gone = session.get(IncidentRow, old)
        session.execute(delete(IncidentRow).where(IncidentRow.id == old))
        if gone is not None:
            session.expunge(gone)  # its loaded `mentions` list is stale: never flush it
    session.flush()
    moved = {m: o for m, o in old_of.items() if o is not None and o != assignment[m]}
    alive = {o: None for o in moved.values() if o not in retired}
    reapply(  # curator decisions ride on mentions: put them back on the rewritten rows
        session,
        set(assignment.values()) | set(alive),
        {m: o for m, o in moved.items() if o in alive},
    )
    session.flush()
    return assignment


def _move_matches(session: Session, old: int, new: int) -> None:
    """Give a retired incident's reference matches to its successor, where the successor
    has no match in that list yet (the next `reference match` run reconsiders them)."""
    taken = set(
        session.scalars(
            select(ReferenceMatchRow.list_id).where(ReferenceMatchRow.incident_id == new)
        )
    )
    stmt = update(ReferenceMatchRow).where(ReferenceMatchRow.incident_id == old)
    if taken:
        stmt = stmt.where(ReferenceMatchRow.list_id.not_in(sorted(taken)))
    session.execute(stmt.values(incident_id=new))


def _write_fields(incident: IncidentRow, rows: list[MentionRow], now: dt.datetime) -> None:
    merged = merged_for(rows)
    for name, value in incident_values(merged).items():
        setattr(incident, name, value)
    incident.confidence = merged.confidence
    incident.conflicts = ",".join(merged.conflicts) or None
    incident.updated_at = now


def _event_partners(
    session: Session, loaded: _Loaded, incident_ids: set[int]
) -> set[tuple[int, int]]:
    """Return incident pairs in one event: mentions in one document, or same day and place."""
    mention_ids = _mates(session, incident_ids)
    loaded.load(mention_ids)
    docs = {loaded.rows[m].document_id for m in mention_ids}
    same_doc: set[int] = set()
    for chunk in _chunks(sorted(docs)):
        same_doc |= set(
            session.scalars(select(MentionRow.id).where(MentionRow.document_id.in_(chunk)))
        )
    day_keys: dict[str, set[int]] = defaultdict(set)
    for m in mention_ids:
        v = loaded.views[m]
        if v.date is not None and v.date.day is not None and v.place:
            _, probes = blocking_keys(
                LinkMention(key=v.key, doc=v.doc, date=v.date, country=v.country)
            )
            for p in probes:
                day_keys[p].add(m)
    near: set[int] = set()
    for chunk in _chunks(sorted(day_keys)):
        stmt = select(MentionKeyRow.mention_id).where(
            and_(MentionKeyRow.kind == "key", MentionKeyRow.key.in_(chunk))
        )
        near |= set(session.scalars(stmt))
    loaded.load(same_doc | near)
    pairs: set[tuple[int, int]] = set()
    for m in mention_ids:
        for o in (same_doc | near) - {m}:
            a, b = loaded.rows[m].incident_id, loaded.rows[o].incident_id
            if a is None or b is None or a == b:
                continue
            if same_event(loaded.views[m], loaded.views[o]):
                pairs.add((min(a, b), max(a, b)))
    return pairs


def _update_events(session: Session, touched: set[int]) -> None:
    """Recompute `event_id` for the touched incidents and their event partners."""
    olds = set(session.scalars(select(IncidentRow.event_id).where(IncidentRow.id.in_(touched))))
    members = set(touched)
    olds.discard(None)
    if olds:
        members |= set(
            session.scalars(select(IncidentRow.id).where(IncidentRow.event_id.in_(olds)))
        )
    loaded = _Loaded(session)
    pairs = _event_partners(session, loaded, members)
    members |= {i for p in pairs for i in p}
    parent = {i: i for i in members}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in sorted(pairs):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    sizes = Counter(find(i) for i in members)
    for i in sorted(members):
        root = find(i)
        session.execute(
            update(IncidentRow)
            .where(IncidentRow.id == i)
            .values(event_id=root if sizes[root] > 1 else None)
        )
