"""Turn pipeline results into gold-shaped incidents and match them to gold, per document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from forcewatch.errors import EvalError
from forcewatch.eval.compare import loose
from forcewatch.eval.gold import GoldDoc, GoldIncident, GoldInvestigation
from forcewatch.eval.names import normalise_name
from forcewatch.records import DocResult, Force, Mention, Outcome, Weapon


@dataclass(frozen=True)
class Predicted:
    """One predicted incident in gold shape, with its confidences."""

    incident: GoldIncident
    confidence: float
    name_confidence: float  # the lower of the mention's and the name's confidence


@dataclass(frozen=True)
class DocMatch:
    """Which gold incident (index) goes with which predicted incident (index)."""

    pairs: tuple[tuple[int, int], ...]
    unmatched_gold: tuple[int, ...]
    unmatched_pred: tuple[int, ...]


@dataclass(frozen=True)
class DocEval:
    """One gold document next to what the pipeline made of it."""

    gold: GoldDoc
    result: DocResult
    predicted: tuple[Predicted, ...]
    match: DocMatch


def predicted_from_mention(mention: Mention, doc_id: str) -> Predicted:
    """Return a mention as a gold-shaped incident via `Mention.to_gold()`."""
    data = mention.to_gold()
    try:
        weapon = data["subject_weapon"]
        incident = GoldIncident(
            outcome=Outcome(data["outcome"]),
            force=Force(data["force"]),
            subject_name=data["subject_name"],
            name_withheld=bool(data["name_withheld"]),
            subject_age=data["subject_age"],
            subject_sex=data["subject_sex"],
            date=data["date"],
            place=data["place"],
            region=data["region"],
            country=data["country"],
            agency=data["agency"],
            subject_weapon=None if weapon is None else Weapon(weapon),
            officers_fired=data["officers_fired"],
            investigations=tuple(
                GoldInvestigation(inv.body, inv.kind, inv.finding) for inv in mention.investigations
            ),
        )
    except ValueError as err:
        raise EvalError(
            f"document {doc_id}: predicted incident has a value outside the gold vocabulary "
            f"({err}); fix the extractor that produced it"
        ) from err
    name_conf = mention.confidence
    if mention.subject_name is not None:
        name_conf = min(name_conf, mention.subject_name.confidence)
    return Predicted(incident, float(mention.confidence), float(name_conf))


def prepare(gold: GoldDoc, result: DocResult) -> DocEval:
    """Return the document with its predicted incidents matched to gold."""
    predicted = tuple(predicted_from_mention(m, gold.id) for m in result.mentions)
    match = match_incidents(gold.incidents, [p.incident for p in predicted])
    return DocEval(gold, result, predicted, match)


def prepare_all(pairs: Sequence[tuple[GoldDoc, DocResult]]) -> list[DocEval]:
    return [prepare(gold, result) for gold, result in pairs]


def match_incidents(gold: Sequence[GoldIncident], pred: Sequence[GoldIncident]) -> DocMatch:
    """Match by subject name, then a lone pair, then unnamed ones by agreement."""
    gold_keys = [normalise_name(g.subject_name or "") for g in gold]
    pred_keys = [normalise_name(p.subject_name or "") for p in pred]
    pairs: list[tuple[int, int]] = []
    free_gold = list(range(len(gold)))
    free_pred = list(range(len(pred)))

    for gi, key in enumerate(gold_keys):
        if not key:
            continue
        for pi in free_pred:
            if pred_keys[pi] == key:
                pairs.append((gi, pi))
                free_gold.remove(gi)
                free_pred.remove(pi)
                break

    if len(gold) == 1 and len(pred) == 1 and not pairs:
        pairs.append((0, 0))
        free_gold, free_pred = [], []

    candidates = []
    for gi in free_gold:
        for pi in free_pred:
            if gold_keys[gi] and pred_keys[pi]:
                continue  # two different names are two different people
            score = agreement(gold[gi], pred[pi])
            if score:
                candidates.append((-score, gi, pi))
    for _, gi, pi in sorted(candidates):
        if gi in free_gold and pi in free_pred:
            pairs.append((gi, pi))
            free_gold.remove(gi)
            free_pred.remove(pi)

    return DocMatch(tuple(sorted(pairs)), tuple(free_gold), tuple(free_pred))


def agreement(gold: GoldIncident, pred: GoldIncident) -> int:
    """Return how many of outcome, force, date and place agree (null never agrees)."""
    score = int(gold.outcome == pred.outcome) + int(gold.force == pred.force)
    if gold.date and pred.date and gold.date == pred.date:
        score += 1
    if gold.place and pred.place and loose(gold.place) == loose(pred.place):
        score += 1
    return score
