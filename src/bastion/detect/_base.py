"""The scanner plugin surface.

A scanner is an object with a ``name``, the ``categories`` it can report, the
``rules`` it documents and a ``scan(doc)`` method returning findings. Scanners are
pure: text in, findings out, no I/O. They are built by a factory that receives
the :class:`DetectConfig` (configuration flows in through constructors).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, runtime_checkable

from bastion._types import Category, Finding, RuleInfo, Severity, Surface
from bastion.errors import ScannerError

__all__ = [
    "OWASP_LLM01",
    "OWASP_LLM02",
    "OWASP_LLM05",
    "OWASP_LLM07",
    "DetectConfig",
    "Document",
    "Scanner",
    "ScannerFactory",
    "mask_evidence",
]

OWASP_LLM01 = "LLM01:2025 Prompt Injection"
OWASP_LLM02 = "LLM02:2025 Sensitive Information Disclosure"
OWASP_LLM05 = "LLM05:2025 Improper Output Handling"
OWASP_LLM07 = "LLM07:2025 System Prompt Leakage"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DetectConfig:
    """Options every scanner factory receives.

    ``canaries``: canary tokens (from :func:`bastion.mint_canary`) to look for in outputs.
    ``classifier``: use the trained injection classifier (fast tier) besides the rules.
    ``classifier_threshold``: probability above which the classifier flags a text, one value for
    every text (None: the artifact's calibrated thresholds, a strict one for set-up prompts and an
    open one for other texts). ``max_decode_depth``/``max_decoded_bytes`` bound the decoding of
    base64/hex/url/rot13 blobs. ``engine``: ``auto``, ``hyperscan`` or ``re2``.
    ``pii_regions``: phone-number regions tried for numbers without a country code.
    ``classifier_surfaces``: surfaces on which the trained classifier runs: prompts and tool
    outputs (responses are scanned for leaks, not injections).
    ``classifier_tool_output_threshold``: the classifier's threshold on tool outputs (None: the
    artifact's thresholds, as on prompts). Stricter than on prompts because a false positive there
    taints an agent session; ``classifier_threshold``, when set, replaces it too.
    ``classifier_tool_output_prose_threshold``: the classifier's threshold on tool outputs that are
    not mostly code, configuration or structured lines (mail, pages, chat, reviews, notes: see
    :func:`~bastion.detect._classifier.document_shaped`); None: every tool output is judged at
    ``classifier_tool_output_threshold``. Looser than that one because files, not prose, drove the
    false positives it exists for (docs/injection.md, "Where it runs"). A stricter
    ``classifier_tool_output_threshold`` does not raise it: set this one too, or to None.
    ``classifier_document_threshold``: the lowest threshold for a prompt that is mostly a pasted
    document, code or configuration (:func:`~bastion.detect._classifier.document_shaped`): such a
    prompt is the same text an agent reads as a tool output, and is judged at least as strictly
    (None: off; ``classifier_threshold``, when set, replaces it too).
    """

    canaries: tuple[str, ...] = ()
    classifier: bool = True
    classifier_threshold: float | None = None
    max_decode_depth: int = 2
    max_decoded_bytes: int = 64 * 1024
    engine: str = "auto"
    pii_regions: tuple[str, ...] = ("DE", "US", "GB")
    classifier_surfaces: tuple[str, ...] = ("prompt", "tool_output")
    classifier_tool_output_threshold: float | None = 0.8
    classifier_tool_output_prose_threshold: float | None = 0.75
    classifier_document_threshold: float | None = 0.8
    extra: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        t = self.classifier_threshold
        if t is not None and not 0.0 < t < 1.0:  # also refuses NaN
            raise ScannerError(f"classifier_threshold must lie strictly between 0 and 1, got {t}")
        t = self.classifier_tool_output_threshold
        if t is not None and not 0.0 < t < 1.0:
            raise ScannerError(f"classifier_tool_output_threshold must lie strictly between 0 and 1, got {t}")
        t = self.classifier_tool_output_prose_threshold
        if t is not None and not 0.0 < t < 1.0:
            raise ScannerError(f"classifier_tool_output_prose_threshold must lie strictly between 0 and 1, got {t}")
        t = self.classifier_document_threshold
        if t is not None and not 0.0 < t < 1.0:
            raise ScannerError(f"classifier_document_threshold must lie strictly between 0 and 1, got {t}")


@dataclass(slots=True)
class Document:
    """One text being scanned, with a per-scan cache for derived views (normalised text ...).

    ``text`` is already sanitised (no lone surrogates) and capped; offsets refer to it, and
    it is a prefix of the caller's original text, so offsets hold there too.
    """

    text: str
    surface: Surface
    config: DetectConfig
    _cache: dict[str, object] = field(default_factory=dict)

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """Compute a derived view once per document (shared between scanners)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]


@runtime_checkable
class Scanner(Protocol):
    name: str
    categories: frozenset[Category]
    rules: Sequence[RuleInfo]

    def scan(self, doc: Document) -> list[Finding]: ...


ScannerFactory = Callable[[DetectConfig], Scanner]


def mask_evidence(value: str, *, keep: int = 4) -> str:
    """Mask a sensitive value for logs: keep a short prefix, hide the rest, keep the length hint."""
    value = value.strip()
    if len(value) <= keep * 2:
        return "*" * len(value)
    return value[:keep] + "*" * min(len(value) - keep, 12) + f"({len(value)})"


def make_finding(
    rule: RuleInfo,
    start: int,
    end: int,
    message: str,
    *,
    evidence: str = "",
    entity: str = "",
    confidence: float | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Build a finding from a documented rule (keeps ids, OWASP tags and defaults in one place)."""
    return Finding(
        rule_id=rule.rule_id,
        category=rule.category,
        severity=severity if severity is not None else rule.severity,
        confidence=rule.confidence if confidence is None else max(0.0, min(1.0, confidence)),
        start=start,
        end=end,
        message=message,
        evidence=evidence,
        entity=entity,
        owasp=rule.owasp,
    )
