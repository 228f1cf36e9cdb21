"""The hard cases of issue 4, each run through the real pipeline on articles written for us.

Documents come from tests/data/gold-small.jsonl (fw-001..fw-030),
tests/data/examples-gold.jsonl (the examples/ articles, ids are file names) and
tests/data/hard-cases/hard-cases.jsonl (fw-031..). A case the pipeline still gets
wrong is marked xfail(strict=True) with what it gets wrong: remove the mark once
the extraction is fixed (a strict xfail that passes fails the run).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from forcewatch.eval.gold import GoldDoc, read_gold
from forcewatch.records import DocResult, Mention

DATA = Path(__file__).resolve().parents[1] / "data"
CORPORA = (
    DATA / "gold-small.jsonl",
    DATA / "examples-gold.jsonl",
    DATA / "hard-cases" / "hard-cases.jsonl",
)


def gap(doc_id: str, reason: str, *values, label: str = ""):
    """Return a pytest.param for a case the pipeline gets wrong today (strict xfail)."""
    return pytest.param(
        doc_id,
        *values,
        id=f"{doc_id}-{label}" if label else doc_id,
        marks=pytest.mark.xfail(strict=True, reason=reason),
    )


def case(doc_id: str, *values, label: str = ""):
    """Return a pytest.param named by its document id (and a label when ids repeat)."""
    return pytest.param(doc_id, *values, id=f"{doc_id}-{label}" if label else doc_id)


@pytest.fixture(scope="session")
def gold_docs() -> dict[str, GoldDoc]:
    docs: dict[str, GoldDoc] = {}
    for path in CORPORA:
        for doc in read_gold(path):
            assert doc.id not in docs, f"{path}: id {doc.id} repeats another corpus"
            docs[doc.id] = doc
    return docs


@pytest.fixture(scope="session")
def analyse(pipeline, gold_docs) -> Callable[[str], DocResult]:
    """Return a function that runs the pipeline on a document by id, once per session."""
    cache: dict[str, DocResult] = {}

    def run(doc_id: str) -> DocResult:
        if doc_id not in cache:
            cache[doc_id] = pipeline.process(gold_docs[doc_id].document)
        return cache[doc_id]

    return run


def value(mention: Mention, field: str):
    """Return a fact's plain value (enums as strings, dates as ISO), None when absent."""
    fact = getattr(mention, field)
    if fact is None:
        return None
    raw = fact.value
    if hasattr(raw, "iso"):
        return raw.iso()
    return getattr(raw, "value", raw)


def only_mention(result: DocResult) -> Mention:
    assert len(result.mentions) == 1, [m.to_gold() for m in result.mentions]
    return result.mentions[0]


def named(result: DocResult, name: str) -> Mention:
    """Return the mention whose subject is `name`; fail when there is none."""
    for mention in result.mentions:
        if value(mention, "subject_name") == name:
            return mention
    raise AssertionError(f"no mention named {name!r} in {[m.to_gold() for m in result.mentions]}")


def test_the_fixture_labels_agree_with_the_cases(gold_docs):
    assert gold_docs["fw-032"].incidents[0].subject_name == "Cody Mullen"
    assert gold_docs["fw-034"].incidents[0].name_withheld is True
    assert [len(gold_docs[i].incidents) for i in ("fw-004", "fw-030", "fw-029")] == [2, 3, 2]
    assert not any(gold_docs[i].relevant for i in ("fw-001", "fw-003", "fw-031", "fw-033"))


# --- civilian gunmen: arrested is not a police shooting, shot by police is -----------


@pytest.mark.parametrize(
    "doc_id",
    [case("fw-001"), case("fw-031"), case("neg-gunman-arrested-springfield.html")],
)
def test_civilian_gunman_arrested_without_police_gunfire_is_not_relevant(analyse, doc_id):
    result = analyse(doc_id)
    assert result.relevant is False
    assert result.mentions == ()


@pytest.mark.parametrize(
    ("doc_id", "gunman", "outcome"),
    [
        case("fw-002", "Kyle Brandt", "fatal"),
        case("fw-032", "Cody Mullen", "fatal"),  # not Kayla Rees, whom he shot
    ],
)
def test_gunman_shot_by_police_is_the_subject_not_his_victim(analyse, doc_id, gunman, outcome):
    mention = only_mention(analyse(doc_id))
    assert value(mention, "subject_name") == gunman
    assert value(mention, "outcome") == outcome
    assert value(mention, "force") == "firearm"


# --- officers shot by offenders, no police gunfire -----------------------------------


@pytest.mark.parametrize(
    "doc_id",
    [case("fw-003"), case("fw-033"), case("neg-officer-shot-mitchells-plain.txt")],
)
def test_officer_shot_by_offender_without_police_gunfire_is_not_relevant(analyse, doc_id):
    result = analyse(doc_id)
    assert result.relevant is False
    assert result.mentions == ()


# --- several people shot at in one event: one mention each ---------------------------


@pytest.mark.parametrize(
    ("doc_id", "outcomes"),
    [
        gap(
            "fw-004",
            "three mentions (two unnamed fatal, Andre Pena fatal) instead of two: "
            "Marcus Lowell fatal and Andre Pena injured",
            ["fatal", "injured"],
        ),
        case("fw-030", ["injured", "injured", "injured"]),
        case("za-two-suspects-shot-soshanguve.html", ["fatal", "injured"]),
    ],
)
def test_each_person_police_shot_in_one_event_is_one_mention(analyse, gold_docs, doc_id, outcomes):
    result = analyse(doc_id)
    assert sorted(value(m, "outcome") for m in result.mentions) == outcomes
    gold_names = sorted(i.subject_name or "" for i in gold_docs[doc_id].incidents)
    assert sorted(value(m, "subject_name") or "" for m in result.mentions) == gold_names


# --- a name given once, then a surname or a pronoun ----------------------------------


@pytest.mark.parametrize(
    ("doc_id", "name", "field", "expected"),
    [
        # "Prendergast was given first aid ... taken to hospital"
        case("fw-005", "Liam Prendergast", "outcome", "injured"),
        # "Police allege Petrovic lunged at an officer with the knife"
        case("fw-010", "Shane Petrovic", "subject_weapon", "knife"),
        # "Mr Karaitiana died at the scene"
        case("nz-fatal-shooting-whanganui.txt", "Hohepa Karaitiana", "outcome", "fatal"),
        # "he walked towards officers holding a kitchen knife"
        case("fw-006", "Jordan Mackie", "subject_weapon", "knife"),
        # "One officer fired three shots ..., hitting Sinclair in the shoulder"
        case("fw-008", "Dale Sinclair", "outcome", "injured"),
        # "Declan Furlong, 40, was shot in the leg", then "Mr Furlong recovered"
        case("fw-012", "Declan Furlong", "outcome", "injured"),
    ],
)
def test_subject_named_once_keeps_full_name_and_facts_told_by_surname_or_pronoun(
    analyse, doc_id, name, field, expected
):
    mention = only_mention(analyse(doc_id))
    assert value(mention, "subject_name") == name
    assert value(mention, field) == expected


# --- withheld or suppressed names ----------------------------------------------------


@pytest.mark.parametrize(
    "doc_id",
    [
        case("nz-name-suppressed-hamilton.txt"),  # interim name suppression
        case("fw-035"),  # "Police have not released his name."
        case("fw-007"),  # "Police are withholding the man's name until ..."
        case("fw-034"),  # "The man's name is being withheld at the request of his family"
    ],
)
def test_withheld_name_gives_name_withheld_and_no_subject_name(analyse, doc_id):
    mention = only_mention(analyse(doc_id))
    assert value(mention, "subject_name") is None
    assert value(mention, "name_withheld") is True


# --- "shot dead by police, police said" ----------------------------------------------


@pytest.mark.parametrize(
    ("doc_id", "agency"),
    [
        case("fw-009", "South African Police Service"),
        case("fw-035", "RCMP"),
        case("za-two-suspects-shot-soshanguve.html", "South African Police Service"),
    ],
)
def test_shot_dead_by_police_police_said_is_a_fatal_police_shooting_of_an_unnamed_man(
    analyse, doc_id, agency
):
    result = analyse(doc_id)
    assert result.relevant is True
    fatal = [m for m in result.mentions if value(m, "outcome") == "fatal"]
    assert len(fatal) == 1
    assert value(fatal[0], "force") == "firearm"
    assert value(fatal[0], "subject_name") is None  # "police" is the source, not a name
    assert value(fatal[0], "agency") == agency


# --- a death days after the shooting -------------------------------------------------


@pytest.mark.parametrize(
    ("doc_id", "shot_on"),
    [
        # shot "on Sunday", "died in hospital on Friday"
        case("fw-010", "2023-11-19"),
        case("us-deputy-shooting-bartow.txt", "2025-03-04"),  # shot Tuesday, died Friday
    ],
)
def test_death_days_later_is_fatal_and_dated_on_the_shooting_day(analyse, doc_id, shot_on):
    mention = only_mention(analyse(doc_id))
    assert value(mention, "outcome") == "fatal"
    assert value(mention, "date") == shot_on


# --- relative and partial dates resolved against the publication date ----------------


@pytest.mark.parametrize(
    ("doc_id", "iso", "precision"),
    [
        case("fw-013", "2024-08-26", "day"),  # "on Monday night", published Tue 2024-08-27
        case("fw-002", "2024-05-19", "day"),  # "on Sunday afternoon", published Mon
        case("fw-034", "2024-11-30", "day"),  # "on Saturday night", published Mon 2024-12-02
        case("fw-008", "2023-09", "month"),  # "last September", published 2024-04-09
        case("fw-006", "2023-03", "month"),  # "in March last year", published 2024-01-25
        case("fw-014", "2023-06", "month"),  # "in June last year", published 2024-06-20
        case("fw-015", "2022-10", "month"),  # "in October 2022"
        case("fw-036", "2022-02", "month"),  # "in February 2022"
        gap(
            "fw-011",
            "date 2023-03-09 (the publication day), should be 2019 ('in Kaikohe in 2019')",
            "2019",
            "year",
        ),
        gap(
            "fw-012",
            "date 2023 ('last year', when the file went to the DPP), should be 2022-03 "
            "('in Abbeyfeale, Co Limerick, in March 2022')",
            "2022-03",
            "month",
        ),
        case("fw-026", "2024-05-19", "day"),  # "on May 19", no year, published August 2024
        gap(
            "ca-taser-death-prince-george.txt",
            "date 2025-01-16, should be 2025-01-15 ('died in hospital on Wednesday, hours "
            "after officers were called ... that day'; the Thursday is when his sister spoke)",
            "2025-01-15",
            "day",
        ),
    ],
)
def test_relative_and_partial_dates_resolve_against_publication_date(
    analyse, doc_id, iso, precision
):
    mention = only_mention(analyse(doc_id))
    assert mention.date is not None
    assert mention.date.value.iso() == iso
    assert mention.date.value.precision.value == precision


# --- non-US agencies and the findings of oversight bodies ----------------------------


@pytest.mark.parametrize(
    ("doc_id", "agency", "country"),
    [
        case("fw-005", "West Midlands Police", "GB"),
        case("fw-034", "Police Scotland", "GB"),
        case("fw-009", "South African Police Service", "ZA"),
        case("fw-012", "Garda Síochána", "IE"),
        case("fw-013", "Queensland Police Service", "AU"),
        case("fw-010", "Western Australia Police Force", "AU"),
        case("fw-017", "New Zealand Police", "NZ"),  # from plain "police" in a NZ story
        case("fw-008", "Winnipeg Police Service", "CA"),
        case("fw-035", "RCMP", "CA"),  # "Mounties", "Saskatchewan RCMP"
        case("fw-016", "Punjab Police", "IN"),
    ],
)
def test_non_us_force_is_named_formally_with_its_country(analyse, doc_id, agency, country):
    mention = only_mention(analyse(doc_id))
    assert value(mention, "agency") == agency
    assert value(mention, "country") == country


#: accepted spellings of each body, case-folded; the first names the test id
IPCA = ("ipca", "independent police conduct authority")
IOPC = ("iopc", "independent office for police conduct")
SIU = ("siu", "special investigations unit")
IIU = ("iiu", "independent investigation unit")
IIO = ("iio", "independent investigations office")
GSOC = ("gsoc", "garda síochána ombudsman commission")
DPP = ("dpp", "director of public prosecutions")
CCC = ("ccc", "crime and corruption commission")
CORONER = ("coroner", "inquest", "inquest jury")
DA = ("district attorney", "tulsa county district attorney's office")
GRAND_JURY = ("grand jury",)


def body(doc_id, bodies, kind, finding, reason=""):
    """Return one oversight case, id "<doc>-<body>"; a reason makes it a strict xfail."""
    label = bodies[0].replace(" ", "-")
    if reason:
        return gap(doc_id, reason, bodies, kind, finding, label=label)
    return case(doc_id, bodies, kind, finding, label=label)


@pytest.mark.parametrize(
    ("doc_id", "bodies", "kind", "finding"),
    [
        body("fw-011", IPCA, "oversight", "justified"),  # "IPCA had earlier found ... justified"
        body("fw-017", IPCA, "oversight", "pending"),  # "We have notified the IPCA"
        body("fw-005", IOPC, "oversight", "pending"),  # "which has begun an investigation"
        body("fw-006", SIU, "oversight", "cleared"),  # "no grounds to charge"
        body("fw-019", SIU, "oversight", "pending"),
        body("fw-011", CORONER, "coroner", "justified"),  # "acted in self-defence"
        body("fw-036", CORONER, "coroner", "justified"),  # inquest: "lawfully killed"
        body("fw-007", DA, "prosecutor", "pending"),  # "will review the case"
        body("fw-014", GRAND_JURY, "prosecutor", "cleared"),  # "declined to indict"
        body("fw-012", DPP, "prosecutor", "cleared"),  # "directed no prosecution"
        body("fw-009", ("ipid",), "oversight", "pending"),
        body("fw-034", ("pirc",), "oversight", "pending"),
        body("fw-015", ("sirt",), "oversight", "cleared"),  # Nova Scotia SIRT
        body("fw-035", ("sirt",), "oversight", "pending"),  # Saskatchewan SIRT
        body("fw-027", ("asirt",), "oversight", "pending"),
        body("fw-013", CCC, "oversight", "pending"),
        body("ca-taser-death-prince-george.txt", IIO, "oversight", "pending"),
        body("fw-008", IIU, "oversight", "cleared"),  # "will not recommend charges"
        body(
            "fw-018",
            IOPC,
            "oversight",
            "cleared",
            "IOPC finding None, should be cleared ('found no indication that any of them "
            "had behaved in a way that would justify disciplinary proceedings')",
        ),
        body(
            "fw-010",
            CORONER,
            "coroner",
            "pending",
            "coroner finding None, should be pending ('A report will be prepared for the coroner')",
        ),
        body("fw-026", DA, "prosecutor", "cleared"),  # "will not face charges"
        body(
            "fw-012",
            GSOC,
            "oversight",
            None,
            "GSOC finding pending, should be None (it investigated and sent a file to the "
            "DPP; the DPP, not GSOC, decided)",
        ),
    ],
)
def test_oversight_body_is_found_with_its_kind_and_finding(analyse, doc_id, bodies, kind, finding):
    mention = only_mention(analyse(doc_id))
    found = {
        (inv.kind.value, inv.finding.value if inv.finding else None)
        for inv in mention.investigations
        if inv.body.casefold() in bodies
    }
    assert found == {(kind, finding)}, [
        (i.body, i.kind.value, i.finding) for i in mention.investigations
    ]


# --- an earlier shooting told in one paragraph of another story ----------------------


@pytest.mark.parametrize(
    ("doc_id", "name", "date"),
    [
        case("fw-015", "Tyrell Dunmore", "2022-10"),  # a crisis-team story
        case("fw-036", "Owen Tillery", "2022-02"),  # a crisis-cafe story
        case("fw-029", "Rangi Pomare", "2021"),  # "In 2021, officers shot dead ..."
    ],
)
def test_earlier_shooting_in_one_paragraph_is_its_own_dated_mention(
    analyse, gold_docs, doc_id, name, date
):
    result = analyse(doc_id)
    assert result.relevant is True
    assert len(result.mentions) == len(gold_docs[doc_id].incidents)
    earlier = named(result, name)
    assert value(earlier, "outcome") == "fatal"
    assert value(earlier, "date") == date
