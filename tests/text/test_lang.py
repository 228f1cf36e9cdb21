"""detect_language: stopword profiles for Latin scripts, script ranges otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.text.lang import detect_language

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

SAMPLES = {
    "en": "The council said the road would stay closed for the rest of the week while "
    "crews repaired the damage caused by the storm.",
    "fr": "Le conseil municipal a annoncé que la route restera fermée pendant le reste de "
    "la semaine, le temps de réparer les dégâts causés par la tempête.",
    "de": "Der Gemeinderat teilte mit, dass die Straße für den Rest der Woche gesperrt "
    "bleibt, während die Schäden des Sturms repariert werden.",
    "es": "El ayuntamiento dijo que la carretera seguirá cerrada durante el resto de la "
    "semana mientras se reparan los daños causados por la tormenta.",
    "pt": "A câmara municipal disse que a estrada vai ficar fechada durante o resto da "
    "semana enquanto são reparados os danos causados pela tempestade.",
    "it": "Il consiglio comunale ha detto che la strada resterà chiusa per il resto della "
    "settimana mentre vengono riparati i danni causati dalla tempesta.",
    "nl": "De gemeenteraad zei dat de weg de rest van de week gesloten blijft terwijl de "
    "schade van de storm wordt hersteld.",
    "ru": "Городской совет сообщил, что дорога будет закрыта до конца недели.",
    "ja": "市議会は、嵐の被害を修理するため、道路は今週いっぱい閉鎖されると発表した。",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_is_guessed_from_a_sentence(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


@pytest.mark.parametrize("text", ["", "Police said", "12 34 56", "Breaking: road closed"])
def test_too_short_text_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_word_salad_without_function_words_gives_none() -> None:
    text = "zebra quantum lattice orbit velvet canyon pixel harbor meadow crystal walnut"
    assert detect_language(text) is None


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="shared corpora not present")
def test_every_english_gold_document_is_guessed_english() -> None:
    wrong = []
    for corpus in sorted(SHARED_DATA.glob("*.jsonl")):
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if doc.get("lang") == "en" and detect_language(doc["text"]) != "en":
                    wrong.append(doc["id"])
    assert wrong == []
