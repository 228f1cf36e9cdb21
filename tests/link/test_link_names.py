"""Name compatibility: which two spellings can be one person."""

import pytest

from forcewatch.link.names import NameMatch, compare_names, parse_name, richer_name


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Dale Marrin", "dale marrin", NameMatch.SAME),
        ("José Álvarez", "Jose Alvarez", NameMatch.SAME),
        ("Dale Marrin", "Marrin", NameMatch.SURNAME),
        ("Dale Marrin", "D. Marrin", NameMatch.COMPATIBLE),
        ("Dale Robert Marrin", "Dale R. Marrin", NameMatch.SAME),
        ("Dale Robert Marrin", "Dale Marrin", NameMatch.SAME),
        ('Dale "Dee" Marrin', "Dee Marrin", NameMatch.COMPATIBLE),
        ('Dale "Dee" Marrin', "Dee", NameMatch.SURNAME),
        ("Robert Tane", "Bob Tane", NameMatch.COMPATIBLE),
        ("Victor Tane Jr", "Victor Tane", NameMatch.SAME),
        ("J. Dale Marrin", "Dale Marrin", NameMatch.COMPATIBLE),
        ("Rosa Flores-Lopez", "Rosa Lopez", NameMatch.COMPATIBLE),
        ("Maria de la Cruz", "Maria Cruz", NameMatch.COMPATIBLE),
        ("Dale Marrin", "Kerry Marrin", NameMatch.CONFLICT),
        ("Victor Tane Jr", "Victor Tane Sr", NameMatch.CONFLICT),
        ("Dale Robert Marrin", "Dale Simon Marrin", NameMatch.CONFLICT),
        ("Dale Marrin", "Dale Marren", NameMatch.CONFLICT),
    ],
)
def test_compare_names(a: str, b: str, expected: NameMatch) -> None:
    ka, kb = parse_name(a), parse_name(b)
    assert ka is not None and kb is not None
    assert compare_names(ka, kb) is expected
    assert compare_names(kb, ka) is expected  # symmetric


def test_parse_name_keeps_suffix_nickname_and_particles() -> None:
    key = parse_name('Constable Pieter "Piet" van der Berg Jnr')
    assert key is not None
    assert (key.given, key.surname, key.suffix, key.nicknames) == (
        ("pieter",),
        "van der berg",
        "jr",
        frozenset({"piet"}),
    )


def test_parse_name_of_nothing_is_none() -> None:
    assert parse_name("") is None and parse_name(None) is None


def test_richer_name_prefers_the_fuller_spelling() -> None:
    assert richer_name("Marrin", "Dale R. Marrin") == "Dale R. Marrin"
    assert richer_name("Dale Marrin", "Marrin") == "Dale Marrin"
