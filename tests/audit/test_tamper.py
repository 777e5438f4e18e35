"""Every way an attacker with write access to the store would try to rewrite history is caught.

The attacker here has the SQLite file: they drop the append-only triggers first (they can),
then edit, delete, reorder, insert or re-hash records and checkpoints. ``verify`` must name
the first record touched and say how.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bastion.audit import (
    AuditLog,
    MemoryAuditStore,
    PayloadMasker,
    RawRecord,
    SQLiteAuditStore,
    TamperKind,
    canonical,
)
from bastion.audit._crypto import b64d, b64e, sign_checkpoint
from bastion.errors import AuditIntegrityError, StoreError

N = 25  # records; checkpoints every 10 -> at 10 and 20


@pytest.fixture
async def db(tmp_path: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker) -> AsyncIterator[Path]:
    path = tmp_path / "audit.db"
    async with AuditLog(SQLiteAuditStore(path), signing_key=signing_key, masker=stub_masker, checkpoint_every=10) as lg:
        for i in range(1, N + 1):
            await lg.append("tool.call", {"i": i, "tool": "send_email", "note": f"record {i}"})
    yield path


def attacker(path: Path) -> sqlite3.Connection:
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("DROP TRIGGER audit_records_no_update")
    c.execute("DROP TRIGGER audit_records_no_delete")
    return c


def row(c: sqlite3.Connection, seq: int) -> tuple[bytes, str]:
    body, h = c.execute("SELECT body, hash FROM audit_records WHERE seq = ?", (seq,)).fetchone()
    return bytes(body), str(h)


def rehash(body: dict) -> tuple[bytes, str]:
    b = canonical(body)
    return b, hashlib.sha256(b).hexdigest()


async def check(path: Path, key: Ed25519PrivateKey, stub_masker: PayloadMasker, **kw: object):
    async with AuditLog(SQLiteAuditStore(path), masker=stub_masker, create=False) as lg:
        return await lg.verify(public_keys=[key.public_key()], **kw)  # type: ignore[arg-type]


async def test_untouched_log_verifies(db: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker) -> None:
    rep = await check(db, signing_key, stub_masker)
    assert rep.ok and rep.records_checked == N and rep.signatures_checked == 2


def edit_payload_byte(c: sqlite3.Connection) -> None:
    body, _ = row(c, 7)
    c.execute("UPDATE audit_records SET body = ? WHERE seq = 7", (body.replace(b"record 7", b"record 8"),))


def edit_hash(c: sqlite3.Connection) -> None:
    _, h = row(c, 7)
    c.execute("UPDATE audit_records SET hash = ? WHERE seq = 7", (("0" if h[0] != "0" else "1") + h[1:],))


def edit_and_rehash(c: sqlite3.Connection) -> None:
    body, _ = row(c, 7)
    d = orjson.loads(body)
    d["payload"]["tool"] = "read_file"
    b, h = rehash(d)
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = 7", (b, h))


def edit_last_and_rehash(c: sqlite3.Connection) -> None:
    body, _ = row(c, N)
    d = orjson.loads(body)
    d["payload"]["tool"] = "read_file"
    b, h = rehash(d)
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = ?", (b, h, N))


def edit_column_type(c: sqlite3.Connection) -> None:
    body, _ = row(c, 7)
    c.execute("UPDATE audit_records SET body = ? WHERE seq = 7", (body.decode() + " ",))


def delete_middle(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM audit_records WHERE seq = 7")


def delete_range(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM audit_records WHERE seq BETWEEN 7 AND 9")


def delete_first(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM audit_records WHERE seq = 1")


def delete_last(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM audit_records WHERE seq = ?", (N,))


def truncate(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM audit_records WHERE seq > 22")


def truncate_and_fix_head(c: sqlite3.Connection) -> None:
    # The attacker also rewinds the head; the signed checkpoint at 20 still proves records existed.
    c.execute("DELETE FROM audit_records WHERE seq > 15")
    _, h = row(c, 15)
    c.execute("UPDATE audit_meta SET v = '15' WHERE k = 'head_seq'")
    c.execute("UPDATE audit_meta SET v = ? WHERE k = 'head_hash'", (h,))


def swap_two(c: sqlite3.Connection) -> None:
    b7, h7 = row(c, 7)
    b8, h8 = row(c, 8)
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = 7", (b8, h8))
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = 8", (b7, h7))


def swap_seq_columns(c: sqlite3.Connection) -> None:
    c.execute("UPDATE audit_records SET seq = -7 WHERE seq = 7")
    c.execute("UPDATE audit_records SET seq = 7 WHERE seq = 8")
    c.execute("UPDATE audit_records SET seq = 8 WHERE seq = -7")


def move_later(c: sqlite3.Connection) -> None:
    # record 7 moved to after record 12: 8..12 shift down one place
    b7, h7 = row(c, 7)
    for s in range(8, 13):
        b, h = row(c, s)
        c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = ?", (b, h, s - 1))
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = 12", (b7, h7))


def insert_forged_middle(c: sqlite3.Connection) -> None:
    # Shift 7..N up by one and put a well-formed forged record (correct _prev, correct hash) at 7.
    for s in range(N, 6, -1):
        c.execute("UPDATE audit_records SET seq = ? WHERE seq = ?", (s + 1, s))
    prev6 = row(c, 6)[1]
    d = orjson.loads(row(c, 8)[0])
    d.update({"_prev": prev6, "_seq": 7, "payload": {"i": 0, "tool": "approve_refund", "note": "forged"}})
    b, h = rehash(d)
    c.execute(
        "INSERT INTO audit_records(seq, ts, type, kid, body, hash) VALUES (7, ?, 'tool.call', NULL, ?, ?)",
        (d["ts"], b, h),
    )
    c.execute("UPDATE audit_meta SET v = ? WHERE k = 'head_seq'", (str(N + 1),))


def insert_forged_tail(c: sqlite3.Connection) -> None:
    last_b, last_h = row(c, N)
    d = orjson.loads(last_b)
    d.update({"_prev": last_h, "_seq": N + 1, "payload": {"i": 0, "tool": "cover_up"}})
    b, h = rehash(d)
    c.execute(
        "INSERT INTO audit_records(seq, ts, type, kid, body, hash) VALUES (?, ?, 'tool.call', NULL, ?, ?)",
        (N + 1, d["ts"], b, h),
    )


def rewrite_whole_chain(c: sqlite3.Connection) -> None:
    # Edit record 3 and recompute every later hash and the head: only the signed checkpoints catch it.
    prev = None
    for s in range(1, N + 1):
        d = orjson.loads(row(c, s)[0])
        if prev is not None:
            d["_prev"] = prev
        if s == 3:
            d["payload"]["tool"] = "nothing_to_see"
        b, h = rehash(d)
        c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = ?", (b, h, s))
        prev = h
    c.execute("UPDATE audit_meta SET v = ? WHERE k = 'head_hash'", (prev,))


def forge_checkpoint_signature(c: sqlite3.Connection) -> None:
    sig = c.execute("SELECT signature FROM audit_checkpoints WHERE seq = 20").fetchone()[0]
    raw = bytearray(b64d(sig))
    raw[0] ^= 1
    c.execute("UPDATE audit_checkpoints SET signature = ? WHERE seq = 20", (b64e(bytes(raw)),))


def checkpoint_hash_swapped(c: sqlite3.Connection) -> None:
    # A re-hashed chain plus the checkpoint's hash field changed to match (signature now invalid).
    rewrite_whole_chain(c)
    for s in (10, 20):
        c.execute("UPDATE audit_checkpoints SET hash = ? WHERE seq = ?", (row(c, s)[1], s))


def checkpoint_other_key(c: sqlite3.Connection) -> None:
    rewrite_whole_chain(c)
    k = Ed25519PrivateKey.generate()
    log_id = c.execute("SELECT v FROM audit_meta WHERE k = 'log_id'").fetchone()[0]
    for s in (10, 20):
        cp = sign_checkpoint(
            k, log_id=log_id, seq=s, hash_hex=row(c, s)[1], ts="2026-01-01T00:00:00.000000Z", kind="checkpoint"
        )
        c.execute(
            "UPDATE audit_checkpoints SET hash = ?, key_id = ?, signature = ? WHERE seq = ?",
            (cp.hash, cp.key_id, cp.signature, s),
        )


def fake_retention(c: sqlite3.Connection) -> None:
    # Delete the oldest records and claim retention did it, without a signed anchor.
    c.execute("UPDATE audit_meta SET v = '5' WHERE k = 'anchor_seq'")
    c.execute("DELETE FROM audit_records WHERE seq <= 5")


def fake_retention_reusing_checkpoint(c: sqlite3.Connection) -> None:
    # Reuse the genuine checkpoint at 10 as if it were a retention anchor.
    c.execute("UPDATE audit_meta SET v = '10' WHERE k = 'anchor_seq'")
    c.execute("DELETE FROM audit_records WHERE seq <= 10")


CASES: list[tuple[str, Callable[[sqlite3.Connection], None], TamperKind, int, str]] = [
    ("edit a payload byte", edit_payload_byte, TamperKind.EDITED, 7, "record 7 was edited"),
    ("edit a stored hash", edit_hash, TamperKind.EDITED, 7, "record 7 was edited"),
    ("edit and re-hash one record", edit_and_rehash, TamperKind.EDITED, 7, "hash recomputed"),
    ("edit and re-hash the last record", edit_last_and_rehash, TamperKind.EDITED, N, "head still has"),
    ("store the body as text", edit_column_type, TamperKind.EDITED, 7, "record 7"),
    ("delete a middle record", delete_middle, TamperKind.DELETED, 7, "record 7 is missing"),
    ("delete a range", delete_range, TamperKind.DELETED, 7, "records 7..9 are missing"),
    ("delete the first record", delete_first, TamperKind.DELETED, 1, "start of the log"),
    ("delete the last record", delete_last, TamperKind.TRUNCATED, N, f"record {N} missing"),
    ("truncate the tail", truncate, TamperKind.TRUNCATED, 23, "records 23..25"),
    ("truncate and rewind the head", truncate_and_fix_head, TamperKind.TRUNCATED, 16, "checkpoint"),
    ("swap two records", swap_two, TamperKind.REORDERED, 7, "record 7"),
    ("swap two seq numbers", swap_seq_columns, TamperKind.REORDERED, 7, "record 7"),
    ("move a record later", move_later, TamperKind.REORDERED, 7, "record 7 was moved"),
    ("insert a forged record", insert_forged_middle, TamperKind.INSERTED, 7, "inserted at seq 7"),
    ("append a forged record", insert_forged_tail, TamperKind.INSERTED, N + 1, "beyond the log's head"),
    ("re-hash the whole chain", rewrite_whole_chain, TamperKind.REWRITTEN, 1, "between seq 1 and seq 10"),
    ("forge a checkpoint signature", forge_checkpoint_signature, TamperKind.BAD_SIGNATURE, 20, "does not verify"),
    ("re-hash and patch checkpoints", checkpoint_hash_swapped, TamperKind.BAD_SIGNATURE, 10, "does not verify"),
    ("re-sign with another key", checkpoint_other_key, TamperKind.BAD_SIGNATURE, 10, "not among the given public keys"),
    ("fake retention", fake_retention, TamperKind.BAD_ANCHOR, 6, "no signed retention anchor"),
    (
        "reuse a checkpoint as anchor",
        fake_retention_reusing_checkpoint,
        TamperKind.BAD_ANCHOR,
        11,
        "no signed retention anchor",
    ),
]


@pytest.mark.parametrize(("name", "tamper", "kind", "seq", "reason"), CASES, ids=[c[0] for c in CASES])
async def test_tampering_is_detected(
    db: Path,
    signing_key: Ed25519PrivateKey,
    stub_masker: PayloadMasker,
    name: str,
    tamper: Callable[[sqlite3.Connection], None],
    kind: TamperKind,
    seq: int,
    reason: str,
) -> None:
    c = attacker(db)
    tamper(c)
    c.close()
    rep = await check(db, signing_key, stub_masker)
    assert not rep.ok, name
    assert (rep.problem, rep.bad_seq) == (kind, seq), rep.reason
    assert reason in rep.reason


async def test_raw_file_byte_flip(db: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker) -> None:
    data = bytearray(db.read_bytes())
    at = data.find(b"record 13")
    assert at > 0
    data[at + len("record 1")] = ord("4")
    db.write_bytes(bytes(data))
    rep = await check(db, signing_key, stub_masker)
    assert not rep.ok and rep.problem == TamperKind.EDITED and rep.bad_seq == 13


async def test_triggers_refuse_casual_edits(db: Path) -> None:
    c = sqlite3.connect(db, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        c.execute("UPDATE audit_records SET hash = 'x' WHERE seq = 3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        c.execute("DELETE FROM audit_records WHERE seq = 3")
    c.close()


async def test_wrong_public_key_and_no_key(db: Path, stub_masker: PayloadMasker) -> None:
    rep = await check(db, Ed25519PrivateKey.generate(), stub_masker)
    assert not rep.ok and rep.problem == TamperKind.BAD_SIGNATURE and rep.bad_seq == 10
    assert "not among the given public keys" in rep.reason
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, create=False) as lg:
        rep = await lg.verify()
    assert rep.ok and rep.signatures_checked == 0
    assert any("not checked" in w for w in rep.warnings)


async def test_tampered_log_is_never_signed_or_pruned(
    db: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker
) -> None:
    from datetime import timedelta

    c = attacker(db)
    edit_payload_byte(c)
    c.close()
    async with AuditLog(SQLiteAuditStore(db), signing_key=signing_key, masker=stub_masker) as lg:
        with pytest.raises(AuditIntegrityError, match="refusing to sign"):
            await lg.checkpoint()
        with pytest.raises(AuditIntegrityError, match="retention refused"):
            await lg.apply_retention(max_age=timedelta(0))
        assert [r.seq async for r in lg.records()] == list(range(1, N + 1))  # nothing was deleted


async def test_unreadable_record_raises_clearly(db: Path, stub_masker: PayloadMasker) -> None:
    c = attacker(db)
    c.execute("UPDATE audit_records SET body = ? WHERE seq = 4", (b"{not json",))
    c.close()
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        with pytest.raises(AuditIntegrityError, match="record 4 cannot be read"):
            [r async for r in lg.records()]
        rep = await lg.verify()
    assert not rep.ok and rep.bad_seq == 4


@pytest.mark.parametrize("content", [b"garbage" * 100, b""])
async def test_corrupt_database_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "bad.db"
    p.write_bytes(content)
    if content:
        with pytest.raises(StoreError, match="corrupt or not a SQLite database"):
            async with AuditLog(SQLiteAuditStore(p), create=False):
                pass
    else:  # an empty file is a fresh database
        async with AuditLog(SQLiteAuditStore(p)) as lg:
            assert (await lg.verify()).ok


async def test_memory_store_tampering(signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker) -> None:
    store = MemoryAuditStore()
    async with AuditLog(store, signing_key=signing_key, masker=stub_masker, checkpoint_every=10) as lg:
        for i in range(12):
            await lg.append("a.b", {"i": i})
        r = store.rows[5]
        store.rows[5] = RawRecord(r.seq, r.ts, r.event_type, r.kid, r.body.replace(b'"i":4', b'"i":9'), r.hash)
        rep = await lg.verify()
        assert (rep.problem, rep.bad_seq) == (TamperKind.EDITED, 5)
        store.rows[5] = r
        del store.rows[6]
        rep = await lg.verify()
        assert (rep.problem, rep.bad_seq) == (TamperKind.DELETED, 6)


async def test_signing_log_refuses_to_open_over_records_altered_after_the_last_checkpoint(
    db: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker
) -> None:
    # Records 21..25 are only chain-protected; an auto-checkpoint must never vouch for an edit there.
    c = attacker(db)
    body, _ = row(c, 23)
    d = orjson.loads(body)
    d["payload"]["tool"] = "read_file"
    b, h = rehash(d)
    c.execute("UPDATE audit_records SET body = ?, hash = ? WHERE seq = 23", (b, h))
    c.close()
    with pytest.raises(AuditIntegrityError, match=r"altered after its last signed checkpoint \(edited at seq 23"):
        async with AuditLog(SQLiteAuditStore(db), signing_key=signing_key, masker=stub_masker):
            pass
    # Without the signing key it still opens, for reading and investigation.
    rep = await check(db, signing_key, stub_masker)
    assert (rep.problem, rep.bad_seq) == (TamperKind.EDITED, 23)


async def test_signing_log_opens_when_only_older_records_were_altered(
    db: Path, signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker
) -> None:
    c = attacker(db)
    edit_payload_byte(c)  # record 7, before the checkpoint at 10: full verify's job
    c.close()
    async with AuditLog(SQLiteAuditStore(db), signing_key=signing_key, masker=stub_masker) as lg:
        rep = await lg.verify()
    assert (rep.problem, rep.bad_seq) == (TamperKind.EDITED, 7)
