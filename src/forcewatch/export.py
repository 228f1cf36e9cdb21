"""Write exported incidents as CSV, JSON or JSON Lines with the columns of store.export."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from forcewatch.errors import StoreError
from forcewatch.store.export import EXPORT_COLUMN_NAMES, IncidentExport


def render(rows: Sequence[IncidentExport], fmt: str) -> str:
    """Return the rows as text in `fmt` ("csv", "json" or "jsonl")."""
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EXPORT_COLUMN_NAMES, lineterminator="\n")
        writer.writeheader()
        for d in dicts:
            writer.writerow({k: _csv_cell(v) for k, v in d.items()})
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(dicts, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dicts)
    raise ValueError(f"unknown export format {fmt!r}")


#: first characters that make a spreadsheet read a cell as a formula (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """Return a CSV cell; text that a spreadsheet would run as a formula ("=HYPERLINK(..)",
    "+1+cmd|..", "@SUM(..)") gets a leading apostrophe, so it shows as the text it is.
    Numbers are written as numbers (a negative number is not text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_export(rows: Sequence[IncidentExport], fmt: str, output: Path) -> int:
    """Write the rows to `output` ("-" is standard output); return how many were written."""
    text = render(rows, fmt)
    if str(output) == "-":
        sys.stdout.write(text)
        return len(rows)
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise StoreError(
            f"{output}: cannot write the export ({err.strerror}): choose another path"
        ) from err
    return len(rows)
