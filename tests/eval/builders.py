"""Hand-built gold documents, mentions and results for scoring tests."""

from __future__ import annotations

from forcewatch.eval.gold import GoldDoc, GoldIncident, GoldInvestigation
from forcewatch.records import (
    Detection,
    DocResult,
    Document,
    Fact,
    Finding,
    Force,
    Investigation,
    InvestigationKind,
    Mention,
    Outcome,
    PartialDate,
    Weapon,
)

_ENUMS = {"subject_weapon": Weapon}


def doc(doc_id: str, text: str = "A short article written for the eval tests.") -> Document:
    return Document(external_id=doc_id, text=text, origin=f"test:{doc_id}", fmt="jsonl")


def incident(outcome: str = "fatal", force: str = "firearm", **fields) -> GoldIncident:
    """Return a gold incident; investigations given as (kind, finding) pairs."""
    invs = tuple(
        GoldInvestigation("Body", InvestigationKind(k), Finding(f) if f else None)
        for k, f in fields.pop("investigations", ())
    )
    if fields.get("subject_weapon"):
        fields["subject_weapon"] = Weapon(fields["subject_weapon"])
    return GoldIncident(Outcome(outcome), Force(force), investigations=invs, **fields)


def gold(doc_id: str, *incidents: GoldIncident, relevant: bool | None = None) -> GoldDoc:
    rel = bool(incidents) if relevant is None else relevant
    return GoldDoc(doc(doc_id), rel, tuple(incidents))


def mention(
    doc_id: str = "d",
    outcome: str = "fatal",
    force: str = "firearm",
    confidence: float = 0.9,
    name_confidence: float | None = None,
    investigations: tuple[tuple[str, str | None], ...] = (),
    **fields,
) -> Mention:
    """Return a mention whose facts carry `confidence` (the name `name_confidence`)."""
    facts = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key == "date":
            value = PartialDate.parse(value)
        elif key in _ENUMS:
            value = _ENUMS[key](value)
        conf = name_confidence if key == "subject_name" and name_confidence else confidence
        facts[key] = Fact(value, conf)
    invs = tuple(
        Investigation("Body", InvestigationKind(k), Finding(f) if f else None, confidence)
        for k, f in investigations
    )
    return Mention(
        doc_id=doc_id,
        outcome=Fact(Outcome(outcome), confidence),
        force=Fact(Force(force), confidence),
        confidence=confidence,
        investigations=invs,
        **facts,
    )


def result(gold_doc: GoldDoc, *mentions: Mention, score: float = 0.2) -> DocResult:
    return DocResult(gold_doc.document, Detection(bool(mentions), score), tuple(mentions))


def oracle(gold_doc: GoldDoc) -> DocResult:
    """Return a result that predicts exactly the gold incidents of a document."""
    mentions = []
    for inc in gold_doc.incidents:
        fields = {
            name: getattr(inc, name)
            for name in (
                "subject_name",
                "subject_age",
                "subject_sex",
                "date",
                "place",
                "region",
                "country",
                "agency",
                "subject_weapon",
                "officers_fired",
            )
        }
        if inc.name_withheld:
            fields["name_withheld"] = True
        mentions.append(
            mention(
                gold_doc.id,
                inc.outcome.value,
                inc.force.value,
                investigations=tuple(
                    (i.kind.value, i.finding.value if i.finding else None)
                    for i in inc.investigations
                ),
                **fields,
            )
        )
    return result(gold_doc, *mentions)
