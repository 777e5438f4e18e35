"""Human approval: persisted requests, identity and reason, timeout = deny, webhook, audit."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from bastion.errors import PolicyError
from bastion.policy import (
    Action,
    ApprovalService,
    Firewall,
    MemoryAuditSink,
    Session,
    ToolCall,
    WebhookNotifier,
    parse_policy,
)
from bastion.state import ApprovalStatus, SqliteStateStore

POLICY = parse_policy("""
approval: {timeout_s: 60}
tools:
  refund:
    does: [financial]
    action: require_approval
    args:
      amount: {type: number, sensitive: true}
""")


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make(tmp_path: Path, handler=None):  # type: ignore[no-untyped-def]
    clock = Clock()
    store = SqliteStateStore(tmp_path / "state.db")
    audit = MemoryAuditSink()
    notifier = None
    sent: list[dict[str, object]] = []
    if handler is None:
        def handler(request: httpx.Request) -> httpx.Response:
            sent.append(json.loads(request.content))
            return httpx.Response(200, text="ok")
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler), trust_env=False, follow_redirects=False)
    notifier = WebhookNotifier("https://hooks.example.invalid/T000/B000", client)
    approvals = ApprovalService(store, notifier=notifier, audit=audit, clock=clock)
    fw = Firewall(POLICY, store=store, approvals=approvals, audit=audit, clock=clock, limits=False)
    return fw, approvals, audit, clock, sent, client


async def test_request_persists_and_notifies(tmp_path: Path) -> None:
    fw, _approvals, audit, clock, sent, client = make(tmp_path)
    d = await fw.check(ToolCall("refund", {"amount": 120}), Session("s", agent="support"))
    assert d.action is Action.REQUIRE_APPROVAL and d.approval_id is not None
    # a second process sees the pending request
    other = ApprovalService(SqliteStateStore(tmp_path / "state.db"), clock=clock)
    pending = await other.list(ApprovalStatus.PENDING)
    assert [r.approval_id for r in pending] == [d.approval_id]
    assert pending[0].expires_at == clock.t + 60
    # the webhook got Slack-compatible JSON without the sensitive amount
    assert sent and "text" in sent[0] and "blocks" in sent[0]
    assert "refund" in str(sent[0]["text"]) and "120" not in json.dumps(sent)
    assert "approval.requested" in audit.kinds()
    await client.aclose()


async def test_approve_with_identity_and_reason(tmp_path: Path) -> None:
    fw, approvals, audit, _clock, _, client = make(tmp_path)
    d = await fw.check(ToolCall("refund", {"amount": 5}), Session("s"))
    assert d.approval_id is not None
    with pytest.raises(PolicyError, match="identity"):
        await approvals.approve(d.approval_id, by=" ", reason="fine")
    with pytest.raises(PolicyError, match="reason"):
        await approvals.approve(d.approval_id, by="alice", reason="")
    rec = await approvals.approve(d.approval_id, by="alice", reason="customer verified")
    assert rec.status is ApprovalStatus.APPROVED and rec.resolved_by == "alice"
    final = await fw.wait_for_approval(d, poll_s=0.01)
    assert final.action is Action.ALLOW and final.reasons[-1].rule_id == "approval.approved"
    with pytest.raises(PolicyError, match="already approved"):
        await approvals.deny(d.approval_id, by="bob", reason="too late")
    assert "approval.approved" in audit.kinds()
    await client.aclose()


async def test_deny(tmp_path: Path) -> None:
    fw, approvals, _audit, _clock, _, client = make(tmp_path)
    d = await fw.check(ToolCall("refund", {"amount": 5}), Session("s"))
    assert d.approval_id is not None
    await approvals.deny(d.approval_id, by="alice", reason="looks like fraud")
    final = await fw.wait_for_approval(d, poll_s=0.01)
    assert final.action is Action.DENY and final.reasons[-1].rule_id == "approval.denied"
    await client.aclose()


async def test_timeout_means_deny(tmp_path: Path) -> None:
    fw, approvals, audit, clock, _, client = make(tmp_path)
    d = await fw.check(ToolCall("refund", {"amount": 5}), Session("s"))
    assert d.approval_id is not None
    clock.t += 61
    with pytest.raises(PolicyError, match="already expired"):
        await approvals.approve(d.approval_id, by="alice", reason="late approval")
    final = await fw.wait_for_approval(d, poll_s=0.01)
    assert final.action is Action.DENY and final.reasons[-1].rule_id == "approval.expired"
    assert "approval.expired" in audit.kinds()
    await client.aclose()


async def test_failing_webhook_keeps_request_pending_and_is_audited(tmp_path: Path) -> None:
    def boom(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500)

    fw, approvals, audit, _clock, _, client = make(tmp_path, boom)
    d = await fw.check(ToolCall("refund", {"amount": 5}), Session("s"))
    assert d.action is Action.REQUIRE_APPROVAL
    assert "approval.notify_failed" in audit.kinds()
    assert len(await approvals.list(ApprovalStatus.PENDING)) == 1
    await client.aclose()


async def test_unknown_request(tmp_path: Path) -> None:
    _, approvals, _, _, _, client = make(tmp_path)
    with pytest.raises(PolicyError, match="no approval request"):
        await approvals.approve("apr_nope", by="a", reason="b")
    await client.aclose()


async def test_retried_call_reuses_the_request_and_an_approval_is_used_once(tmp_path: Path) -> None:
    fw, approvals, _audit, clock, sent, client = make(tmp_path)
    session = Session("s", agent="support")
    call = ToolCall("refund", {"amount": 7})
    first = await fw.check(call, session)
    again = await fw.check(call, session)
    assert again.action is Action.REQUIRE_APPROVAL and again.approval_id == first.approval_id
    assert len(sent) == 1  # reviewers are not spammed
    other = await fw.check(ToolCall("refund", {"amount": 8}), session)
    assert other.approval_id != first.approval_id
    assert first.approval_id is not None
    await approvals.approve(first.approval_id, by="alice", reason="ok")
    allowed = await fw.check(call, session)
    assert allowed.action is Action.ALLOW and allowed.reasons[-1].rule_id == "approval.approved"
    replay = await fw.check(call, session)  # the approval was consumed by the previous call
    assert replay.action is Action.REQUIRE_APPROVAL and replay.approval_id != first.approval_id
    assert other.approval_id is not None
    await approvals.deny(other.approval_id, by="bob", reason="no")
    refused = await fw.check(ToolCall("refund", {"amount": 8}), session)
    assert refused.action is Action.DENY and refused.rule_ids[-1] == "approval.denied"
    clock.t += 3600  # after the deadline a fresh request can be made
    fresh = await fw.check(ToolCall("refund", {"amount": 8}), session)
    assert fresh.action is Action.REQUIRE_APPROVAL and fresh.approval_id != other.approval_id
    await client.aclose()
