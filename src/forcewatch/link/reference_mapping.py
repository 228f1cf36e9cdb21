"""How the columns of a reference-list CSV map onto record fields, read from TOML.

One `ColumnMapping` describes a list format: which source column gives each
field, the value maps into the gold vocabulary, the date format, the markers
of a missing value and a fixed country. The built-in formats (`nz-police`,
`wapo`) are TOML files in `link/patterns/`; `--format csv --mapping MAP.toml`
reads the user's own file with the same keys (docs/reference.md).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from forcewatch.errors import ConfigError
from forcewatch.records import Force, Outcome, Weapon

#: the record fields a mapping can name a source column for
FIELDS = (
    "external_id",
    "name",
    "date",
    "place",
    "region",
    "country",
    "outcome",
    "force",
    "age",
    "sex",
    "weapon",
)

#: the gold vocabulary of each vocabulary field; other fields are free text
VOCABULARIES: dict[str, frozenset[str]] = {
    "outcome": frozenset(Outcome),
    "force": frozenset(Force),
    "weapon": frozenset(Weapon),
    "sex": frozenset(("male", "female")),
}

#: a value-map key that stands for every value the map does not name
WILDCARD = "*"

BUILTIN = {"nz-police": "nz_police.toml", "wapo": "wapo.toml"}


@dataclass(frozen=True)
class ColumnMapping:
    """One list format: source columns, value maps, date formats, fixed values.

    `values[field]` maps a source value (case-folded, trimmed) to a gold value;
    the empty string as a target means "no value". `split[field]` is a
    separator for multi-valued cells ("Rifle; Shotgun").
    """

    source: str  # the TOML file (or built-in name) this came from, for messages
    columns: dict[str, str]
    fixed: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    split: dict[str, str] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    na: frozenset[str] = frozenset(("", "na", "n/a"))
    default_name: str | None = None

    def column(self, name: str) -> str | None:
        """Return the source column of field `name`, or None when it is not mapped."""
        return self.columns.get(name)

    def required_columns(self) -> list[str]:
        """Return every source column the mapping reads, in field order."""
        return [self.columns[f] for f in FIELDS if f in self.columns]


def builtin_mapping(fmt: str) -> ColumnMapping:
    """Return the mapping of a built-in format ("nz-police" or "wapo")."""
    try:
        filename = BUILTIN[fmt]
    except KeyError:
        raise ConfigError(
            f"unknown reference format {fmt!r}: use nz-police, wapo, or csv with --mapping"
        ) from None
    text = resources.files("forcewatch.link.patterns").joinpath(filename).read_text("utf-8")
    return parse_mapping(tomllib.loads(text), source=f"built-in format {fmt}")


def load_mapping(path: Path) -> ColumnMapping:
    """Read a mapping TOML file; raise ConfigError naming the file and the bad key."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the mapping file ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err
    return parse_mapping(data, source=str(path))


def parse_mapping(data: dict, source: str) -> ColumnMapping:
    """Validate the TOML tables `[list]`, `[columns]`, `[fixed]`, `[values.*]`, `[split]`."""
    unknown = sorted(set(data) - {"list", "columns", "fixed", "values", "split"})
    if unknown:
        raise ConfigError(
            f"{source}: unknown table(s) {', '.join(unknown)}; "
            "use [list], [columns], [fixed], [values.FIELD] and [split]"
        )
    columns = _field_table(data.get("columns", {}), "columns", source)
    fixed = _field_table(data.get("fixed", {}), "fixed", source)
    split = _field_table(data.get("split", {}), "split", source)
    both = sorted(set(columns) & set(fixed))
    if both:
        raise ConfigError(f"{source}: {', '.join(both)} in both [columns] and [fixed]; keep one")
    if "date" not in columns:
        raise ConfigError(f'{source}: [columns] needs date = "SOURCE COLUMN"')
    if "country" not in columns and "country" not in fixed:
        raise ConfigError(
            f'{source}: give the country, e.g. [fixed] country = "NZ" (ISO code), '
            'or [columns] country = "SOURCE COLUMN"'
        )
    values = {}
    for name, table in data.get("values", {}).items():
        if name not in FIELDS:
            raise ConfigError(f"{source}: [values.{name}]: no such field; fields: {_fields()}")
        if not isinstance(table, dict):
            raise ConfigError(f'{source}: [values.{name}] must be a table of "from" = "to"')
        values[name] = {_key(k): _target(v, name, source) for k, v in table.items()}
    for name, value in fixed.items():
        _target(value, name, source)
    meta = data.get("list", {})
    formats = meta.get("date_format", "%Y-%m-%d")
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    if not formats or not all(isinstance(f, str) and "%Y" in f for f in formats):
        raise ConfigError(f"{source}: [list] date_format must be strptime formats with %Y")
    na = meta.get("na", ["", "NA", "N/A"])
    return ColumnMapping(
        source=source,
        columns=columns,
        fixed={k: v.strip() for k, v in fixed.items()},
        values=values,
        split=split,
        date_formats=formats,
        na=frozenset(_key(x) for x in na),
        default_name=meta.get("name"),
    )


def _fields() -> str:
    return ", ".join(FIELDS)


def _key(value: str) -> str:
    return " ".join(str(value).casefold().split())


def _field_table(table: object, name: str, source: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [{name}] must be a table")
    bad = sorted(k for k in table if k not in FIELDS)
    if bad:
        raise ConfigError(
            f"{source}: [{name}] {', '.join(bad)}: no such field; fields: {_fields()}"
        )
    for key, value in table.items():
        if not isinstance(value, str) or (name != "fixed" and not value):
            raise ConfigError(f"{source}: [{name}] {key} must be a non-empty string")
    return dict(table)


def _target(value: object, name: str, source: str) -> str:
    """Check a mapped value is in the field's gold vocabulary ("" means no value)."""
    if not isinstance(value, str):
        raise ConfigError(f"{source}: [values.{name}] values must be strings, got {value!r}")
    vocab = VOCABULARIES.get(name)
    if vocab is not None and value and value not in vocab:
        raise ConfigError(
            f"{source}: {name} value {value!r} is not in the gold vocabulary: "
            f"{', '.join(sorted(vocab))}"
        )
    return value
