"""JSON API under /api: incidents, statistics, documents, exports and curator actions.

The public sees confirmed incidents only (and the documents behind them);
signed-in curators see every status. Mutations need a curator and the
`X-CSRF-Token` header. A retired incident id (merged or relinked) redirects to
the incident that took its mentions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request, Response
from fastapi.responses import RedirectResponse

from forcewatch.export import render
from forcewatch.records import PartialDate
from forcewatch.store import browse, repo, review
from forcewatch.store.models import IncidentRow
from forcewatch.store.users import User

from .deps import ApiCurator, CurrentUser, DbSession, Offset
from .schemas import (
    ActionResult,
    DocumentDetailOut,
    DocumentListOut,
    DocumentOut,
    FieldIn,
    IncidentDetailOut,
    IncidentListOut,
    IncidentOut,
    MergeIn,
    RejectIn,
    SplitIn,
    StatsOut,
    UserOut,
)

router = APIRouter(prefix="/api", tags=["api"])

Text = Annotated[str | None, Query(max_length=200)]


def parse_day(value: str | None, name: str, *, last: bool) -> dt.date | None:
    """Return the first (or `last`) day of an ISO partial date; 422 naming the parameter."""
    if not value:
        return None
    try:
        first, final = PartialDate.parse(value).bounds()
    except ValueError as err:
        raise HTTPException(422, f"{name}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from err
    return final if last else first


def incident_filter(
    user: User | None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    region: str | None = None,
    outcome: str | None = None,
    force: str | None = None,
    q: str | None = None,
) -> browse.IncidentFilter | None:
    """Return the filter asked for, or None when the public asks for unpublished incidents."""
    if user is None or not user.can_curate:
        if status not in (None, "", "confirmed"):
            return None
        status = "confirmed"
    return browse.IncidentFilter(
        status=status or None,
        since=parse_day(since, "since", last=False),
        until=parse_day(until, "until", last=True),
        country=country or None,
        region=region or None,
        outcome=outcome or None,
        force=force or None,
        q=q or None,
    )


def _public(user: User | None) -> bool:
    return user is None or not user.can_curate


@router.get("/incidents", response_model=IncidentListOut, summary="List incidents")
def list_incidents(
    session: DbSession,
    user: CurrentUser,
    status: Text = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    country: Text = None,
    region: Text = None,
    outcome: Text = None,
    force: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="words in name or place")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> IncidentListOut:
    """Incidents, newest first, filtered; the public sees confirmed ones only."""
    f = incident_filter(user, status, since, until, country, region, outcome, force, q)
    if f is None:
        return IncidentListOut(total=0, limit=limit, offset=offset, items=[])
    page = browse.list_page(session, f, limit=limit, offset=offset)
    return IncidentListOut(
        total=page.total,
        limit=limit,
        offset=offset,
        items=[IncidentOut.model_validate(i) for i in page.items],
    )


@router.get("/incidents/{incident_id}", response_model=IncidentDetailOut, summary="One incident")
def get_incident(
    incident_id: int, request: Request, response: Response, session: DbSession, user: CurrentUser
) -> IncidentDetailOut | Response:
    """Fields with evidence, curator values, sources, conflicts, changes and history."""
    from .detail import load, to_json

    live = review.resolve(session, incident_id)
    if live is not None and live != incident_id:
        return RedirectResponse(request.url_for("get_incident", incident_id=live), 307)
    bundle = None if live is None else load(session, live, with_history=not _public(user))
    if bundle is None or (_public(user) and bundle.detail.summary.status != "confirmed"):
        raise HTTPException(404, f"no published incident {incident_id}")
    response.headers["ETag"] = f'"{bundle.version}"'
    return to_json(bundle, public=_public(user))


@router.get("/stats", response_model=StatsOut, summary="Statistics of confirmed incidents")
def stats(
    session: DbSession,
    since: str | None = None,
    until: str | None = None,
    country: Text = None,
) -> StatsOut:
    """The tally (fatal, injured, missed) of confirmed incidents overall, by year, by
    subject weapon, by region and by force."""
    f = browse.IncidentFilter(
        status="confirmed",
        since=parse_day(since, "since", last=False),
        until=parse_day(until, "until", last=True),
        country=country or None,
    )
    return StatsOut.model_validate(browse.stats(session, f))


@router.get("/documents", response_model=DocumentListOut, summary="List documents")
def list_documents(
    session: DbSession,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> DocumentListOut:
    """Stored articles, newest first; the public sees sources of confirmed incidents only."""
    total, items = browse.list_documents(
        session, confirmed_only=_public(user), limit=limit, offset=offset
    )
    return DocumentListOut(
        total=total,
        limit=limit,
        offset=offset,
        items=[DocumentOut.model_validate(d) for d in items],
    )


@router.get("/documents/{document_id}", response_model=DocumentDetailOut, summary="One document")
def get_document(document_id: int, session: DbSession, user: CurrentUser) -> DocumentDetailOut:
    """One article's content and the incidents it is a source of."""
    from forcewatch.records import Document
    from forcewatch.store.models import DocumentRow

    incidents = browse.document_incidents(session, document_id, confirmed_only=_public(user))
    row = session.get(DocumentRow, document_id)
    if row is None or (_public(user) and not incidents):
        raise HTTPException(404, f"no published document {document_id}")
    n = len(row.mentions)
    doc = browse.DocumentSummary(
        row.id, row.external_id, row.title, row.url, row.source, row.published, row.relevant, n
    )
    content = Document(external_id=row.external_id, text=row.text, title=row.title).content
    return DocumentDetailOut(
        document=DocumentOut.model_validate(doc), content=content, incident_ids=incidents
    )


def _export(session: DbSession, fmt: str) -> Response:
    rows = [r for r in repo.export_incidents(session) if r.status == "confirmed"]
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(
        render(rows, fmt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="forcewatch-incidents.{fmt}"'},
    )


@router.get("/export.csv", summary="Confirmed incidents as CSV (docs/export.md columns)")
def export_csv(session: DbSession) -> Response:
    """Every confirmed incident with the stable export columns, as CSV."""
    return _export(session, "csv")


@router.get("/export.json", summary="Confirmed incidents as JSON (docs/export.md columns)")
def export_json(session: DbSession) -> Response:
    """Every confirmed incident with the stable export columns, as a JSON array."""
    return _export(session, "json")


@router.get("/me", response_model=UserOut | None, summary="The signed-in user")
def me(user: CurrentUser) -> UserOut | None:
    """The signed-in user, or null."""
    return None if user is None else UserOut.model_validate(user)


def _done(session: DbSession, incident_id: int, detail: str) -> ActionResult:
    session.commit()
    row = session.get(IncidentRow, incident_id)
    return ActionResult(
        incident_id=incident_id, detail=detail, version=row.version if row is not None else None
    )


def _expected(if_match: str | None) -> int | None:
    """Return the version an If-Match header names ('"3"', 'W/"3"', '3'), or None."""
    if if_match is None or if_match.strip() == "*":
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise HTTPException(400, f'If-Match: {if_match!r} is not an incident version such as "3"')
    return int(value)


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="the incident version the curator saw (its ETag): a stale one gets 409",
    ),
]


@router.post("/incidents/{incident_id}/confirm", response_model=ActionResult)
def confirm(
    incident_id: int, session: DbSession, user: ApiCurator, if_match: IfMatch = None
) -> ActionResult:
    """Confirm an incident (it is published)."""
    i = review.set_status(
        session, incident_id, "confirmed", by=user.name, version=_expected(if_match)
    )
    return _done(session, i, "confirmed")


@router.post("/incidents/{incident_id}/reject", response_model=ActionResult)
def reject(
    incident_id: int, body: RejectIn, session: DbSession, user: ApiCurator, if_match: IfMatch = None
) -> ActionResult:
    """Reject an incident, saying why."""
    i = review.set_status(
        session, incident_id, "rejected", by=user.name, reason=body.reason,
        version=_expected(if_match),
    )  # fmt: skip
    return _done(session, i, "rejected")


@router.post("/incidents/{incident_id}/reopen", response_model=ActionResult)
def reopen(
    incident_id: int, session: DbSession, user: ApiCurator, if_match: IfMatch = None
) -> ActionResult:
    """Put an incident back in the review queue (candidate)."""
    i = review.set_status(
        session, incident_id, "candidate", by=user.name, version=_expected(if_match)
    )
    return _done(session, i, "reopened")


@router.post("/incidents/{incident_id}/fields/{field}", response_model=ActionResult)
def edit_field(
    incident_id: int,
    field: str,
    body: FieldIn,
    session: DbSession,
    user: ApiCurator,
    if_match: IfMatch = None,
) -> ActionResult:
    """Set one field to the curator's value (null or "" for unknown)."""
    i = review.edit_field(
        session, incident_id, field, body.value, by=user.name, version=_expected(if_match)
    )
    return _done(session, i, f"{field} set")


@router.post("/incidents/{incident_id}/merge", response_model=ActionResult)
def merge(
    incident_id: int, body: MergeIn, session: DbSession, user: ApiCurator, if_match: IfMatch = None
) -> ActionResult:
    """Merge incident `other` into this one (they are one person)."""
    i = review.merge(session, incident_id, body.other, by=user.name, version=_expected(if_match))
    return _done(session, i, f"merged {incident_id} and {body.other}")


@router.post("/incidents/{incident_id}/split", response_model=ActionResult)
def split(
    incident_id: int, body: SplitIn, session: DbSession, user: ApiCurator, if_match: IfMatch = None
) -> ActionResult:
    """Split one source document off this incident into a new incident."""
    i = review.split(
        session, incident_id, body.document_id, by=user.name, version=_expected(if_match)
    )
    return _done(session, i, f"document {body.document_id} split off")
