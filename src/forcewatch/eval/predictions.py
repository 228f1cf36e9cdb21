"""Write what the pipeline predicted, one JSON line per document, in gold field names."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

from forcewatch.errors import EvalError
from forcewatch.records import DocResult

log = logging.getLogger(__name__)


def prediction_line(result: DocResult) -> dict:
    """Return {"id", "relevant", "score", "incidents"} for one document."""
    return {
        "id": result.document.external_id,
        "relevant": result.relevant,
        "score": round(result.score, 4),
        "incidents": [m.to_gold() for m in result.mentions],
    }


def write_predictions(path: Path, results: Sequence[DocResult]) -> None:
    """Write one JSON line per document to `path` (UTF-8), replacing the file."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8") as out:
            for result in results:
                out.write(json.dumps(prediction_line(result), ensure_ascii=False))
                out.write("\n")
    except OSError as err:
        raise EvalError(
            f"{path}: cannot write predictions ({err.strerror}); "
            "check that the folder exists and is writable"
        ) from err
    log.info("wrote %d predictions to %s", len(results), path)
