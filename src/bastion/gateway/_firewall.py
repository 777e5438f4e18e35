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
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

import orjson

from bastion.config import ToolRulesConfig

__all__ = [
    "Approval",
    "ApprovalStore",
    "MemoryApprovalStore",
    "RulesFirewall",
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
    for p in patterns:
        if p == "*" or p == name or (p.endswith("*") and name.startswith(p[:-1])):
            return True
    return False


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
    approval_id: str
    key_id: str
    tool: str
    fingerprint: str
    trace_id: str
    created_at: float
    status: Literal["pending", "approved", "denied", "used"] = "pending"

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

    async def decide(self, approval_id: str, approve: bool) -> Approval | None: ...

    async def list(self) -> list[Approval]: ...


class MemoryApprovalStore:
    """Approvals in a dict; one pending request per (key, tool, arguments)."""

    def __init__(self) -> None:
        self._by_id: dict[str, Approval] = {}

    async def request(self, key_id: str, call: ToolCall, trace_id: str) -> Approval:
        fp = call_fingerprint(key_id, call)
        for a in self._by_id.values():
            if a.fingerprint == fp and a.status == "pending":
                return a
        a = Approval(uuid.uuid4().hex[:16], key_id, call.name, fp, trace_id, time.time())
        self._by_id[a.approval_id] = a
        return a

    async def consume(self, key_id: str, call: ToolCall) -> bool:
        fp = call_fingerprint(key_id, call)
        for a in self._by_id.values():
            if a.fingerprint == fp and a.status == "approved":
                self._by_id[a.approval_id] = replace(a, status="used")
                return True
        return False

    async def decide(self, approval_id: str, approve: bool) -> Approval | None:
        a = self._by_id.get(approval_id)
        if a is None or a.status != "pending":
            return None
        a = replace(a, status="approved" if approve else "denied")
        self._by_id[approval_id] = a
        return a

    async def list(self) -> list[Approval]:
        return sorted(self._by_id.values(), key=lambda a: a.created_at)
