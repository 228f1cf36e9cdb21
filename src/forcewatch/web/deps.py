"""Request dependencies: the app state, a database session, the user, CSRF checks.

Typed aliases (`DbSession`, `CurrentUser`, `Curator`, `ApiCurator`) keep route
signatures short. Mutations need a curator or admin (403 otherwise) and the
session's CSRF token (403 otherwise): API routes take it from the
`X-CSRF-Token` header, forms from the `csrf_token` field (`check_form_csrf`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.config import Settings
from forcewatch.store import db as store_db
from forcewatch.store.users import User, get_user

from .auth import CSRF_HEADER, LoginLimiter, SessionCookies, SessionData, csrf_ok


@dataclass
class WebState:
    """Everything the routes share, built once by `create_app`."""

    settings: Settings
    sessions: sessionmaker[Session]
    cookies: SessionCookies
    limiter: LoginLimiter
    templates: Jinja2Templates


def state(request: Request) -> WebState:
    return request.app.state.web


#: methods that may change the store: their transaction is a write transaction
_SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))


def db_session(request: Request) -> Iterator[Session]:
    """Yield the request's session. A POST begins a write transaction at once (SQLite
    BEGIN IMMEDIATE, the PostgreSQL writer lock), before it reads anything: a curator's
    save then reads the incident as the last writer left it, and the version check
    decides between two curators, never a "database is locked" error."""
    with state(request).sessions() as session:
        if request.method not in _SAFE_METHODS:
            session.connection(execution_options=store_db.WRITE_TRANSACTION)
        yield session


DbSession = Annotated[Session, Depends(db_session)]

#: the largest id or row count the databases hold (a signed 64-bit integer): a larger
#: number in a request is refused by name rather than overflowing the database driver
MAX_ROW = 2**63 - 1
Offset = Annotated[int, Query(ge=0, le=MAX_ROW)]


def session_data(request: Request) -> SessionData:
    """Return the visitor's session (the middleware made one if there was none)."""
    return request.state.session_data


def current_user(request: Request, session: DbSession) -> User | None:
    data = session_data(request)
    if data.user_id is None:
        return None
    return get_user(session, data.user_id)


CurrentUser = Annotated[User | None, Depends(current_user)]


def curator(user: CurrentUser) -> User:
    """Return the signed-in curator or admin; 403 for anyone else."""
    if user is None or not user.can_curate:
        raise HTTPException(403, "sign in as a curator or admin to change incidents")
    return user


Curator = Annotated[User, Depends(curator)]


def api_curator(request: Request, user: Curator) -> User:
    """Return the curator after checking the X-CSRF-Token header; 403 when it is wrong."""
    if not csrf_ok(session_data(request), request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, f"missing or wrong {CSRF_HEADER} header: send the session's token")
    return user


ApiCurator = Annotated[User, Depends(api_curator)]


def check_form_csrf(request: Request, token: str | None) -> None:
    """Raise 403 unless the form's csrf_token is the session's."""
    if not csrf_ok(session_data(request), token):
        raise HTTPException(403, "the form's security token is missing or stale: reload the page")
