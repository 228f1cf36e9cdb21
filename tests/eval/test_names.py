"""Subject-name normalisation used to compare names."""

import pytest

from forcewatch.eval.names import fold, normalise_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pera Smiler", "pera smiler"),
        ("Pera J. Smiler Jr", "pera smiler"),
        ("PERA SMILER", "pera smiler"),
        ("  Pera   Smiler ", "pera smiler"),
        ("José Álvarez", "jose alvarez"),
        ("Mr. José Álvarez", "jose alvarez"),
        ("Constable Aroha Tane", "aroha tane"),
        ("Victor Tane III", "victor tane"),
        ("Dion Marsh, Sr.", "dion marsh"),
        ("Rosa Elena Flores-Lopez", "rosa flores-lopez"),
        ("Maria de la Cruz", "maria de la cruz"),
        ("Liam O’Connell", "liam o'connell"),
        ('John "Jacko" Reid', "john reid"),
        ("Tom Reid aka Tommo", "tom reid"),
        ("S Rajan", "s rajan"),
        ("S. Rajan", "s rajan"),
        ("Shortland", "shortland"),
        ("", ""),
    ],
)
def test_normalise_name_drops_titles_middle_names_suffixes_and_accents(name, expected):
    assert normalise_name(name) == expected


def test_middle_initial_and_suffix_match_plain_name():
    assert normalise_name("Pera J. Smiler Jr") == normalise_name("pera smiler")


def test_fold_strips_accents_case_and_spaces():
    assert fold("  Garda  Síochána ") == "garda siochana"
