"""Core values shared by every layer.

Every value that crosses a layer boundary is a frozen dataclass or an enum: a
scanner returns a :class:`ScanResult` made of :class:`Finding` values, a policy
returns a :class:`Decision`. Nothing here does I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "Category",
    "Finding",
    "RuleInfo",
    "ScanResult",
    "Severity",
    "Surface",
]


class Severity(enum.StrEnum):
    """How bad a finding is if it is true. Ordered: ``INFO < LOW < ... < CRITICAL``."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK: Mapping[Severity, int] = MappingProxyType(
    {s: i for i, s in enumerate(Severity)}
)


class Category(enum.StrEnum):
    """What kind of problem a finding is. Rule ids start with their category."""

    INJECTION = "injection"
    JAILBREAK = "jailbreak"
    OBFUSCATION = "obfuscation"
    SECRET = "secret"
    PII = "pii"
    LEAK = "leak"
    EXFIL = "exfil"
    CANARY = "canary"
    INPUT = "input"


class Surface(enum.StrEnum):
    """Where a text comes from; picks the default scanners."""

    PROMPT = "prompt"
    TOOL_OUTPUT = "tool_output"
    RESPONSE = "response"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Documentation of one stable rule id (the docs page is generated from these)."""

    rule_id: str
    category: Category
    severity: Severity
    confidence: float
    owasp: tuple[str, ...]
    description: str
    example: str = ""

    def __post_init__(self) -> None:
        if not self.rule_id.startswith(self.category.value + "."):
            raise ValueError(f"rule id {self.rule_id!r} must start with {self.category.value!r}.")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"rule {self.rule_id}: confidence must lie in [0, 1]")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a scanner found.

    ``start``/``end`` are character offsets into the *original* text (``text[start:end]``).
    ``evidence`` is already masked and safe to log. ``entity`` names what was found for typed
    placeholders (``aws_access_key``, ``email`` ...).
    """

    rule_id: str
    category: Category
    severity: Severity
    confidence: float
    start: int
    end: int
    message: str
    evidence: str = ""
    entity: str = ""
    owasp: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"finding {self.rule_id}: bad span {self.start}..{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"finding {self.rule_id}: confidence must lie in [0, 1]")

    @property
    def score(self) -> float:
        """The finding's weight in [0, 1], used for per-category scores."""
        return self.confidence

    def to_dict(self) -> dict[str, object]:
        return {
            "rule_id": self.rule_id,
            "category": self.category.value,
            "severity": self.severity.value,
            "confidence": round(self.confidence, 4),
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "evidence": self.evidence,
            "entity": self.entity,
            "owasp": list(self.owasp),
        }


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What one scan of one text found. ``findings`` are sorted by ``(start, end, rule_id)``."""

    surface: Surface
    text_length: int
    findings: tuple[Finding, ...] = ()
    categories: frozenset[Category] = frozenset()
    truncated: bool = False
    elapsed_ms: float = 0.0
    model_scores: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def flagged(self) -> bool:
        """True when any finding is worse than informational."""
        return any(f.severity > Severity.INFO for f in self.findings)

    @property
    def scores(self) -> dict[str, float]:
        """Max score per scanned category, in [0, 1] (0.0 for scanned categories with nothing)."""
        out: dict[str, float] = {c.value: 0.0 for c in sorted(self.categories)}
        for f in self.findings:
            if f.severity == Severity.INFO:
                continue
            key = f.category.value
            out[key] = max(out.get(key, 0.0), f.score)
        return out

    @property
    def max_severity(self) -> Severity | None:
        worst: Severity | None = None
        for f in self.findings:
            if worst is None or f.severity > worst:
                worst = f.severity
        return worst

    def by_category(self, *categories: Category) -> tuple[Finding, ...]:
        wanted = set(categories)
        return tuple(f for f in self.findings if f.category in wanted)

    def to_dict(self) -> dict[str, object]:
        return {
            "surface": self.surface.value,
            "flagged": self.flagged,
            "scores": self.scores,
            "truncated": self.truncated,
            "text_length": self.text_length,
            "findings": [f.to_dict() for f in self.findings],
        }
