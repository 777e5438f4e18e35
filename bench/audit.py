"""Audit log benchmark: appends/s with the hash chain on SQLite, and verify records/s.

    .venv/bin/python bench/audit.py                 # default sizes
    .venv/bin/python bench/audit.py --appends 20000 --verify 200000 --repeat 3 --json

Every rate is printed twice: per wall-clock second (what a user sees on this machine right now)
and per CPU-second of this process (all its threads; less sensitive to other load on a shared
machine). Baselines in the same run: plain SQLite inserts of the same JSON with the same
durability (WAL, synchronous=FULL, same batch sizes) but no chain, masking or signing; and raw
SHA-256 over the same record bodies (the floor any hash-chain verifier pays).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from _machine import cpu_model
from bastion.audit import AuditEvent, AuditLog, PayloadMasker, SQLiteAuditStore, verify_jsonl

PAYLOAD: dict[str, Any] = {
    "decision_id": "4bf92f3577b34da6a3ce929d0e0e4736",
    "action": "deny",
    "policy_version": "2026-11-01.3",
    "agent": "support-bot",
    "tool": "send_email",
    "args": {"to": "someone@example.org", "subject": "Quarterly report", "body_len": 1234},
    "reasons": [{"rule": "flow.untrusted_to_sink", "detail": "recipient appears only in an untrusted web page"}],
}


def machine() -> dict[str, Any]:
    model = cpu_model()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg_1m": round(load[0], 2),
    }


class Timer:
    def __enter__(self) -> Timer:
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.w0
        self.cpu = time.process_time() - self.c0


async def fresh_log(d: Path, masker: PayloadMasker, key: Ed25519PrivateKey | None) -> AuditLog:
    for p in d.glob("a.db*"):
        p.unlink()
    log = AuditLog(SQLiteAuditStore(d / "a.db"), masker=masker, signing_key=key, checkpoint_every=1000)
    await log.open()
    return log


async def run_concurrent(log: AuditLog, n: int, producers: int) -> None:
    per = n // producers

    async def producer() -> None:
        for _ in range(per):
            await log.append("policy.decision", PAYLOAD, actor="agent:support-bot")

    await asyncio.gather(*(producer() for _ in range(producers)))


async def run_many(log: AuditLog, n: int, batch: int) -> None:
    events = [AuditEvent("policy.decision", PAYLOAD, actor="agent:support-bot")] * batch
    for _ in range(n // batch):
        await log.append_many(events)


def baseline_sqlite(d: Path, n: int, batch: int) -> None:
    """Peer floor: the same JSON rows, same durability and batching, no chain/masking/signing."""
    path = d / "plain.db"
    for p in d.glob("plain.db*"):
        p.unlink()
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("PRAGMA synchronous = FULL")
    c.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY, ts TEXT, type TEXT, body BLOB)")
    seq = 0
    for _ in range(n // batch):
        rows = []
        for _ in range(batch):
            seq += 1
            body = json.dumps({"payload": PAYLOAD, "actor": "agent:support-bot", "seq": seq}).encode()
            rows.append((seq, "2026-11-23T00:00:00.000000Z", "policy.decision", body))
        c.execute("BEGIN")
        c.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
        c.execute("COMMIT")
    c.close()


def med(xs: list[float]) -> float:
    return statistics.median(xs)


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {"machine": machine(), "results": []}
    key = Ed25519PrivateKey.generate()
    fields_only = PayloadMasker(scan=False)
    t0 = time.perf_counter()
    full = PayloadMasker()  # Guard with the built-in secret + pii scanners
    out["guard_build_s"] = round(time.perf_counter() - t0, 2)
    n = args.appends

    def row(name: str, count: int, walls: list[float], cpus: list[float], note: str = "") -> None:
        r = {
            "name": name,
            "count": count,
            "per_s_wall": round(count / med(walls)),
            "per_s_cpu": round(count / med(cpus)),
            "note": note,
        }
        out["results"].append(r)
        if not args.json:
            print(f"{name:<58} {r['per_s_wall']:>10,}/s wall {r['per_s_cpu']:>10,}/s cpu  {note}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)

        async def measure(
            name: str, count: int, masker: PayloadMasker, go: Callable[[AuditLog], Awaitable[None]], note: str = ""
        ) -> None:
            walls, cpus = [], []
            for _ in range(args.repeat):
                log = await fresh_log(d, masker, key)
                with Timer() as t:
                    await go(log)
                await log.close()
                walls.append(t.wall)
                cpus.append(t.cpu)
            row(name, count, walls, cpus, note)

        await measure(
            f"append, {args.producers} concurrent producers (group commit)",
            n,
            fields_only,
            lambda lg: run_concurrent(lg, n, args.producers),
            "chain + field-name masking + checkpoints/1000",
        )
        await measure(
            f"append, {args.producers} concurrent producers, Guard masking",
            n // 4,
            full,
            lambda lg: run_concurrent(lg, n // 4, args.producers),
            "chain + Guard(secret,pii) scan of every string",
        )
        walls, cpus = [], []
        for _ in range(args.repeat):
            with Timer() as t:
                for _ in range(n // 4):
                    full.mask(PAYLOAD)
            walls.append(t.wall)
            cpus.append(t.cpu)
        row(
            "  of which: PayloadMasker(Guard secret,pii).mask alone",
            n // 4,
            walls,
            cpus,
            "the detectors' cost per record",
        )
        await measure(
            "append_many, batches of 500",
            n,
            fields_only,
            lambda lg: run_many(lg, n, 500),
            "chain + field-name masking + checkpoints/1000",
        )
        seq_n = max(200, n // 50)
        await measure(
            "append, one at a time (one fsync'ed commit each)",
            seq_n,
            fields_only,
            lambda lg: run_concurrent(lg, seq_n, 1),
            "latency-bound",
        )
        walls, cpus = [], []
        for _ in range(args.repeat):
            with Timer() as t:
                baseline_sqlite(d, n, 500)
            walls.append(t.wall)
            cpus.append(t.cpu)
        row("peer floor: plain SQLite INSERT, batches of 500", n, walls, cpus, "same JSON, WAL+FULL, no chain")

        # -- verify --------------------------------------------------------------------
        vn = args.verify
        log = await fresh_log(d, fields_only, key)
        events = [AuditEvent("policy.decision", PAYLOAD, actor="agent:support-bot")] * 2000
        for _ in range(vn // 2000):
            await log.append_many(events)
        walls, cpus = [], []
        for _ in range(args.repeat):
            with Timer() as t:
                rep = await log.verify()
            assert rep.ok and rep.records_checked == vn, rep
            walls.append(t.wall)
            cpus.append(t.cpu)
        row("verify (SQLite, chain + checkpoint signatures)", vn, walls, cpus, f"{rep.signatures_checked} signatures")
        export = d / "e.jsonl"
        with export.open("wb") as fh:
            async for line in log.export_jsonl():
                fh.write(line)
        bodies = []
        async for batch in log.store.scan(0):
            bodies.extend(r.body for r in batch)
        await log.close()
        walls, cpus = [], []
        for _ in range(args.repeat):
            with Timer() as t, export.open("rb") as fh:
                rep = verify_jsonl(fh, public_keys=[key.public_key()])
            assert rep.ok
            walls.append(t.wall)
            cpus.append(t.cpu)
        row("verify_jsonl (offline, from an export file)", vn, walls, cpus, "parses + re-canonicalises each line")
        walls, cpus = [], []
        for _ in range(args.repeat):
            with Timer() as t:
                for b in bodies:
                    hashlib.sha256(b).hexdigest()
            walls.append(t.wall)
            cpus.append(t.cpu)
        row("peer floor: raw SHA-256 over the same bodies", vn, walls, cpus, f"{len(bodies[0])}-byte records")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--appends", type=int, default=20000, help="records per append run")
    ap.add_argument("--verify", type=int, default=200000, help="records in the verify run")
    ap.add_argument("--producers", type=int, default=64, help="concurrent producer tasks")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure (median reported)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if not args.json:
        m = machine()
        print(f"# bastion audit bench: {m['nproc']} cpu(s) {m['cpu']}, load {m['loadavg_1m']}, sqlite {m['sqlite']}")
    out = asyncio.run(bench(args))
    if args.json:
        sys.stdout.write(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
