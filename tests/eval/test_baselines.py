"""The keyword and NER baselines, alone and side by side with the pipeline in `eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.errors import ConfigError
from forcewatch.eval.baselines import (
    BASELINE_CONFIDENCE,
    Baseline,
    keywords,
    make_baseline,
    ner,
    sentence_spans,
)
from forcewatch.records import Document, Force, Outcome

SMALL = Path(__file__).resolve().parents[1] / "data" / "eval" / "gold-small.jsonl"


def _doc(text: str, title: str | None = None) -> Document:
    return Document(external_id="t", text=text, title=title, origin="test", fmt="txt")


@pytest.fixture(scope="module")
def nlp(settings):
    from forcewatch.extract.nlp import load_model

    return load_model(settings.spacy_model)  # the pipeline's cached copy


@pytest.fixture(scope="module")
def ner_process(settings):
    return make_baseline(Baseline.NER, settings)


# ---------------------------------------------------------------- sentences


def test_sentences_end_at_stops_before_space_and_at_line_ends():
    text = 'Police shot a man. "He ran," a witness said.\nNew line 3.5 km away! Done'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Police shot a man.",
        '"He ran," a witness said.',
        "New line 3.5 km away!",
        "Done",
    ]


# ---------------------------------------------------------------- keywords


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Police shot a man who ran at them with an axe.", ("police", "shot")),
        ("A sheriff's deputy fatally wounded the driver.", ("sheriff", "fatally")),
        ("Two troopers were at the scene when the woman died.", ("troopers", "died")),
        ("The gardaí confirmed the death late on Sunday.", ("gardaí", "death")),
    ],
)
def test_keywords_relevant_when_one_sentence_has_both_words(text, terms):
    result = keywords(_doc(text))
    assert result.relevant is True
    assert result.detection.terms == terms
    (mention,) = result.mentions
    assert mention.subject_name is None
    assert mention.outcome.value is Outcome.UNKNOWN
    assert mention.force.value is Force.FIREARM
    assert mention.confidence == BASELINE_CONFIDENCE
    assert mention.outcome.evidence is not None
    assert mention.outcome.evidence.text(result.document.content) == text


@pytest.mark.parametrize(
    "text",
    [
        "Police closed the road on Monday. A man was shot in the next town.",
        "The officer bought a shotgun at the fair.",
        "A storm killed three people on the coast.",
    ],
)
def test_keywords_not_relevant_without_both_words_in_one_sentence(text):
    result = keywords(_doc(text))
    assert result.relevant is False
    assert result.mentions == ()
    assert result.score == 0.0


def test_keywords_reads_the_title_too():
    result = keywords(_doc("More to come.", title="Constable shot man in park"))
    assert result.relevant is True
    assert result.mentions[0].outcome.evidence.start == 0


# ---------------------------------------------------------------- ner


def test_ner_gives_one_incident_per_person_in_a_police_shot_sentence(ner_process):
    text = (
        "Armed police shot Tama Wiremu on Friday night.\n"
        "A spokeswoman said Wiremu was taken to hospital. Constable Ruth Adams was not hurt."
    )
    result = ner_process(_doc(text))
    assert result.relevant is True
    assert [m.subject_name.value for m in result.mentions] == ["Tama Wiremu"]
    (mention,) = result.mentions
    assert mention.outcome.value is Outcome.UNKNOWN
    assert mention.confidence == BASELINE_CONFIDENCE
    assert mention.subject_age is None and mention.place is None and mention.agency is None
    assert (
        mention.subject_name.evidence.text(text) == "Armed police shot Tama Wiremu on Friday night."
    )


def test_ner_outcome_is_fatal_when_a_sentence_of_the_name_says_killed(ner_process):
    text = (
        "Police shot Liam Byrne on Tuesday.\n"
        "Later gardaí said Liam Byrne had been killed by a garda bullet."
    )
    result = ner_process(_doc(text))
    (mention,) = result.mentions
    assert mention.subject_name.value == "Liam Byrne"
    assert mention.outcome.value is Outcome.FATAL
    assert mention.outcome.evidence.text(text).startswith("Later gardaí said")


def test_ner_not_relevant_without_a_person_in_the_sentence(ner_process):
    text = "Police shot a man in the leg after he ran at officers with a machete."
    result = ner_process(_doc(text))
    assert result.relevant is False
    assert result.mentions == ()


def test_ner_not_relevant_when_name_police_and_shot_are_in_different_sentences(ner_process):
    result = ner_process(_doc("Police said Maria Lopez was at home. She was shot by a neighbour."))
    assert result.relevant is False


def test_ner_leaves_the_shared_model_as_it_was(nlp):
    before = (list(nlp.pipe_names), list(nlp.disabled))
    result = ner(_doc("Officers shot and killed Daniel Okafor, police said."), nlp)
    assert [m.subject_name.value for m in result.mentions] == ["Daniel Okafor"]
    assert (list(nlp.pipe_names), list(nlp.disabled)) == before
    assert nlp("Police shot him.").has_annotation("DEP")


def test_unknown_baseline_name_is_a_config_error(settings):
    with pytest.raises(ConfigError, match="unknown baseline 'regex': use one of keywords, ner"):
        make_baseline("regex", settings)


# ---------------------------------------------------------------- eval command


def _cells(text: str, label: str) -> list[str]:
    line = next(ln for ln in text.splitlines() if ln.startswith(label))
    return line[len(label) :].split()


def test_eval_prints_pipeline_and_baselines_side_by_side():
    result = CliRunner().invoke(
        app, ["eval", str(SMALL), "--baseline", "keywords", "--baseline", "ner"]
    )
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[2].split()
    assert header == ["forcewatch", "keywords", "ner"]
    assert _cells(result.stdout, "Documents") == ["3"] * 6
    assert len(_cells(result.stdout, "  docs/s per core (CPU time)")) == 3


def test_eval_json_has_each_baseline_once_under_baselines():
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(SMALL),
            "--json",
            "--baseline",
            "ner",
            "--baseline",
            "keywords",
            "--baseline",
            "ner",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data["baselines"]) == ["ner", "keywords"]
    keyword_run = data["baselines"]["keywords"]
    assert set(keyword_run) == set(data) - {"baselines"}
    assert keyword_run["overall"]["docs"] == 3
    assert keyword_run["overall"]["names"]["predicted"] == 0
    assert keyword_run["overall"]["relevance"]["recall"] == 1.0


def test_eval_json_without_baseline_has_no_baselines_key():
    result = CliRunner().invoke(app, ["eval", str(SMALL), "--json"])
    assert result.exit_code == 0, result.output
    assert "baselines" not in json.loads(result.stdout)


def test_eval_rejects_an_unknown_baseline_as_a_usage_error():
    result = CliRunner().invoke(app, ["eval", str(SMALL), "--baseline", "regex"])
    assert result.exit_code == 2
    assert "regex" in result.output
