"""Web app accounts: add a curator or admin, check a password (argon2 hashes).

argon2-cffi is imported only here and only when a hash is made or checked, so
the default install (no `web` extra) never needs it. The hash parameters come
from `Settings` (tests use cheap ones). The caller commits the session.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forcewatch.config import Settings
from forcewatch.errors import AccountError

from .models import USER_ROLES, UserRow

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    """A signed-in person: id, name and role ("curator" or "admin")."""

    id: int
    name: str
    role: str

    @property
    def can_curate(self) -> bool:
        return self.role in USER_ROLES


def _hasher(settings: Settings) -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError as err:
        raise AccountError("argon2-cffi is not installed: pip install 'forcewatch[web]'") from err
    return PasswordHasher(
        time_cost=settings.password_time_cost,
        memory_cost=settings.password_memory_kib,
        parallelism=1,
    )


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role)


def add_user(session: Session, name: str, role: str, password: str, settings: Settings) -> User:
    """Add a user, or set a new password and role for an existing one; return it."""
    if not NAME.fullmatch(name):
        raise AccountError(
            f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    if role not in USER_ROLES:
        raise AccountError(f"role {role!r}: use one of {', '.join(USER_ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            f"password for {name!r} is too short: use at least {MIN_PASSWORD} characters"
        )
    hashed = _hasher(settings).hash(password)
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        row = UserRow(name=name, created_at=dt.datetime.now(dt.UTC))
        session.add(row)
    row.role = role
    row.password_hash = hashed
    session.flush()
    return _user(row)


def get_user(session: Session, user_id: int) -> User | None:
    """Return the user with this id, or None (deleted since the cookie was signed)."""
    row = session.get(UserRow, user_id)
    return None if row is None else _user(row)


def check_password(session: Session, name: str, password: str, settings: Settings) -> User | None:
    """Return the user when the password is right, else None (unknown names take as long)."""
    hasher = _hasher(settings)
    from argon2.exceptions import InvalidHashError, VerificationError

    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        hasher.hash(password)  # spend the same time as a real check
        return None
    try:
        hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(row.password_hash):
        row.password_hash = hasher.hash(password)
    return _user(row)


def list_users(session: Session) -> list[User]:
    """Return every user, by name."""
    return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]
