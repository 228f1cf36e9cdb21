"""The Ray Data actor: reads a shard and runs the pipeline on each document.

One `ShardWorker` per worker process holds a `Pipeline`, so the spaCy model is
loaded once per worker; `Pipeline.process` runs the cheap detector first and
parses only the candidates. Results travel back to the driver pickled, one
`ShardOutput` per shard, because Ray Data columns hold bytes more reliably than
nested records. Nothing here touches the database: the driver writes.
"""

from __future__ import annotations

import logging
import pickle
from dataclasses import dataclass, field

import numpy as np

from forcewatch.config import Settings
from forcewatch.errors import ForcewatchError, SourceError
from forcewatch.pipeline import Pipeline
from forcewatch.records import DocResult

from .shards import Shard, read_shard

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """A file, line or document that could not be read or analysed, with its message."""

    message: str
    was_read: bool  # True when a document was read but its analysis failed


@dataclass(frozen=True)
class ShardOutput:
    """What one shard gave: results and failures in input order, plus skip counts."""

    position: int  # the shard's position in the run's list of shards to do
    items: tuple[DocResult | Failure, ...]
    not_articles: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return sum(isinstance(i, DocResult) or i.was_read for i in self.items)


def encode_shards(shards: list[Shard]) -> list[dict[str, object]]:
    """Return the Ray Data rows of the shards to do: their position and the pickled shard."""
    return [{"position": i, "shard": pickle.dumps(s)} for i, s in enumerate(shards)]


def analyse_shard(pipeline: Pipeline, shard: Shard, position: int) -> ShardOutput:
    """Return what the pipeline makes of every document of one shard."""
    read = read_shard(shard)
    items: list[DocResult | Failure] = []
    for item in read.items:
        if isinstance(item, SourceError):
            items.append(Failure(str(item), was_read=False))
            continue
        try:
            items.append(pipeline.process(item))
        except ForcewatchError as exc:
            items.append(Failure(str(exc), was_read=True))
    return ShardOutput(position, tuple(items), read.not_articles)


class ShardWorker:
    """Callable class for `Dataset.map_batches`: one Pipeline (one spaCy model) per actor."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)
        _ = self.pipeline.nlp  # load the model now, once, not inside the first shard

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        outputs = [
            pickle.dumps(analyse_shard(self.pipeline, pickle.loads(blob), int(position)))
            for position, blob in zip(batch["position"], batch["shard"], strict=True)
        ]
        return {
            "position": np.asarray(batch["position"]),
            "output": np.array(outputs, dtype=object),
        }
