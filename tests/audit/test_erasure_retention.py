"""GDPR erasure by crypto-shredding, key-encryption keys, and retention with signed anchors."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bastion.audit import AuditLog, AuditStore, PayloadMasker, SQLiteAuditStore, TamperKind
from bastion.errors import AuditIntegrityError, InputError

from .conftest import EMAIL


async def test_erasure_destroys_only_that_subject_and_keeps_verify_green(log: AuditLog) -> None:
    a1 = await log.append(
        "order.read", {"tool": "get_order", "customer": {"email": EMAIL}}, subject="cust-a", clear=("tool",)
    )
    b1 = await log.append(
        "order.read", {"tool": "get_order", "customer": {"name": "Bob"}}, subject="cust-b", clear=("tool",)
    )
    a2 = await log.append("order.read", {"note": "second"}, subject="cust-a")
    assert a1.sealed is not None and a1.subject_kid is not None
    assert a1.payload == {"tool": "get_order"}  # only clear= keys are readable without the key
    assert a1.subject_kid == a2.subject_kid != b1.subject_kid
    assert await log.reveal(a1) == {"tool": "get_order", "customer": {"email": EMAIL}}

    rep = await log.erase_subject("cust-a", actor="dpo@example.org")
    assert rep.erased and rep.kid == a1.subject_kid and rep.records_affected == 2
    assert await log.reveal(a1) == {"tool": "get_order", "_erased": True}
    assert await log.reveal(a2) == {"_erased": True}
    assert await log.reveal(b1) == {"tool": "get_order", "customer": {"name": "Bob"}}

    rep_v = await log.verify()
    assert rep_v.ok, rep_v.reason
    # The erasure is audited, naming only the destroyed key id, never the subject.
    last = [r async for r in log.records()][-1]
    assert last.event_type == "audit.erasure" and last.payload == {
        "erased": True,
        "kid": a1.subject_kid,
        "records_affected": 2,
    }
    assert "cust-a" not in str(last)
    # Erasing twice is harmless; a new record for the subject gets a fresh key.
    again = await log.erase_subject("cust-a")
    assert not again.erased and again.records_affected == 0
    a3 = await log.append("order.read", {"note": "after"}, subject="cust-a")
    assert a3.subject_kid not in (a1.subject_kid, None)
    assert await log.reveal(a3) == {"note": "after"}
    assert (await log.verify()).ok


async def test_erased_subject_data_is_gone_from_the_file(tmp_path: Path, stub_masker: PayloadMasker) -> None:
    db = tmp_path / "a.db"
    marker = "Zebulon-Quartermaine-7731"  # a name no detector masks: only encryption hides it
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        r = await lg.append("crm.lookup", {"name": marker}, subject="cust-z")
        for i in range(200):  # enough writes to move pages around
            await lg.append("noise", {"i": i})
        raw_key = await lg.store.key_by_kid(r.subject_kid or "")
        assert raw_key is not None
        await lg.erase_subject("cust-z")
        assert (await lg.verify()).ok
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert marker.encode() not in data  # never written in the clear
    assert raw_key not in data  # the key itself is scrubbed (secure_delete + WAL truncation)


async def test_kek_wraps_subject_keys(tmp_path: Path, stub_masker: PayloadMasker) -> None:
    db = tmp_path / "a.db"
    kek = secrets.token_bytes(32)
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, kek=kek) as lg:
        r = await lg.append("a.b", {"x": "private"}, subject="s")
    with pytest.raises(AuditIntegrityError, match="wrong key-encryption key"):
        async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, kek=secrets.token_bytes(32)):
            pass
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        with pytest.raises(AuditIntegrityError, match="wrapped with a key-encryption key"):
            await lg.reveal(r)
        with pytest.raises(InputError, match="pass the same kek"):
            await lg.erase_subject("s")
        with pytest.raises(InputError, match="pass the same kek"):
            await lg.append("a.b", {"x": 1}, subject="s")
        assert (await lg.verify()).ok  # verification needs no key
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, kek=kek) as lg:
        assert await lg.reveal(r) == {"x": "private"}
        assert (await lg.erase_subject("s")).erased
    with pytest.raises(InputError, match="32 bytes"):
        AuditLog(SQLiteAuditStore(db), kek=b"short")


async def test_tampered_sealed_payload_does_not_decrypt(log: AuditLog) -> None:
    from dataclasses import replace

    from bastion.audit import Sealed

    r = await log.append("a.b", {"x": 1}, subject="s")
    assert r.sealed is not None
    first = "B" if r.sealed.ciphertext[0] == "A" else "A"  # always a real change of the first character
    forged = replace(r, sealed=Sealed(nonce=r.sealed.nonce, ciphertext=first + r.sealed.ciphertext[1:]))
    with pytest.raises(AuditIntegrityError, match="does not decrypt"):
        await log.reveal(forged)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_retention_keeps_the_chain_verifiable(
    store_factory: Callable[[], AuditStore], signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker
) -> None:
    clock = Clock()
    async with AuditLog(
        store_factory(), signing_key=signing_key, masker=stub_masker, checkpoint_every=7, clock=clock
    ) as lg:
        for day in range(10):
            clock.now = datetime(2026, 1, 1 + day, 12, tzinfo=UTC)
            for i in range(5):
                await lg.append("tool.call", {"day": day, "i": i})
        clock.now = datetime(2026, 1, 11, 13, tzinfo=UTC)
        rep = await lg.apply_retention(max_age=timedelta(days=3))
        # Jan 1..Jan 8 (12:00) are older than the cutoff Jan 8 13:00 -> 8 days x 5 records go
        assert rep.deleted == 40 and rep.anchor is not None and rep.anchor.seq == 40 and rep.anchor.kind == "anchor"
        assert rep.first_seq == 41
        v = await lg.verify()
        assert v.ok, v.reason
        assert v.first_seq == 41 and v.last_seq == 50 and v.records_checked == 10
        # appending continues the chain after the anchor
        await lg.append("tool.call", {"after": True})
        assert (await lg.verify()).ok
        # nothing more to delete
        again = await lg.apply_retention(max_age=timedelta(days=3))
        assert again.deleted == 0 and again.anchor is None
        # everything can go; the anchor keeps the head provable
        gone = await lg.apply_retention(before=datetime(2027, 1, 1, tzinfo=UTC))
        assert gone.deleted == 11 and gone.first_seq is None
        v = await lg.verify()
        assert v.ok and v.records_checked == 0
        r = await lg.append("tool.call", {"fresh": 1})
        assert r.seq == 52
        assert (await lg.verify()).ok
        with pytest.raises(InputError, match="exactly one"):
            await lg.apply_retention()


async def test_retention_needs_signing_key_and_anchor_needs_public_key(
    tmp_path: Path, stub_masker: PayloadMasker
) -> None:
    key = Ed25519PrivateKey.generate()
    db = tmp_path / "a.db"
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        await lg.append("a.b", {})
        with pytest.raises(InputError, match="signing key"):
            await lg.apply_retention(max_age=timedelta(0))
        with pytest.raises(InputError, match="signing key"):
            await lg.checkpoint()
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, signing_key=key) as lg:
        await lg.append("a.b", {})
        await lg.apply_retention(max_age=timedelta(0))
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        rep = await lg.verify()
        assert rep.ok and any("anchor" in w for w in rep.warnings)
        rep = await lg.verify(public_keys=[Ed25519PrivateKey.generate().public_key()])
        assert not rep.ok and rep.problem == TamperKind.BAD_ANCHOR
        rep = await lg.verify(public_keys=[key.public_key()])
        assert rep.ok and rep.signatures_checked == 1


async def test_kek_cannot_be_added_to_an_existing_log(tmp_path: Path, stub_masker: PayloadMasker) -> None:
    db = tmp_path / "a.db"
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        await lg.append("a.b", {"x": 1}, subject="s")
    with pytest.raises(InputError, match="created without a key-encryption key"):
        async with AuditLog(SQLiteAuditStore(db), masker=stub_masker, kek=secrets.token_bytes(32)):
            pass
    async with AuditLog(SQLiteAuditStore(db), masker=stub_masker) as lg:
        assert (await lg.erase_subject("s")).erased
