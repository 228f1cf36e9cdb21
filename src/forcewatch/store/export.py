"""Flat incident records for CSV/JSON export, with stable, documented column names.

`EXPORT_COLUMNS` lists every column in output order with its meaning; the
names are a public contract (docs/export.md is written from it): add columns
at the end, never rename or drop one. Empty values are None (an empty CSV
cell). Lists inside one cell are joined as described per column.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("incident_id", "Integer id of the incident in this database."),
    ("status", "Curation status: candidate, confirmed or rejected."),
    ("subject_name", "Name of the person force was used against; empty if not named."),
    ("name_withheld", "true when a source says the name is withheld or suppressed."),
    ("subject_age", "Age in years, as reported; empty if not given."),
    ("subject_sex", "male or female; empty if not told."),
    ("outcome", "fatal, injured, missed or unknown."),
    ("force", "firearm, taser, restraint, vehicle, dog or other."),
    ("date", "Incident date as ISO partial date: YYYY-MM-DD, YYYY-MM or YYYY."),
    ("date_precision", "day, month or year: how much of `date` is known; empty if no date."),
    ("place", "Town, city or suburb as written in the source."),
    ("region", "State, region or police district (US states as two-letter codes)."),
    ("country", "ISO 3166-1 alpha-2 country code."),
    ("agency", "Law-enforcement body whose officers used force."),
    (
        "subject_weapon",
        "firearm, rifle, shotgun, handgun, replica, knife, blunt, vehicle, other or none.",
    ),
    ("officers_fired", "Number of officers who fired; empty if not told."),
    (
        "investigations",
        'Investigations as "body|kind|finding" joined by "; " (finding empty if none; '
        '"|" and ";" inside a body become "/" and ",").',
    ),
    ("confidence", "Extraction confidence 0..1 (the best supporting mention)."),
    ("source_ids", 'External ids of the source documents, joined by " ".'),
    ("source_urls", 'URLs of the source documents and their near-duplicate copies, joined by " ".'),
)

#: the column names alone, in output order
EXPORT_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in EXPORT_COLUMNS)


@dataclass(frozen=True)
class IncidentExport:
    """One exported incident; field names and order equal `EXPORT_COLUMN_NAMES`."""

    incident_id: int
    status: str
    subject_name: str | None
    name_withheld: bool
    subject_age: int | None
    subject_sex: str | None
    outcome: str
    force: str
    date: str | None
    date_precision: str | None
    place: str | None
    region: str | None
    country: str | None
    agency: str | None
    subject_weapon: str | None
    officers_fired: int | None
    investigations: str
    confidence: float
    source_ids: str
    source_urls: str

    def as_dict(self) -> dict[str, str | int | float | bool | None]:
        """Return the columns by name, in `EXPORT_COLUMN_NAMES` order."""
        return dict(zip(EXPORT_COLUMN_NAMES, astuple(self), strict=True))


def investigations_cell(items: list[tuple[str, str, str | None]]) -> str:
    """Return (body, kind, finding) triples as "body|kind|finding; ..."."""
    return "; ".join(f"{_cell_part(body)}|{kind}|{finding or ''}" for body, kind, finding in items)


def _cell_part(text: str) -> str:
    """Return `text` with the separators "|" and ";" replaced by "/" and ","."""
    return text.replace("|", "/").replace(";", ",")
