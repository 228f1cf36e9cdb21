"""Public pages: dashboard with SVG charts, incident list, incident page, API docs.

The public sees confirmed incidents only; a signed-in curator sees every status
and, on the incident page, the review actions. Every HTML page has a JSON twin
under /api.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from forcewatch.records import Document
from forcewatch.store import browse, review
from forcewatch.store.models import DocumentRow

from . import charts
from .api import incident_filter
from .auth import CSRF_FIELD
from .deps import CurrentUser, DbSession, Offset, session_data, state
from .highlight import pieces, spans

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def page(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    """Render a template with the user, the CSRF token and the request."""
    context.setdefault("user", None)
    context["csrf_field"] = CSRF_FIELD
    context["csrf_token"] = session_data(request).csrf
    return state(request).templates.TemplateResponse(
        request, name, context, status_code=status_code
    )


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, session: DbSession, user: CurrentUser) -> HTMLResponse:
    s = browse.stats(session, browse.IncidentFilter(status="confirmed"))
    recent = browse.list_page(session, browse.IncidentFilter(status="confirmed"), limit=8)
    return page(
        request,
        "dashboard.html",
        {
            "user": user,
            "stats": s,
            "recent": recent.items,
            "year_chart": charts.columns("By year", s.by_year),
            "weapon_chart": charts.rows("By the subject's weapon", s.by_weapon),
            "region_chart": charts.rows("By region", s.by_region),
        },
    )


@router.get("/incidents", response_class=HTMLResponse)
def incidents(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    status: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(max_length=20)] = None,
    until: Annotated[str | None, Query(max_length=20)] = None,
    country: Annotated[str | None, Query(max_length=200)] = None,
    region: Annotated[str | None, Query(max_length=200)] = None,
    outcome: Annotated[str | None, Query(max_length=200)] = None,
    force: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    args = {
        "status": status, "since": since, "until": until, "country": country,
        "region": region, "outcome": outcome, "force": force, "q": q,
    }  # fmt: skip
    f = incident_filter(user, **args)
    found = (
        browse.list_page(session, f, limit=PAGE_SIZE, offset=offset)
        if f is not None
        else browse.IncidentPage(0, PAGE_SIZE, offset, [])
    )
    return page(
        request,
        "incidents.html",
        {
            "user": user,
            "page": found,
            "args": {k: v or "" for k, v in args.items()},
            "query": urlencode({k: v for k, v in args.items() if v}),
        },
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(incident_id: int, request: Request, session: DbSession, user: CurrentUser) -> Response:
    from .detail import load

    live = review.resolve(session, incident_id)
    if live is not None and live != incident_id:
        return RedirectResponse(f"/incidents/{live}", 307)
    curator = user is not None and user.can_curate
    bundle = None if live is None else load(session, live, with_history=curator)
    if bundle is None or (not curator and bundle.detail.summary.status != "confirmed"):
        raise HTTPException(404, f"no published incident {incident_id}")
    articles = []
    for source in bundle.detail.sources:
        row = session.get(DocumentRow, source.document_id)
        if row is None:
            continue
        content = Document(external_id=row.external_id, text=row.text, title=row.title).content
        articles.append((source, pieces(content, spans(bundle.detail, source.document_id))))
    return page(
        request,
        "incident.html",
        {
            "user": user,
            "curator": curator,
            "d": bundle.detail,
            "version": bundle.version,
            "reviews": bundle.reviews,
            "history": bundle.history,
            "articles": articles,
            "choices": {f: review.field_choices(f) for f in review.EDITABLE_FIELDS},
            "message": request.query_params.get("done", ""),
        },
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, user: CurrentUser) -> HTMLResponse:
    """The OpenAPI description as a page served by the app (no CDN)."""
    spec = request.app.openapi()
    return page(request, "docs.html", {"user": user, "spec": spec})
