"""Pure scoring of pipeline results against gold: relevance, names, incidents, fields."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from forcewatch.eval.compare import SCORED_FIELDS, field_equal, investigation_pairs, is_null
from forcewatch.eval.gold import GoldDoc, GoldIncident
from forcewatch.eval.match import DocEval, prepare_all
from forcewatch.eval.names import normalise_name
from forcewatch.records import DocResult, Force


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with P/R/F1 (None if undefined)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @classmethod
    def of(cls, gold: Counter | set, pred: Counter | set) -> PRF:
        """Return counts for two sets or multisets of items."""
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        return cls(tp, sum(p.values()) - tp, sum(g.values()) - tp)


@dataclass(frozen=True)
class RelevanceScores:
    """Relevance P/R/F1 over documents, and average precision of the document score."""

    prf: PRF
    average_precision: float | None
    docs: int
    gold_relevant: int


@dataclass(frozen=True)
class NameScores:
    """Subject names over the corpus (each normalised name once) and their AUPRC.

    A name's confidence is its best over the corpus; in one mention it is the lower
    of the mention's confidence and the name fact's.
    """

    prf: PRF
    auprc: float | None
    gold: int
    predicted: int


@dataclass(frozen=True)
class IncidentScores:
    """Incident counts: gold, predicted, matched; recall, precision and F1 from them."""

    gold: int
    predicted: int
    matched: int

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.gold)

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.predicted)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.matched, self.gold + self.predicted)


@dataclass(frozen=True)
class FieldScores:
    """One field on matched incidents: accuracy where gold has a value, invented where not."""

    field: str
    n: int  # matched incidents whose gold value is not null
    correct: int
    null_n: int  # matched incidents whose gold value is null
    invented: int  # ... of which the prediction is not null
    labelled: bool  # whether any gold incident in the corpus has this field

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    @property
    def invented_share(self) -> float | None:
        return _ratio(self.invented, self.null_n)


@dataclass(frozen=True)
class InvestigationScores:
    """Investigations on matched incidents: P/R/F1 of (kind, finding) pairs and of kinds."""

    pairs: PRF
    kinds: PRF


@dataclass(frozen=True)
class CorpusScores:
    """Every figure for one corpus (or its firearm-only part)."""

    docs: int
    relevance: RelevanceScores
    names: NameScores
    incidents: IncidentScores
    fields: tuple[FieldScores, ...]
    investigations: InvestigationScores

    def field(self, name: str) -> FieldScores:
        """Return the scores of one field by gold name."""
        for item in self.fields:
            if item.field == name:
                return item
        raise KeyError(name)


def average_precision(ranked: Iterable[tuple[float, bool]], positives: int) -> float | None:
    """Return AP: sum over score thresholds of (recall gain) x precision; ties share a step."""
    if positives <= 0:
        return None
    by_score: dict[float, list[bool]] = {}
    for score, hit in ranked:
        by_score.setdefault(score, []).append(hit)
    tp = seen = 0
    total = 0.0
    for score in sorted(by_score, reverse=True):
        hits = by_score[score]
        gained = sum(hits)
        tp += gained
        seen += len(hits)
        total += (gained / positives) * (tp / seen)
    return total


def is_firearm_doc(gold: GoldDoc) -> bool:
    """Return True for negatives and for documents with a firearm incident."""
    return not gold.relevant or any(i.force == Force.FIREARM for i in gold.incidents)


def score_corpus(
    pairs: Sequence[tuple[GoldDoc, DocResult]], *, firearm_only: bool = False
) -> CorpusScores:
    """Return every figure for gold documents paired with the pipeline's results."""
    return score_prepared(prepare_all(pairs), firearm_only=firearm_only)


def score_prepared(docs: Sequence[DocEval], *, firearm_only: bool = False) -> CorpusScores:
    """Return every figure for documents already matched (see `match.prepare`)."""
    if firearm_only:
        docs = [d for d in docs if is_firearm_doc(d.gold)]
    views = [_DocView.of(d, firearm_only) for d in docs]
    return CorpusScores(
        docs=len(docs),
        relevance=_relevance(docs),
        names=_names(views),
        incidents=IncidentScores(
            gold=sum(len(v.gold) for v in views),
            predicted=sum(len(v.predicted) for v in views),
            matched=sum(len(v.matched) for v in views),
        ),
        fields=_fields(views),
        investigations=_investigations(views),
    )


@dataclass(frozen=True)
class _DocView:
    """The incidents of one document that count, after the firearm filter."""

    gold: tuple[GoldIncident, ...]
    predicted: tuple[tuple[GoldIncident, float], ...]  # incident, name confidence
    matched: tuple[tuple[GoldIncident, GoldIncident], ...]

    @classmethod
    def of(cls, doc: DocEval, firearm_only: bool) -> _DocView:
        gold = doc.gold.incidents

        def keep(incident: GoldIncident) -> bool:
            return not firearm_only or incident.force == Force.FIREARM

        matched = [(gold[g], doc.predicted[p].incident) for g, p in doc.match.pairs]
        pred_idx = [p for g, p in doc.match.pairs if keep(gold[g])]
        pred_idx += [p for p in doc.match.unmatched_pred if keep(doc.predicted[p].incident)]
        return cls(
            gold=tuple(g for g in gold if keep(g)),
            predicted=tuple(
                (doc.predicted[p].incident, doc.predicted[p].name_confidence)
                for p in sorted(pred_idx)
            ),
            matched=tuple((g, p) for g, p in matched if keep(g)),
        )


def _relevance(docs: Sequence[DocEval]) -> RelevanceScores:
    tp = sum(1 for d in docs if d.gold.relevant and d.result.relevant)
    fp = sum(1 for d in docs if not d.gold.relevant and d.result.relevant)
    fn = sum(1 for d in docs if d.gold.relevant and not d.result.relevant)
    positives = tp + fn
    ranked = [(d.result.score, d.gold.relevant) for d in docs]
    return RelevanceScores(
        PRF(tp, fp, fn), average_precision(ranked, positives), len(docs), positives
    )


def _names(views: Sequence[_DocView]) -> NameScores:
    gold_names = {
        key for v in views for g in v.gold if (key := normalise_name(g.subject_name or ""))
    }
    best: dict[str, float] = {}
    for v in views:
        for incident, confidence in v.predicted:
            key = normalise_name(incident.subject_name or "")
            if key:
                best[key] = max(confidence, best.get(key, confidence))
    ranked = [(conf, name in gold_names) for name, conf in best.items()]
    return NameScores(
        prf=PRF.of(gold_names, set(best)),
        auprc=average_precision(ranked, len(gold_names)),
        gold=len(gold_names),
        predicted=len(best),
    )


def _fields(views: Sequence[_DocView]) -> tuple[FieldScores, ...]:
    out = []
    for name in SCORED_FIELDS:
        n = correct = null_n = invented = 0
        for v in views:
            for gold, pred in v.matched:
                if is_null(gold, name):
                    null_n += 1
                    invented += not is_null(pred, name)
                else:
                    n += 1
                    correct += field_equal(name, gold, pred)
        labelled = any(not is_null(g, name) for v in views for g in v.gold)
        out.append(FieldScores(name, n, correct, null_n, invented, labelled))
    return tuple(out)


def _investigations(views: Sequence[_DocView]) -> InvestigationScores:
    pairs = [0, 0, 0]
    kinds = [0, 0, 0]
    for v in views:
        for gold, pred in v.matched:
            g_pairs, p_pairs = investigation_pairs(gold), investigation_pairs(pred)
            for acc, g, p in (
                (pairs, g_pairs, p_pairs),
                (kinds, {k for k, _ in g_pairs}, {k for k, _ in p_pairs}),
            ):
                prf = PRF.of(set(g), set(p))
                acc[0] += prf.tp
                acc[1] += prf.fp
                acc[2] += prf.fn
    return InvestigationScores(PRF(*pairs), PRF(*kinds))
