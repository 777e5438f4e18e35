"""`bastion log ...` end to end through the CLI."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from bastion.audit import AuditLog, PayloadMasker, SQLiteAuditStore, load_private_key
from bastion.cli import app


@pytest.fixture
def workdir(tmp_path: Path, stub_masker: PayloadMasker) -> Path:
    runner = CliRunner()
    res = runner.invoke(app, ["log", "keygen", "--out", str(tmp_path / "k")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "k.key").stat().st_mode & 0o777 == 0o600
    key = load_private_key((tmp_path / "k.key").read_bytes())

    async def fill() -> None:
        async with AuditLog(
            SQLiteAuditStore(tmp_path / "a.db"), signing_key=key, masker=stub_masker, checkpoint_every=5
        ) as lg:
            for i in range(12):
                await lg.append("tool.call", {"i": i}, subject="cust-1" if i % 2 else None)

    asyncio.run(fill())
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_verify_ok_and_tampered(workdir: Path) -> None:
    db, pub = str(workdir / "a.db"), str(workdir / "k.pub")
    code, out, _ = run("log", "verify", "--db", db, "--public-key", pub)
    assert code == 0 and out.startswith("OK: 12 record(s) (seq 1..12), 2 checkpoint(s), 2 signature(s) verified")
    code, out, _ = run("log", "verify", "--db", db, "--public-key", pub, "--json")
    assert code == 0 and orjson.loads(out)["ok"] is True
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("DROP TRIGGER audit_records_no_delete")
    c.execute("DELETE FROM audit_records WHERE seq = 4")
    c.close()
    code, out, _ = run("log", "verify", "--db", db, "--public-key", pub)
    assert code == 1
    assert out.startswith("TAMPERED: first bad record: seq 4 (deleted)")
    code, out, _ = run("log", "verify", "--db", db, "--chain-only", "--json")
    assert code == 1 and orjson.loads(out)["bad_seq"] == 4


def test_verify_usage_errors(workdir: Path) -> None:
    code, _, err = run("log", "verify", "--db", str(workdir / "a.db"))
    assert code == 2 and "--public-key" in err
    code, _, err = run("log", "verify", "--db", str(workdir / "nope.db"), "--chain-only")
    assert code == 2 and "no audit log at" in err
    (workdir / "junk.db").write_bytes(b"x" * 4096)
    code, _, err = run("log", "verify", "--db", str(workdir / "junk.db"), "--chain-only")
    assert code == 2 and "not a SQLite database" in err and "Traceback" not in err
    (workdir / "bad.pub").write_text("not a key")
    code, _, err = run("log", "verify", "--db", str(workdir / "a.db"), "--public-key", str(workdir / "bad.pub"))
    assert code == 2 and "not a PEM public key" in err


def test_export_and_offline_verify(workdir: Path) -> None:
    db, pub, out = str(workdir / "a.db"), str(workdir / "k.pub"), workdir / "e.jsonl"
    code, _, _ = run("log", "export", "--db", db, "--format", "jsonl", "--out", str(out))
    assert code == 0
    lines = out.read_bytes().splitlines()
    assert len(lines) == 13 and orjson.loads(lines[1])["_seq"] == 1
    code, stdout, _ = run("log", "verify", "--jsonl", str(out), "--public-key", pub)
    assert code == 0 and stdout.startswith("OK: 12 record(s)")
    out.write_bytes(b"\n".join(lines[:5] + lines[6:]) + b"\n")
    code, stdout, _ = run("log", "verify", "--jsonl", str(out), "--public-key", pub)
    assert code == 1 and "seq 5 (deleted)" in stdout
    code, _, err = run("log", "export", "--db", db, "--format", "csv")
    assert code == 2 and "jsonl" in err


def test_erase_checkpoint_retention(workdir: Path) -> None:
    db, key, pub = str(workdir / "a.db"), str(workdir / "k.key"), str(workdir / "k.pub")
    code, out, _ = run("log", "erase", "--db", db, "--subject", "cust-1")
    assert code == 0 and "6 record(s) can no longer be opened" in out
    code, out, _ = run("log", "export", "--db", db, "--reveal")
    rows = [orjson.loads(x) for x in out.splitlines()[1:]]
    assert rows[1]["revealed"] == {"_erased": True} and rows[0]["revealed"] == {"i": 0}
    code, out, _ = run("log", "verify", "--db", db, "-k", pub)
    assert code == 0, out
    code, out, _ = run("log", "checkpoint", "--db", db, "--signing-key", key)
    assert code == 0 and out.startswith("checkpoint: seq 13")
    code, out, _ = run("log", "retention", "--db", db, "--signing-key", key, "--max-age-days", "0")
    assert code == 0 and "deleted 13 record(s)" in out
    code, out, _ = run("log", "verify", "--db", db, "-k", pub)
    assert code == 0, out
    code, _, err = run("log", "keygen", "--out", str(workdir / "k"))
    assert code == 2 and "refusing to overwrite" in err
