"""Curator pages: sign in and out, the review queue, and the incident actions (forms).

Every form carries the session's CSRF token; actions need a curator or admin
and answer with a redirect back to the incident page (Post/Redirect/Get), whose
`done` note says what happened. A refused action (`CurationError`) renders the
error page with the reason and a link back.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from forcewatch.store import browse, review
from forcewatch.store.users import check_password

from .auth import new_session
from .deps import Curator, CurrentUser, DbSession, Offset, check_form_csrf, state
from .pages_public import page

router = APIRouter(include_in_schema=False)

Token = Annotated[str | None, Form(alias="csrf_token")]
#: the incident version the page showed: a stale one is refused with 409 (optimistic locking)
Version = Annotated[int | None, Form(ge=0)]


def _back(incident_id: int, note: str) -> RedirectResponse:
    return RedirectResponse(f"/incidents/{incident_id}?done={quote(note)}", status_code=303)


def _local(path: str | None) -> str:
    """Return `path` if it is a path on this site, else the queue (no open redirects)."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/review"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, user: CurrentUser, next: str | None = None) -> HTMLResponse:
    return page(request, "login.html", {"user": user, "next": _local(next), "error": ""})


@router.post("/login", response_model=None)
def login(
    request: Request,
    session: DbSession,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Token = None,
    next: Annotated[str | None, Form()] = None,
) -> Response:
    check_form_csrf(request, csrf_token)
    web = state(request)
    keys = (f"name:{name.lower()}", f"addr:{request.client.host if request.client else '-'}")
    wait = web.limiter.blocked(*keys)
    if wait:
        return page(
            request,
            "login.html",
            {"next": _local(next), "error": f"Too many wrong passwords: try again in {wait} s."},
            status_code=429,
        )
    user = check_password(session, name, password, web.settings)
    if user is None:
        web.limiter.fail(*keys)
        return page(
            request,
            "login.html",
            {"next": _local(next), "error": "Wrong name or password."},
            status_code=401,
        )
    session.commit()  # a rehashed password
    web.limiter.clear(keys[0])
    request.state.new_session_data = new_session(user.id)
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token: Token = None) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    request.state.new_session_data = new_session(None)
    return RedirectResponse("/", status_code=303)


@router.get("/review", response_class=HTMLResponse)
def queue(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    status: Annotated[str, Query(max_length=20)] = "candidate",
    offset: Offset = 0,
) -> Response:
    if user is None:
        return RedirectResponse("/login?next=/review", status_code=303)
    if not user.can_curate:
        raise HTTPException(403, "the review queue is for curators")
    f = browse.IncidentFilter(status=status or None)
    found = browse.list_page(session, f, limit=50, offset=offset, queue=True)
    return page(request, "queue.html", {"user": user, "page": found, "status": status})


@router.post("/incidents/{incident_id}/confirm")
def confirm(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.set_status(session, incident_id, "confirmed", by=user.name, version=version)
    session.commit()
    return _back(i, "Confirmed: the incident is published.")


@router.post("/incidents/{incident_id}/reject")
def reject(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    reason: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.set_status(
        session, incident_id, "rejected", by=user.name, reason=reason, version=version
    )
    session.commit()
    return _back(i, "Rejected.")


@router.post("/incidents/{incident_id}/reopen")
def reopen(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.set_status(session, incident_id, "candidate", by=user.name, version=version)
    session.commit()
    return _back(i, "Back in the review queue.")


@router.post("/incidents/{incident_id}/edit")
def edit(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    field: Annotated[str, Form(max_length=40)],
    value: Annotated[str, Form(max_length=500)] = "",
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.edit_field(session, incident_id, field, value, by=user.name, version=version)
    session.commit()
    return _back(i, f"{field} set.")


@router.post("/incidents/{incident_id}/merge")
def merge(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    other: Annotated[int, Form()],
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.merge(session, incident_id, other, by=user.name, version=version)
    session.commit()
    return _back(i, f"Merged incidents {incident_id} and {other}.")


@router.post("/incidents/{incident_id}/split")
def split(
    incident_id: int,
    request: Request,
    session: DbSession,
    user: Curator,
    document_id: Annotated[int, Form()],
    csrf_token: Token = None,
    version: Version = None,
) -> RedirectResponse:
    check_form_csrf(request, csrf_token)
    i = review.split(session, incident_id, document_id, by=user.name, version=version)
    session.commit()
    return _back(i, f"Document {document_id} split off incident {incident_id}.")
