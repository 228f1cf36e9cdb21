"""`forcewatch serve` and `forcewatch user ...`: run the web app, manage its accounts.

A thin shell over web/app.py and store/users.py, following cli.py's
conventions: exit 0 all good, 1 something failed (named on stderr), 2 a usage
error. The web dependencies are imported only when these commands run, so the
rest of the CLI works without the `web` extra.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from forcewatch.cli import DbOption, JsonOption, _errors_exit, _fail, _settings, err, out
from forcewatch.errors import ForcewatchError

user_app = typer.Typer(help="Manage the curators and admins of the web app.", no_args_is_help=True)


def _need_web() -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        _fail("the web app needs its extra: pip install 'forcewatch[web]'", code=1)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the JSON API, the curator pages and the public dashboard.

    Set FORCEWATCH_SESSION_SECRET so sign-ins survive a restart, and
    FORCEWATCH_COOKIE_SECURE=true behind HTTPS. See docs/web.md.
    """
    _need_web()
    settings = _settings(db)
    import uvicorn

    from forcewatch.web.app import create_app

    with _errors_exit():
        app = create_app(settings)
    err.print(f"serving {settings.database_url} on http://{host}:{port}/", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="info")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Sign-in name (letters, digits, . _ @ -).")],
    role: Annotated[
        str, typer.Option(help="curator (reviews incidents) or admin.", case_sensitive=False)
    ] = "curator",
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from standard input (scripts)."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a web user (or set a new password and role); the password is stored hashed.

    The password is asked twice at a prompt, or read from the first line of
    standard input with --password-stdin. At least 8 characters.
    """
    if role.lower() not in ("curator", "admin"):
        raise typer.BadParameter(f"{role!r}: use curator or admin", param_hint="--role")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    settings = _settings(db)
    from forcewatch.store import db as store_db
    from forcewatch.store.users import add_user

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.upgrade(engine)
        with store_db.session_factory(engine)() as session:
            try:
                user = add_user(session, name, role.lower(), password, settings)
            except ForcewatchError as exc:
                _fail(str(exc), code=2)
                return
            session.commit()
    err.print(f"user {user.name} ({user.role}) saved", markup=False)


@user_app.command("list")
def user_list(db: DbOption = None, json_out: JsonOption = False) -> None:
    """List the web users and their roles."""
    settings = _settings(db)
    from forcewatch.store import db as store_db
    from forcewatch.store.users import list_users

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.check_current(engine)
        with store_db.session_factory(engine)() as session:
            users = list_users(session)
    if json_out:
        out.print_json(json.dumps([{"id": u.id, "name": u.name, "role": u.role} for u in users]))
        return
    for u in users:
        typer.echo(f"{u.name}\t{u.role}")
