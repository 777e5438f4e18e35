"""End-to-end scan speed of `Guard` per surface, on real texts.

    .venv/bin/python bench/scan_speed.py [--data ../shared/data] [--repeat 5]

Prints, per surface: median µs per KB over individual texts (prompt surface: every row of
injection/train.jsonl), and MB/s over a 4 MB benign document corpus (response surface: the
salesforce RAG documents and alpaca answers concatenated). One core, medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

from _machine import cpu_model
from bastion import Guard


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=3000, help="texts for the per-text timing")
    args = ap.parse_args()
    rows = [json.loads(line) for line in (Path(args.data) / "injection" / "train.jsonl").open()]
    texts = [r["text"] for r in rows][: args.limit]
    benign_docs = [r["text"] for r in rows if r["label"] == 0 and r["source"] in ("salesforce", "alpaca_eval")]
    corpus = "\n\n".join(benign_docs)
    while len(corpus) < 4_000_000:
        corpus += "\n\n" + corpus
    corpus = corpus[:4_000_000]
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    guard = Guard(max_chars=10_000_000)
    for surface in ("prompt", "tool_output", "response"):
        guard.scan("warm up " * 100, surface)
        per_kb: list[float] = []
        for _ in range(args.repeat):
            total_us = 0.0
            total_kb = 0.0
            for t in texts:
                t0 = time.perf_counter()
                guard.scan(t, surface)
                total_us += (time.perf_counter() - t0) * 1e6
                total_kb += max(len(t.encode()), 1) / 1024
            per_kb.append(total_us / total_kb)
        mbps: list[float] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            guard.scan(corpus, surface)
            mbps.append(len(corpus.encode()) / 1e6 / (time.perf_counter() - t0))
        print(
            f"{surface:<12} per-text median {statistics.median(per_kb):8.1f} µs/KB over {len(texts)} texts | "
            f"bulk {statistics.median(mbps):7.2f} MB/s on {len(corpus) / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
