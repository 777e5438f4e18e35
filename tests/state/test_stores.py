"""The StateStore contract, run against every backend."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bastion.errors import StoreError
from bastion.state import ApprovalRecord, ApprovalStatus, MemoryStateStore, SqliteStateStore, StateStore


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StateStore]:
    s: StateStore = MemoryStateStore() if request.param == "memory" else SqliteStateStore(tmp_path / "state.db")
    yield s
    await s.close()


def _record(aid: str, created: float = 100.0, expires: float = 200.0) -> ApprovalRecord:
    return ApprovalRecord(aid, ApprovalStatus.PENDING, created, expires, "agent", "send_email", "s1", "dec_1")


async def test_incr_window_sliding_estimate(store: StateStore) -> None:
    # window 60 s; 10 calls in window [0, 60), then at t=90 half of the previous window still counts
    for _ in range(10):
        n = await store.incr_window("k", 60.0, now=10.0)
    assert n == 10
    assert await store.incr_window("k", 60.0, now=90.0) == pytest.approx(1 + 10 * 0.5)
    # two windows later the old counts are gone
    assert await store.incr_window("k", 60.0, now=500.0) == 1


async def test_take_token_refills_at_rate(store: StateStore) -> None:
    for _ in range(3):
        assert (await store.take_token("b", rate_per_s=1.0, burst=3, now=0.0)).allowed
    denied = await store.take_token("b", rate_per_s=1.0, burst=3, now=0.0)
    assert not denied.allowed and denied.retry_after_s == pytest.approx(1.0)
    assert (await store.take_token("b", rate_per_s=1.0, burst=3, now=1.0)).allowed
    assert not (await store.take_token("b", rate_per_s=1.0, burst=3, now=1.0)).allowed


async def test_counters_and_flags(store: StateStore) -> None:
    assert await store.incr("c", 2.5) == 2.5
    assert await store.incr("c", -1) == 1.5
    assert await store.get_counter("c") == 1.5
    assert await store.get_counter("missing") == 0
    await store.set_flag("quarantine:a", "x", now=0.0)
    await store.set_flag("quarantine:b", "y", now=0.0, ttl_s=10)
    assert await store.list_flags("quarantine:", now=5.0) == {"quarantine:a": "x", "quarantine:b": "y"}
    assert await store.get_flag("quarantine:b", now=10.0) is None  # expired
    assert await store.delete_flag("quarantine:a")
    assert not await store.delete_flag("quarantine:a")
    assert await store.list_flags("quarantine:", now=11.0) == {}


async def test_approvals_resolve_only_once(store: StateStore) -> None:
    await store.put_approval(_record("a1"))
    await store.put_approval(_record("a2", created=101))
    assert [r.approval_id for r in await store.list_approvals(ApprovalStatus.PENDING)] == ["a1", "a2"]
    done = await store.resolve_approval("a1", ApprovalStatus.APPROVED, "alice", "ok", now=150)
    assert done is not None and done.resolved_by == "alice" and done.status is ApprovalStatus.APPROVED
    # a second decision on the same request loses
    assert await store.resolve_approval("a1", ApprovalStatus.DENIED, "bob", "no", now=151) is None
    # past the deadline only "expired" is possible
    assert await store.resolve_approval("a2", ApprovalStatus.APPROVED, "bob", "late", now=250) is None
    expired = await store.resolve_approval("a2", ApprovalStatus.EXPIRED, "timeout", "-", now=250)
    assert expired is not None and expired.status is ApprovalStatus.EXPIRED
    assert await store.resolve_approval("nope", ApprovalStatus.APPROVED, "a", "b", now=1) is None
    got = await store.get_approval("a1")
    assert got is not None and got.reason == "ok"


async def test_sqlite_is_shared_between_instances(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    a, b = SqliteStateStore(path), SqliteStateStore(path)
    try:
        await a.incr("n")
        await b.incr("n")
        assert await a.get_counter("n") == 2
        await a.put_approval(_record("x"))
        assert (await b.get_approval("x")) is not None
    finally:
        await a.close()
        await b.close()


def test_sqlite_bad_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the state database"):
        SqliteStateStore(tmp_path / "missing-dir" / "x.db")
