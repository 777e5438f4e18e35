"""Rewriting text from findings: mask, typed placeholder, keyed hash.

Detection and rewriting are separate steps: a scanner returns a :class:`~bastion.ScanResult`,
:func:`redact` applies it to the same text. Overlapping or touching spans are merged first and
replaced once (the label comes from the most severe finding of the merged group). Offsets are
Python character offsets, so non-ASCII text is handled exactly.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bastion._types import Category, Finding, ScanResult, Severity
from bastion.errors import InputError

__all__ = [
    "DEFAULT_CATEGORIES",
    "Redaction",
    "Replacement",
    "Span",
    "Strategy",
    "apply_replacements",
    "label_of",
    "merge_spans",
    "redact",
]

# Categories whose spans are data worth hiding. Injection/jailbreak/obfuscation spans are
# instructions, not data; rewrite them only when asked explicitly.
DEFAULT_CATEGORIES: frozenset[Category] = frozenset(
    {Category.SECRET, Category.PII, Category.LEAK, Category.CANARY, Category.EXFIL}
)
_MIN_KEY_BYTES = 16


class Strategy(enum.StrEnum):
    """How a span is rewritten."""

    MASK = "mask"  # "****" (same length, or a fixed mask)
    PLACEHOLDER = "placeholder"  # "[SECRET:aws_access_key#1]"
    HASH = "hash"  # "[PII:email:hmac:ab12cd34]"


@dataclass(frozen=True, slots=True)
class Span:
    """A merged span to rewrite: ``text[start:end]``, labelled by its most severe finding."""

    start: int
    end: int
    category: Category
    entity: str
    rule_id: str
    severity: Severity


@dataclass(frozen=True, slots=True)
class Replacement:
    """One rewrite: the original span and what now stands there. Never holds the original value."""

    start: int
    end: int
    replacement: str
    category: Category
    entity: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class Redaction:
    """The rewritten text and what was replaced (original offsets)."""

    text: str
    replacements: tuple[Replacement, ...]

    @property
    def count(self) -> int:
        return len(self.replacements)


def label_of(finding: Finding) -> str:
    """The entity name used in placeholders: the finding's ``entity`` or its rule id's tail."""
    if finding.entity:
        return finding.entity
    return finding.rule_id.split(".", 1)[-1]


def _findings(source: ScanResult | Iterable[Finding]) -> list[Finding]:
    if isinstance(source, ScanResult):
        return list(source.findings)
    return list(source)


def merge_spans(
    findings: ScanResult | Iterable[Finding],
    text_length: int,
    *,
    categories: Iterable[Category | str] | None = None,
    min_severity: Severity | None = None,
) -> list[Span]:
    """Filter findings and merge overlapping or touching spans into disjoint, sorted spans."""
    wanted = DEFAULT_CATEGORIES if categories is None else frozenset(Category(c) for c in categories)
    chosen: list[Finding] = []
    for f in _findings(findings):
        if f.category not in wanted or f.end <= f.start:
            continue
        if min_severity is not None and f.severity < min_severity:
            continue
        if f.end > text_length:
            raise InputError(
                f"finding {f.rule_id} spans {f.start}..{f.end} but the text has {text_length} characters; "
                "redact the same text that was scanned"
            )
        chosen.append(f)
    chosen.sort(key=lambda f: (f.start, -f.end))
    groups: list[list[Finding]] = []
    end = -1
    for f in chosen:
        if groups and f.start <= end:
            groups[-1].append(f)
            end = max(end, f.end)
        else:
            groups.append([f])
            end = f.end
    out: list[Span] = []
    for g in groups:
        head = max(g, key=lambda f: (f.severity.rank, f.end - f.start, f.confidence))
        out.append(
            Span(
                start=min(f.start for f in g),
                end=max(f.end for f in g),
                category=head.category,
                entity=label_of(head),
                rule_id=head.rule_id,
                severity=head.severity,
            )
        )
    return out


def redact(
    text: str,
    findings: ScanResult | Iterable[Finding],
    *,
    strategy: Strategy | str = Strategy.PLACEHOLDER,
    categories: Iterable[Category | str] | None = None,
    min_severity: Severity | None = None,
    mask_char: str = "*",
    keep_length: bool = True,
    fixed_mask: str = "****",
    key: bytes | None = None,
    hash_chars: int = 8,
) -> Redaction:
    """Rewrite every finding's span in ``text``.

    ``strategy``: ``mask`` (``mask_char`` repeated to the span's length, or ``fixed_mask`` when
    ``keep_length`` is false), ``placeholder`` (``[CATEGORY:entity#n]``, ``n`` counting distinct
    values per category and entity, so the same value gets the same number within one text) or
    ``hash`` (``[CATEGORY:entity:hmac:<hex>]``, HMAC-SHA256 of the value under ``key`` truncated to
    ``hash_chars`` hex digits: the same value maps to the same tag across texts for the holder of
    the key, and cannot be reversed or brute-forced without it). ``categories`` defaults to
    secret, pii, leak, canary and exfil findings.
    """
    try:
        strat = Strategy(strategy)
    except ValueError:
        known = ", ".join(s.value for s in Strategy)
        raise InputError(f"unknown redaction strategy {strategy!r}; use one of: {known}") from None
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if strat is Strategy.MASK and len(mask_char) != 1:
        raise InputError("mask_char must be exactly one character")
    if strat is Strategy.HASH:
        if key is None or len(key) < _MIN_KEY_BYTES:
            raise InputError(
                f"the hash strategy needs a secret key of at least {_MIN_KEY_BYTES} bytes (key=...); "
                "an unkeyed hash of a short value such as a phone number is reversible by brute force"
            )
        if not 4 <= hash_chars <= 64:
            raise InputError("hash_chars must lie between 4 and 64")
    spans = merge_spans(findings, len(text), categories=categories, min_severity=min_severity)
    numbers: dict[tuple[str, str], dict[str, int]] = {}
    replacements: list[Replacement] = []
    for sp in spans:
        value = text[sp.start : sp.end]
        if strat is Strategy.MASK:
            new = mask_char * (sp.end - sp.start) if keep_length else fixed_mask
        elif strat is Strategy.PLACEHOLDER:
            seen = numbers.setdefault((sp.category.value, sp.entity), {})
            n = seen.setdefault(value, len(seen) + 1)
            new = f"[{sp.category.value.upper()}:{sp.entity}#{n}]"
        else:
            digest = hmac.new(key or b"", value.encode("utf-8"), hashlib.sha256).hexdigest()[:hash_chars]
            new = f"[{sp.category.value.upper()}:{sp.entity}:hmac:{digest}]"
        replacements.append(Replacement(sp.start, sp.end, new, sp.category, sp.entity, sp.rule_id))
    return Redaction(text=apply_replacements(text, replacements), replacements=tuple(replacements))


def apply_replacements(text: str, replacements: Sequence[Replacement]) -> str:
    """Splice disjoint, sorted replacements into ``text`` in one pass."""
    parts: list[str] = []
    pos = 0
    for r in replacements:
        parts.append(text[pos : r.start])
        parts.append(r.replacement)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)
