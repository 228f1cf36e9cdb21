"""Helpers of the crash tests: run a forcewatch command in a child process, kill it with
SIGKILL at a seeded point, check the store holds no half-written rows.

The child is forked from the test process after the spaCy model is loaded, so a kill
cycle costs the work done before the kill, not a fresh interpreter and model load
(~5 s). The child runs the real command line (`forcewatch.cli.app`) on its own
engine and connections; SIGKILL gives it no chance to clean up, as in a power cut.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine

from forcewatch.store.models import DocumentRow, MentionRow

#: longest a child may run before the test gives up on it (seconds)
CHILD_TIMEOUT = 180.0


def fork_command(args: Sequence[str], log: str | None = None) -> int:
    """Start `forcewatch ARGS` in a forked child; return its pid. Its output is silenced,
    or its stderr goes to the file `log`."""
    pid = os.fork()
    if pid != 0:
        try:
            os.setpgid(pid, pid)  # also here: the child may not have run yet
        except OSError:
            pass
        return pid
    code = 70
    try:  # the child: never return into pytest
        os.setpgid(0, 0)  # its own process group, killed as one
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if log else devnull, 2)
        # pytest captures sys.stdout/err in memory: write to the real descriptors again
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        import logging

        logging.root.handlers.clear()  # pytest's capture handler: the CLI sets its own
        from forcewatch.cli import app

        try:
            app(list(args), prog_name="forcewatch")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def wait_child(pid: int, timeout: float = CHILD_TIMEOUT) -> int:
    """Wait for a child to end; return its exit code (negative: killed by that signal)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"child {pid} ran longer than {timeout:.0f} s")


@dataclass
class KillLog:
    """What a series of kills did."""

    kills: int = 0  # children killed with SIGKILL while working
    finished: int = 0  # children that ended before their kill point
    lost: int = 0  # documents stored before a kill and missing after it
    points: list[tuple[int, float]] = field(default_factory=list)  # (documents, delay)


def kill_at_points(
    start: Callable[[], int],
    progress: Callable[[], int],
    *,
    kills: int,
    seed: int,
    total: int,
    step: tuple[int, int] = (0, 2),
    max_delay: float = 0.05,
) -> KillLog:
    """Start a run (`start()` returns its pid, the leader of its own process group)
    again and again, SIGKILLing each run's process group at a seeded point.

    A kill point is "once `progress()` (a count of stored units: documents, shards)
    has grown by a random 0..2 since the run started, plus a random 0..`max_delay`
    seconds", so kills land during start-up, between units and inside a unit's
    transaction. Stops after `kills` kills, or when progress reaches `total`.
    """
    rng = random.Random(seed)
    log = KillLog()
    while log.kills < kills:
        before = progress()
        if before >= total:
            break
        goal = before + rng.randint(*step)
        delay = rng.uniform(0.0, max_delay)
        pid = start()
        deadline = time.monotonic() + CHILD_TIMEOUT
        ended = False
        while progress() < goal:
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                ended = True
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        if ended:
            log.finished += 1
            continue
        time.sleep(delay)
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        log.kills += 1
        log.points.append((goal, round(delay, 3)))
        log.lost += max(0, before - progress())
    return log


class Store:
    """A read-only view of a store for the crash checks, with one engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(url)

    def close(self) -> None:
        self.engine.dispose()

    def count(self, model: type) -> int:
        try:
            with self.engine.connect() as conn:
                return conn.scalar(select(func.count()).select_from(model)) or 0
        except Exception:  # noqa: BLE001 - not migrated yet, or locked for a moment
            return 0

    def documents(self) -> int:
        return self.count(DocumentRow)

    def half_written(self) -> list[str]:
        """Return what breaks the store's invariants: rows a crash left half-written."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                check = conn.execute(text("PRAGMA integrity_check")).scalar()
                if check != "ok":
                    problems.append(f"integrity_check: {check}")
                bad_fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if bad_fk:
                    problems.append(f"foreign_key_check: {len(bad_fk)} rows")
            orphans = conn.scalar(
                select(func.count()).select_from(MentionRow).where(MentionRow.incident_id.is_(None))
            )
            if orphans:
                problems.append(f"{orphans} mentions without an incident")
            # a relevant document is stored with its mentions, a mention with its facts,
            # in one transaction
            bare_docs = conn.scalar(
                text(
                    "SELECT count(*) FROM documents d WHERE d.relevant AND NOT EXISTS "
                    "(SELECT 1 FROM mentions m WHERE m.document_id = d.id)"
                )
            )
            if bare_docs:
                problems.append(f"{bare_docs} relevant documents without their mentions")
            bare_mentions = conn.scalar(
                text(
                    "SELECT count(*) FROM mentions m WHERE NOT EXISTS "
                    "(SELECT 1 FROM facts f WHERE f.mention_id = m.id)"
                )
            )
            if bare_mentions:
                problems.append(f"{bare_mentions} mentions without their facts")
        return problems
