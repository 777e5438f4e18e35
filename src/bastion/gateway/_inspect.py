"""Scanning of chat messages and responses, and the per-key action on what was found.

User (and developer) messages are scanned as ``prompt``; ``tool`` / ``function`` messages as
``tool_output`` (indirect injection); assistant output as ``response``. System messages
come from the operator's agent and are not scanned. The key's policy picks, per surface,
``block`` (refuse), ``redact`` (replace the found spans) or ``flag`` (pass, audit, header).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from bastion._types import Finding, Severity, Surface
from bastion.config import PolicyConfig
from bastion.detect import Guard

__all__ = [
    "Inspection",
    "Inspector",
    "redact_text",
]

Action = Literal["allow", "flag", "redact", "block"]
_ROLE_SURFACE = {
    "user": Surface.PROMPT,
    "developer": Surface.PROMPT,
    "tool": Surface.TOOL_OUTPUT,
    "function": Surface.TOOL_OUTPUT,
}


@dataclass(frozen=True, slots=True)
class Inspection:
    """What inspecting one request or response found and decided."""

    action: Action = "allow"
    findings: tuple[tuple[Surface, Finding], ...] = ()
    messages: list[dict[str, Any]] | None = None  # rewritten messages when redacted

    @property
    def rule_ids(self) -> list[str]:
        return sorted({f.rule_id for _, f in self.findings})

    @property
    def surfaces(self) -> list[str]:
        return sorted({s.value for s, _ in self.findings})


def _placeholder(f: Finding) -> str:
    return f"[REDACTED:{f.entity or f.rule_id}]"


def redact_text(text: str, findings: Sequence[Finding], *, offset: int = 0) -> str:
    """Replace each finding's span (shifted by ``-offset``, clipped to the text) with a typed
    placeholder; overlapping spans merge into one placeholder."""
    spans: list[tuple[int, int, Finding]] = []
    for f in findings:
        s, e = max(0, f.start - offset), min(len(text), f.end - offset)
        if e > s:
            spans.append((s, e, f))
    if not spans:
        return text
    spans.sort(key=lambda t: (t[0], -t[1]))
    merged: list[tuple[int, int, Finding]] = []
    for s, e, f in spans:
        if merged and s < merged[-1][1]:
            ps, pe, pf = merged[-1]
            merged[-1] = (ps, max(pe, e), pf)
        else:
            merged.append((s, e, f))
    out: list[str] = []
    pos = 0
    for s, e, f in merged:
        out.append(text[pos:s])
        out.append(_placeholder(f))
        pos = e
    out.append(text[pos:])
    return "".join(out)


@dataclass(slots=True)
class _Acc:
    findings: list[tuple[Surface, Finding]] = field(default_factory=list)
    action: Action = "allow"


_RANK: dict[str, int] = {"allow": 0, "flag": 1, "redact": 2, "block": 3}


class Inspector:
    """Applies a :class:`Guard` and a policy to messages and responses."""

    def __init__(self, guard: Guard, *, max_scan_chars: int = 200_000) -> None:
        self.guard = guard
        self.max_scan_chars = max_scan_chars

    def relevant(self, findings: Sequence[Finding], policy: PolicyConfig) -> list[Finding]:
        floor = Severity(policy.min_severity)
        return [f for f in findings if f.severity >= floor and f.severity > Severity.INFO]

    async def scan(self, text: str, surface: Surface, policy: PolicyConfig) -> list[Finding]:
        if not text:
            return []
        result = await self.guard.scan_async(text[: self.max_scan_chars], surface)
        return self.relevant(result.findings, policy)

    @staticmethod
    def action_for(surface: Surface, policy: PolicyConfig) -> Action:
        act: Action = getattr(policy, surface.value)
        return act

    async def inspect_messages(self, messages: list[dict[str, Any]], policy: PolicyConfig) -> Inspection:
        acc = _Acc()
        rewritten: list[dict[str, Any]] | None = None
        for i, msg in enumerate(messages):
            surface = _ROLE_SURFACE.get(str(msg.get("role")))
            if surface is None:
                continue
            content = msg.get("content")
            act = self.action_for(surface, policy)
            if isinstance(content, str):
                found = await self.scan(content, surface, policy)
                if not found:
                    continue
                acc.findings.extend((surface, f) for f in found)
                acc.action = max(acc.action, act, key=_RANK.__getitem__)
                if act == "redact":
                    rewritten = rewritten if rewritten is not None else [dict(m) for m in messages]
                    rewritten[i]["content"] = redact_text(content, found)
            elif isinstance(content, list):
                for j, part in enumerate(content):
                    if not (
                        isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)
                    ):
                        continue
                    found = await self.scan(part["text"], surface, policy)
                    if not found:
                        continue
                    acc.findings.extend((surface, f) for f in found)
                    acc.action = max(acc.action, act, key=_RANK.__getitem__)
                    if act == "redact":
                        rewritten = rewritten if rewritten is not None else [dict(m) for m in messages]
                        parts = list(rewritten[i]["content"])
                        parts[j] = {**part, "text": redact_text(part["text"], found)}
                        rewritten[i]["content"] = parts
        return Inspection(acc.action, tuple(acc.findings), rewritten if acc.action == "redact" else None)

    async def inspect_text(
        self, text: str, surface: Surface, policy: PolicyConfig
    ) -> tuple[Action, list[Finding], str]:
        """Scan one output text; returns (action, findings, text after redaction)."""
        found = await self.scan(text, surface, policy)
        if not found:
            return "allow", [], text
        act = self.action_for(surface, policy)
        return act, found, redact_text(text, found) if act == "redact" else text
