"""Web API benchmark: 20,000 synthetic incidents in SQLite, served by uvicorn on loopback.

    python benchmarks/web.py [--incidents 20000] [--requests 400] [--concurrency 8]
                             [--db PATH] [--keep]

1. Generates `--incidents` synthetic incidents (one document, one mention with
   its facts, one incident each; 70 % confirmed) through the store models into a
   fresh SQLite file migrated by `store.db.upgrade`.
2. Starts `forcewatch serve` on that file on 127.0.0.1 in a subprocess.
3. Per endpoint, after a warm-up, sends `--requests` requests one after the
   other (latency: p50, p95, p99) and then the same number from
   `--concurrency` threads (requests per second), as the public (no session).

Endpoints: the incident list (first page, 50 rows), the list with filters
(country, outcome, text search), one incident (random ids), and the stats.
Prints a Markdown table; exits 1 when the list or stats p95 is 100 ms or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import insert

from forcewatch.records import Document, content_hash
from forcewatch.store.db import make_engine, session_factory, upgrade
from forcewatch.store.models import DocumentRow, FactRow, IncidentRow, MentionRow

PLACES = [
    ("NZ", "Auckland", "Auckland"), ("NZ", "Hamilton", "Waikato"), ("NZ", "Rotorua", "Bay of Plenty"),
    ("AU", "Bendigo", "Victoria"), ("AU", "Toowoomba", "Queensland"), ("AU", "Perth", "Western Australia"),
    ("GB", "Reading", "Berkshire"), ("GB", "Leeds", "West Yorkshire"), ("CA", "Surrey", "BC"),
    ("CA", "Winnipeg", "Manitoba"), ("US", "Lakeland", "FL"), ("US", "Tulsa", "OK"),
    ("US", "Fresno", "CA"), ("US", "Dayton", "OH"), ("ZA", "Soshanguve", "Gauteng"),
]  # fmt: skip
FIRST = ["James", "Aroha", "Liam", "Mere", "Noah", "Grace", "Tane", "Chloe", "Ethan", "Ruby"]
LAST = ["Walker", "Ngata", "Singh", "Brown", "Taylor", "Wilson", "Parata", "Nguyen", "Smith"]
OUTCOMES = ["fatal"] * 4 + ["injured"] * 4 + ["missed"] + ["unknown"]
WEAPONS = ["firearm", "knife", "handgun", "rifle", "vehicle", "none", None]
FORCES = ["firearm"] * 8 + ["taser", "restraint"]


def generate(path: Path, n: int, seed: int = 6) -> None:
    """Write `n` synthetic incidents into a new SQLite file at `path`."""
    rng = random.Random(seed)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    now = dt.datetime.now(dt.UTC)
    docs, incidents, mentions, facts = [], [], [], []
    for i in range(1, n + 1):
        country, place, region = rng.choice(PLACES)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        outcome = rng.choice(OUTCOMES)
        title = f"Police shoot {name} in {place}"
        text = (
            f"Police shot {name}, {rng.randrange(16, 70)}, in {place} on {day:%d %B %Y}. "
            f"Officers said the man had a weapon. Synthetic benchmark story number {i}."
        )
        content = Document(external_id=f"bench-{i}", text=text, title=title).content
        common = {
            "subject_name": name, "name_withheld": False, "subject_age": rng.randrange(16, 70),
            "subject_sex": "male", "outcome": outcome, "force": rng.choice(FORCES),
            "date": day.isoformat(), "date_precision": "day", "place": place, "region": region,
            "country": country, "agency": f"{country} Police", "subject_weapon": rng.choice(WEAPONS),
            "officers_fired": rng.choice([None, 1, 2]), "confidence": round(rng.uniform(0.5, 1), 3),
        }  # fmt: skip
        docs.append({
            "id": i, "content_hash": content_hash(text + title), "external_id": f"bench-{i}",
            "url": f"https://news.example/{i}", "source": "Bench News", "title": title,
            "text": text, "published": day, "lang": "en", "fmt": "txt", "origin": f"bench:{i}",
            "warnings": [], "relevant": True, "score": 0.9, "detector_relevant": True,
            "detector_score": 0.9, "detector_terms": ["shot"], "skipped": None, "ingested_at": now,
        })  # fmt: skip
        status = "confirmed" if rng.random() < 0.7 else rng.choice(["candidate", "rejected"])
        incidents.append(
            {"id": i, "status": status, "created_at": now, "updated_at": now, **common}
        )
        mentions.append({"id": i, "document_id": i, "incident_id": i, "position": 0, **common})
        sentence = content.index("Police shot")
        for field in ("subject_name", "outcome", "force", "date", "place", "subject_age"):
            facts.append({
                "mention_id": i, "document_id": i, "field": field,
                "value": str(common[field]), "confidence": 0.9,
                "start_char": sentence, "end_char": sentence + len(text.split(". ")[0]),
            })  # fmt: skip
    with session_factory(engine).begin() as session:
        for model, rows in ((DocumentRow, docs), (IncidentRow, incidents), (MentionRow, mentions),
                            (FactRow, facts)):  # fmt: skip
            for start in range(0, len(rows), 5000):
                session.execute(insert(model), rows[start : start + 5000])
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(path: Path, port: int) -> subprocess.Popen:
    """Start `forcewatch serve` on the file; return once it answers."""
    env = {**os.environ, "FORCEWATCH_SESSION_SECRET": "benchmark"}
    cmd = [sys.executable, "-c", "from forcewatch.cli import main; main()", "serve",
           "--db", f"sqlite:///{path}", "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("forcewatch serve did not answer within 60 s")


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(base: str, paths: list[str], requests: int, concurrency: int) -> dict[str, float]:
    """Return latency percentiles (ms, sequential) and requests/s (concurrent)."""
    with httpx.Client(base_url=base) as client:
        for p in paths[:20]:
            client.get(p).raise_for_status()
        times = []
        for i in range(requests):
            t = time.perf_counter()
            client.get(paths[i % len(paths)]).raise_for_status()
            times.append((time.perf_counter() - t) * 1000)

    def worker(k: int) -> None:
        with httpx.Client(base_url=base) as c:
            for i in range(k, requests, concurrency):
                c.get(paths[i % len(paths)]).raise_for_status()

    t = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    elapsed = time.perf_counter() - t
    return {
        "p50": statistics.median(times),
        "p95": _pct(times, 95),
        "p99": _pct(times, 99),
        "rps": requests / elapsed,
        "seq_rps": 1000 * len(times) / sum(times),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", type=Path, help="SQLite file to write (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated database")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="forcewatch-webbench-")
    path = args.db or Path(tmp.name) / "bench.db"
    if path.exists():
        path.unlink()
    t = time.perf_counter()
    generate(path, args.incidents)
    print(f"generated {args.incidents} incidents in {time.perf_counter() - t:.1f} s ({path})",
          file=sys.stderr)  # fmt: skip
    rng = random.Random(1)
    port = _free_port()
    proc = serve(path, port)
    endpoints = {
        "incident list (50 rows)": ["/api/incidents?limit=50"],
        "list with filters": [
            f"/api/incidents?country={c}&outcome={o}&q={q}&limit=50"
            for c, o, q in (
                ("NZ", "fatal", "ngata"),
                ("US", "injured", "tulsa"),
                ("AU", "missed", "perth"),
                ("GB", "fatal", "walker"),
            )  # fmt: skip
        ],
        "one incident": [f"/api/incidents/{rng.randint(1, args.incidents)}" for _ in range(300)],
        "stats": ["/api/stats"],
    }
    results = {}
    try:
        base = f"http://127.0.0.1:{port}"
        for name, paths in endpoints.items():
            if name == "one incident":  # the public gets 404 for unconfirmed ones: sample confirmed
                with httpx.Client(base_url=base) as c:
                    paths = [p for p in paths if c.get(p).status_code == 200]
            results[name] = measure(base, paths, args.requests, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if not args.keep:
            tmp.cleanup()
    print(f"\n{args.incidents} incidents, SQLite, one uvicorn worker, {args.requests} requests "
          f"per endpoint; latency sequential, req/s with {args.concurrency} clients\n")  # fmt: skip
    print(
        f"| endpoint | p50 ms | p95 ms | p99 ms | req/s (1 client) | req/s ({args.concurrency} clients) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['seq_rps']:.0f} | {r['rps']:.0f} |"
        )
    slow = [
        n
        for n in ("incident list (50 rows)", "list with filters", "stats")
        if results[n]["p95"] >= 100
    ]
    if slow:
        print(f"\nFAIL: p95 of {', '.join(slow)} is 100 ms or more", file=sys.stderr)
        return 1
    print("\nPASS: list and stats p95 under 100 ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
