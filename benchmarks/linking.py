"""Linking benchmark: quality on the linking test set, and time to link synthetic mentions.

    python benchmarks/linking.py [--set tests/data/linking/linking-set.jsonl]
                                 [--sizes 1000,10000,100000] [--store-n 10000] [--skip-quality]

(a) Quality: runs the real pipeline over the articles, stores them in a fresh
SQLite database in two orders (file order and reversed), and scores the mention
grouping against the gold `incident_key` with pairwise and B-cubed P/R/F1.
Pipeline mentions are mapped to gold incidents per document with
`eval.match.match_incidents`; unmatched ones are counted, not scored. The same
is done with the gold mentions themselves (perfect extraction) to separate
linking errors from extraction errors. Documents stored as near-duplicates of
another are checked to carry the same incident keys as their original. Every
document is analysed, as `forcewatch ingest` analyses a copy whose hash is the
smaller (it becomes the stored text), so both orders should group identically.

(b) Speed: times `link.cluster.cluster` (the in-memory linker) on synthetic
mentions with realistic name, date and place distributions, and reports the
seconds and the ratio to n log n (normalised to the smallest size); then
stores `--store-n` synthetic mentions through the SQLite store.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from forcewatch.config import load_settings
from forcewatch.eval.gold import GoldDoc, GoldIncident, read_gold
from forcewatch.eval.match import match_incidents, predicted_from_mention
from forcewatch.link.cluster import cluster
from forcewatch.link.mention import LinkMention
from forcewatch.link.reference_match import Side
from forcewatch.link.reference_match import match as reference_match
from forcewatch.records import Detection, DocResult, Document, Fact, Mention, PartialDate
from forcewatch.store.db import make_engine, session_factory, upgrade
from forcewatch.store.models import DocumentRow, DocumentSourceRow, MentionRow
from forcewatch.store.repo import store_result

Item = tuple[str, int]  # (document external id, mention position)


# ---------------------------------------------------------------- scoring


def pairwise(pred: dict[Item, object], gold: dict[Item, str]) -> tuple[float, float, float]:
    """Return pairwise precision, recall and F1 of a clustering of the items in `gold`."""
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred: dict[Item, object], gold: dict[Item, str]) -> tuple[float, float, float]:
    """Return B-cubed precision, recall and F1."""
    by_pred: dict[object, set[Item]] = defaultdict(set)
    by_gold: dict[str, set[Item]] = defaultdict(set)
    for item in gold:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    ps, rs = [], []
    for item in gold:
        inter = len(by_pred[pred[item]] & by_gold[gold[item]])
        ps.append(inter / len(by_pred[pred[item]]))
        rs.append(inter / len(by_gold[gold[item]]))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- quality


def gold_mention(doc: Document, g: GoldIncident) -> Mention:
    """Return the gold incident as a mention (perfect extraction)."""

    def fact(value: object) -> Fact | None:
        return None if value is None else Fact(value, 0.9)

    return Mention(
        doc_id=doc.doc_id,
        outcome=Fact(g.outcome, 0.9),
        force=Fact(g.force, 0.9),
        confidence=0.9,
        subject_name=fact(g.subject_name),
        name_withheld=Fact(True, 0.9) if g.name_withheld else None,
        subject_age=fact(g.subject_age),
        subject_sex=fact(g.subject_sex),
        date=None if g.date is None else Fact(PartialDate.parse(g.date), 0.9),
        place=fact(g.place),
        region=fact(g.region),
        country=fact(g.country),
        agency=fact(g.agency),
        subject_weapon=fact(g.subject_weapon),
        officers_fired=fact(g.officers_fired),
    )


def store_in_order(results: Sequence[DocResult]) -> tuple[dict[Item, int], dict[str, str]]:
    """Store results in a fresh SQLite file; return incident per item and copies' originals."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/linking.db")
        upgrade(engine)
        sessions = session_factory(engine)
        for r in results:
            store_result(sessions, r)
        with sessions() as session:
            incident = {
                (m.document.external_id, m.position): m.incident_id
                for m in session.scalars(select(MentionRow))
            }
            stmt = (
                select(DocumentSourceRow.external_id, DocumentRow.external_id)
                .join(DocumentRow, DocumentRow.id == DocumentSourceRow.document_id)
                .where(DocumentSourceRow.similarity < 1)
            )
            originals = {copy: original for copy, original in session.execute(stmt)}
        engine.dispose()
    return incident, originals


def _keys(doc: GoldDoc) -> list[str]:
    return [str(g.extra.get("incident_key")) for g in doc.incidents]


def quality(gold_docs: list[GoldDoc], results: dict[str, DocResult], label: str) -> dict:
    """Store in two orders; return the figures of the grouping against the gold keys."""
    by_id = {g.id: g for g in gold_docs}
    item_gold: dict[Item, str] = {}
    unmatched = 0
    for doc in gold_docs:
        result = results[doc.id]
        pred = [predicted_from_mention(m, doc.id).incident for m in result.mentions]
        match = match_incidents(doc.incidents, pred)
        keys = _keys(doc)
        for gi, pi in match.pairs:
            item_gold[(doc.id, pi)] = keys[gi]
        unmatched += len(match.unmatched_pred)
    ordered = [results[g.id] for g in gold_docs]
    runs = [store_in_order(ordered), store_in_order(list(reversed(ordered)))]
    figures: dict = {"label": label, "unmatched": unmatched}
    groupings = []
    for name, (incident, originals) in zip(("forward", "reversed"), runs, strict=True):
        placed = _with_copies(incident, originals, item_gold)
        scored = {i: k for i, k in item_gold.items() if i in placed}
        figures[name] = (pairwise(placed, scored), bcubed(placed, scored), len(scored))
        bad_copies = [
            c for c, o in originals.items() if sorted(_keys(by_id[c])) != sorted(_keys(by_id[o]))
        ]
        figures[f"{name}_copies"] = (len(originals), bad_copies)
        clusters: dict[object, set[Item]] = defaultdict(set)
        for item, inc in placed.items():
            clusters[inc].add(item)
        groupings.append({frozenset(c) for c in clusters.values()})
    figures["same_grouping"] = groupings[0] == groupings[1]
    return figures


def _with_copies(
    incident: dict[Item, int], originals: dict[str, str], item_gold: dict[Item, str]
) -> dict[Item, object]:
    """Return the incident of every item; a copy's item takes the incident of the original's
    item with the same gold key (the store keeps the copy as a source of the original)."""
    placed: dict[Item, object] = dict(incident)
    by_doc_key = {(i[0], k): incident[i] for i, k in item_gold.items() if i in incident}
    for item, key in item_gold.items():
        original = originals.get(item[0])
        if original is not None:
            placed[item] = by_doc_key.get((original, key), ("copy", item))
    return placed


def run_quality(path: Path) -> list[dict]:
    gold_docs = read_gold(path)
    from forcewatch.pipeline import Pipeline

    pipeline = Pipeline(load_settings())
    piped = {g.id: pipeline.process(g.document) for g in gold_docs}
    perfect = {
        g.id: DocResult(
            g.document,
            Detection(True, 1.0),
            tuple(gold_mention(g.document, i) for i in g.incidents),
        )
        for g in gold_docs
    }
    return [
        quality(gold_docs, piped, "pipeline mentions"),
        quality(gold_docs, perfect, "gold mentions"),
    ]


def quality_table(rows: list[dict], path: Path) -> str:
    out = [
        f"Linking quality on `{path}` (pairwise and B-cubed against `incident_key`):",
        "",
        "| mentions | order | scored | pairwise P | R | F1 | B-cubed P | R | F1 | copies (wrong) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        for order in ("forward", "reversed"):
            (pp, pr, pf), (bp, br, bf), n = row[order]
            copies, bad = row[f"{order}_copies"]
            out.append(
                f"| {row['label']} | {order} | {n} | {pp:.3f} | {pr:.3f} | {pf:.3f} | "
                f"{bp:.3f} | {br:.3f} | {bf:.3f} | {copies} ({len(bad)}) |"
            )
    out.append("")
    for row in rows:
        out.append(
            f"- {row['label']}: both orders gave identical groupings: {row['same_grouping']}; "
            f"pipeline mentions matching no gold incident (not scored): {row['unmatched']}"
        )
    return "\n".join(out)


# ---------------------------------------------------------------- synthetic speed

FIRST = """james john robert michael william david richard joseph thomas charles daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald jason
edward jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin samuel gregory alexander patrick frank raymond jack dennis jerry tyler aaron jose adam
nathan henry zachary douglas peter kyle noah ethan jeremy walter christian keith roger terry
austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe
logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley
philip eugene mary patricia jennifer linda elizabeth barbara susan jessica sarah karen aroha
wiremu tane mere hemi anahera rawiri""".split()
COUNTRIES = ("US", "NZ", "AU", "GB", "CA")


_WEIGHTS: dict[int, list[float]] = {}


def _zipf_pick(rng: random.Random, items: Sequence[str], s: float = 0.6) -> str:
    """Pick an item with Zipf weights 1/rank**s (a few common names, a long tail)."""
    if len(items) not in _WEIGHTS:
        cum = itertools.accumulate(1 / (r + 1) ** s for r in range(len(items)))
        _WEIGHTS[len(items)] = list(cum)
    return rng.choices(items, cum_weights=_WEIGHTS[len(items)])[0]


def synthetic(n: int, seed: int = 1) -> tuple[list[LinkMention], dict[str, int]]:
    """Return about n mentions of people told 1-5 times each, and the true person per key."""
    rng = random.Random(seed)
    surnames = [f"{a}{b}{c}" for a in ("mar", "tan", "hal", "dun", "ree", "kho", "mer", "cas",
                "orb", "lin", "ouel", "hart", "wil", "ngata", "pat", "sing", "smi", "john",
                "brow", "gar") for b in ("rin", "e", "ley", "stan", "d", "ury", "cier", "tillo",
                "in", "qvist", "let", "well", "son", "ford", "el", "h", "th", "ston", "ne", "cia")
                for c in ("", "s", "er", "ino", "a")]  # fmt: skip
    rng.shuffle(surnames)
    regions = [f"region{i}" for i in range(60)]
    towns = {r: [f"{r}-town{j}" for j in range(12)] for r in regions}
    start = dt.date(2014, 1, 1)
    mentions: list[LinkMention] = []
    truth: dict[str, int] = {}
    person = 0
    while len(mentions) < n:
        person += 1
        first, surname = _zipf_pick(rng, FIRST), _zipf_pick(rng, surnames)
        region = rng.choice(regions)
        place = rng.choice(towns[region])
        country = COUNTRIES[regions.index(region) % len(COUNTRIES)]
        day = start + dt.timedelta(days=rng.randrange(3650))
        age = rng.randint(16, 70)
        outcome = rng.choice(("fatal", "fatal", "injured", "missed"))
        for story in range(min(rng.choice((1, 2, 3, 3, 4, 5)), n - len(mentions))):
            doc = f"doc{person:07d}-{story}"
            kind = rng.random()
            name: str | None = f"{first.title()} {surname.title()}"
            if story == 0 and kind < 0.4:
                name = None  # the breaking story has no name
            elif kind < 0.15:
                name = surname.title()  # surname-only follow-up
            elif kind < 0.25:
                name = f"{first[0].upper()}. {surname.title()}"
            date: PartialDate | None = PartialDate.from_date(
                day + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            )
            if rng.random() < 0.1 and name is not None:
                date = PartialDate(day.year, day.month)
            elif rng.random() < 0.05 and name is not None:
                date = None
            m = LinkMention(
                key=f"{doc}:0000",
                doc=doc,
                name=name,
                age=age if rng.random() < 0.7 else None,
                sex="male" if first not in FIRST[-12:] else "female",
                outcome=outcome,
                force="firearm",
                date=date,
                place=place,
                region=region,
                country=country,
            )
            mentions.append(m)
            truth[m.key] = person
    rng.shuffle(mentions)
    return mentions, truth


def time_cluster(n: int) -> tuple[float, float, float]:
    """Return (seconds, pairwise F1 on a 3k sample, B-cubed F1) of clustering n mentions."""
    mentions, truth = synthetic(n)
    t0 = time.process_time()  # CPU time: other work on a shared machine does not count
    groups = cluster(mentions)
    seconds = time.process_time() - t0
    pred = {k: i for i, g in enumerate(groups) for k in g}
    sample = sorted(truth)[:3000]
    gold = {(k, 0): str(truth[k]) for k in sample}
    predicted = {(k, 0): pred[k] for k in sample}
    _, _, bf = bcubed(predicted, gold)
    _, _, pf = pairwise(predicted, gold)
    return seconds, pf, bf


def time_store(n: int) -> float:
    """Return the seconds to store n synthetic mentions (one document each) in SQLite."""
    mentions, _ = synthetic(n, seed=2)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/speed.db")
        upgrade(engine)
        sessions = session_factory(engine)
        results = [_as_result(m) for m in mentions]
        t0 = time.perf_counter()
        for r in results:
            store_result(sessions, r)
        seconds = time.perf_counter() - t0
        engine.dispose()
    return seconds


def _as_result(m: LinkMention) -> DocResult:
    text = f"Synthetic report {m.doc}: {m.name or 'a person'} in {m.place} on {m.date}."
    doc = Document(m.doc, text, origin=m.doc)
    fact: Callable[[object], Fact | None] = lambda v: None if v is None else Fact(v, 0.8)  # noqa: E731
    mention = Mention(
        doc_id=doc.doc_id,
        outcome=Fact(m.outcome, 0.8),
        force=Fact(m.force, 0.8),
        confidence=0.8,
        subject_name=fact(m.name),
        subject_age=fact(m.age),
        subject_sex=fact(m.sex),
        date=fact(m.date),
        place=fact(m.place),
        region=fact(m.region),
        country=fact(m.country),
    )
    return DocResult(doc, Detection(True, 0.9), (mention,))


def speed_table(sizes: list[int], store_n: int) -> str:
    out = [
        "CPU time to link synthetic mentions (in-memory `link.cluster.cluster`, one process):",
        "",
        "| mentions | seconds | s / (n log n), relative to the first | pairwise F1 | B-cubed F1 |",
        "|---:|---:|---:|---:|---:|",
    ]
    base = None
    time_cluster(500)  # warm up: imports and first-use caches are not linking time
    for n in sizes:
        seconds, pf, bf = time_cluster(n)
        ratio = seconds / (n * math.log(n))
        base = base or ratio
        out.append(f"| {n:,} | {seconds:.2f} | {ratio / base:.2f} | {pf:.3f} | {bf:.3f} |")
    if store_n:
        seconds = time_store(store_n)
        out += [
            "",
            f"Storing {store_n:,} synthetic mentions (one document each) through the SQLite "
            f"store with incremental linking: {seconds:.1f} s ({store_n / seconds:.0f} mentions/s).",
        ]
    return "\n".join(out)


def reference_sides(n: int, seed: int = 7) -> tuple[list[Side], list[Side]]:
    """Return n list records and n incidents over ten years of US dates; the even ones
    are the same shooting told by both sides (a day off now and then)."""
    rng = random.Random(seed)
    start = dt.date(2010, 1, 1)
    states = ["AZ", "CA", "TX", "FL", "WA", "OR", "NV", "GA", "OH", "NY"]
    records: list[Side] = []
    incidents: list[Side] = []
    for i in range(n):
        day = rng.randrange(3650)
        where = {"place": f"City{rng.randrange(400)}", "region": rng.choice(states)}
        name, age = f"Person Name{rng.randrange(2000)}", rng.randrange(16, 80)
        when = PartialDate.from_date(start + dt.timedelta(days=day))
        records.append(Side(i, when, "US", name=name, outcome="fatal", age=age, **where))
        if i % 2 == 0:
            shifted = start + dt.timedelta(days=day + rng.choice((0, 0, 1, -1)))
            side = Side(i, PartialDate.from_date(shifted), "US", name=name, age=age, **where)
        else:
            other = PartialDate.from_date(start + dt.timedelta(days=rng.randrange(3650)))
            side = Side(i, other, "US", region=rng.choice(states), outcome="injured")
        incidents.append(side)
    return records, incidents


def reference_table(n: int) -> str:
    """Time the 1:1 matching of n list records against n incidents (no database)."""
    records, incidents = reference_sides(n)
    started = time.process_time()
    pairs = reference_match(incidents, records)
    seconds = time.process_time() - started
    true = sum(1 for p in pairs if p.incident_id == p.record_id and p.incident_id % 2 == 0)
    return (
        f"Reference matching (`link.reference_match.match`), {n:,} records against {n:,} "
        f"incidents: {seconds:.2f} CPU s; {true:,} of {n // 2:,} true pairs found, "
        f"{len(pairs) - true:,} other pairs."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=Path("tests/data/linking/linking-set.jsonl"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--store-n", type=int, default=10000)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--reference-n", type=int, default=10000)
    args = parser.parse_args(argv)
    if not args.skip_quality:
        print(quality_table(run_quality(args.set), args.set), flush=True)
        print()
    print(speed_table([int(s) for s in args.sizes.split(",") if s], args.store_n), flush=True)
    print()
    print(reference_table(args.reference_n), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
