"""Tool calls proposed by the model: allow, deny, or hold for human approval.

The gateway asks a :class:`ToolFirewall` about every tool call in a response. The built-in
:class:`RulesFirewall` applies the key's policy (``tools.allow`` / ``deny`` / ``approve`` name
patterns); a richer firewall (``bastion.policy``) plugs in through the same protocol.

Approvals: a call that needs one is withheld and recorded in an :class:`ApprovalStore`; the
agent reads a message naming the approval id. Once an operator approves it through the
admin API, the same call (same key, tool and arguments) passes once.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, Protocol

import orjson

from bastion.config import ToolRulesConfig
from bastion.errors import BastionError
from bastion.state import ApprovalRecord, ApprovalStatus, StateStore

__all__ = [
    "Approval",
    "ApprovalStore",
    "PolicyFirewall",
    "RulesFirewall",
    "StateApprovalStore",
    "ToolCall",
    "ToolFirewall",
    "ToolVerdict",
    "call_fingerprint",
    "name_matches",
]


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One tool call the model proposed (``arguments`` is the raw JSON string)."""

    call_id: str
    name: str
    arguments: str


@dataclass(frozen=True, slots=True)
class ToolVerdict:
    action: Literal["allow", "deny", "approve"]
    reason: str
    rule: str = ""
    decision_id: str = ""


class ToolFirewall(Protocol):
    async def check(
        self,
        call: ToolCall,
        *,
        key_id: str,
        rules: ToolRulesConfig,
        trace_id: str,
        messages: Sequence[Mapping[str, Any]],
    ) -> ToolVerdict: ...


def name_matches(name: str, patterns: Sequence[str]) -> bool:
    """``*`` matches everything, ``prefix*`` a prefix, anything else the exact name."""
    return any(p == "*" or p == name or (p.endswith("*") and name.startswith(p[:-1])) for p in patterns)


class RulesFirewall:
    """Name-pattern rules from the key's policy: deny beats approve beats allow."""

    async def check(
        self,
        call: ToolCall,
        *,
        key_id: str,
        rules: ToolRulesConfig,
        trace_id: str,
        messages: Sequence[Mapping[str, Any]],
    ) -> ToolVerdict:
        did = uuid.uuid4().hex
        if name_matches(call.name, rules.deny):
            return ToolVerdict("deny", f"tool {call.name!r} is denied by policy", "tools.deny", did)
        if name_matches(call.name, rules.approve):
            return ToolVerdict("approve", f"tool {call.name!r} needs human approval", "tools.approve", did)
        if name_matches(call.name, rules.allow):
            return ToolVerdict("allow", "allowed by policy", "tools.allow", did)
        return ToolVerdict("deny", f"tool {call.name!r} is not on this key's allow-list", "tools.allow", did)


def call_fingerprint(key_id: str, call: ToolCall) -> str:
    """Stable id of (key, tool, arguments) with the arguments' JSON key order normalised."""
    try:
        args: object = orjson.loads(call.arguments) if call.arguments else {}
        canon = orjson.dumps(args, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONDecodeError:
        canon = call.arguments.encode("utf-8", "replace")
    h = hashlib.sha256()
    for part in (key_id.encode(), b"\0", call.name.encode("utf-8", "replace"), b"\0", canon):
        h.update(part)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Approval:
    """A tool call held for a human decision (the gateway's view of an approval record)."""

    approval_id: str
    key_id: str
    tool: str
    fingerprint: str
    trace_id: str
    created_at: float
    status: str = "pending"

    def public(self) -> dict[str, object]:
        return {
            "id": self.approval_id,
            "key_id": self.key_id,
            "tool": self.tool,
            "trace_id": self.trace_id,
            "created_at": self.created_at,
            "status": self.status,
        }


class ApprovalStore(Protocol):
    async def request(self, key_id: str, call: ToolCall, trace_id: str) -> Approval: ...

    async def consume(self, key_id: str, call: ToolCall) -> bool: ...

    async def decide(self, approval_id: str, approve: bool, *, by: str = "admin") -> Approval | None: ...

    async def list(self) -> list[Approval]: ...


class StateApprovalStore:
    """Approvals kept in a :class:`~bastion.state.StateStore` (memory, SQLite or Redis), so an
    approval given through any replica's admin API releases the call on every replica.

    One pending request per (key, tool, arguments) at a time, found through a flag; an
    approved request is used once (an atomic counter decides which replica gets it).
    """

    def __init__(self, store: StateStore, *, ttl_s: float = 86_400.0) -> None:
        self.store = store
        self.ttl_s = ttl_s

    @staticmethod
    def _view(r: ApprovalRecord, now: float) -> Approval:
        p = r.payload
        return Approval(
            approval_id=r.approval_id,
            key_id=str(p.get("key_id", r.agent)),
            tool=r.tool,
            fingerprint=str(p.get("fingerprint", "")),
            trace_id=r.session_id,
            created_at=r.created_at,
            status=r.effective_status(now).value,
        )

    async def request(self, key_id: str, call: ToolCall, trace_id: str) -> Approval:
        now = time.time()
        fp = call_fingerprint(key_id, call)
        existing = await self.store.get_flag(f"gw-approval:pending:{fp}", now)
        if existing is not None:
            rec = await self.store.get_approval(existing)
            if rec is not None and rec.effective_status(now) is ApprovalStatus.PENDING:
                return self._view(rec, now)
        rec = ApprovalRecord(
            approval_id=uuid.uuid4().hex[:16],
            status=ApprovalStatus.PENDING,
            created_at=now,
            expires_at=now + self.ttl_s,
            agent=key_id,
            tool=call.name,
            session_id=trace_id,
            decision_id=uuid.uuid4().hex,
            payload=MappingProxyType({"key_id": key_id, "fingerprint": fp, "source": "gateway"}),
        )
        await self.store.put_approval(rec)
        await self.store.set_flag(f"gw-approval:pending:{fp}", rec.approval_id, now, self.ttl_s)
        return self._view(rec, now)

    async def consume(self, key_id: str, call: ToolCall) -> bool:
        now = time.time()
        fp = call_fingerprint(key_id, call)
        approved_id = await self.store.get_flag(f"gw-approval:approved:{fp}", now)
        if approved_id is None:
            return False
        used = await self.store.incr(f"gw-approval:used:{approved_id}")
        if used != 1:
            return False
        await self.store.delete_flag(f"gw-approval:approved:{fp}")
        return True

    async def decide(self, approval_id: str, approve: bool, *, by: str = "admin") -> Approval | None:
        now = time.time()
        status = ApprovalStatus.APPROVED if approve else ApprovalStatus.DENIED
        rec = await self.store.resolve_approval(approval_id, status, by, "decided through the admin API", now)
        if rec is None:
            return None
        fp = str(rec.payload.get("fingerprint", ""))
        await self.store.delete_flag(f"gw-approval:pending:{fp}")
        if approve and fp:
            await self.store.set_flag(f"gw-approval:approved:{fp}", rec.approval_id, now, self.ttl_s)
        return self._view(rec, now)

    async def list(self) -> list[Approval]:
        now = time.time()
        return [self._view(r, now) for r in await self.store.list_approvals() if r.payload.get("source") == "gateway"]


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    return ""


class PolicyFirewall:
    """Puts :class:`bastion.policy.Firewall` (argument rules, information flow, limits,
    approvals) behind the gateway's :class:`ToolFirewall` seam.

    The gateway is stateless between requests, but every request carries the conversation:
    the adapter rebuilds the session from it (user turns; each tool result fed through
    ``record_output`` so untrusted or injected outputs taint the session) and then checks
    the pending call, so a call driven by untrusted data is judged with that history. The
    key's ``tools`` rules apply first; the stricter answer wins.
    """

    _ORDER: Mapping[str, int] = MappingProxyType({"allow": 0, "approve": 1, "deny": 2})

    def __init__(self, firewall: Any) -> None:
        self.firewall = firewall
        self._rules = RulesFirewall()

    async def check(
        self,
        call: ToolCall,
        *,
        key_id: str,
        rules: ToolRulesConfig,
        trace_id: str,
        messages: Sequence[Mapping[str, Any]],
    ) -> ToolVerdict:
        from bastion.policy import Action, Session
        from bastion.policy import ToolCall as PolicyCall

        base = await self._rules.check(call, key_id=key_id, rules=rules, trace_id=trace_id, messages=messages)
        if base.action == "deny":
            return base
        session = Session(trace_id, agent=key_id)
        proposed: dict[str, Mapping[str, Any]] = {}
        for m in messages:
            role = m.get("role")
            if role in ("user", "developer"):
                text = _text_of(m.get("content"))
                if text:
                    session.add_user_message(text)
            elif role == "assistant":
                for tc in m.get("tool_calls") or []:
                    if isinstance(tc, Mapping) and isinstance(tc.get("id"), str):
                        proposed[tc["id"]] = tc
            elif role in ("tool", "function"):
                earlier = proposed.get(str(m.get("tool_call_id", "")))
                name = m.get("name")
                try:
                    past: Any = (
                        PolicyCall.from_openai(earlier, agent=key_id) if earlier is not None else str(name or "unknown")
                    )
                except BastionError:
                    past = str(earlier.get("function", {}).get("name", "unknown")) if earlier is not None else "unknown"
                await self.firewall.record_output(session, past, _text_of(m.get("content")))
        pending = {"id": call.call_id, "type": "function", "function": {"name": call.name, "arguments": call.arguments}}
        decision = await self.firewall.check(pending, session)
        if decision.action in (Action.ALLOW, Action.REDACT):
            action = "allow"
        elif decision.action == Action.REQUIRE_APPROVAL:
            action = "approve"
        else:
            action = "deny"
        reason = "; ".join(r.message for r in decision.reasons) or (
            "allowed by policy" if action == "allow" else action
        )
        rule = ",".join(decision.rule_ids) or "policy"
        mine = ToolVerdict(action, reason, rule, decision.decision_id)  # type: ignore[arg-type]
        return mine if self._ORDER[mine.action] >= self._ORDER[base.action] else base
