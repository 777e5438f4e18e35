"""The same tests against every backend: memory, SQLite, Redis (state, keys, limits, approvals)
and memory, SQLite, PostgreSQL (audit). Redis and PostgreSQL tests skip with a clear message
when the service is not running on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bastion.audit import AuditLog, MemoryAuditStore, PayloadMasker, SQLiteAuditStore
from bastion.gateway import (
    MemoryCounter,
    MemoryKeyStore,
    SqliteKeyStore,
    StateApprovalStore,
    ToolCall,
    check_key,
    mint_key,
)
from bastion.state import ApprovalRecord, ApprovalStatus, MemoryStateStore, SqliteStateStore
from tests.gateway.conftest import Harness, chat_body, completion, json_handler


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3):
            return True
    except OSError:
        return False


REDIS = _port_open(6379)
POSTGRES = _port_open(5432)
needs_redis = pytest.mark.skipif(
    not REDIS, reason="Redis not running on 127.0.0.1:6379 (start it to run the Redis backend tests)"
)
needs_pg = pytest.mark.skipif(
    not POSTGRES, reason="PostgreSQL not running on 127.0.0.1:5432 (start it to run the PostgreSQL backend tests)"
)


async def _redis_client() -> Any:
    from bastion.state._redis import connect

    return connect("redis://127.0.0.1:6379/0", max_connections=32, timeout_s=10.0)


async def _cleanup_redis(client: Any, prefix: str) -> None:
    async for k in client.scan_iter(match=prefix + "*", count=1000):
        await client.delete(k)
    await client.aclose()


@pytest.fixture(params=["memory", "sqlite", pytest.param("redis", marks=[needs_redis, pytest.mark.redis])])
async def state(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Any]:
    if request.param == "memory":
        yield MemoryStateStore()
    elif request.param == "sqlite":
        s = SqliteStateStore(tmp_path / "state.db")
        yield s
        await s.close()
    else:
        from bastion.state._redis import RedisStateStore

        prefix = f"bastion-test-{uuid.uuid4().hex}:"
        client = await _redis_client()
        yield RedisStateStore(client, prefix=prefix)
        await _cleanup_redis(client, prefix)


@pytest.fixture(params=["memory", pytest.param("redis", marks=[needs_redis, pytest.mark.redis])])
async def counter_factory(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    """Makes N counters that share state the way N replicas would."""
    if request.param == "memory":
        shared = MemoryCounter()
        yield lambda: shared
        return
    from bastion.state._redis import RedisCounter

    prefix = f"bastion-test-{uuid.uuid4().hex}:"
    clients: list[Any] = []

    def make() -> Any:
        from bastion.state._redis import connect

        c = connect("redis://127.0.0.1:6379/0", max_connections=32, timeout_s=10.0)
        clients.append(c)
        return RedisCounter(c, prefix=prefix)

    yield make
    for c in clients[1:]:
        await c.aclose()
    if clients:
        await _cleanup_redis(clients[0], prefix)


# ---------------------------------------------------------------- StateStore protocol


async def test_state_counters_and_windows(state: Any) -> None:
    assert await state.incr("c", 2.0) == 2.0
    assert await state.incr("c") == 3.0
    assert await state.get_counter("c") == 3.0
    assert await state.get_counter("none") == 0.0
    now = 1_000_020.0  # start of a 60 s window (a multiple of 60)
    for _ in range(5):
        total = await state.incr_window("w", 60.0, now)
    assert total == 5.0
    assert await state.incr_window("w", 60.0, now + 30) == pytest.approx(6.0)
    assert await state.incr_window("w", 60.0, now + 60 + 30) == pytest.approx(1.0 + 6.0 * 0.5)


async def test_state_token_bucket(state: Any) -> None:
    now = 100.0
    results = [await state.take_token("b", 1.0, 3.0, now) for _ in range(4)]
    assert [r.allowed for r in results] == [True, True, True, False]
    assert results[-1].retry_after_s == pytest.approx(1.0)
    assert (await state.take_token("b", 1.0, 3.0, now + 1.0)).allowed


async def test_state_flags_expire(state: Any) -> None:
    import time

    now = time.time()
    await state.set_flag("quarantine:a", "looping", now, ttl_s=0.2)
    await state.set_flag("quarantine:b", "manual", now)
    assert await state.get_flag("quarantine:a", now) == "looping"
    assert await state.list_flags("quarantine:", now) == {"quarantine:a": "looping", "quarantine:b": "manual"}
    await asyncio.sleep(0.3)
    assert await state.get_flag("quarantine:a", time.time()) is None
    assert await state.delete_flag("quarantine:b") is True
    assert await state.delete_flag("quarantine:b") is False


async def test_state_approvals_resolve_once(state: Any) -> None:
    rec = ApprovalRecord("ap1", ApprovalStatus.PENDING, 10.0, 1e12, "agent", "refund", "s1", "d1", {"amount": 5})
    await state.put_approval(rec)
    assert (await state.get_approval("ap1")) == rec
    results = await asyncio.gather(
        state.resolve_approval("ap1", ApprovalStatus.APPROVED, "alice", "ok", 20.0),
        state.resolve_approval("ap1", ApprovalStatus.DENIED, "bob", "no", 20.0),
    )
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    assert [r.approval_id for r in await state.list_approvals(winners[0].status)] == ["ap1"]
    assert await state.list_approvals(ApprovalStatus.PENDING) == []
    late = ApprovalRecord("ap2", ApprovalStatus.PENDING, 10.0, 15.0, "agent", "refund", "s1", "d2")
    await state.put_approval(late)
    assert (
        await state.resolve_approval("ap2", ApprovalStatus.APPROVED, "alice", "ok", 20.0) is None
    )  # past its deadline


async def test_gateway_approvals_on_each_state_store(state: Any) -> None:
    store = StateApprovalStore(state)
    call = ToolCall("c1", "refund", '{"order": 1, "amount": 9}')
    same_reordered = ToolCall("c2", "refund", '{"amount": 9, "order": 1}')
    a = await store.request("key1", call, "t1")
    assert (await store.request("key1", same_reordered, "t2")).approval_id == a.approval_id
    assert not await store.consume("key1", call)
    assert (await store.decide(a.approval_id, True)) is not None
    assert await store.decide(a.approval_id, False) is None  # already decided
    assert not await store.consume("key2", call)  # another key cannot use it
    results = await asyncio.gather(*(store.consume("key1", same_reordered) for _ in range(5)))
    assert sum(results) == 1  # used exactly once


# ---------------------------------------------------------------- limits across replicas


async def test_limit_is_exact_across_four_replicas(counter_factory: Any) -> None:
    """100/min shared by 4 gateway replicas admits exactly 100 of 400 concurrent requests."""
    from bastion.gateway import check_limit

    counters = [counter_factory() for _ in range(4)]

    async def replica(c: Any) -> int:
        res = await asyncio.gather(*(check_limit(c, "rpm:k1", 100) for _ in range(100)))
        return sum(r.allowed for r in res)

    allowed = await asyncio.gather(*(replica(c) for c in counters))
    assert sum(allowed) == 100


@needs_redis
@pytest.mark.redis
async def test_four_gateway_replicas_on_redis_admit_exactly_the_limit() -> None:
    from bastion.state._redis import RedisCounter, RedisKeyStore, connect

    prefix = f"bastion-test-{uuid.uuid4().hex}:"
    clients = [connect("redis://127.0.0.1:6379/0", max_connections=32, timeout_s=10.0) for _ in range(4)]
    keys = RedisKeyStore(clients[0], prefix=prefix + "key:")
    token, rec = mint_key("shared", rpm=100)
    await keys.put(rec)
    replicas = []
    for c in clients:
        h = Harness(
            json_handler(completion("ok")),
            keys=RedisKeyStore(c, prefix=prefix + "key:"),
            counter=RedisCounter(c, prefix=prefix),
        )
        h.key = token
        replicas.append(h)

    async def fire(h: Harness) -> list[int]:
        async with h.client() as cl:
            rs = await asyncio.gather(
                *(
                    cl.post("/v1/chat/completions", json=chat_body(), headers={"authorization": f"Bearer {token}"})
                    for _ in range(100)
                )
            )
        bad = [r.text for r in rs if r.status_code not in (200, 429)]
        assert not bad, bad[:3]
        return [r.status_code for r in rs]

    codes = [c for cs in await asyncio.gather(*(fire(h) for h in replicas)) for c in cs]
    assert codes.count(200) == 100
    assert codes.count(429) == 300
    for c in clients[1:]:
        await c.aclose()
    await _cleanup_redis(clients[0], prefix)


async def test_separate_memory_counters_are_per_process_only() -> None:
    """Documents why Redis is needed: 4 replicas with their own memory counters admit 4x."""
    from bastion.gateway import check_limit

    counters = [MemoryCounter() for _ in range(4)]
    allowed = 0
    for c in counters:
        for _ in range(100):
            allowed += (await check_limit(c, "rpm:k1", 100)).allowed
    assert allowed == 400


# ---------------------------------------------------------------- key stores


@pytest.fixture(params=["memory", "sqlite", pytest.param("redis", marks=[needs_redis, pytest.mark.redis])])
async def key_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Any]:
    if request.param == "memory":
        yield MemoryKeyStore()
    elif request.param == "sqlite":
        s = SqliteKeyStore(tmp_path / "keys.db", cache_ttl_s=0)
        yield s
        s.close()
    else:
        from bastion.state._redis import RedisKeyStore

        prefix = f"bastion-test-{uuid.uuid4().hex}:"
        client = await _redis_client()
        yield RedisKeyStore(client, prefix=prefix)
        await _cleanup_redis(client, prefix)


async def test_key_store_round_trip_and_revocation(key_store: Any) -> None:
    from bastion.gateway._keys import revoke

    token, rec = mint_key("a", rpm=5, tpm=50, expires_in_s=3600, policy="ops")
    await key_store.put(rec)
    got = await check_key(key_store, token)
    assert got.ok and got.key == rec
    assert [k.key_id for k in await key_store.list()] == [rec.key_id]
    assert await revoke(key_store, rec.key_id) is not None
    assert (await check_key(key_store, token)).status == "revoked"
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert (await check_key(key_store, forged)).status == "unknown"


# ---------------------------------------------------------------- audit stores


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=[needs_pg, pytest.mark.postgres])])
async def audit_store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Any]:
    """Makes stores that share one log (what replicas would share)."""
    made: list[Any] = []
    if request.param == "memory":
        shared = MemoryAuditStore()
        yield lambda: shared
    elif request.param == "sqlite":
        yield lambda: SQLiteAuditStore(tmp_path / "audit.db", synchronous="NORMAL")
    else:
        from bastion.audit._postgres import PostgresAuditStore

        schema = f"bastion_test_{uuid.uuid4().hex[:12]}"

        def make() -> Any:
            s = PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema)
            made.append(s)
            return s

        yield make
        if made:
            cleaner = PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema)
            await cleaner.open()
            await cleaner.drop()
            await cleaner.close()


async def test_audit_log_on_each_store(audit_store_factory: Any) -> None:
    async with AuditLog(audit_store_factory(), masker=PayloadMasker(scan=False)) as log:
        for i in range(20):
            await log.append(
                "gateway.llm.request",
                {"status": 200, "i": i},
                correlation_id="4bf92f3577b34da6a3ce929d0e0e4736",
                actor="key1",
            )
        report = await log.verify()
        assert report.ok and report.records_checked == 20
        recs = [r async for r in log.records()]
        assert recs[0].correlation_id == "4bf92f3577b34da6a3ce929d0e0e4736"


async def test_two_replicas_share_one_chain(audit_store_factory: Any) -> None:
    a = AuditLog(audit_store_factory(), masker=PayloadMasker(scan=False))
    b = AuditLog(audit_store_factory(), masker=PayloadMasker(scan=False))
    await a.open()
    await b.open()
    try:
        await asyncio.gather(
            *(a.append("gateway.llm.request", {"replica": "a", "i": i}) for i in range(15)),
            *(b.append("gateway.llm.request", {"replica": "b", "i": i}) for i in range(15)),
        )
        report = await a.verify()
        assert report.ok, report.reason
        assert report.records_checked == 30
    finally:
        await a.close()
        await b.close()


@needs_pg
@pytest.mark.postgres
async def test_postgres_records_are_append_only() -> None:
    import psycopg

    from bastion.audit._postgres import PostgresAuditStore
    from bastion.errors import StoreError

    schema = f"bastion_test_{uuid.uuid4().hex[:12]}"
    store = PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema)
    try:
        async with AuditLog(store, masker=PayloadMasker(scan=False)) as log:
            await log.append("gateway.llm.request", {"x": 1})
        async with await psycopg.AsyncConnection.connect("postgresql://127.0.0.1:5432/test", autocommit=True) as conn:
            await conn.execute(f'SET search_path TO "{schema}"')
            with pytest.raises(psycopg.Error):
                await conn.execute("UPDATE audit_records SET type = 'x'")
            with pytest.raises(psycopg.Error):
                await conn.execute("DELETE FROM audit_records")
        with pytest.raises(StoreError):
            PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema="Robert'); DROP TABLE x;--")
    finally:
        cleaner = PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema)
        await cleaner.open()
        await cleaner.drop()
        await cleaner.close()


@needs_pg
@pytest.mark.postgres
async def test_gateway_writes_its_audit_to_postgres() -> None:
    from bastion.audit._postgres import PostgresAuditStore
    from bastion.gateway._audit_log import AuditLogSink

    schema = f"bastion_test_{uuid.uuid4().hex[:12]}"
    log = AuditLog(
        PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema), masker=PayloadMasker(scan=False)
    )
    await log.open()
    h = Harness(json_handler(completion("ok")), audit=AuditLogSink(log))
    h.key = await h.new_key()
    tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    assert (await h.chat(chat_body(), headers={"traceparent": tp})).status_code == 200
    assert (await h.chat(b"{bad")).status_code == 400
    recs = [r async for r in log.records()]
    assert [r.event_type for r in recs] == ["gateway.llm.request", "gateway.llm.request"]
    assert recs[0].correlation_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert recs[1].payload["status"] == 400
    assert (await log.verify()).ok
    await log.close()
    cleaner = PostgresAuditStore("postgresql://127.0.0.1:5432/test", schema=schema)
    await cleaner.open()
    await cleaner.drop()
    await cleaner.close()


@pytest.mark.slow
async def test_embedded_defaults_sqlite_keys_state_and_audit(tmp_path: Path) -> None:
    """`bastion serve` with no config: SQLite keys/state/audit, demo upstream, working chain."""
    import httpx

    from bastion.config import BastionConfig
    from bastion.gateway import build_gateway

    cfg = BastionConfig.model_validate(
        {"stores": {"data_dir": str(tmp_path / "data")}, "inspection": {"classifier": False}}
    )
    gw, res = await build_gateway(cfg)
    token, rec = mint_key("dev")
    await gw.keys.put(rec)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=gw.app()), base_url="http://gw") as c:
        hdr = {
            "authorization": f"Bearer {token}",
            "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        }
        r = await c.post(
            "/v1/chat/completions",
            json={"model": "bastion-demo", "messages": [{"role": "user", "content": "hello"}]},
            headers=hdr,
        )
        assert r.status_code == 200 and "demo upstream" in r.json()["choices"][0]["message"]["content"]
        models = await c.get("/v1/models", headers=hdr)
        assert [m["id"] for m in models.json()["data"]] == ["bastion-demo"]
    await gw.aclose()
    await res.aclose()
    assert {p.name for p in (tmp_path / "data").iterdir()} >= {"keys.db", "state.db", "audit.db"}
    async with AuditLog(SQLiteAuditStore(tmp_path / "data" / "audit.db"), masker=PayloadMasker(scan=False)) as log:
        recs = [r async for r in log.records()]
        assert [r.event_type for r in recs] == ["gateway.llm.request"]
        assert recs[0].correlation_id == "4bf92f3577b34da6a3ce929d0e0e4736"
        assert recs[0].actor == rec.key_id
        assert (await log.verify()).ok
