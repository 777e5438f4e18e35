"""The result of one sandboxed run."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bastion.sandbox._profile import Feature

__all__ = ["Reason", "SandboxResult"]


class Reason(StrEnum):
    """Why a sandboxed command stopped. Exactly one per run.

    Precedence when several apply: refused > memory > pids > output_limit > timeout > signal > exited.
    """

    EXITED = "exited"  # it exited by itself; ``exit_code`` is its status
    TIMEOUT = "timeout"  # wall-clock time (or the CPU-time limit) ran out; the whole tree was killed
    MEMORY = "memory"  # the memory limit was hit and the kernel killed a process
    PIDS = "pids"  # the process limit was hit (fork bomb); the whole tree was killed
    SIGNAL = "signal"  # a process was killed by a signal it did not get from us
    OUTPUT_LIMIT = "output_limit"  # stdout or stderr passed ``max_output``; the tree was killed
    REFUSED = "refused"  # nothing ran: the profile cannot be enforced or the input is invalid


@dataclass(frozen=True, slots=True)
class SandboxResult:
    """One run: how it ended, its (capped) output and which backend enforced what.

    ``exit_code`` is the command's exit status, ``-N`` when killed by signal N, and ``None`` when it
    never ran (``refused``). ``message`` explains refusals and limits (what happened and how to fix it);
    for ``refused`` it is also in ``stderr``.
    """

    exit_code: int | None
    reason: Reason
    stdout: bytes
    stderr: bytes
    backend: str
    duration_ms: float
    message: str = ""
    enforced: frozenset[Feature] = field(default_factory=frozenset)
    downgraded: frozenset[Feature] = field(default_factory=frozenset)
    truncated: bool = False

    @property
    def ok(self) -> bool:
        """True when the command exited by itself with status 0."""
        return self.reason is Reason.EXITED and self.exit_code == 0

    def stdout_text(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    def stderr_text(self) -> str:
        return self.stderr.decode("utf-8", errors="replace")

    def to_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` object: exactly the contract's keys, output decoded as UTF-8."""
        return {
            "exit_code": self.exit_code,
            "reason": self.reason.value,
            "stdout": self.stdout_text(),
            "stderr": self.stderr_text(),
            "backend": self.backend,
            "duration_ms": round(self.duration_ms, 3),
        }
