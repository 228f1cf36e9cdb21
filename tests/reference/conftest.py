"""Fixtures for reference-list tests: the store's SQLite/PostgreSQL databases, small CSVs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import (  # noqa: F401 - re-exported fixtures
    db_url,
    engine,
    session,
    sessions,
    sqlite_url,
)

NZ_HEADER = (
    '"Incident.Date","District","Outcome.of.Shots.Fired","Incident.Type","Subject.Weapon",'
    '"Subject.Age","Subject.Sex","Subject.Ethnicity","Link.to.IPCA.Investigation.Public.Report"'
)

#: invented rows in the NZ Police list's layout
NZ_ROWS = [
    '2014-03-02,"Bay of Plenty","Fatal","1D - domestic dispute incident","Rifle; Shotgun",41,"M","Unknown",NA',
    '2014-05-19,"Counties/Manukau","Non-fatal injury","2W - arrest warrant","Airgun - handgun",NA,"M","Unknown",NA',
    '2015-08-30,"Eastern","Miss","1C - car/person acting suspiciously","Shotgun; Vehicle",29,"F","Unknown",NA',
    '2016-01-11,"Auckland","Fatal-cause unconfirmed","1M - mental health","No weapon",NA,NA,"Unknown",NA',
]


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def nz_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "nz-small.csv", NZ_HEADER, NZ_ROWS)
