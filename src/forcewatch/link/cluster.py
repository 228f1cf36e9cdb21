"""Deterministic clustering of mentions into incidents, with curator constraints.

The result is a function of the set of mentions (and constraints), never of
the order they arrived in:

1. mentions are sorted by their canonical `key` (content hash and position);
2. candidate pairs come from blocking keys (`mention.blocking_keys`), and each
   is scored by `score.score_pair`, which reads the two mentions only;
3. curator must-links are applied first (union-find);
4. linking pairs are merged greedily, best score first, ties by keys; a merge is
   refused when any pair across the two clusters is a hard negative (two
   different names, one document, different country…) or a curator cannot-link.
   So an unnamed mention can never glue two differently named people together.

Incremental use (the store): adding mentions only changes the connected
component of linking pairs (and must-links) they fall into, so the store
reclusters that neighbourhood with `cluster()` and leaves the rest alone.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .mention import LinkMention, blocking_keys
from .score import FAR_DAYS, PairScore, score_pair


def pair(a: str, b: str) -> tuple[str, str]:
    """Return a pair of mention keys in canonical order."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class Constraints:
    """Curator decisions on mention pairs (keys in canonical order, see `pair`)."""

    must: frozenset[tuple[str, str]] = frozenset()
    cannot: frozenset[tuple[str, str]] = frozenset()


Bounds = tuple[int, int] | None  # a mention's date range as day ordinals, None undated


def _bounds(m: LinkMention) -> Bounds:
    if m.date is None:
        return None
    first, last = m.date.bounds()
    return first.toordinal(), last.toordinal()


class _Block:
    """The mentions under one blocking key: undated ones, and dated ones by first day.

    `near` skips dated mentions more than `FAR_DAYS` from the asker's date range:
    such a pair never links (`score.FAR_DAYS`), so leaving it out changes no
    grouping, and keeps a common surname's block from making linking quadratic.
    """

    __slots__ = ("undated", "dated", "widest")

    def __init__(self) -> None:
        self.undated: list[int] = []
        self.dated: list[tuple[int, int, int]] = []  # (first day, mention, last day)
        self.widest = 0  # the longest date range in the block, in days

    def add(self, i: int, bounds: Bounds) -> None:
        if bounds is None:
            self.undated.append(i)
            return
        bisect.insort(self.dated, (bounds[0], i, bounds[1]))
        self.widest = max(self.widest, bounds[1] - bounds[0])

    def near(self, bounds: Bounds) -> Iterable[int]:
        yield from self.undated
        if bounds is None:
            yield from (i for _, i, _ in self.dated)
            return
        lo = bisect.bisect_left(self.dated, (bounds[0] - FAR_DAYS - self.widest,))
        hi = bisect.bisect_right(self.dated, (bounds[1] + FAR_DAYS + 1,))
        for _, i, last in self.dated[lo:hi]:
            if last >= bounds[0] - FAR_DAYS:
                yield i


@dataclass
class BlockingIndex:
    """Mentions by blocking key and by probe, for candidate lookup."""

    by_key: dict[str, _Block] = field(default_factory=lambda: defaultdict(_Block))
    by_probe: dict[str, _Block] = field(default_factory=lambda: defaultdict(_Block))

    def add(self, i: int, m: LinkMention) -> set[int]:
        """Index mention `i` and return the indices of earlier candidates."""
        keys, probes = blocking_keys(m)
        bounds = _bounds(m)
        found: set[int] = set()
        for p in probes:
            if p in self.by_key:
                found.update(self.by_key[p].near(bounds))
        for k in keys:
            if k in self.by_probe:
                found.update(self.by_probe[k].near(bounds))
        for k in keys:
            self.by_key[k].add(i, bounds)
        for p in probes:
            self.by_probe[p].add(i, bounds)
        found.discard(i)
        return found


def candidate_edges(mentions: Sequence[LinkMention]) -> list[tuple[float, int, int]]:
    """Return linking pairs (score, i, j), i < j, among candidates from blocking."""
    index = BlockingIndex()
    edges: list[tuple[float, int, int]] = []
    for j, m in enumerate(mentions):
        for i in sorted(index.add(j, m)):
            s = score_pair(mentions[i], m)
            if s.links:
                edges.append((s.score, i, j))
    return edges


class _Clusters:
    """Union-find over mention indices that keeps each cluster's members."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]) or (
            len(self.members[ra]) == len(self.members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


def cluster(
    mentions: Iterable[LinkMention], constraints: Constraints | None = None
) -> list[tuple[str, ...]]:
    """Return the mentions' keys grouped into incidents, each group and the list sorted."""
    ms = sorted(mentions, key=lambda m: m.key)
    keys = [m.key for m in ms]
    if len(set(keys)) != len(keys):
        raise ValueError("mention keys must be unique")
    where = {k: i for i, k in enumerate(keys)}
    constraints = constraints or Constraints()
    clusters = _Clusters(len(ms))
    for a, b in sorted(constraints.must):
        if a in where and b in where:
            clusters.union(where[a], where[b])
    cannot = {(where[a], where[b]) for a, b in constraints.cannot if a in where and b in where}
    cannot |= {(j, i) for i, j in cannot}
    scored: dict[tuple[int, int], PairScore] = {}

    def vetoed(i: int, j: int) -> bool:
        if (i, j) in cannot:
            return True
        p = (i, j) if i < j else (j, i)
        if p not in scored:
            scored[p] = score_pair(ms[p[0]], ms[p[1]])
        return scored[p].cannot

    edges = candidate_edges(ms)
    edges.sort(key=lambda e: (-e[0], keys[e[1]], keys[e[2]]))
    for _, i, j in edges:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        left, right = clusters.members[ri], clusters.members[rj]
        if any(vetoed(x, y) for x in left for y in right):
            continue
        clusters.union(ri, rj)
    groups = [tuple(sorted(keys[i] for i in members)) for members in clusters.members.values()]
    return sorted(groups)


def linking_neighbours(m: LinkMention, others: Iterable[LinkMention]) -> list[LinkMention]:
    """Return the mentions among `others` that `m` has a linking pair with."""
    return [o for o in others if o.key != m.key and score_pair(m, o).links]
