"""The app factory: one FastAPI app with the JSON API, the pages and the static files.

`create_app(settings)` opens the database named by the settings (it must be at
the newest migration: `forcewatch db upgrade`), and wires the session cookie
middleware, security headers and error pages. Nothing is loaded from outside
the app: no CDN, the OpenAPI description is rendered at /docs by the app itself
(raw JSON at /openapi.json).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from forcewatch import __version__
from forcewatch.config import Settings
from forcewatch.errors import ConflictError, CurationError
from forcewatch.store import db as store_db

from . import api, pages_public, pages_review
from .auth import LoginLimiter, SessionCookies, new_session
from .deps import WebState

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(settings: Settings) -> FastAPI:
    """Return the web app serving the store named by `settings.database_url`."""
    engine = store_db.make_engine(settings.database_url)
    store_db.check_current(engine)
    if not settings.session_secret:
        log.warning(
            "FORCEWATCH_SESSION_SECRET is not set: sessions use a random key and end "
            "when the server restarts"
        )
    app = FastAPI(
        title="forcewatch",
        version=__version__,
        description="Incidents of police use of force read from the news: the JSON API "
        "(docs/web.md). The public sees confirmed incidents; curators sign in at /login.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.web = WebState(
        settings=settings,
        sessions=store_db.session_factory(engine),
        cookies=SessionCookies(settings),
        limiter=LoginLimiter(settings.login_max_failures, settings.login_window_seconds),
        templates=Jinja2Templates(directory=HERE / "templates"),
    )
    app.state.engine = engine
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages_public.router)
    app.include_router(pages_review.router)
    _middleware(app)
    _errors(app)
    return app


def _middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def sessions_and_headers(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        web: WebState = request.app.state.web
        data = web.cookies.read(request)
        fresh = data is None
        request.state.session_data = data if data is not None else new_session()
        request.state.new_session_data = None
        response: Response = await call_next(request)
        changed = request.state.new_session_data
        if changed is not None or fresh:
            web.cookies.write(response, changed or request.state.session_data)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _errors(app: FastAPI) -> None:
    def html_error(request: Request, status: int, message: str) -> Response:
        return pages_public.page(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(CurationError)
    async def curation_error(request: Request, exc: CurationError) -> Response:
        status = 409 if isinstance(exc, ConflictError) else 400  # someone saved first
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return html_error(request, status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return html_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(OverflowError)  # SQLite's driver: past 64 bits
    @app.exception_handler(DataError)  # PostgreSQL: "integer out of range"
    async def too_large(request: Request, exc: Exception) -> Response:
        # an id in the path or the body larger than any the database can hold
        message = "a number in the request is out of range: no id or row count is that large"
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=422)
        return html_error(request, 422, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        if _is_api(request):
            return JSONResponse({"detail": problems or "invalid request"}, status_code=422)
        return html_error(request, 422, problems or "invalid request")
