"""One exception tree for all of bastion.

::

    BastionError
    ├── ConfigError            a config or policy file is wrong (carries every problem found)
    ├── InputError             a caller's input cannot be processed (bad JSON line ...)
    ├── ScannerError           a scanner failed; callers fail closed on it
    ├── PolicyError            a policy cannot be evaluated
    │   ├── TokenError         a capability token is forged, expired or too broad
    │   └── ToolCallBlocked    a guarded tool call was denied or awaits approval (.decision)
    ├── StoreError             a state or audit store failed
    │   └── AuditIntegrityError  the audit chain does not verify
    ├── SandboxError           a command could not be run inside the sandbox
    └── UpstreamError          the LLM or MCP upstream failed

Messages say what is wrong, where, and how to fix it. They never carry secrets,
stack traces, upstream URLs or keys: they may be shown to clients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bastion.policy._types import Decision

__all__ = [
    "AuditIntegrityError",
    "BastionError",
    "ConfigError",
    "ConfigProblem",
    "InputError",
    "PolicyError",
    "SandboxError",
    "ScannerError",
    "StoreError",
    "TokenError",
    "ToolCallBlocked",
    "UpstreamError",
]


class BastionError(Exception):
    """Base of every error bastion raises on purpose."""


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One problem in a config file: where it is and what to do."""

    path: str
    line: int | None
    location: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.location:
            where += f" ({self.location})"
        return f"{where}: {self.message}"


class ConfigError(BastionError):
    """A configuration or policy file is invalid. ``problems`` lists every problem found."""

    def __init__(self, problems: list[ConfigProblem] | tuple[ConfigProblem, ...]) -> None:
        self.problems: tuple[ConfigProblem, ...] = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in configuration:\n{lines}")


class InputError(BastionError):
    """A caller's input cannot be processed (malformed JSON line, unreadable file ...)."""


class ScannerError(BastionError):
    """A scanner failed. Callers fail closed on it unless configured otherwise."""


class PolicyError(BastionError):
    """A policy cannot be evaluated."""


class TokenError(PolicyError):
    """A capability token is forged, expired, revoked or broader than its parent."""


class ToolCallBlocked(PolicyError):
    """A guarded tool function was not allowed to run; ``decision`` holds the full decision."""

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        ids = ", ".join(decision.rule_ids) or "policy"
        super().__init__(
            f"tool call {decision.tool!r} {decision.action.value} ({ids}); decision {decision.decision_id}"
        )


class StoreError(BastionError):
    """A state or audit store failed."""


class AuditIntegrityError(StoreError):
    """The audit chain does not verify."""


class SandboxError(BastionError):
    """A command could not be run inside the sandbox."""


class UpstreamError(BastionError):
    """The LLM or MCP upstream failed."""
