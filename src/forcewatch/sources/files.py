"""Walk the given files and folders in sorted order and hand each file to its reader."""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources.html import read_html
from forcewatch.sources.jsonl import iter_jsonl
from forcewatch.sources.read import open_error
from forcewatch.sources.txt import read_txt
from forcewatch.sources.warc import is_warc, iter_warc

log = logging.getLogger(__name__)

Reader = Callable[[Path, str], Document]

#: single-document readers by lowercase file extension
SINGLE_READERS: dict[str, Reader] = {".txt": read_txt, ".html": read_html, ".htm": read_html}
#: every extension read, for messages and the folder walk (web archives: `is_warc`)
SUPPORTED = (*SINGLE_READERS, ".jsonl", ".warc", ".warc.gz")


@dataclass
class ReadStats:
    """Counts the iterator fills in as it reads."""

    files: int = 0  # files opened by a reader
    documents: int = 0
    errors: int = 0
    warnings: int = 0  # documents with at least one warning
    skipped_unsupported: int = 0  # files of other types met in folder walks
    skipped_hidden: int = 0  # hidden files and folders met in folder walks
    skipped_special: int = 0  # symlinked folders, sockets, FIFOs met in folder walks
    not_articles: Counter[str] = field(default_factory=Counter)  # WARC records, by reason

    @property
    def skipped(self) -> int:
        """Entries passed over in folder walks, of any kind."""
        return self.skipped_unsupported + self.skipped_hidden + self.skipped_special


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED or is_warc(path)


def read_file(path: Path, external_id: str, stats: ReadStats) -> Iterator[Document | SourceError]:
    """Yield what one supported file holds."""
    if is_warc(path):
        yield from iter_warc(path, stats.not_articles)
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from iter_jsonl(path)
        return
    try:
        yield SINGLE_READERS[suffix](path, external_id)
    except SourceError as err:
        yield err


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda e: e.name)


def _walk(folder: Path, stats: ReadStats) -> Iterator[Path | SourceError]:
    """Yield the supported, visible files under a folder in sorted order."""
    try:
        entries = _sorted_entries(folder)
    except OSError as err:
        yield open_error(folder, err, kind="folder")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            log.debug("%s: hidden, skipped", path)
            stats.skipped_hidden += 1
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, stats)
        elif not entry.is_file():
            log.debug("%s: not a regular file or is a symlinked folder, skipped", path)
            stats.skipped_special += 1
        elif not _supported(path):
            log.debug("%s: unsupported file type, skipped", path)
            stats.skipped_unsupported += 1
        else:
            yield path


def _folder_id_prefix(folder: Path) -> str:
    """Return the folder's own name: ids are paths relative to the folder's parent."""
    return folder.resolve().name


def expand_path(path: Path, stats: ReadStats) -> Iterator[tuple[Path, str] | SourceError]:
    """Yield (file, external id) pairs for one given path, or errors."""
    if path.is_dir():
        prefix = _folder_id_prefix(path)
        for found in _walk(path, stats):
            if isinstance(found, SourceError):
                yield found
                continue
            rel = found.relative_to(path).as_posix()
            yield found, f"{prefix}/{rel}" if prefix else rel
    elif not path.exists():
        yield SourceError(f"{path}: no such file or folder; check the path")
    elif not path.is_file():
        yield SourceError(f"{path}: not a regular file or folder; pass files or folders only")
    elif not _supported(path):
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        yield SourceError(
            f"{path}: unsupported file type {kind}; "
            f"pass {', '.join(SUPPORTED[:-1])} or {SUPPORTED[-1]} files"
        )
    else:
        yield path, path.as_posix()


def iter_documents(
    paths: Sequence[Path], stats: ReadStats | None = None
) -> Iterator[Document | SourceError]:
    """Yield every document under the given files and folders, and an error for each failure."""
    stats = stats if stats is not None else ReadStats()
    for given in paths:
        for item in expand_path(Path(given), stats):
            if isinstance(item, SourceError):
                stats.errors += 1
                yield item
                continue
            path, external_id = item
            stats.files += 1
            for result in read_file(path, external_id, stats):
                if isinstance(result, SourceError):
                    stats.errors += 1
                    log.debug("%s", result)
                else:
                    stats.documents += 1
                    stats.warnings += bool(result.warnings)
                yield result
