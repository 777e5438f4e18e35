"""Adapter from the MCP proxy to the tool-call firewall (:class:`bastion.policy.Firewall`).

One firewall :class:`~bastion.policy.Session` is kept per MCP session (bounded, least recently
used evicted), so information-flow rules see every tool result the client read before a call.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from bastion.gateway.mcp._interceptor import GateDecision
from bastion.policy import Action, Firewall, Session, ToolCall

__all__ = ["FirewallGate"]


class FirewallGate:
    """Implements the proxy's ``ToolGate`` with a :class:`Firewall`."""

    def __init__(self, firewall: Firewall, *, agent: str = "mcp", max_sessions: int = 10_000) -> None:
        self.firewall = firewall
        self.agent = agent
        self.max_sessions = max_sessions
        self._sessions: OrderedDict[str, Session] = OrderedDict()

    def session(self, session_id: str, key_id: str | None = None) -> Session:
        s = self._sessions.get(session_id)
        if s is None:
            s = Session(session_id, agent=key_id or self.agent)
            self._sessions[session_id] = s
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
        else:
            self._sessions.move_to_end(session_id)
        return s

    async def check_tool_call(
        self,
        *,
        server: str,
        tool: str,
        arguments: Mapping[str, Any],
        session_id: str,
        key_id: str | None,
        annotations: Mapping[str, Any] | None = None,
    ) -> GateDecision:
        session = self.session(session_id, key_id)
        call = ToolCall(
            tool=tool,
            args=MappingProxyType(dict(arguments)),
            agent=session.agent,
            annotations=MappingProxyType(dict(annotations or {})),
        )
        decision = await self.firewall.check(call, session)
        reason = "; ".join(r.message for r in decision.reasons) or decision.action.value
        if decision.action in (Action.ALLOW, Action.REDACT):
            action = "allow"
        elif decision.action is Action.REQUIRE_APPROVAL:
            action = "require_approval"
        else:
            action = "deny"
        return GateDecision(action, reason, decision.decision_id)  # type: ignore[arg-type]

    async def record_tool_output(
        self, *, server: str, tool: str, arguments: Mapping[str, Any], output: Any, session_id: str
    ) -> None:
        session = self.session(session_id)
        call = ToolCall(tool=tool, args=MappingProxyType(dict(arguments)), agent=session.agent)
        await self.firewall.record_output(session, call, output)
