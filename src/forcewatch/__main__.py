"""`python -m forcewatch ...` runs the `forcewatch` command."""

from forcewatch.cli import app

app(prog_name="forcewatch")
