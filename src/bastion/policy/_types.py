"""Values of the tool-call firewall: calls in, decisions out (frozen, self-explaining)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "Action",
    "Decision",
    "Reason",
    "Source",
    "ToolCall",
]


class Action(enum.StrEnum):
    """What the firewall says about a call. Ordered: ``allow < redact < require_approval < deny``."""

    ALLOW = "allow"
    REDACT = "redact"
    REQUIRE_APPROVAL = "require_approval"
    DENY = "deny"

    @property
    def rank(self) -> int:
        return _ACTION_RANK[self]


_ACTION_RANK: Mapping[Action, int] = MappingProxyType({a: i for i, a in enumerate(Action)})


class Source(enum.StrEnum):
    """Where a value in a tool argument came from (best source first)."""

    USER = "user"  # the user's own request (prompt)
    POLICY = "policy"  # an allow-list in the policy
    TRUSTED = "trusted"  # output of a tool not labelled untrusted, or a trusted output field
    UNTRUSTED = "untrusted"  # only seen in untrusted tool output (web pages, inboxes ...)
    MODEL = "model"  # seen nowhere: written by the model


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One pending tool call. ``args`` is a JSON-like mapping (not mutated by bastion)."""

    tool: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    call_id: str = ""
    agent: str = "default"
    token: str | None = None
    annotations: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    cost: float = 0.0

    @classmethod
    def from_openai(cls, tool_call: Mapping[str, Any], *, agent: str = "default", token: str | None = None) -> ToolCall:
        """Build from an OpenAI ``tool_calls[i]`` item (``{"id", "type", "function": {"name", "arguments"}}``).

        ``arguments`` may be a JSON string (as the API sends it) or a mapping. Malformed
        input raises :class:`~bastion.errors.InputError`.
        """
        import json

        from bastion.errors import InputError

        fn = tool_call.get("function")
        if not isinstance(fn, Mapping):
            raise InputError("tool call has no 'function' object; expected {'function': {'name', 'arguments'}}")
        name = fn.get("name")
        if not isinstance(name, str) or not name:
            raise InputError("tool call function has no 'name' string")
        raw = fn.get("arguments", {})
        if isinstance(raw, str):
            if len(raw) > 1_000_000:
                raise InputError("tool call arguments exceed 1,000,000 characters")
            try:
                raw = json.loads(raw) if raw.strip() else {}
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"tool call arguments are not valid JSON (line {exc.lineno}, column {exc.colno})"
                ) from None
        if not isinstance(raw, Mapping):
            raise InputError("tool call arguments must be a JSON object")
        call_id = tool_call.get("id", "")
        return cls(tool=name, args=MappingProxyType(dict(raw)), call_id=str(call_id or ""), agent=agent, token=token)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision was taken: a stable rule id, its action, a message and details."""

    rule_id: str
    action: Action
    message: str
    details: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "action": self.action.value,
            "message": self.message,
            "details": dict(self.details),
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """The firewall's answer for one call (data, fit for the audit log).

    ``reasons`` lists every rule that fired (allow decisions usually carry none);
    ``masked_fields`` names argument paths that were masked in ``args_masked``.
    """

    action: Action
    reasons: tuple[Reason, ...]
    decision_id: str
    policy_version: str
    timestamp: float
    tool: str
    agent: str
    session_id: str
    call_id: str = ""
    args_masked: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    masked_fields: tuple[str, ...] = ()
    approval_id: str | None = None
    taint: str = "clean"

    @property
    def allowed(self) -> bool:
        return self.action in (Action.ALLOW, Action.REDACT)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.rule_id for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action.value,
            "reasons": [r.to_dict() for r in self.reasons],
            "decision_id": self.decision_id,
            "policy_version": self.policy_version,
            "timestamp": self.timestamp,
            "tool": self.tool,
            "agent": self.agent,
            "session_id": self.session_id,
            "call_id": self.call_id,
            "args": dict(self.args_masked),
            "masked_fields": list(self.masked_fields),
            "approval_id": self.approval_id,
            "taint": self.taint,
        }
