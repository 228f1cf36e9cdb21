"""`forcewatch feeds add|list|remove` and `forcewatch poll`: follow news feeds.

A thin shell over store/feeds.py and sources/poll.py, following cli.py's
conventions: exit 0 all good, 1 something failed (each failure named on one
stderr line: the feed, the URL and why), 2 a usage error.
"""

from __future__ import annotations

import json
import re
import time
from typing import Annotated

import typer

from forcewatch.cli import DbOption, JsonOption, _errors_exit, _fail, _settings, err, out
from forcewatch.config import Settings
from forcewatch.store.feeds import FeedView

feeds_app = typer.Typer(
    help="Follow RSS and Atom feeds: `forcewatch poll` ingests their new pages.",
    no_args_is_help=True,
)

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Return seconds for "90", "30s", "15m", "2h" or "1d"; ValueError otherwise."""
    m = _EVERY.match(value.lower())
    if m is None or float(m.group(1)) <= 0:
        raise ValueError(value)
    return float(m.group(1)) * _UNIT_SECONDS[m.group(2)]


def _sessions(settings: Settings):
    from forcewatch.store import db as store_db

    engine = store_db.make_engine(settings.database_url)
    store_db.upgrade(engine)
    return store_db.session_factory(engine)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's URL (RSS or Atom).", metavar="URL")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="A short name; default the URL's host and path."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Follow a feed. Nothing is fetched until `forcewatch poll`."""
    from forcewatch.store.feeds import add_feed

    settings = _settings(db)
    with _errors_exit():
        with _sessions(settings).begin() as session:
            feed = add_feed(session, url, name)
    err.print(f"following {feed.name!r} ({feed.url})", markup=False)


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "never"


def health_line(feed: FeedView) -> str:
    """Return one line on a feed's health: last success, last error, items seen, new documents."""
    line = (
        f"last success {_when(feed.last_success_at)}; items seen {feed.items_seen}; "
        f"new documents {feed.new_documents}"
    )
    if feed.last_error is not None:
        line += f"; last error {_when(feed.last_error_at)}: {feed.last_error}"
    return line


@feeds_app.command("list")
def feeds_list(db: DbOption = None, json_out: JsonOption = False) -> None:
    """List the followed feeds with their health."""
    from forcewatch.store.feeds import list_feeds

    settings = _settings(db)
    with _errors_exit():
        with _sessions(settings)() as session:
            feeds = list_feeds(session)
    if json_out:
        rows = [{k: _plain(v) for k, v in f.__dict__.items()} for f in feeds]
        out.print_json(json.dumps(rows))
        return
    if not feeds:
        err.print("no feeds followed; add one with `forcewatch feeds add URL`", markup=False)
        return
    for feed in feeds:  # plain lines, not a table: URLs and errors are long
        out.print(f"{feed.name}  {feed.url}\n  {health_line(feed)}", markup=False)


def _plain(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


@feeds_app.command("remove")
def feeds_remove(
    feed: Annotated[str, typer.Argument(help="The feed's name or URL.", metavar="NAME|URL")],
    db: DbOption = None,
) -> None:
    """Stop following a feed. The documents it brought in stay."""
    from forcewatch.store.feeds import remove_feed

    settings = _settings(db)
    with _errors_exit():
        with _sessions(settings).begin() as session:
            removed = remove_feed(session, feed)
    err.print(f"no longer following {removed.name!r} ({removed.url})", markup=False)


def _report(message: str) -> None:
    err.print(f"error: {message}", markup=False)


def _print_round(summary) -> None:
    s = summary.ingest
    reasons = ", ".join(f"{k} {n}" for k, n in s.not_articles.items())
    err.print(
        f"feeds {summary.feeds} ({summary.not_modified} not modified, "
        f"{summary.feeds_failed} failed), items {summary.items} ({summary.known} known), "
        f"pages fetched {summary.fetched}, new {s.new}, duplicates {s.duplicates}, "
        f"relevant {s.relevant}, incidents {s.incidents}, failed {summary.failed}"
        + (f", not articles {sum(s.not_articles.values())} ({reasons})" if reasons else ""),
        markup=False,
    )


def poll(
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then stop.")] = False,
    every: Annotated[
        str | None,
        typer.Option("--every", help="Poll again after this long, e.g. 15m, 1h (default 15m)."),
    ] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Fetch the followed feeds and ingest their new pages; repeat until Ctrl-C.

    Polite: conditional GET, robots.txt, a delay between requests to one host,
    retries with backoff. A page already stored (same URL or same text) is not
    stored twice. Exit 1 when anything failed in the last round.
    """
    from forcewatch.sources.poll import poll_round

    if once and every is not None:
        _fail("give --once or --every, not both", code=2)
    try:
        interval = parse_every(every or "15m")
    except ValueError:
        _fail(f"--every {every!r}: give a duration such as 90s, 15m or 2h", code=2)
    settings = _settings(db)
    failed = 0
    try:
        with _errors_exit():
            sessions = _sessions(settings)
            while True:
                summary = poll_round(settings, sessions, on_error=_report)
                failed = summary.failed
                if json_out:
                    out.print_json(json.dumps(summary.as_dict()))
                else:
                    _print_round(summary)
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        err.print("stopped", markup=False)
    if failed:
        raise typer.Exit(1)
