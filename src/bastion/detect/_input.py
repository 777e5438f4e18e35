"""Rules about the input itself: truncation and binary content that cannot be inspected."""

from __future__ import annotations

import re

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import OWASP_LLM01, DetectConfig, Document, make_finding

__all__ = ["BINARY", "TRUNCATED", "InputScanner", "truncation_finding"]

TRUNCATED = RuleInfo(
    rule_id="input.truncated",
    category=Category.INPUT,
    severity=Severity.MEDIUM,
    confidence=1.0,
    owasp=(OWASP_LLM01,),
    description=(
        "The input was longer than the configured cap; only the first part was scanned. "
        "The rest is unknown, so the text is flagged (fail closed). Raise `max_chars` to scan more."
    ),
    example="(any text longer than max_chars)",
)

BINARY = RuleInfo(
    rule_id="input.binary",
    category=Category.INPUT,
    severity=Severity.LOW,
    confidence=0.9,
    owasp=(OWASP_LLM01,),
    description=(
        "The text holds NUL bytes or a high share of control characters: it looks like binary "
        "data, which text rules cannot inspect meaningfully."
    ),
    example="\\x00\\x01\\x02...",
)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def truncation_finding(scanned: int, original: int) -> Finding:
    return make_finding(
        TRUNCATED,
        scanned,
        scanned,
        f"input has {original} characters; only the first {scanned} were scanned",
    )


class InputScanner:
    name = "input"
    categories = frozenset({Category.INPUT})
    rules = (TRUNCATED, BINARY)

    def __init__(self, config: DetectConfig) -> None:
        self._config = config

    def scan(self, doc: Document) -> list[Finding]:
        text = doc.text
        if not text:
            return []
        sample = text[:65536]
        if _CONTROL.search(sample) is None:  # the common case, in C
            return []
        controls = len(_CONTROL.findall(sample))
        if "\x00" in sample or controls > max(8, len(sample) // 10):
            return [
                make_finding(
                    BINARY,
                    0,
                    len(text),
                    f"{controls} control characters in the first {len(sample)}: binary content",
                )
            ]
        return []
