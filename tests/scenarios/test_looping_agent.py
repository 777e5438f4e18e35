"""Scenario 1 (failure database): a support agent loops and would create 15,000 tickets.

Ticket creation is cut at the circuit-breaker threshold (100 actions per minute per agent),
duplicates are refused, the agent is quarantined, a human releases it (library and CLI),
and every step is in the audit log (the real hash-chained AuditLog)."""

from __future__ import annotations

from pathlib import Path

import anyio.to_thread
from typer.testing import CliRunner

from bastion.audit import AuditLog, MemoryAuditStore
from bastion.cli import app
from bastion.policy import Action, Firewall, Session, ToolCall, parse_policy
from bastion.state import SqliteStateStore

POLICY = parse_policy("""
name: support
tools:
  create_ticket:
    does: [internal]
    args:
      title: {type: string, max_length: 200}
      customer: {type: string}
limits:
  breaker: {max_actions: 100, window_s: 60, quarantine: true}
  duplicates: {window_s: 600, max_repeats: 1, near: true}
""")


class Clock:
    def __init__(self) -> None:
        self.t = 1_700_000_000.0

    def __call__(self) -> float:
        return self.t


async def test_looping_agent_is_cut_quarantined_and_released(tmp_path: Path) -> None:
    clock = Clock()
    store = SqliteStateStore(tmp_path / "state.db")
    async with AuditLog(MemoryAuditStore()) as audit:
        fw = Firewall(POLICY, store=store, audit=audit, clock=clock)
        session = Session("chat-1", agent="support-bot", user_prompt="Open a ticket: printer on floor 3 is broken")
        created: list[str] = []

        # Phase 1: the agent repeats the same ticket in a tight loop (the 15,000-ticket incident).
        outcomes: list[tuple[str, ...]] = []
        for i in range(15_000):
            clock.t += 0.05  # 20 calls per second
            d = await fw.check(ToolCall("create_ticket", {"title": f"Printer broken (#{i})", "customer": "c-17"}), session)
            outcomes.append(d.rule_ids)
            if d.allowed:
                created.append(f"T{i}")
            if "limits.quarantined" in d.rule_ids:
                break
        assert created == ["T0"]  # every later copy is a (near-)duplicate
        assert all("limits.duplicate" in r for r in outcomes[1:100])
        tripped = [i for i, r in enumerate(outcomes) if "limits.circuit_open" in r]
        assert tripped and tripped[0] == 100  # the 101st action within a minute trips the breaker
        assert outcomes[-1] == ("limits.quarantined",)
        assert len(outcomes) < 200  # the loop was stopped, not run 15,000 times

        # While quarantined, nothing is allowed, not even a legitimate new ticket.
        clock.t += 3600
        d = await fw.check(ToolCall("create_ticket", {"title": "VPN down", "customer": "c-2"}), session)
        assert d.action is Action.DENY and d.rule_ids == ("limits.quarantined",)

        # A human releases the agent through the CLI (same SQLite state as the firewall).
        runner = CliRunner()
        listed = await anyio.to_thread.run_sync(
            runner.invoke, app, ["quarantine", "list", "--state", str(tmp_path / "state.db")]
        )
        assert listed.exit_code == 0 and "support-bot" in listed.output
        args = ["quarantine", "release", "support-bot", "--by", "ops@acme", "--reason", "loop fixed",
                "--state", str(tmp_path / "state.db")]
        released = await anyio.to_thread.run_sync(runner.invoke, app, args)
        assert released.exit_code == 0, released.output
        assert await fw.limiter.quarantine_info("support-bot", clock.t) is None if fw.limiter else False
        # The library API does the same and records who released the agent and why.
        await fw.limiter.quarantine("support-bot", "test", clock.t) if fw.limiter else None
        assert await fw.release_quarantine("support-bot", by="ops@acme", reason="loop fixed")

        # Phase 2: distinct tickets at high speed are cut at 100 per minute again.
        created.clear()
        for i in range(300):
            clock.t += 0.01
            d = await fw.check(ToolCall("create_ticket", {"title": f"Issue {chr(65 + i % 26)}{'x' * (i // 26)}",
                                                          "customer": f"c-{i}"}), session)
            if d.allowed:
                created.append(str(i))
        assert len(created) == 100

        # All of it is audited, in a chain that verifies.
        kinds = [r.event_type async for r in audit.records()]
        assert kinds.count("policy.decision") >= 300
        assert "limits.quarantine" in kinds and "limits.release" in kinds
        report = await audit.verify()
        assert report.ok
    await store.close()
