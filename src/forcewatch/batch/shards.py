"""Split batch inputs into shards, and read one shard's documents back on a worker.

A shard is a run of lines of a JSON Lines file, or a run of single-document
files (text, HTML) of one input, or one web archive. Shards are planned on the
driver in the order `ingest` reads (inputs as given, folders walked sorted,
lines in order), so writing the shards' results in shard order stores exactly
what a single-process `ingest` would. Each shard carries a fingerprint of its
bytes: a finished shard is recorded under (source, index, fingerprint) and a
rerun skips it unless the input changed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources import ReadStats

# The folder walk and per-file dispatch of `ingest` are reused, not copied: batch must
# read exactly what ingest reads, with the same external ids.
from forcewatch.sources.files import expand_path, read_file
from forcewatch.sources.jsonl import read_line
from forcewatch.sources.read import empty_error, open_error
from forcewatch.text.decode import SNIFF_BYTES, binary_error, looks_binary

#: lines of a JSON Lines file per shard, and single-document files per shard
LINES_PER_SHARD = 500
FILES_PER_SHARD = 200
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Shard:
    """One unit of work: where its documents are and what its bytes hash to."""

    source: str  # the input path as given
    index: int  # position among the shards of `source`
    fingerprint: str  # SHA-256 of the shard's bytes (and file names)
    jsonl: str | None = None  # a JSON Lines file: read lines [first_line, first_line + len)
    first_line: int = 1
    offsets: tuple[int, int] = (0, 0)  # byte range of those lines
    files: tuple[tuple[str, str], ...] = ()  # else: (path, external id) of each file

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.source, self.index, self.fingerprint)

    @property
    def label(self) -> str:
        if self.jsonl is not None:
            return f"{self.jsonl} from line {self.first_line}"
        return f"{self.source} shard {self.index}"


@dataclass
class ShardPlan:
    """The shards of a run, the inputs that could not be planned, and walk counts."""

    shards: list[Shard] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    skipped: int = 0  # entries of folder walks that are not articles (as ingest counts)


@dataclass(frozen=True)
class ShardRead:
    """What a worker read from one shard, in input order."""

    items: tuple[Document | SourceError, ...]
    not_articles: dict[str, int] = field(default_factory=dict)


def _jsonl_shards(
    path: Path, source: str, first_index: int, lines_per_shard: int
) -> Iterator[Shard | SourceError]:
    """Yield the line-range shards of one JSON Lines file, or the error that stops it."""
    try:
        with path.open("rb") as fh:
            if looks_binary(fh.read(SNIFF_BYTES)):
                yield binary_error(path)
                return
            fh.seek(0)
            data = fh.read()
    except OSError as err:
        yield open_error(path, err)
        return
    if not data.strip() or not data.removeprefix(_BOM).strip():
        yield empty_error(path)
        return
    starts = [0]
    pos = data.find(b"\n")
    while pos != -1 and pos + 1 < len(data):
        starts.append(pos + 1)
        pos = data.find(b"\n", pos + 1)
    starts.append(len(data))
    n_lines = len(starts) - 1
    index = first_index
    for first in range(0, n_lines, lines_per_shard):
        last = min(first + lines_per_shard, n_lines)
        chunk = data[starts[first] : starts[last]]
        yield Shard(
            source=source,
            index=index,
            fingerprint=hashlib.sha256(chunk).hexdigest(),
            jsonl=str(path),
            first_line=first + 1,
            offsets=(starts[first], starts[last]),
        )
        index += 1


def _files_shard(source: str, index: int, files: list[tuple[str, str]]) -> Shard | SourceError:
    """Return a shard of whole files, fingerprinted by names and bytes."""
    digest = hashlib.sha256()
    for path, external_id in files:
        digest.update(external_id.encode() + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError as err:
            return open_error(Path(path), err)
    return Shard(source=source, index=index, fingerprint=digest.hexdigest(), files=tuple(files))


def _plan_input(
    given: Path, plan: ShardPlan, stats: ReadStats, lines_per_shard: int, files_per_shard: int
) -> None:
    """Append the shards (or errors) of one input path to `plan`."""
    source = Path(given).as_posix()
    index = 0
    pending: list[tuple[str, str]] = []  # single-document files waiting for a shard

    def flush(index: int) -> int:
        if not pending:
            return index
        shard = _files_shard(source, index, pending)
        (plan.errors if isinstance(shard, SourceError) else plan.shards).append(shard)
        pending.clear()
        return index + 1

    for item in expand_path(Path(given), stats):
        if isinstance(item, SourceError):
            plan.errors.append(item)
            continue
        path, external_id = item
        if path.name.lower().endswith(".jsonl"):
            index = flush(index)
            for shard in _jsonl_shards(path, source, index, lines_per_shard):
                if isinstance(shard, SourceError):
                    plan.errors.append(shard)
                else:
                    plan.shards.append(shard)
                    index = shard.index + 1
            continue
        is_archive = ".warc" in path.name.lower()  # one shard per web archive
        if is_archive:
            index = flush(index)
        pending.append((str(path), external_id))
        if is_archive or len(pending) >= files_per_shard:
            index = flush(index)
    flush(index)


def plan_shards(
    paths: Sequence[Path],
    *,
    lines_per_shard: int = LINES_PER_SHARD,
    files_per_shard: int = FILES_PER_SHARD,
) -> ShardPlan:
    """Return the shards of `paths` in ingest's reading order."""
    plan = ShardPlan()
    stats = ReadStats()
    for given in paths:
        _plan_input(Path(given), plan, stats, lines_per_shard, files_per_shard)
    plan.skipped = stats.skipped
    return plan


def read_shard(shard: Shard) -> ShardRead:
    """Return the documents (and errors) of one shard, as `ingest` would read them."""
    items: list[Document | SourceError] = []
    if shard.jsonl is not None:
        path = Path(shard.jsonl)
        start, end = shard.offsets
        with path.open("rb") as fh:
            fh.seek(start)
            data = fh.read(end - start)
        for lineno, raw in enumerate(data.split(b"\n"), start=shard.first_line):
            if lineno == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw.strip():
                continue
            try:
                items.append(read_line(raw, path, lineno))
            except SourceError as err:
                items.append(err)
        return ShardRead(tuple(items))
    stats = ReadStats()
    for path, external_id in shard.files:
        items.extend(read_file(Path(path), external_id, stats))
    not_articles: Counter[str] = stats.not_articles
    return ShardRead(tuple(items), dict(not_articles))
