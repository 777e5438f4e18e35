"""Scenario 3 (issue 3): tampering with the audit log.

- editing, deleting or reordering ANY audit record is detected and named;
- ``kill -9`` during appends loses no acknowledged record;
- erasing a subject keeps ``bastion log verify`` green.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from bastion.audit import AuditLog, PayloadMasker, SQLiteAuditStore, TamperKind, private_key_pem, public_key_pem
from bastion.cli import app

N = 30


def _masker() -> PayloadMasker:
    return PayloadMasker(scan=False)  # field-name masking only: keeps the scenario fast and deterministic


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, key: Ed25519PrivateKey) -> Path:
    path = tmp_path_factory.mktemp("pristine") / "audit.db"

    async def fill() -> None:
        async with AuditLog(SQLiteAuditStore(path), signing_key=key, masker=_masker(), checkpoint_every=8) as lg:
            for i in range(1, N + 1):
                await lg.append("ticket.create", {"ticket": i, "title": f"printer on fire #{i}"}, actor="agent:support")

    asyncio.run(fill())
    return path


def _copy(src: Path, dst_dir: Path) -> sqlite3.Connection:
    dst = dst_dir / "audit.db"
    shutil.copy(src, dst)
    c = sqlite3.connect(dst, isolation_level=None)
    c.execute("DROP TRIGGER audit_records_no_update")
    c.execute("DROP TRIGGER audit_records_no_delete")
    return c


async def _verify(path: Path, key: Ed25519PrivateKey) -> tuple[bool, TamperKind | None, int | None]:
    async with AuditLog(SQLiteAuditStore(path), masker=_masker(), create=False) as lg:
        rep = await lg.verify(public_keys=[key.public_key()])
    return rep.ok, rep.problem, rep.bad_seq


async def test_every_record_edit_delete_and_swap_is_named(
    pristine: Path, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    assert await _verify(pristine, key) == (True, None, None)
    for k in range(1, N + 1):
        # edit one byte of record k
        c = _copy(pristine, tmp_path)
        body = bytes(c.execute("SELECT body FROM audit_records WHERE seq = ?", (k,)).fetchone()[0])
        c.execute("UPDATE audit_records SET body = ? WHERE seq = ?", (body.replace(b"on fire", b"on FIRE"), k))
        c.close()
        assert await _verify(tmp_path / "audit.db", key) == (False, TamperKind.EDITED, k), f"edit {k}"
        # delete record k
        c = _copy(pristine, tmp_path)
        c.execute("DELETE FROM audit_records WHERE seq = ?", (k,))
        c.close()
        want = TamperKind.TRUNCATED if k == N else TamperKind.DELETED
        assert await _verify(tmp_path / "audit.db", key) == (False, want, k), f"delete {k}"
        # swap records k and k+1
        if k < N:
            c = _copy(pristine, tmp_path)
            a = c.execute("SELECT body, hash FROM audit_records WHERE seq = ?", (k,)).fetchone()
            b = c.execute("SELECT body, hash FROM audit_records WHERE seq = ?", (k + 1,)).fetchone()
            c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = ?", (*b, k))
            c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = ?", (*a, k + 1))
            c.close()
            assert await _verify(tmp_path / "audit.db", key) == (False, TamperKind.REORDERED, k), f"swap {k}"


_CHILD = r"""
import asyncio, sys
from bastion.audit import AuditLog, PayloadMasker, SQLiteAuditStore

async def producer(log, w):
    i = 0
    while True:
        rec = await log.append("tool.call", {"worker": w, "i": i, "password": "never-stored"})
        sys.stdout.write(f"ack {rec.seq} {rec.correlation_id} {rec.hash}\n")
        sys.stdout.flush()
        i += 1

async def main():
    log = AuditLog(SQLiteAuditStore(sys.argv[1]), masker=PayloadMasker(scan=False))
    await log.open()
    sys.stdout.write("ready\n"); sys.stdout.flush()
    await asyncio.gather(*(producer(log, w) for w in range(8)))

asyncio.run(main())
"""


def _run_and_kill(db: Path, min_acks: int) -> dict[int, tuple[str, str]]:
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    acks: dict[int, tuple[str, str]] = {}
    assert proc.stdout is not None
    buf = b""
    deadline = time.monotonic() + 60
    try:
        while len(acks) < min_acks:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"child produced only {len(acks)} acks: {proc.stderr.read() if proc.stderr else ''}"
                )
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError(f"child exited early: {proc.stderr.read() if proc.stderr else ''}")
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                parts = line.decode().split()
                if parts and parts[0] == "ack":
                    acks[int(parts[1])] = (parts[2], parts[3])
        os.kill(proc.pid, signal.SIGKILL)  # mid-append: appends are in flight right now
        proc.wait(timeout=30)
        # acks already written to the pipe before the kill are acknowledged too
        rest = proc.stdout.read()
        for line in (buf + rest).split(b"\n"):
            parts = line.decode(errors="replace").split()
            if len(parts) == 4 and parts[0] == "ack":
                acks[int(parts[1])] = (parts[2], parts[3])
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for f in (proc.stdout, proc.stderr):
            if f is not None:
                f.close()
    assert proc.returncode == -signal.SIGKILL
    return acks


@pytest.mark.slow
async def test_kill_9_during_appends_loses_no_acknowledged_record(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    acked: dict[int, tuple[str, str]] = {}
    for _round in range(2):  # crash, recover, append more, crash again
        acked.update(await asyncio.to_thread(_run_and_kill, db, 400))
        async with AuditLog(SQLiteAuditStore(db), masker=_masker(), create=False) as lg:
            rep = await lg.verify()
            assert rep.ok, rep.reason
            stored = {r.seq: r async for r in lg.records()}
        for seq, (cid, h) in acked.items():
            assert seq in stored, f"acknowledged record {seq} lost"
            assert (stored[seq].correlation_id, stored[seq].hash) == (cid, h)
        assert rep.last_seq is not None and rep.last_seq >= max(acked)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"never-stored" not in raw


def test_erasing_a_subject_keeps_log_verify_green(tmp_path: Path, key: Ed25519PrivateKey) -> None:
    db = tmp_path / "audit.db"
    (tmp_path / "k.key").write_bytes(private_key_pem(key))
    (tmp_path / "k.pub").write_bytes(public_key_pem(key.public_key()))
    name = "Ottilie Wunderlich-Beispiel"

    async def fill() -> list[int]:
        seqs = []
        async with AuditLog(SQLiteAuditStore(db), signing_key=key, masker=_masker(), checkpoint_every=4) as lg:
            for i in range(10):
                subject = "customer-42" if i % 3 == 0 else None
                payload = (
                    {"tool": "lookup_customer", "customer": {"name": name, "order": 1000 + i}}
                    if subject
                    else {"tool": "noop", "i": i}
                )
                r = await lg.append("tool.call", payload, subject=subject, clear=("tool",) if subject else ())
                seqs.append(r.seq)
            await lg.checkpoint()
        return seqs

    asyncio.run(fill())
    runner = CliRunner()
    res = runner.invoke(app, ["log", "verify", "--db", str(db), "--public-key", str(tmp_path / "k.pub")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["log", "erase", "--db", str(db), "--subject", "customer-42"])
    assert res.exit_code == 0 and "4 record(s) can no longer be opened" in res.stdout
    res = runner.invoke(app, ["log", "verify", "--db", str(db), "--public-key", str(tmp_path / "k.pub")])
    assert res.exit_code == 0 and res.stdout.startswith("OK: 11 record(s)"), res.output
    res = runner.invoke(app, ["log", "export", "--db", str(db), "--reveal"])
    rows = [orjson.loads(x) for x in res.stdout.splitlines()[1:]]
    sealed = [r for r in rows if r["kid"] is not None]
    assert len(sealed) == 4 and all(r["revealed"] == {"tool": "lookup_customer", "_erased": True} for r in sealed)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert name.encode() not in raw and b"customer-42" not in raw
    # the chain still proves what happened around the erased records
    assert all(hashlib.sha256(b"x").hexdigest() != r["hash"] for r in rows)
