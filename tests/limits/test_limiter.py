"""Token buckets, circuit breaker and quarantine, duplicate detection, budgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.limits import Limiter, fingerprint
from bastion.policy import Action, Firewall, MemoryAuditSink, Session, ToolCall, parse_policy
from bastion.policy._model import BreakerSpec, DuplicateSpec, LimitsSpec, RateSpec
from bastion.state import MemoryStateStore, SqliteStateStore, StateStore


class Clock:
    def __init__(self) -> None:
        self.t = 10_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> StateStore:
    return MemoryStateStore() if request.param == "memory" else SqliteStateStore(tmp_path / "s.db")


async def test_rate_limit_per_agent_and_tool(store: StateStore) -> None:
    lim = Limiter(LimitsSpec(breaker=None, rates=(RateSpec("agent", 1.0, 2), RateSpec("tool", 10, 1, tool="pay"))), store)
    c = ToolCall("read", {})
    assert await lim.check(c, None, "a", "s", 0.0) == []
    assert await lim.check(c, None, "a", "s", 0.0) == []
    r = await lim.check(c, None, "a", "s", 0.0)
    assert [x.rule_id for x in r] == ["limits.rate"]
    assert await lim.check(c, None, "b", "s", 0.0) == []  # other agent, own bucket
    assert await lim.check(c, None, "a", "s", 1.0) == []  # refilled
    pay = ToolCall("pay", {})
    assert await lim.check(pay, None, "c", "s", 5.0) == []
    assert [x.rule_id for x in await lim.check(pay, None, "d", "s", 5.0)] == ["limits.rate"]  # per tool, any agent


async def test_breaker_trips_into_quarantine_until_released(store: StateStore) -> None:
    lim = Limiter(LimitsSpec(breaker=BreakerSpec(max_actions=5, window_s=60)), store)
    for i in range(5):
        assert await lim.check(ToolCall("t", {"i": i}), None, "bot", "s", 100.0) == []
    r = await lim.check(ToolCall("t", {"i": 6}), None, "bot", "s", 100.0)
    assert r[0].rule_id == "limits.circuit_open"
    info = await lim.quarantine_info("bot", 100.0)
    assert info is not None and "circuit breaker" in info.reason
    assert [q.agent for q in await lim.quarantined_agents(100.0)] == ["bot"]
    assert await lim.release("bot")
    assert await lim.quarantine_info("bot", 100.0) is None


@pytest.mark.parametrize(
    ("a", "b", "near_dup"),
    [
        ({"title": "Printer broken #123"}, {"title": "printer  broken #124"}, True),
        ({"title": "Printer broken"}, {"title": "PRINTER BROKEN!"}, True),
        ({"amount": 10}, {"amount": 11}, True),
        ({"title": "Printer broken"}, {"title": "Laptop broken"}, False),
        ({"title": "x", "prio": "high"}, {"title": "x", "prio": "low"}, False),
    ],
)
def test_near_duplicate_fingerprint(a: dict[str, object], b: dict[str, object], near_dup: bool) -> None:
    assert (fingerprint("t", a, near=True) == fingerprint("t", b, near=True)) is near_dup
    assert fingerprint("t", a, near=False) != fingerprint("t", b, near=False)


async def test_duplicates_within_window(store: StateStore) -> None:
    lim = Limiter(LimitsSpec(breaker=None, duplicates=DuplicateSpec(window_s=60, max_repeats=1)), store)
    first = ToolCall("create_ticket", {"title": "Printer broken #1"})
    assert await lim.check(first, None, "bot", "s", 0.0) == []
    exact = await lim.check(first, None, "bot", "s", 1.0)
    assert exact[0].rule_id == "limits.duplicate" and exact[0].details["kind"] == "duplicate"
    near = await lim.check(ToolCall("create_ticket", {"title": "printer broken #2"}), None, "bot", "s", 2.0)
    assert near[0].details["kind"] == "near-duplicate"
    assert await lim.check(ToolCall("create_ticket", {"title": "VPN down"}), None, "bot", "s", 3.0) == []
    # long after the window, the same call is fine again
    assert await lim.check(first, None, "bot", "s", 500.0) == []


async def test_budgets(store: StateStore) -> None:
    policy = parse_policy("""
tools:
  pay: {does: [financial], amount_arg: amount, cost: 0.5, args: {amount: {type: number}}}
limits:
  breaker: false
  budget: {calls: 4, cost: 1.0, amount: 100}
""")
    lim = Limiter(policy.limits, store)
    tool = policy.tools["pay"]
    assert await lim.check(ToolCall("pay", {"amount": 60}), tool, "a", "s", 0.0) == []
    r = await lim.check(ToolCall("pay", {"amount": 50}), tool, "a", "s", 0.0)
    assert [x.details["budget"] for x in r] == ["amount"]  # 60 + 50 > 100 ... and cost 1.0 reached exactly
    r = await lim.check(ToolCall("pay", {"amount": "1e9"}), tool, "a", "s", 0.0)
    assert "amount" in [x.details["budget"] for x in r]
    r = await lim.check(ToolCall("pay", {"amount": 1}), tool, "a", "s", 0.0)
    assert {x.details["budget"] for x in r} >= {"cost"}
    r = await lim.check(ToolCall("pay", {"amount": 1}), tool, "a", "s", 0.0)
    assert "calls" in {x.details["budget"] for x in r}
    assert await lim.check(ToolCall("pay", {"amount": 1}), tool, "a", "other-session", 0.0) == []


async def test_firewall_counts_denied_calls_toward_the_breaker() -> None:
    policy = parse_policy("""
tools:
  spam: {action: deny}
limits:
  breaker: {max_actions: 3, window_s: 60}
""")
    clock = Clock()
    audit = MemoryAuditSink()
    fw = Firewall(policy, clock=clock, audit=audit)
    s = Session("s", agent="loop")
    for _ in range(3):
        assert (await fw.check(ToolCall("spam", {}), s)).rule_ids == ("policy.deny",)
    d = await fw.check(ToolCall("spam", {}), s)
    assert "limits.circuit_open" in d.rule_ids
    assert (await fw.check(ToolCall("spam", {}), s)).rule_ids == ("limits.quarantined",)
    assert "limits.quarantine" in audit.kinds()
    with pytest.raises(Exception, match="identity"):
        await fw.release_quarantine("loop", by="", reason="x")
    assert await fw.release_quarantine("loop", by="ops@acme", reason="fixed the loop")
    assert "limits.release" in audit.kinds()
    clock.t += 1000
    assert (await fw.check(ToolCall("spam", {}), s)).rule_ids == ("policy.deny",)


async def test_store_failure_fails_closed() -> None:
    from bastion.errors import StoreError

    class Broken(MemoryStateStore):
        async def incr_window(self, key: str, window_s: float, now: float, amount: float = 1.0) -> float:
            raise StoreError("state store operation 'incr_window' failed: OperationalError")

    policy = parse_policy("tools: {ok: {}}")
    audit = MemoryAuditSink()
    fw = Firewall(policy, store=Broken(), audit=audit)
    d = await fw.check(ToolCall("ok", {}), Session("s"))
    assert d.action is Action.DENY and d.rule_ids == ("policy.error",)
    assert audit.kinds() == ["policy.decision"]
