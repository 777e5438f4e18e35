"""Rate limits, circuit breaker, quarantine, duplicate detection and budgets on a StateStore.

Every check reads and writes the store atomically per key, so several processes sharing a
store (SQLite on one host, Redis across hosts) enforce the same limits.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bastion.policy._model import LimitsSpec, ToolPolicy
from bastion.policy._types import Action, Reason, ToolCall
from bastion.policy._values import normalize_text, strict_number
from bastion.state._base import StateStore

__all__ = ["Limiter", "QuarantineInfo", "fingerprint"]

# Single character classes with '+': linear in Python's re (no nested quantifiers).
_DIGITS = re.compile(r"[0-9]+")
_PUNCT = re.compile(r"[^\w ]+")


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def _near(value: Any, depth: int = 0) -> Any:
    if depth > 32:
        return None
    if isinstance(value, str):
        return _PUNCT.sub("", _DIGITS.sub("#", normalize_text(value))).strip()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return "#"
    if isinstance(value, Mapping):
        return {str(k): _near(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_near(v, depth + 1) for v in value]
    return str(value)


def fingerprint(tool: str, args: Mapping[str, Any], *, near: bool) -> str:
    """A hash of a call. ``near=True`` folds case, whitespace, punctuation and every number,
    so ``"Printer broken #123"`` and ``"printer  broken #124"`` share a fingerprint."""
    body = _near(dict(args)) if near else dict(args)
    return hashlib.sha256(_canon([tool, body]).encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class QuarantineInfo:
    agent: str
    reason: str
    since: float


class Limiter:
    """Applies a policy's ``limits`` section. Stateless itself; all state is in ``store``."""

    def __init__(self, spec: LimitsSpec, store: StateStore) -> None:
        self.spec = spec
        self.store = store

    # -- quarantine ----------------------------------------------------------------------
    async def quarantine_info(self, agent: str, now: float) -> QuarantineInfo | None:
        raw = await self.store.get_flag(f"quarantine:{agent}", now)
        if raw is None:
            return None
        try:
            d = json.loads(raw)
            return QuarantineInfo(agent, str(d.get("reason", "")), float(d.get("since", 0.0)))
        except (ValueError, TypeError, AttributeError):
            return QuarantineInfo(agent, "quarantined", 0.0)

    async def quarantine(self, agent: str, reason: str, now: float) -> None:
        await self.store.set_flag(f"quarantine:{agent}", _canon({"reason": reason, "since": now}), now)

    async def release(self, agent: str) -> bool:
        """Lift a quarantine (a human decision: the caller audits who and why)."""
        return await self.store.delete_flag(f"quarantine:{agent}")

    async def quarantined_agents(self, now: float) -> list[QuarantineInfo]:
        flags = await self.store.list_flags("quarantine:", now)
        out = []
        for key in flags:
            info = await self.quarantine_info(key.split(":", 1)[1], now)
            if info is not None:
                out.append(info)
        return out

    # -- per-call checks -----------------------------------------------------------------
    async def check(
        self,
        call: ToolCall,
        tool: ToolPolicy | None,
        agent: str,
        session_id: str,
        now: float,
        *,
        count_only: bool = False,
    ) -> list[Reason]:
        """Count the call and return the limit reasons that fire (empty: within limits).

        ``count_only`` (the call is already denied for another reason) still feeds the circuit
        breaker, so a looping agent trips it even when each call is refused.
        """
        spec = self.spec
        out: list[Reason] = []
        if spec.breaker is not None:
            n = await self.store.incr_window(f"breaker:{agent}", spec.breaker.window_s, now)
            if n > spec.breaker.max_actions:
                msg = f"agent {agent!r} made more than {spec.breaker.max_actions} calls in {spec.breaker.window_s:g}s"
                if spec.breaker.quarantine:
                    await self.quarantine(agent, "circuit breaker: " + msg, now)
                    msg += "; the agent is quarantined until a human releases it"
                out.append(Reason("limits.circuit_open", Action.DENY, msg, {"count": round(n, 1)}))
        if count_only:
            return out
        for rate in spec.rates:
            if rate.tool is not None and rate.tool != call.tool:
                continue
            key = {
                "agent": f"rl:agent:{agent}",
                "tool": f"rl:tool:{call.tool}",
                "agent_tool": f"rl:at:{agent}:{call.tool}",
                "session": f"rl:session:{session_id}",
            }[rate.per]
            if rate.tool is not None:
                key += f":{rate.tool}"
            res = await self.store.take_token(key, rate.rate_per_s, rate.burst, now)
            if not res.allowed:
                out.append(
                    Reason(
                        "limits.rate",
                        Action.DENY,
                        f"rate limit per {rate.per} exceeded; retry in {res.retry_after_s:.1f}s",
                        {"per": rate.per, "retry_after_s": round(res.retry_after_s, 3)},
                    )
                )
        dup = spec.duplicates
        if dup is not None:
            for near in (False, True) if dup.near else (False,):
                fp = fingerprint(call.tool, call.args, near=near)
                n = await self.store.incr_window(f"dup:{'n' if near else 'x'}:{agent}:{fp}", dup.window_s, now)
                if n > dup.max_repeats + 1e-9:
                    kind = "near-duplicate" if near else "duplicate"
                    out.append(
                        Reason(
                            "limits.duplicate",
                            dup.action,
                            f"{kind} of a call made within the last {dup.window_s:g}s",
                            {"kind": kind, "count": round(n, 1)},
                        )
                    )
                    break
        budget = spec.budget
        if budget is not None:
            if budget.calls is not None:
                n = await self.store.incr(f"budget:{session_id}:calls")
                if n > budget.calls:
                    out.append(
                        Reason(
                            "limits.budget",
                            Action.DENY,
                            f"session call budget of {budget.calls:g} is spent",
                            {"budget": "calls"},
                        )
                    )
            cost = call.cost or (tool.cost if tool is not None else 0.0)
            if budget.cost is not None and cost:
                total = await self.store.incr(f"budget:{session_id}:cost", cost)
                if total > budget.cost:
                    await self.store.incr(f"budget:{session_id}:cost", -cost)
                    out.append(
                        Reason(
                            "limits.budget",
                            Action.DENY,
                            f"session cost budget of {budget.cost:g} is spent",
                            {"budget": "cost"},
                        )
                    )
            if budget.amount is not None and tool is not None and tool.amount_arg is not None:
                raw = call.args.get(tool.amount_arg)
                amount = strict_number(raw)
                if amount is None or amount < 0:
                    out.append(
                        Reason(
                            "limits.budget",
                            Action.DENY,
                            f"argument {tool.amount_arg!r} must be a non-negative number for the amount budget",
                            {"budget": "amount"},
                        )
                    )
                else:
                    total = await self.store.incr(f"budget:{session_id}:amount", amount)
                    if total > budget.amount:
                        await self.store.incr(f"budget:{session_id}:amount", -amount)
                        out.append(
                            Reason(
                                "limits.budget",
                                Action.DENY,
                                f"session amount budget of {budget.amount:g} would be exceeded",
                                {"budget": "amount"},
                            )
                        )
        return out
