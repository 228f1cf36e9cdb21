"""Run sources -> pipeline -> store over files and folders, one transaction per document."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.config import Settings
from forcewatch.errors import ForcewatchError, SourceError
from forcewatch.pipeline import Pipeline
from forcewatch.records import Detection, DocResult, Document
from forcewatch.sources import ReadStats, iter_documents
from forcewatch.store import db as store_db
from forcewatch.store import repo
from forcewatch.store.retry import DatabaseUnavailable, call_with_retry
from forcewatch.store.views import StoreOutcome

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0  # documents read from the inputs
    new: int = 0  # documents stored for the first time
    duplicates: int = 0  # documents whose text was already stored (exactly or nearly)
    near_duplicates: int = 0  # of those, near-duplicates kept as one more source (URL)
    relevant: int = 0  # new documents that report police use of force
    incidents: int = 0  # incidents the new documents' mentions belong to at the end
    failed: int = 0  # files, lines or documents that could not be read, analysed or stored
    skipped: int = 0  # entries of folder walks that are not articles (other types, hidden)
    not_analysed: int = 0  # new documents not analysed (other language, too short)
    not_articles: dict[str, int] = field(default_factory=dict)  # web archive records, by reason

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def ingest_document(
    document: Document,
    sessions: sessionmaker[Session],
    pipeline: Pipeline,
    summary: IngestSummary,
    touched: set[int],
) -> StoreOutcome | None:
    """Analyse and store one document, counting it in `summary` (not in `read`).

    Adds the incidents it touched to `touched`. Returns what was stored, or
    None when the exact text was stored before (a duplicate, not analysed).
    Raises ForcewatchError when it cannot be analysed or stored; nothing of it
    is kept then and the caller counts the failure.
    """
    with sessions() as session:
        if repo.has_document(session, document.doc_id):
            summary.duplicates += 1
            return None
        near = repo.near_duplicate_of(session, document)
    if near is not None:  # not analysed again: stored as a copy of `near`
        result = DocResult(document, Detection(False, 0.0), skipped="near-duplicate")
    else:
        result = pipeline.process(document)
    outcome = repo.store_result(sessions, result)
    count_stored(result, outcome, summary, touched)
    return outcome


def count_stored(
    result: DocResult, outcome: StoreOutcome, summary: IngestSummary, touched: set[int]
) -> None:
    """Count one stored result in `summary`; add the incidents it touched to `touched`.

    Shared with `forcewatch batch`, which analyses on workers and stores here.
    """
    touched.update(outcome.incident_ids)
    if not outcome.new:  # a copy analysed in the stored text's place, or a near-duplicate
        summary.duplicates += 1
        summary.near_duplicates += outcome.near_duplicate_of is not None
        return
    summary.new += 1
    summary.not_analysed += result.skipped is not None
    summary.relevant += result.relevant


def progress_bar(enabled: bool) -> Progress:
    """Return the progress bar of a run, on stderr (stdout is for data, `--json`)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
        disable=not enabled,
    )


def ingest_paths(
    paths: Sequence[Path],
    settings: Settings,
    *,
    on_error: Callable[[str], None],
    show_progress: bool = True,
) -> IngestSummary:
    """Ingest every document under `paths` into the store named by `settings`."""
    engine = store_db.make_engine(settings.database_url)
    store_db.upgrade(engine)
    sessions = store_db.session_factory(engine)
    pipeline = Pipeline(settings)
    summary = IngestSummary()
    stats = ReadStats()
    touched: set[int] = set()
    progress = progress_bar(show_progress and settings.progress)
    with progress:
        task = progress.add_task("ingesting", total=None)
        for item in iter_documents(list(paths), stats):
            progress.advance(task)
            if isinstance(item, SourceError):
                summary.failed += 1
                on_error(str(item))
                continue
            summary.read += 1  # readers log their warnings (e.g. a non-UTF-8 fallback)
            try:
                call_with_retry(
                    lambda doc=item: ingest_document(doc, sessions, pipeline, summary, touched),
                    settings,
                    what=f"storing {item.origin}",
                )
            except DatabaseUnavailable:
                raise  # every next document would fail too: stop with the one clear reason
            except ForcewatchError as exc:
                summary.failed += 1
                on_error(str(exc))
    summary.skipped = stats.skipped
    summary.not_articles = dict(sorted(stats.not_articles.items()))
    with sessions() as session:
        summary.incidents = len(repo.live_incident_ids(session, touched))
    return summary
