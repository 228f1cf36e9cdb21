"""Investigations: oversight bodies and inquiries named in a sentence, with findings."""

from __future__ import annotations

import pytest

from forcewatch.extract.investigations import (
    InvestigationHit,
    find_investigations,
    find_investigations_in_text,
    finding_in,
    merge_investigations,
)
from forcewatch.records import Finding, InvestigationKind

K = InvestigationKind
F = Finding


def found(text: str, country: str | None = None) -> list[tuple[str, str, str | None]]:
    return [
        (h.body, h.kind.value, h.finding.value if h.finding else None)
        for h in find_investigations_in_text(text, 0, country)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Independent Police Conduct Authority found the officer was justified in firing.",
            [("IPCA", "oversight", "justified")],
        ),
        ("The IPCA has been notified of the shooting.", [("IPCA", "oversight", "pending")]),
        (
            "The Independent Office for Police Conduct (IOPC) has begun an investigation.",
            [("IOPC", "oversight", "pending")],
        ),
        ("The IPCC said the officers acted lawfully.", [("IPCC", "oversight", "justified")]),
        ("The SIU investigated and cleared the officer.", [("SIU", "oversight", "cleared")]),
        (
            "Ontario's Special Investigations Unit is investigating the shooting.",
            [("SIU", "oversight", "pending")],
        ),
        (
            "The Independent Investigation Unit of Manitoba has launched an investigation.",
            [("IIU", "oversight", "pending")],
        ),
        (
            "The Independent Investigations Office of BC concluded the officer was justified.",
            [("Independent Investigations Office", "oversight", "justified")],
        ),
        (
            "The IIO is now investigating.",
            [("Independent Investigations Office", "oversight", "pending")],
        ),
        ("ASIRT has concluded its investigation.", [("ASIRT", "oversight", None)]),
        ("The BEI will investigate the death.", [("BEI", "oversight", "pending")]),
        ("Gsoc has launched an investigation.", [("GSOC", "oversight", "pending")]),
        ("The Garda Ombudsman was notified.", [("GSOC", "oversight", "pending")]),
        ("Fiosrú is examining the incident.", [("Fiosrú", "oversight", "pending")]),
        (
            "The Police Ombudsman for Northern Ireland is investigating.",
            [("Police Ombudsman", "oversight", "pending")],
        ),
        (
            "The Independent Police Investigative Directorate (IPID) is probing the shootout.",
            [("IPID", "oversight", "pending")],
        ),
        (
            "The Law Enforcement Conduct Commission will oversee the review.",
            [("Law Enforcement Conduct Commission", "oversight", "pending")],
        ),
        ("PIRC has been informed.", [("PIRC", "oversight", "pending")]),
        (
            "The state attorney general's office is reviewing the shooting.",
            [("attorney general's office", "oversight", "pending")],
        ),
        (
            "A magisterial inquiry has been ordered into the encounter.",
            [("magisterial inquiry", "oversight", "pending")],
        ),
        (
            "The Tennessee Bureau of Investigation is investigating the shooting.",
            [("Tennessee Bureau of Investigation", "police", "pending")],
        ),
        (
            "The GBI was asked to investigate.",
            [("Georgia Bureau of Investigation", "police", "pending")],
        ),
        (
            "Michigan State Police are investigating the crash.",
            [("Michigan State Police", "police", "pending")],
        ),
        (
            "Riverton police brought in the California Highway Patrol to investigate.",
            [("California Highway Patrol", "police", "pending")],
        ),
        ("Internal affairs is reviewing the arrest.", [("Internal Affairs", "police", "pending")]),
        (
            "The Ethical Standards Command will investigate the incident.",
            [("Ethical Standards Command", "police", "pending")],
        ),
        (
            "An ethical standards investigation has been opened.",
            [("Ethical Standards Command", "police", "pending")],
        ),
        (
            "The NSW Police Homicide Squad will investigate all circumstances.",
            [("NSW Police Homicide Squad", "police", "pending")],
        ),
        ("An inquest will be held later this year.", [("Inquest", "coroner", "pending")]),
        ("All evidence will be provided to the Coroner.", [("Coroner", "coroner", "pending")]),
        (
            "The inquest jury concluded he was unlawfully killed.",
            [("Inquest", "coroner", "unjustified")],
        ),
        (
            "A jury at Northvale Coroner's Court returned a narrative conclusion.",
            [("Northvale Coroner's Court", "coroner", None)],
        ),
        (
            "The Crown Prosecution Service decided not to prosecute the officers.",
            [("Crown Prosecution Service", "prosecutor", "cleared")],
        ),
        (
            "The DPP directed that there be no prosecution of the garda.",
            [("DPP", "prosecutor", "cleared")],
        ),
        (
            "The Hennepin County Attorney declined to file charges against the officers.",
            [("Hennepin County Attorney", "prosecutor", "cleared")],
        ),
        ("A grand jury declined to indict the deputy.", [("Grand jury", "prosecutor", "cleared")]),
        (
            "The officer was charged with manslaughter, the district attorney said.",
            [("district attorney", "prosecutor", "charged")],
        ),
        (
            "Prosecutors said the trooper will not face charges.",
            [("prosecutor", "prosecutor", "cleared")],
        ),
    ],
)
def test_body_kind_and_finding(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The family called for an independent inquiry into the shooting.",
        "Critics said the investigation should be overseen by the Crime and Corruption Commission.",
        "There have been calls for the IPCA to investigate the death.",
        "Advocates urged the Attorney General to step in.",
        "Attorney General Jane Smith spoke about the tax bill on Tuesday.",
        "Michigan State Police said the driver died at the scene.",
        "The man was charged with assaulting a police officer, prosecutors said.",
        "The FBI headquarters in Washington held a press event.",
    ],
)
def test_asked_for_or_unrelated_bodies_are_not_investigations(text: str) -> None:
    assert found(text) == []


def test_two_bodies_in_one_sentence_share_the_pending_words() -> None:
    text = (
        "The matter was referred to the Ethical Standards Command, which will investigate "
        "with oversight from the Crime and Corruption Commission."
    )
    assert found(text) == [
        ("Ethical Standards Command", "police", "pending"),
        ("Crime and Corruption Commission", "oversight", "pending"),
    ]


def test_each_body_takes_the_finding_next_to_it() -> None:
    text = (
        "The Gsoc investigation into the earlier shooting ended when the DPP directed "
        "that no prosecution be brought against the garda."
    )
    assert found(text) == [("GSOC", "oversight", None), ("DPP", "prosecutor", "cleared")]


def test_watchdog_that_declined_to_investigate_has_no_finding_and_is_closed() -> None:
    (hit,) = find_investigations_in_text("Gsoc has ruled out investigating the shooting.")
    assert hit.finding is None
    assert hit.closed is True


def test_open_question_is_pending_not_a_finding() -> None:
    assert found("The IOPC will examine whether the use of force was justified.") == [
        ("IOPC", "oversight", "pending")
    ]
    assert found("Prosecutors will decide whether to charge the officer.") == [
        ("prosecutor", "prosecutor", "pending")
    ]


def test_plain_police_investigation_uses_country_body() -> None:
    assert found("Police have launched an investigation into the death.", "NZ") == [
        ("New Zealand Police", "police", "pending")
    ]
    assert found("Police have opened an inquest docket.", "ZA") == [("SAPS", "police", "pending")]
    assert found("Police are investigating the shooting.") == [("Police", "police", "pending")]


def test_suspended_officers_give_police_body_without_finding() -> None:
    assert found("Two constables were suspended after the custodial death.", "IN") == [
        ("Police", "police", None)
    ]


def test_booked_officers_give_police_charged() -> None:
    assert found("An FIR was registered against the SHO and two constables.", "IN") == [
        ("Police", "police", "charged")
    ]
    assert found("The sub-inspector was booked for murder.", "IN") == [
        ("Police", "police", "charged")
    ]


def test_high_court_is_other() -> None:
    assert found("The Allahabad High Court is hearing a petition over the encounter.") == [
        ("Allahabad High Court", "other", "pending")
    ]


@pytest.mark.parametrize(
    ("seg", "kind", "expected"),
    [
        ("found the shooting was lawful and justified", K.OVERSIGHT, (F.JUSTIFIED, False)),
        ("said the officer acted in self-defence", K.OVERSIGHT, (F.JUSTIFIED, False)),
        ("returned a conclusion of unlawful killing", K.CORONER, (F.UNJUSTIFIED, False)),
        ("said the force used was not justified", K.OVERSIGHT, (F.UNJUSTIFIED, False)),
        ("said no charges will be laid", K.PROSECUTOR, (F.CLEARED, False)),
        ("found it justified and declined to prosecute", K.PROSECUTOR, (F.CLEARED, False)),
        ("said the constable was charged with murder", K.PROSECUTOR, (F.CHARGED, False)),
        ("said the officer has not been charged", K.POLICE, (F.PENDING, False)),
        ("is investigating", K.OVERSIGHT, (F.PENDING, False)),
        ("declined to investigate", K.OVERSIGHT, (None, True)),
        ("published its annual report", K.OVERSIGHT, (None, False)),
    ],
)
def test_finding_in_segment(seg: str, kind: InvestigationKind, expected: tuple) -> None:
    assert finding_in(seg, kind) == expected


def hit(
    body: str, kind: K, finding: F | None, start: int, closed: bool = False
) -> InvestigationHit:
    return InvestigationHit(body, kind, finding, start, start + 5, 0.8, closed)


def test_merge_keeps_one_hit_per_body_and_concrete_finding_wins() -> None:
    merged = merge_investigations(
        [
            hit("IPCA", K.OVERSIGHT, F.PENDING, 10),
            hit("IPCA", K.OVERSIGHT, F.JUSTIFIED, 200),
            hit("IPCA", K.OVERSIGHT, F.PENDING, 400),
        ]
    )
    # the evidence is the sentence that states the finding
    assert [(h.body, h.finding, h.start_char) for h in merged] == [("IPCA", F.JUSTIFIED, 200)]


def test_merge_later_concrete_finding_wins_over_earlier_one() -> None:
    merged = merge_investigations(
        [hit("DPP", K.PROSECUTOR, F.CHARGED, 10), hit("DPP", K.PROSECUTOR, F.CLEARED, 90)]
    )
    assert [h.finding for h in merged] == [F.CLEARED]


def test_merge_closed_beats_pending() -> None:
    merged = merge_investigations(
        [hit("GSOC", K.OVERSIGHT, F.PENDING, 10), hit("GSOC", K.OVERSIGHT, None, 50, closed=True)]
    )
    assert [(h.finding, h.closed) for h in merged] == [(None, True)]


def test_merge_joins_coroner_hits_under_the_most_specific_name() -> None:
    merged = merge_investigations(
        [
            hit("Inquest", K.CORONER, F.PENDING, 5),
            hit("Eastbrook Coroner's Court", K.CORONER, F.UNJUSTIFIED, 60),
            hit("Coroner", K.CORONER, F.PENDING, 90),
        ]
    )
    assert [(h.body, h.finding) for h in merged] == [("Eastbrook Coroner's Court", F.UNJUSTIFIED)]


def test_merge_drops_generic_watchdog_and_police_when_named_ones_exist() -> None:
    merged = merge_investigations(
        [
            hit("police watchdog", K.OVERSIGHT, F.PENDING, 1),
            hit("Police", K.POLICE, F.PENDING, 20),
            hit("Independent Investigations Office", K.OVERSIGHT, F.PENDING, 40),
            hit("Homicide Squad", K.POLICE, F.PENDING, 60),
        ]
    )
    assert [h.body for h in merged] == ["Independent Investigations Office", "Homicide Squad"]


def test_find_investigations_on_a_parsed_sentence_gives_document_offsets(nlp) -> None:
    content = "Man shot\n\nA man was shot in Hillcrest. The IPCA has been notified."
    sent = list(nlp(content).sents)[-1]
    (inv,) = find_investigations(sent)
    assert (inv.body, inv.finding) == ("IPCA", F.PENDING)
    assert content[inv.start_char : inv.end_char] == "IPCA"


def test_full_name_and_abbreviation_are_one_mention() -> None:
    hits = find_investigations_in_text(
        "The Law Enforcement Conduct Commission (LECC) will oversee the investigation."
    )
    assert [(h.body, h.finding) for h in hits] == [
        ("Law Enforcement Conduct Commission", F.PENDING)
    ]


def test_homicide_squad_names_merge_under_the_longest() -> None:
    hits = find_investigations_in_text("The homicide squad will investigate.") + (
        find_investigations_in_text(
            "The NSW police homicide squad is leading the investigation.", 100
        )
    )
    merged = merge_investigations(hits)
    assert [(h.body, h.finding) for h in merged] == [("NSW police Homicide Squad", F.PENDING)]


def test_future_conclusion_is_not_closed() -> None:
    (inv,) = find_investigations_in_text("IPID plans to have concluded its probe by Friday.")
    assert inv.closed is False
