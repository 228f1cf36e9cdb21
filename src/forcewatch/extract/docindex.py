"""Per-document lookups built once and kept on the spaCy Doc: entity by token, sentences.

Finding a token's entity or sentence by scanning `doc.ents` / `doc.sents` each time is
quadratic on long documents; these indexes make each lookup constant time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from forcewatch.records import Evidence

_KEY = "forcewatch_index"


@dataclass
class DocIndex:
    """Entities by token index, sentences in order with their token and character starts."""

    ent_at: dict[int, Span]
    sents: list[Span]
    sent_starts: list[int]  # token index of each sentence's first token
    sent_chars: list[int]  # character offset of each sentence

    def sentence_index(self, token_i: int) -> int:
        """Return the position of the sentence that holds token `token_i`."""
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def sentence_at_char(self, char: int) -> Span | None:
        """Return the sentence that holds character offset `char`, if any."""
        i = bisect.bisect_right(self.sent_chars, char) - 1
        if i < 0:
            return None
        sent = self.sents[i]
        return sent if sent.start_char <= char < sent.end_char else None


def index(doc: Doc) -> DocIndex:
    """Return the document's index, building it on first use."""
    found = doc.user_data.get(_KEY)
    if found is None:
        ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        sents = list(doc.sents)
        found = DocIndex(ent_at, sents, [s.start for s in sents], [s.start_char for s in sents])
        doc.user_data[_KEY] = found
    return found


def ent_of(token: Token) -> Span | None:
    """Return the named entity that `token` belongs to, if any."""
    return index(token.doc).ent_at.get(token.i)


def sentence_ents(sent: Span) -> list[Span]:
    """Return the entities inside `sent`, in order (`Span.ents` scans the whole Doc)."""
    ix = index(sent.doc)
    out: list[Span] = []
    for i in range(sent.start, sent.end):
        ent = ix.ent_at.get(i)
        if ent is not None and ent.start == i and ent.end <= sent.end:
            out.append(ent)
    return out


def evidence_of(doc_id: str, sent: Span) -> Evidence:
    """Return the evidence span of a whole sentence."""
    return Evidence(doc_id, sent.start_char, sent.end_char)


def ordered(*groups: Iterable[Span]) -> list[Span]:
    """Return the sentences of the groups in group order, each once."""
    seen: set[int] = set()
    out: list[Span] = []
    for group in groups:
        for s in group:
            if s.start not in seen:
                seen.add(s.start)
                out.append(s)
    return out
