"""Writing predictions as JSON lines in gold field names."""

import json

from forcewatch.eval.predictions import write_predictions

from .builders import gold, incident, mention, result


def test_write_predictions_one_line_per_document(tmp_path):
    g1 = gold("d1", incident())
    g2 = gold("d2")
    m = mention(
        "d1",
        subject_name="Aroha Tane",
        date="2021-05",
        confidence=0.87654321,
        investigations=(("oversight", "pending"),),
    )
    path = tmp_path / "pred.jsonl"
    write_predictions(path, [result(g1, m), result(g2, score=0.3)])
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["d1", "d2"]
    assert lines[0]["relevant"] is True
    assert lines[0]["score"] == 0.8765
    inc = lines[0]["incidents"][0]
    assert inc["subject_name"] == "Aroha Tane"
    assert inc["date"] == "2021-05"
    assert inc["outcome"] == "fatal"
    assert inc["name_withheld"] is False
    assert inc["investigations"] == [{"body": "Body", "kind": "oversight", "finding": "pending"}]
    assert inc["confidence"] == 0.8765
    assert lines[1] == {"id": "d2", "relevant": False, "score": 0.3, "incidents": []}
