"""Read one file's bytes and decode them to clean text, or fail with a SourceError."""

from __future__ import annotations

import logging
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.text.clean import clean_text
from forcewatch.text.decode import decode_bytes

log = logging.getLogger(__name__)

#: the most bytes one article may take (a file, a JSON Lines line, a web archive
#: record): far above any news story, low enough that a hostile or mistaken input
#: (a disk image named .txt, a 1 GB line) is refused without being read into memory
MAX_DOCUMENT_BYTES = 20 * 2**20


def too_large(where: Path | str, size: int | None = None) -> SourceError:
    """Return the SourceError for an input larger than one article can be."""
    shown = f"{size / 2**20:.0f} MB" if size is not None else "more than 20 MB"
    return SourceError(
        f"{where}: {shown}, larger than the {MAX_DOCUMENT_BYTES // 2**20} MB an article can "
        "be; it is not read: split it into articles (one per file or JSON line)"
    )


def open_error(path: Path, err: OSError, kind: str = "file") -> SourceError:
    """Return the SourceError for a file (or folder) the system would not open or read."""
    if isinstance(err, FileNotFoundError):
        return SourceError(f"{path}: no such {kind}; check the path")
    reason = err.strerror or type(err).__name__
    return SourceError(f"{path}: cannot read {kind} ({reason}); check that it is a readable {kind}")


def empty_error(where: Path | str) -> SourceError:
    """Return the SourceError for a file with nothing but whitespace in it."""
    return SourceError(f"{where}: empty file; nothing to read, add text or remove the file")


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes; SourceError if it is missing, unreadable or empty."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise too_large(path, size)
        with path.open("rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)  # a file that grew since the stat
    except OSError as err:
        raise open_error(path, err) from err
    if len(data) > MAX_DOCUMENT_BYTES:
        raise too_large(path)
    if not data or data.isspace():
        raise empty_error(path)
    return data


def finish_text(raw: str, where: Path | str, warnings: list[str]) -> str:
    """Return cleaned text, noting removed NUL bytes in warnings; SourceError if blank."""
    cleaned = clean_text(raw)
    if cleaned.nul_count:
        warnings.append(f"removed {cleaned.nul_count} NUL byte(s)")
    if not cleaned.text:
        raise empty_error(where)
    return cleaned.text


def decode_file(
    data: bytes, path: Path | str, declared: str | None = None
) -> tuple[str, list[str]]:
    """Return (clean text, warnings) for a file's bytes; SourceError if not text or blank."""
    raw, warning = decode_bytes(data, path, declared)
    warnings = [warning] if warning else []
    text = finish_text(raw, path, warnings)
    for message in warnings:
        log.warning("%s: %s", path, message)
    return text, warnings
