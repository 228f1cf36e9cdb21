"""Drive a batch run: plan shards, analyse them on Ray, write results in shard order.

    summary = run_batch(paths, settings, workers=2, on_error=print)

Workers (Ray Data actors, `worker.py`) read and analyse shards; the driver is
the only writer. It takes shard outputs in plan order (Ray Data's
`preserve_order`), stores each shard's results in one transaction through
`store_result` (a SAVEPOINT per document, so one refused document does not
lose the others) and records the shard as finished in the same transaction.
Killed at any point, the database holds whole shards only; a rerun skips the
recorded shards and, as writes are idempotent on the content hash, a shard
written twice is stored once. Written in the order `ingest` reads, the store
ends equal to a single-process `ingest` of the same inputs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.config import Settings
from forcewatch.errors import ConfigError, ForcewatchError, StoreError
from forcewatch.ingest import IngestSummary, count_stored, progress_bar
from forcewatch.records import DocResult
from forcewatch.store import db as store_db
from forcewatch.store import repo
from forcewatch.store.shards import finished_shards, record_shard

from .shards import LINES_PER_SHARD, Shard, plan_shards
from .worker import Failure, ShardOutput, ShardWorker, encode_shards

log = logging.getLogger(__name__)

#: Ray's own memory for objects in flight; shard outputs are small (pickled results)
OBJECT_STORE_BYTES = 200 * 2**20


@dataclass
class BatchSummary(IngestSummary):
    """What one batch run did: ingest's counts plus shards and speed."""

    shards: int = 0  # shards planned
    shards_done_before: int = 0  # of those, finished by an earlier run and skipped
    workers: int = 0
    seconds: float = 0.0


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - Ray Data is a separate extra of Ray
        import ray.exceptions  # noqa: F401
    except ImportError as err:
        raise ConfigError(
            "forcewatch batch needs Ray Data: pip install 'forcewatch[batch]' "
            f"(or 'ray[data]'); {err}"
        ) from err
    return ray


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Raise ConfigError unless a `host:port` (or ray://host:port) address answers.

    Ray itself retries an unreachable address for minutes; this fails in seconds.
    """
    hostport = address.removeprefix("ray://")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        return  # "auto" and other forms Ray resolves itself
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as err:
        raise ConfigError(
            f"cannot reach the Ray cluster at {address} ({err}); check --address "
            "(ray://head:10001 or head:6379) and that the cluster is up"
        ) from err


@contextmanager
def ray_runtime(address: str | None, workers: int) -> Iterator[Any]:
    """Yield the `ray` module, joined to `address` or running locally with `workers` CPUs.

    A runtime that is already up (a test session's) is used and left running.
    """
    ray = _import_ray()
    if ray.is_initialized():
        yield ray
        return
    try:
        if address:
            _check_reachable(address)
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                object_store_memory=OBJECT_STORE_BYTES,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = f"the Ray cluster at {address}" if address else "a local Ray runtime"
        raise ConfigError(
            f"cannot start or join {where}: {err}; check --address (ray://host:10001 "
            "or host:6379) and that the cluster is up"
        ) from err
    try:
        yield ray
    finally:
        ray.shutdown()


def _outputs(ray: Any, todo: list[Shard], settings: Settings, workers: int, progress: bool):
    """Yield each shard's `ShardOutput` in plan order as the actors finish them."""
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the driver writes in input order
    context.enable_progress_bars = progress
    context.print_on_execution_start = False
    dataset = ray.data.from_items(encode_shards(todo), override_num_blocks=len(todo))
    analysed = dataset.map_batches(
        ShardWorker,
        fn_constructor_args=(settings,),
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
        batch_format="numpy",
    )
    for batch in analysed.iter_batches(batch_size=1, batch_format="numpy", prefetch_batches=2):
        for blob in batch["output"]:
            yield pickle.loads(blob)


def _write_shard(
    sessions: sessionmaker[Session],
    shard: Shard,
    output: ShardOutput,
    summary: BatchSummary,
    touched: set[int],
    on_error: Callable[[str], None],
) -> None:
    """Store one shard's results and record it finished, all in one transaction."""
    try:
        with sessions.begin() as session:
            session.connection(execution_options=store_db.WRITE_TRANSACTION)
            for item in output.items:
                if isinstance(item, Failure):
                    summary.read += item.was_read
                    summary.failed += 1
                    on_error(item.message)
                    continue
                summary.read += 1
                _store(session, item, summary, touched, on_error)
            record_shard(session, shard.key, output.documents, dt.datetime.now(dt.UTC))
    except SQLAlchemyError as err:
        raise StoreError(
            f"{shard.label}: shard not stored ({err.__class__.__name__}: "
            f"{str(getattr(err, 'orig', None) or err).strip().splitlines()[0]}); the shards "
            "before it are kept: check the database and run the same command again"
        ) from err
    for reason, n in output.not_articles.items():
        summary.not_articles[reason] = summary.not_articles.get(reason, 0) + n


def _store(
    session: Session,
    result: DocResult,
    summary: BatchSummary,
    touched: set[int],
    on_error: Callable[[str], None],
) -> None:
    """Store one result inside the shard's transaction and count it as ingest does."""
    try:
        outcome = repo.store_result(session, result)
    except StoreError as exc:
        summary.failed += 1
        on_error(str(exc))
        return
    if not outcome.new and outcome.near_duplicate_of is None:
        summary.duplicates += 1  # the exact text was stored before: ingest skips it unread
        return
    count_stored(result, outcome, summary, touched)


def run_batch(
    paths: Sequence[Path],
    settings: Settings,
    *,
    on_error: Callable[[str], None],
    address: str | None = None,
    workers: int | None = None,
    show_progress: bool = True,
    lines_per_shard: int = LINES_PER_SHARD,
) -> BatchSummary:
    """Ingest every document under `paths` with Ray workers; return what was done."""
    started = time.perf_counter()
    engine = store_db.make_engine(settings.database_url)
    store_db.upgrade(engine)
    sessions = store_db.session_factory(engine)
    plan = plan_shards(paths, lines_per_shard=lines_per_shard)
    summary = BatchSummary(shards=len(plan.shards), skipped=plan.skipped)
    for error in plan.errors:
        summary.failed += 1
        on_error(str(error))
    with sessions() as session:
        done = finished_shards(session, [s.source for s in plan.shards])
    todo = [s for s in plan.shards if s.key not in done]
    summary.shards_done_before = len(plan.shards) - len(todo)
    touched: set[int] = set()
    show = show_progress and settings.progress
    if todo:
        n = workers or (os.cpu_count() or 1)
        with ray_runtime(address, n) as ray, progress_bar(show) as progress:
            cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
            if workers is not None and workers > cpus:  # more actors than CPUs would never start
                log.warning("--workers %d: the Ray cluster has %d CPUs; using %d", n, cpus, cpus)
            n = min(workers or cpus, cpus)
            summary.workers = n
            task = progress.add_task("batch", total=len(todo))
            try:
                for output in _outputs(ray, todo, settings, n, progress=False):
                    shard = todo[output.position]
                    _write_shard(sessions, shard, output, summary, touched, on_error)
                    progress.advance(task)
            except ray.exceptions.RayError as err:
                raise ForcewatchError(
                    f"the Ray run failed ({err.__class__.__name__}: "
                    f"{str(err).strip().splitlines()[0]}); finished shards are recorded: "
                    "run the same command again to resume"
                ) from err
    with sessions() as session:
        summary.incidents = len(repo.live_incident_ids(session, touched))
    summary.not_articles = dict(sorted(summary.not_articles.items()))
    summary.seconds = round(time.perf_counter() - started, 2)
    engine.dispose()
    return summary
