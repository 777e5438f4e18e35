"""``Guard``: the one entry point for scanning text."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterable, Sequence

from bastion._types import Category, Finding, ScanResult, Surface
from bastion.detect._base import DetectConfig, Document, Scanner
from bastion.detect._engine import sanitize
from bastion.detect._input import truncation_finding
from bastion.detect._registry import SURFACE_DEFAULTS, build_scanners, load_factories
from bastion.errors import InputError, ScannerError

__all__ = ["DEFAULT_MAX_CHARS", "Guard", "parse_categories"]

DEFAULT_MAX_CHARS = 1_000_000
_ASYNC_INLINE_LIMIT = 16_384  # shorter texts are scanned inline, longer ones in a worker thread


def parse_categories(values: Iterable[str | Category]) -> frozenset[Category]:
    """Turn names such as ``"secret,pii"`` into categories; unknown names raise InputError."""
    out: set[Category] = set()
    for value in values:
        if isinstance(value, Category):
            out.add(value)
            continue
        for part in value.split(","):
            part = part.strip().lower()
            if not part:
                continue
            try:
                out.add(Category(part))
            except ValueError:
                known = ", ".join(c.value for c in Category)
                raise InputError(f"unknown category {part!r}; known categories: {known}") from None
    return frozenset(out)


class Guard:
    """Scans text for prompt injection, jailbreaks, secrets, PII, backend leaks and exfiltration.

    ``Guard().scan(text, surface="prompt")`` returns a :class:`ScanResult`. ``categories``
    (on the constructor or per call) overrides the per-surface defaults. ``max_chars`` caps the
    scanned input; longer inputs yield an ``input.truncated`` finding. Scanners are built once;
    a ``Guard`` is immutable after construction and safe to share between threads and tasks.
    """

    def __init__(
        self,
        *,
        categories: Iterable[str | Category] | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        config: DetectConfig | None = None,
        canaries: Sequence[str] = (),
        scanners: Sequence[Scanner] | None = None,
        entry_points: bool = True,
    ) -> None:
        if max_chars < 1:
            raise InputError("max_chars must be at least 1")
        cfg = config or DetectConfig()
        if canaries:
            cfg = dataclasses.replace(cfg, canaries=tuple(cfg.canaries) + tuple(canaries))
        self.config = cfg
        self.max_chars = max_chars
        self.categories = parse_categories(categories) if categories is not None else None
        # Categories whose scanners were not built (Guard(categories=...) loads only what it needs).
        self._not_loaded: frozenset[Category] = frozenset()
        if scanners is not None:
            self._scanners: tuple[Scanner, ...] = tuple(scanners)
        elif self.categories is None:
            self._scanners = tuple(build_scanners(cfg, entry_points=entry_points))
        else:
            wanted = self.categories | {Category.INPUT}
            built: list[Scanner] = []
            skipped: set[Category] = set()
            for factory in load_factories(entry_points=entry_points).values():
                declared = getattr(factory, "categories", None)
                if isinstance(declared, frozenset) and not (declared & wanted):
                    skipped |= declared
                    continue
                built.append(factory(cfg))
            self._scanners = tuple(built)
            self._not_loaded = frozenset(skipped) - wanted

    @property
    def scanners(self) -> tuple[Scanner, ...]:
        return self._scanners

    def _wanted(
        self, surface: Surface, categories: Iterable[str | Category] | None
    ) -> frozenset[Category]:
        if categories is not None:
            cats = parse_categories(categories)
        elif self.categories is not None:
            cats = self.categories
        else:
            cats = SURFACE_DEFAULTS[surface]
        return cats | {Category.INPUT}

    def scan(
        self,
        text: str,
        surface: str | Surface = Surface.PROMPT,
        *,
        categories: Iterable[str | Category] | None = None,
    ) -> ScanResult:
        """Scan one text. Raises :class:`InputError` for a non-str text or unknown surface."""
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}; decode bytes first")
        try:
            surf = Surface(surface)
        except ValueError:
            known = ", ".join(s.value for s in Surface)
            raise InputError(f"unknown surface {surface!r}; use one of: {known}") from None
        wanted = self._wanted(surf, categories)
        missing = wanted & self._not_loaded
        if missing:  # fail closed: never report "clean" for a category that was not scanned
            names = ", ".join(sorted(c.value for c in missing))
            raise ScannerError(
                f"this Guard was built with categories={sorted(c.value for c in self.categories or ())} "
                f"and cannot scan {names}; build it without categories= or include them"
            )
        t0 = time.perf_counter()
        original_len = len(text)
        truncated = original_len > self.max_chars
        body = sanitize(text[: self.max_chars] if truncated else text)
        doc = Document(text=body, surface=surf, config=self.config)
        findings: list[Finding] = []
        if truncated:
            findings.append(truncation_finding(len(body), original_len))
        for scanner in self._scanners:
            if not (scanner.categories & wanted):
                continue
            try:
                found = scanner.scan(doc)
            except ScannerError:
                raise
            except Exception as exc:  # fail closed: a broken scanner is an error, never a pass
                raise ScannerError(
                    f"scanner {scanner.name!r} failed ({type(exc).__name__}); the text was not "
                    "fully inspected"
                ) from exc
            findings.extend(f for f in found if f.category in wanted)
        findings = _dedupe(findings)
        return ScanResult(
            surface=surf,
            text_length=original_len,
            findings=tuple(findings),
            categories=wanted,
            truncated=truncated,
            elapsed_ms=(time.perf_counter() - t0) * 1000.0,
        )

    async def scan_async(
        self,
        text: str,
        surface: str | Surface = Surface.PROMPT,
        *,
        categories: Iterable[str | Category] | None = None,
    ) -> ScanResult:
        """Async variant: short texts are scanned inline, long ones in a worker thread."""
        if isinstance(text, str) and len(text) > _ASYNC_INLINE_LIMIT:
            return await asyncio.to_thread(self.scan, text, surface, categories=categories)
        return self.scan(text, surface, categories=categories)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    best: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.rule_id, f.start, f.end)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.rule_id))

