"""Load test: 50 concurrent clients on a 20,000-incident store while an ingest writes.

    python benchmarks/load.py [--incidents 20000] [--clients 50] [--seconds 60]

1. Builds a SQLite store of `--incidents` synthetic incidents (benchmarks/web.py).
2. Starts `forcewatch serve` on it (uvicorn, one worker, 127.0.0.1).
3. Starts a real `forcewatch ingest` of synthetic articles (first reports and
   follow-ups, so incidents are linked and re-linked) into the same store.
4. For `--seconds`, `--clients` threads request the public API and pages: the
   incident list (with and without filters), random incident details, the stats,
   the dashboard and the incident pages. Every response is checked: status 200
   (or a redirect to a merged incident's survivor), and no incident half-linked -
   a detail whose incident has no source, or whose id is not the one asked for
   (other than a redirect), or a listed incident without a source count.
Prints requests, errors, half-linked responses, p50/p95/p99 latency and
requests/s. Exits 1 on any error or half-linked response. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web import _free_port, _pct, generate, serve  # noqa: E402

from forcewatch.batch.synthetic import generate as articles  # noqa: E402


@dataclass
class LoadResult:
    """What the clients saw."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    half_linked: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, float | int]:
        lat = self.latencies_ms or [0.0]
        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "half_linked": len(self.half_linked),
            "p50_ms": round(statistics.median(lat), 1),
            "p95_ms": round(_pct(lat, 95), 1),
            "p99_ms": round(_pct(lat, 99), 1),
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
        }


def _paths(rng: random.Random, n: int) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"/api/incidents/{rng.randrange(1, n + 1)}"
    if kind < 0.55:
        return "/api/incidents?limit=50"
    if kind < 0.65:
        return "/api/incidents?country=NZ&outcome=fatal"
    if kind < 0.75:
        return "/api/stats"
    if kind < 0.85:
        return f"/incidents/{rng.randrange(1, n + 1)}"
    if kind < 0.95:
        return "/incidents?q=Smith"
    return "/"


def _check(path: str, r: httpx.Response, result: LoadResult, lock: threading.Lock) -> None:
    problem = None
    half = None
    if r.status_code in (307, 308) and "/incidents/" in path:
        pass  # a merged incident: its survivor
    elif r.status_code == 404 and "/incidents/" in path:
        pass  # not published (candidate, rejected): the public may not see it
    elif r.status_code != 200:
        problem = f"{path}: HTTP {r.status_code}"
    elif path.startswith("/api/incidents/"):
        body = r.json()
        asked = int(path.rsplit("/", 1)[1])
        if body["incident"]["id"] != asked or not body["sources"]:
            half = f"{path}: id {body['incident']['id']}, {len(body['sources'])} sources"
    elif path.startswith("/api/incidents?"):
        for item in r.json()["items"]:
            if item.get("n_sources", 1) < 1:
                half = f"{path}: incident {item['id']} listed with no source"
    if problem or half:
        with lock:
            if problem:
                result.errors.append(problem)
            if half:
                result.half_linked.append(half)


def run_clients(base: str, n: int, clients: int, seconds: float, seed: int = 8) -> LoadResult:
    """Run `clients` threads against `base` for `seconds`; return what they saw."""
    result = LoadResult()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        with httpx.Client(base_url=base, timeout=30, follow_redirects=False) as c:
            while time.monotonic() < stop:
                path = _paths(rng, n)
                t = time.perf_counter()
                try:
                    r = c.get(path)
                except httpx.HTTPError as err:
                    with lock:
                        result.requests += 1
                        result.errors.append(f"{path}: {type(err).__name__}")
                    continue
                ms = (time.perf_counter() - t) * 1000
                _check(path, r, result, lock)
                with lock:
                    result.requests += 1
                    result.latencies_ms.append(ms)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    result.seconds = time.monotonic() - started
    return result


def start_ingest(db: Path, folder: Path, n_articles: int) -> subprocess.Popen:
    """Start a real `forcewatch ingest` of synthetic articles into the store."""
    corpus = folder / "load-articles.jsonl"
    corpus.write_text(
        "".join(json.dumps(o) + "\n" for o in articles(n_articles, relevant_share=0.5, seed=9)),
        encoding="utf-8",
    )
    cmd = [sys.executable, "-m", "forcewatch", "ingest", str(corpus), "--db",
           f"sqlite:///{db}", "--no-progress", "--json"]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def load_test(
    incidents: int, clients: int, seconds: float, folder: Path, articles_n: int = 400
) -> tuple[LoadResult, dict, float]:
    """Build the store, serve it, ingest into it and load it; return the clients' result,
    the ingest's summary and the seconds the store took to build."""
    db = folder / "load.db"
    t = time.monotonic()
    generate(db, incidents)
    built = time.monotonic() - t
    port = _free_port()
    server = serve(db, port)
    try:
        ingest = start_ingest(db, folder, articles_n)
        try:
            result = run_clients(f"http://127.0.0.1:{port}", incidents, clients, seconds)
        finally:
            out, err = ingest.communicate(timeout=600)
        if ingest.returncode != 0:
            raise RuntimeError(f"the ingest during the load failed: {err[-500:]}")
        return result, json.loads(out), built
    finally:
        server.terminate()
        server.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result, ingested, built = load_test(args.incidents, args.clients, args.seconds,
                                            Path(folder))  # fmt: skip
    s = result.summary()
    print(f"{args.clients} clients, {args.seconds:g} s, {args.incidents} incidents "
          f"(built in {built:.0f} s), ingest stored {ingested['new']} documents meanwhile")  # fmt: skip
    print("| requests | errors | half-linked | p50 ms | p95 ms | p99 ms | requests/s |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {s['requests']} | {s['errors']} | {s['half_linked']} | {s['p50_ms']} | "
          f"{s['p95_ms']} | {s['p99_ms']} | {s['requests_per_s']} |")  # fmt: skip
    for line in (result.errors + result.half_linked)[:10]:
        print("  ", line)
    return 1 if result.errors or result.half_linked else 0


if __name__ == "__main__":
    raise SystemExit(main())
