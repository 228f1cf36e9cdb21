"""Fixtures for store tests: a migrated SQLite file per test and record builders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.records import (
    Detection,
    DocResult,
    Document,
    Evidence,
    Fact,
    Finding,
    Force,
    Investigation,
    InvestigationKind,
    Mention,
    Outcome,
    PartialDate,
    Weapon,
)
from forcewatch.store.db import make_engine, session_factory, upgrade
from tests.pg import PostgresServer

# An invented story, written for these tests.
TITLE = "Man shot by police after standoff in Tarrow"
SENTENCES = (
    "Officers shot and killed Dale Marrin, 41, in Tarrow, Westland, on Saturday night.",
    "Police said Marrin had threatened them with a shotgun before two officers fired.",
    "The Independent Police Conduct Authority has begun an investigation.",
)


def make_document(
    external_id: str = "story-1",
    *,
    sentences: tuple[str, ...] = SENTENCES,
    title: str | None = TITLE,
    published: dt.date | None = dt.date(2021, 3, 8),
    url: str | None = "https://news.example/story-1",
) -> Document:
    """Return an invented article."""
    return Document(
        external_id=external_id,
        text="\n".join(sentences),
        title=title,
        url=url,
        source="Example News",
        published=published,
        lang="en",
        origin=f"fixtures.jsonl:{external_id}",
        fmt="jsonl",
        warnings=("no byline",),
    )


def unique_sentences(tag: str) -> tuple[str, ...]:
    """Return the story's sentences plus one made of words unique to `tag`.

    Texts that differ by a word or two are near-duplicates (stored once); this
    keeps stories meant to be distinct far apart in word shingles.
    """
    word = "".join(c for c in tag if c.isalnum())
    log = " ".join(f"{word}x{i}" for i in range(30))
    return (*SENTENCES, f"Desk log {log}.")


def evidence(doc: Document, phrase: str) -> Evidence:
    """Return evidence for the first occurrence of `phrase` in `doc.content`."""
    start = doc.content.index(phrase)
    return Evidence(doc.doc_id, start, start + len(phrase))


def make_mention(doc: Document, **overrides: object) -> Mention:
    """Return a full mention of the invented story; keyword arguments replace fields."""
    first, second, third = SENTENCES
    fields: dict[str, object] = {
        "doc_id": doc.doc_id,
        "outcome": Fact(Outcome.FATAL, 0.9, evidence(doc, first)),
        "force": Fact(Force.FIREARM, 0.95, evidence(doc, first)),
        "confidence": 0.88,
        "subject_name": Fact("Dale Marrin", 0.92, evidence(doc, first)),
        "subject_age": Fact(41, 0.8, evidence(doc, first)),
        "subject_sex": Fact("male", 0.7, evidence(doc, second)),
        "date": Fact(PartialDate(2021, 3, 6), 0.75, evidence(doc, first)),
        "place": Fact("Tarrow", 0.85, evidence(doc, first)),
        "region": Fact("Westland", 0.6, evidence(doc, first)),
        "country": Fact("NZ", 0.5),
        "agency": Fact("New Zealand Police", 0.55, evidence(doc, second)),
        "subject_weapon": Fact(Weapon.SHOTGUN, 0.8, evidence(doc, second)),
        "officers_fired": Fact(2, 0.7, evidence(doc, second)),
        "investigations": (
            Investigation(
                "Independent Police Conduct Authority",
                InvestigationKind.OVERSIGHT,
                Finding.PENDING,
                0.65,
                evidence(doc, third),
            ),
        ),
    }
    fields.update(overrides)
    return Mention(**fields)  # type: ignore[arg-type]


def make_result(doc: Document, mentions: tuple[Mention, ...] | None = None) -> DocResult:
    """Return a relevant result for `doc` with one full mention unless given others."""
    if mentions is None:
        mentions = (make_mention(doc),)
    return DocResult(
        document=doc,
        detection=Detection(True, 0.8, ("shot", "police")),
        mentions=mentions,
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'forcewatch.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'forcewatch.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with server.database() as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session:
        yield session


class Build:
    """The record builders above, handed to tests by the `build` fixture."""

    TITLE = TITLE
    SENTENCES = SENTENCES
    document = staticmethod(make_document)
    unique_sentences = staticmethod(unique_sentences)
    evidence = staticmethod(evidence)
    mention = staticmethod(make_mention)
    result = staticmethod(make_result)


@pytest.fixture
def build() -> Build:
    return Build()
