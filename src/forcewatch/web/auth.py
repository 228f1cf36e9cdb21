"""Sessions, CSRF tokens and sign-in rate limiting for the web app.

The session is a signed cookie (itsdangerous, key `Settings.session_secret`),
HttpOnly and SameSite=Lax, holding a random CSRF token and, once signed in, the
user id; the user is read from the database on every request, so a deleted
account loses access at once. Every visitor gets a token, so the sign-in form
is protected too. Forms send it as `csrf_token`, API clients as the
`X-CSRF-Token` header; it is compared in constant time. Signing in or out
issues a fresh token. Wrong passwords are counted per name and per client
address in memory; past `login_max_failures` within `login_window_seconds`
sign-in is refused (HTTP 429) until the window passes.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from forcewatch.config import Settings

COOKIE = "forcewatch_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class SessionData:
    """What the cookie carries: the CSRF token and the signed-in user's id (or None)."""

    csrf: str
    user_id: int | None = None


class SessionCookies:
    """Reads and writes the signed session cookie."""

    def __init__(self, settings: Settings) -> None:
        secret = settings.session_secret or secrets.token_urlsafe(32)
        self._signer = URLSafeTimedSerializer(secret, salt="forcewatch-session")
        self._max_age = int(settings.session_hours * 3600)
        self._secure = settings.cookie_secure

    def read(self, request: Request) -> SessionData | None:
        """Return the request's session, or None when absent, forged or expired."""
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            data = self._signer.loads(raw, max_age=self._max_age)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("csrf"), str):
            return None
        uid = data.get("uid")
        return SessionData(data["csrf"], uid if isinstance(uid, int) else None)

    def write(self, response: Response, data: SessionData) -> None:
        """Set the cookie on `response`."""
        token = self._signer.dumps({"csrf": data.csrf, "uid": data.user_id})
        response.set_cookie(
            COOKIE,
            token,
            max_age=self._max_age,
            httponly=True,
            samesite="lax",
            secure=self._secure,
            path="/",
        )


def new_session(user_id: int | None = None) -> SessionData:
    """Return a session with a fresh CSRF token."""
    return SessionData(secrets.token_urlsafe(32), user_id)


def csrf_ok(session: SessionData | None, token: str | None) -> bool:
    """Return True when `token` is the session's CSRF token."""
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), token.encode())


class LoginLimiter:
    """Counts wrong passwords per key (name, address) in a sliding window."""

    def __init__(self, max_failures: int, window_seconds: int) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, *keys: str) -> int:
        """Return the seconds until sign-in is allowed again for any of `keys` (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                int(times[0] + self.window - now) + 1
                for key in keys
                if len(times := self._recent(key, now)) >= self.max_failures
            ]
        return max(waits, default=0)

    def fail(self, *keys: str) -> None:
        """Record one wrong password for each key."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def clear(self, *keys: str) -> None:
        """Forget the failures of `keys` (after a right password)."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
