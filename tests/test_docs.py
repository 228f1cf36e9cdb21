"""The docs tell the truth: help on every command, generated docs current, examples that run."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.store.export import EXPORT_COLUMN_NAMES
from tests.conftest import EXAMPLES, ROOT

DOCS = ROOT / "docs"
SCRIPT = ROOT / "scripts" / "gen_cli_docs.py"


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
COMMANDS = list(gen.iter_commands())
COMMANDS_BY_PATH = {info.path: info.command for info in COMMANDS}
PARAMS = [(info, param) for info in COMMANDS for param in info.command.params]


# ---------------------------------------------------------------- help texts


def test_the_app_has_the_documented_commands():
    paths = {" ".join(p) for p in COMMANDS_BY_PATH}
    assert {"ingest", "incidents", "show", "export", "eval", "db", "db upgrade"} <= paths


@pytest.mark.parametrize("info", COMMANDS, ids=lambda i: i.name)
def test_every_command_has_help(info):
    text = (info.command.help or "").strip()
    assert len(text) >= 10, f"`{info.name}` has no help text: give it a docstring or help="


@pytest.mark.parametrize(("info", "param"), PARAMS, ids=[f"{i.name} {p.name}" for i, p in PARAMS])
def test_every_option_and_argument_has_help(info, param):
    text = (getattr(param, "help", None) or "").strip()
    assert text, f"`{info.name}`: {param.name} has no help: pass help= to its Option or Argument"


# ---------------------------------------------------------------- generated docs


def test_cli_md_is_up_to_date():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("info", COMMANDS, ids=lambda i: i.name)
def test_cli_md_has_a_section_with_the_help_of_each_command(info):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"\n## {info.name}\n" in text
    assert f"Usage: {info.name} [OPTIONS]" in text


def test_cli_md_has_no_box_drawing_or_ansi():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert re.findall(r"[\u2500-\u257f\x1b]", text) == []


def test_check_mode_fails_on_a_stale_doc_and_passes_once_regenerated(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    cli_md = docs / "cli.md"
    cli_md.write_text(cli_md.read_text(encoding="utf-8") + "stale\n", encoding="utf-8")
    export_md = docs / "export.md"
    export_md.write_text(
        export_md.read_text(encoding="utf-8").replace("| `confidence` |", "| `conf` |"),
        encoding="utf-8",
    )
    assert gen.run(docs, check=True) == 1
    assert cli_md.read_text(encoding="utf-8").endswith("stale\n")  # check never writes
    assert gen.run(docs, check=False) == 0
    assert gen.run(docs, check=True) == 0
    assert cli_md.read_text(encoding="utf-8") == (DOCS / "cli.md").read_text(encoding="utf-8")
    assert "| `confidence` |" in export_md.read_text(encoding="utf-8")


def test_check_mode_names_a_missing_marker(tmp_path, caplog):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    export_md = docs / "export.md"
    export_md.write_text(
        export_md.read_text(encoding="utf-8").replace("<!-- columns:end -->", ""),
        encoding="utf-8",
    )
    assert gen.run(docs, check=True) == 1
    assert "export.md: no '<!-- columns:start -->' ... '<!-- columns:end -->' block" in caplog.text


def test_plain_help_turns_panels_into_titled_blocks():
    raw = (
        "                    \n Usage: x [OPTIONS]   \n\n"
        "╭─ Options ───────╮\n│ --db   <str>  Database URL. │\n╰─────────────────╯\n"
    )
    assert gen.plain_help(raw) == "Usage: x [OPTIONS]\n\nOptions:\n  --db   <str>  Database URL.\n"


# ---------------------------------------------------------------- export columns


def _export_table_names() -> list[str]:
    text = (DOCS / "export.md").read_text(encoding="utf-8")
    return re.findall(r"^\| \d+ \| `([a-z_]+)` \|", text, flags=re.MULTILINE)


@pytest.mark.parametrize("column", EXPORT_COLUMN_NAMES)
def test_export_md_documents_every_column(column):
    assert column in _export_table_names()


def test_export_md_lists_the_columns_in_output_order_with_the_csv_header():
    text = (DOCS / "export.md").read_text(encoding="utf-8")
    assert _export_table_names() == list(EXPORT_COLUMN_NAMES)
    assert "\n" + ",".join(EXPORT_COLUMN_NAMES) + "\n" in text


# ---------------------------------------------------------------- command lines in prose


def _code_texts(markdown: str) -> list[str]:
    """Return each line of fenced code and each inline code span."""
    texts: list[str] = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL):
        texts += block.splitlines()
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    texts += re.findall(r"`([^`\n]+)`", prose)
    return texts


def command_lines(markdown: str) -> list[str]:
    """Return every `forcewatch ...` command line shown in code in a Markdown text."""
    lines = []
    for text in _code_texts(markdown):
        for segment in re.split(r"&&|(?<!\\)\||;|>|<|#", text):
            segment = segment.strip()
            if re.match(r"forcewatch(\s|$)", segment):
                lines.append(segment)
    return lines


def _options(command) -> set[str]:
    names = {"--help"}
    for param in command.params:
        names |= set(param.opts) | set(getattr(param, "secondary_opts", ()))
    return names


def unknown_words(line: str) -> list[str]:
    """Return the commands and options of a command line the app does not have."""
    command, path, bad = COMMANDS_BY_PATH[()], (), []
    for token in line.split()[1:]:
        option = re.match(r"\[?(--?[A-Za-z][\w-]*)", token)
        if option:
            if option.group(1) not in _options(command):
                bad.append(
                    f"{option.group(1)} (not an option of {' '.join(('forcewatch', *path))})"
                )
        elif hasattr(command, "list_commands"):
            if (*path, token) not in COMMANDS_BY_PATH:
                bad.append(f"{token} (not a command)")
                break
            path = (*path, token)
            command = COMMANDS_BY_PATH[path]
    return bad


PROSE = ["README.md", "CHANGELOG.md", "docs/export.md", "docs/evidence.md", "docs/architecture.md"]
LINES = [(name, line) for name in PROSE for line in command_lines((ROOT / name).read_text())]


@pytest.mark.parametrize(("doc", "line"), LINES, ids=[f"{d}: {x}" for d, x in LINES])
def test_command_lines_in_docs_name_real_commands_and_options(doc, line):
    assert unknown_words(line) == []


def test_readme_shows_every_command():
    shown = {" ".join(line.split()[1:3]) for _, line in LINES if _ == "README.md"}
    firsts = {s.split()[0] for s in shown if s}
    assert {"ingest", "incidents", "show", "export", "eval", "db"} <= firsts
    assert "db upgrade" in shown


def test_unknown_words_reports_a_made_up_command_and_option():
    assert unknown_words("forcewatch frobnicate x") == ["frobnicate (not a command)"]
    assert unknown_words("forcewatch incidents [--colour red]") == [
        "--colour (not an option of forcewatch incidents)"
    ]
    assert unknown_words("forcewatch db upgrade --db sqlite:///x.db") == []


@pytest.mark.parametrize("doc", [*PROSE, "docs/cli.md"])
def test_relative_links_point_at_files(doc):
    path = ROOT / doc
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8"))
    local = [t for t in targets if "://" not in t]
    assert [t for t in local if not (path.parent / t).exists()] == []


# ---------------------------------------------------------------- SQL in docs/evidence.md


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    """Return a SQLite file filled by `forcewatch ingest examples/`."""
    db = tmp_path_factory.mktemp("docs") / "examples.db"
    result = CliRunner().invoke(
        app, ["ingest", str(EXAMPLES), "--db", f"sqlite:///{db}", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    return db


def _evidence_sql() -> list[str]:
    text = (DOCS / "evidence.md").read_text(encoding="utf-8")
    return re.findall(r"^```sql\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


def _show_json(db: Path, incident_id: int) -> dict:
    import json

    result = CliRunner().invoke(
        app, ["show", str(incident_id), "--db", f"sqlite:///{db}", "--json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_evidence_md_has_the_facts_and_investigations_queries():
    queries = _evidence_sql()
    assert len(queries) == 2
    assert "JOIN facts" in queries[0] and "JOIN investigations" in queries[1]


def test_facts_query_prints_each_fact_with_the_sentence_show_prints(examples_db):
    with sqlite3.connect(examples_db) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(_evidence_sql()[0]).fetchall()
    detail = _show_json(examples_db, 1)
    expected = sorted(
        (f["name"], ev["start"], ev["end"], ev["text"])
        for f in detail["fields"]
        for ev in f["evidence"]
    )
    got = sorted((r["field"], r["start_char"], r["end_char"], r["sentence"]) for r in rows)
    assert len(got) >= 5
    assert got == expected
    values = {f["name"]: f["value"] for f in detail["fields"]}
    assert {r["field"]: r["value"] for r in rows}["outcome"] == values["outcome"]


def test_investigations_query_prints_each_body_with_its_sentence(examples_db):
    with sqlite3.connect(examples_db) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(_evidence_sql()[1]).fetchall()
    detail = _show_json(examples_db, 1)
    expected = [
        (i["body"], i["kind"], i["finding"], i["evidence"]["text"])
        for i in detail["investigations"]
    ]
    assert len(expected) >= 1
    assert [(r["body"], r["kind"], r["finding"], r["sentence"]) for r in rows] == expected
