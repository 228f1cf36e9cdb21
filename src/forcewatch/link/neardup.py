"""Near-duplicate documents: MinHash over word shingles, LSH bands, exact Jaccard check.

A syndicated copy or a re-published page with small edits has a different
content hash but nearly the same words. `signature(text)` gives NUM_PERM
MinHash values over word 3-shingles (folded, punctuation dropped); `bands`
cuts it into BANDS bands of ROWS values and hashes each to a 63-bit integer,
which the store indexes, so that a candidate is any stored document sharing a
band (with 16 bands of 8 rows, a pair at Jaccard 0.8 shares one with
probability 0.9996, at 0.5 with 0.06). Candidates are then confirmed with the
exact Jaccard of their shingle sets against `THRESHOLD`.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np

from .names import fold

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.8
MIN_SHINGLES = 8  # shorter texts are not compared (too little to tell a copy)

_PRIME = np.uint64(4294967311)  # the smallest prime above 2**32
_WORD = re.compile(r"\w+")


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Return fixed (a, b) coefficients of the hash permutations (seeded: stable)."""
    rng = np.random.default_rng(20240605)
    a = rng.integers(1, 2**31, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 2**31, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles(text: str) -> frozenset[str]:
    """Return the set of word 3-shingles of the folded text."""
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def signature(sh: frozenset[str]) -> np.ndarray:
    """Return the MinHash signature (NUM_PERM uint64 values) of a shingle set."""
    values = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
            for s in sorted(sh)
        ),
        dtype=np.uint64,
        count=len(sh),
    )
    a, b = _permutations()
    if values.size == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    hashed = (values[:, None] * a[None, :] + b[None, :]) % _PRIME
    return hashed.min(axis=0)


def bands(sig: np.ndarray) -> list[int]:
    """Return one 63-bit integer per band of the signature (fits a signed BIGINT)."""
    out = []
    for i in range(BANDS):
        chunk = sig[i * ROWS : (i + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(bytes([i]) + chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little") & (2**63 - 1))
    return out


def text_bands(text: str) -> list[int] | None:
    """Return the LSH band hashes of a text, or None when it is too short to compare."""
    sh = shingles(text)
    if len(sh) < MIN_SHINGLES:
        return None
    return bands(signature(sh))
