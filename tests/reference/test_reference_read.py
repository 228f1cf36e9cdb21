"""Reading reference lists: built-in formats, TOML mappings and every kind of bad input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from forcewatch.errors import ConfigError, SourceError
from forcewatch.link.reference_mapping import load_mapping
from forcewatch.link.reference_read import mapping_for, read_reference
from forcewatch.records import PartialDate
from tests.conftest import EXAMPLES

from .conftest import NZ_HEADER, NZ_ROWS, write_csv

WAPO_HEADER = (
    "id,name,date,manner_of_death,armed,age,gender,race,city,state,"
    "signs_of_mental_illness,threat_level,flee,body_camera"
)


def _read(path: Path, fmt: str = "nz-police", mapping: Path | None = None):
    return read_reference(path, fmt, mapping_for(fmt, mapping))


def test_nz_rows_map_into_the_gold_vocabulary(nz_csv):
    result = _read(nz_csv)
    assert (result.list_name, result.rows, len(result.records)) == ("nz-police", 4, 4)
    assert result.problems == [] and result.duplicates == []
    first, second, third, fourth = result.records
    assert first.date == PartialDate(2014, 3, 2) and first.country == "NZ"
    assert (first.outcome, first.force, first.weapon, first.age, first.sex) == (
        "fatal",
        "firearm",
        "firearm",
        41,
        "male",
    )  # "Rifle; Shotgun": two kinds of firearm
    assert (second.region, second.outcome, second.weapon, second.age) == (
        "Counties Manukau", "injured", "replica", None,
    )  # fmt: skip
    assert (third.outcome, third.weapon, third.sex) == ("missed", "shotgun", "female")
    assert (fourth.outcome, fourth.weapon, fourth.sex, fourth.region) == (
        "fatal", "none", None, "Auckland",
    )  # fmt: skip
    assert first.raw["Incident.Type"] == "1D - domestic dispute incident"
    assert [r.row_number for r in result.records] == [1, 2, 3, 4]


def test_missing_columns_name_the_file_and_every_column(tmp_path):
    path = write_csv(tmp_path / "cut.csv", '"Incident.Date","Outcome.of.Shots.Fired"', [])
    with pytest.raises(SourceError) as info:
        _read(path)
    message = str(info.value)
    assert "cut.csv: missing column(s)" in message
    for column in ("'District'", "'Subject.Age'", "'Subject.Sex'", "'Subject.Weapon'"):
        assert column in message


def test_bad_date_skips_the_row_with_its_number_and_column(tmp_path):
    rows = [*NZ_ROWS[:2], 'NA,"Waikato","Fatal","x",NA,30,"M","Unknown",NA', NZ_ROWS[2]]
    result = _read(write_csv(tmp_path / "nz-police-shootings.csv", NZ_HEADER, rows))
    assert len(result.records) == 3
    assert [str(p) for p in result.problems] == [
        "nz-police-shootings.csv row 3: Incident.Date 'NA' is not a date (YYYY-MM-DD); row skipped"
    ]


def test_bad_value_is_left_empty_and_the_row_kept(tmp_path):
    rows = ['2014-03-02,"Waikato","Exploded","x","Spear",thirty,"X","Unknown",NA']
    result = _read(write_csv(tmp_path / "odd.csv", NZ_HEADER, rows))
    (record,) = result.records
    assert (record.outcome, record.weapon, record.age, record.sex) == ("unknown", None, None, None)
    messages = [str(p) for p in result.problems]
    assert messages[0].startswith("odd.csv row 1: Outcome.of.Shots.Fired 'Exploded' is not a known")
    assert any(m.startswith("odd.csv row 1: Subject.Age 'thirty' is not an age") for m in messages)
    assert any("Subject.Weapon 'Spear'" in m and m.endswith("left empty") for m in messages)
    assert any("Subject.Sex 'X'" in m for m in messages)


def test_duplicate_rows_are_reported_and_kept_once(tmp_path):
    rows = [NZ_ROWS[0], NZ_ROWS[1], NZ_ROWS[1], NZ_ROWS[2]]
    result = _read(write_csv(tmp_path / "dup.csv", NZ_HEADER, rows))
    assert len(result.records) == 3
    assert [str(d) for d in result.duplicates] == ["dup.csv row 3 duplicates row 2; kept once"]


def test_wapo_repeated_id_is_a_duplicate(tmp_path):
    rows = [
        "7,Ana Reyes,2016-02-03,shot,toy weapon,27,F,H,Tucson,AZ,False,other,Foot,False",
        "7,Ana Reyes,2016-02-03,shot,toy weapon,28,F,H,Tucson,AZ,False,other,Foot,False",
    ]
    result = _read(write_csv(tmp_path / "w.csv", WAPO_HEADER, rows), fmt="wapo")
    assert [str(d) for d in result.duplicates] == [
        "w.csv row 2 duplicates row 1 (same id 7); kept once"
    ]


def test_wapo_columns_map_to_gold_values(tmp_path):
    rows = [
        "11,Dale Ortiz,2016-02-03,shot and Tasered,unarmed,,M,W,Mesa,AZ,False,other,Car,False",
        "12,Kim Lowe,2016-02-04,shot,toy weapon,33,F,B,Dover,DE,True,attack,Not fleeing,True",
        "13,Roy Park,2016-02-05,shot,crowbar,51,,A,Salem,OR,False,attack,Foot,False",
        "14,Sam Voss,2016-02-06,shot,air conditioner,40,M,W,Reno,NV,False,other,Car,False",
    ]
    recs = _read(write_csv(tmp_path / "w.csv", WAPO_HEADER, rows), fmt="wapo").records
    assert [(r.external_id, r.force, r.weapon, r.outcome) for r in recs] == [
        ("11", "firearm", "none", "fatal"),
        ("12", "firearm", "replica", "fatal"),
        ("13", "firearm", "blunt", "fatal"),
        ("14", "firearm", "other", "fatal"),
    ]
    assert (recs[0].age, recs[0].place, recs[0].region, recs[0].country) == (
        None,
        "Mesa",
        "AZ",
        "US",
    )
    assert (recs[2].sex, recs[1].name) == (None, "Kim Lowe")


def test_generic_csv_with_a_mapping_reads_month_dates_and_fixed_country(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        '[list]\nname = "ombudsman"\ndate_format = ["%d/%m/%Y", "%m/%Y"]\n'
        '[columns]\ndate = "When"\nplace = "Town"\nname = "Person"\noutcome = "Result"\n'
        '[fixed]\ncountry = "AU"\nforce = "firearm"\n'
        '[values.outcome]\n"died" = "fatal"\n"hurt" = "injured"\n',
        encoding="utf-8",
    )
    csv = write_csv(
        tmp_path / "list.csv", "When,Town,Person,Result",
        ["03/04/2019,Dubbo,Lee Hart,died", "11/2019,Orange,,hurt", "2019-12-01,Bourke,,died"],
    )  # fmt: skip
    result = read_reference(csv, "csv", load_mapping(mapping))
    assert result.list_name == "ombudsman"
    assert [(r.date, r.outcome, r.country) for r in result.records] == [
        (PartialDate(2019, 4, 3), "fatal", "AU"),
        (PartialDate(2019, 11), "injured", "AU"),
    ]
    assert [str(p) for p in result.problems] == [
        "list.csv row 3: When '2019-12-01' is not a date (DD/MM/YYYY or MM/YYYY); row skipped"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[columns]\nplace = "Town"\n[fixed]\ncountry = "NZ"\n', "needs date"),
        ('[columns]\ndate = "When"\n', "give the country"),
        ('[columns]\ndate = "When"\nshoe = "x"\n[fixed]\ncountry = "NZ"\n', "shoe: no such field"),
        (
            '[columns]\ndate = "When"\n[fixed]\ncountry = "NZ"\n[values.outcome]\n"died" = "dead"\n',
            "outcome value 'dead' is not in the gold vocabulary",
        ),
        ("[columns\n", "not valid TOML"),
    ],
)
def test_bad_mapping_is_a_config_error_naming_the_file(tmp_path, text, expected):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected) as info:
        load_mapping(path)
    assert str(info.value).startswith(str(path))


def test_csv_format_without_mapping_says_what_to_do():
    with pytest.raises(ConfigError, match="--format csv needs --mapping"):
        mapping_for("csv", None)


def test_real_nz_police_list_imports_every_row(shared_data):
    result = _read(shared_data / "reference" / "nz-police-shootings.csv")
    assert (result.rows, len(result.records), result.problems, result.duplicates) == (
        109,
        109,
        [],
        [],
    )
    by_row = {r.row_number: r for r in result.records}
    assert by_row[1].date == PartialDate(1916, 4, 2) and by_row[1].age is None
    assert by_row[7].weapon == "firearm"  # "Rifle; Shotgun"
    assert by_row[93].region == "Counties Manukau"  # written "Counties/Manukau"
    assert (by_row[52].outcome, by_row[52].weapon, by_row[52].age) == ("fatal", "none", 17)
    assert by_row[100].weapon == "replica" and by_row[100].outcome == "injured"


def test_real_wapo_list_imports_every_row(shared_data):
    result = _read(shared_data / "reference" / "wapo-fatal-police-shootings.csv", fmt="wapo")
    assert (result.rows, len(result.records), result.problems, result.duplicates) == (
        3440,
        3440,
        [],
        [],
    )
    first = result.records[0]
    assert (first.external_id, first.name, first.place, first.region, first.age) == (
        "3", "Tim Elliot", "Shelton", "WA", 53,
    )  # fmt: skip
    assert first.weapon == "firearm" and first.outcome == "fatal"
    assert result.records[2].weapon == "none" and result.records[2].force == "firearm"


def test_wapo_through_the_example_mapping_equals_the_builtin_format(shared_data):
    path = shared_data / "reference" / "wapo-fatal-police-shootings.csv"
    builtin = _read(path, fmt="wapo").records
    mapped = read_reference(path, "csv", load_mapping(EXAMPLES / "reference" / "wapo-mapping.toml"))
    assert mapped.list_name == "wapo-via-mapping"
    assert [replace(r, list_name="wapo") for r in mapped.records] == builtin
