"""The pipeline on the three New Zealand seed articles, checked field by field."""

from __future__ import annotations

import pytest

from forcewatch.eval.gold import read_gold
from forcewatch.eval.run import evaluate


@pytest.fixture(scope="module")
def seeds(shared_data, pipeline):
    gold = read_gold(shared_data / "seeds.jsonl")
    run = evaluate(gold, pipeline.process)
    return {g.id: result for g, result in run.pairs}


def _investigations(mention):
    return {
        (i.body, i.kind.value, i.finding.value if i.finding else None)
        for i in mention.investigations
    }


def test_seed_000_is_one_fatal_shooting_with_the_name_withheld(seeds):
    result = seeds["seed-000"]
    assert result.relevant
    assert len(result.mentions) == 1
    m = result.mentions[0]
    assert m.outcome.value == "fatal"
    assert m.force.value == "firearm"
    assert m.subject_name is None
    assert m.name_withheld is not None and m.name_withheld.value is True
    assert m.subject_weapon is not None and m.subject_weapon.value == "shotgun"
    assert ("IPCA", "oversight", "justified") in _investigations(m)


def test_seed_001_mosque_attack_is_not_a_police_shooting(seeds):
    assert not seeds["seed-001"].relevant
    assert seeds["seed-001"].mentions == ()


def test_seed_002_pera_smiler(seeds):
    result = seeds["seed-002"]
    assert result.relevant
    assert len(result.mentions) == 1
    m = result.mentions[0]
    assert m.subject_name is not None and m.subject_name.value == "Pera Smiler"
    assert m.outcome.value == "fatal"
    assert m.subject_weapon is not None and m.subject_weapon.value == "rifle"
    assert m.place is not None and m.place.value == "Upper Hutt"
    assert m.officers_fired is not None and m.officers_fired.value == 2
    assert ("IPCA", "oversight", "justified") in _investigations(m)


def test_every_fact_of_the_seeds_quotes_its_sentence(seeds):
    for result in seeds.values():
        content = result.document.content
        for m in result.mentions:
            for name, fact in m.facts().items():
                if fact.evidence is None:
                    continue
                assert fact.evidence.doc_id == result.document.doc_id
                assert 0 <= fact.evidence.start < fact.evidence.end <= len(content), name
