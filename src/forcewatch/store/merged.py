"""An incident's machine values: its mentions' fields merged (`link/merge.py`), as columns.

Linking writes these to the incident row; the review code shows them as "what the
machine says" beside a curator's value and re-applies decisions on top of them.
"""

from __future__ import annotations

from forcewatch.link.merge import MergedIncident, SourceFacts, merge_fields
from forcewatch.records import PartialDate

from .models import IncidentRow, MentionRow


def source_facts(row: MentionRow) -> SourceFacts:
    """Return a stored mention's field values with their fact confidences."""
    conf = {f.field: f.confidence for f in row.facts}
    values: dict[str, tuple[object, float]] = {}
    for name in conf:
        value = getattr(row, name, None)
        if name == "name_withheld":
            value = bool(row.name_withheld)
        if value is not None:
            values[name] = (value, conf[name])
    if "outcome" not in values:
        values["outcome"] = (row.outcome, row.confidence)
    if "force" not in values:
        values["force"] = (row.force, row.confidence)
    return SourceFacts(row.document_id, row.document.published, row.confidence, values)


def merged_for(rows: list[MentionRow]) -> MergedIncident:
    """Return the merged fields of the given mentions."""
    return merge_fields([source_facts(r) for r in rows])


def incident_values(merged: MergedIncident) -> dict[str, object]:
    """Return the incident columns of merged fields (date with its precision)."""
    out: dict[str, object] = {}
    for name in IncidentRow.__table__.columns.keys():
        if name in merged.fields and name != "date":
            out[name] = merged.value(name)
    out["name_withheld"] = bool(merged.value("name_withheld"))
    out["outcome"] = str(merged.value("outcome") or "unknown")
    out["force"] = str(merged.value("force") or "other")
    date = merged.value("date")
    out["date"] = None if date is None else str(date)
    out["date_precision"] = None if date is None else PartialDate.parse(str(date)).precision.value
    return out


def machine_values(rows: list[MentionRow]) -> dict[str, object]:
    """Return the incident columns the machine gives for these mentions."""
    return incident_values(merged_for(rows))
