"""Two-stage matching: a cheap Hyperscan trigger, then the exact RE2 expression.

:class:`~bastion.detect._engine.PatternSet` uses one expression for both engines. Exact
expressions with large bounded repeats (``[^\\n]{0,300}``) or anchors inside repeated groups
compile slowly or not at all under Hyperscan, although RE2 runs them in linear time. A
:class:`StagedSet` therefore gives each rule a short *trigger* (literals or small classes that
any true match must contain) for the one-pass prefilter, and runs the *exact* RE2 expression only
for rules whose trigger fired. Both stages are linear in the input.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from bastion.detect._engine import Match, Pattern, PatternSet
from bastion.errors import ScannerError

__all__ = ["Staged", "StagedSet"]


@dataclass(frozen=True, slots=True)
class Staged:
    """One rule's expressions. ``trigger`` must match somewhere in every text ``exact`` matches."""

    key: str
    trigger: str
    exact: str
    caseless: bool = False
    multiline: bool = False
    dotall: bool = False


@functools.lru_cache(maxsize=32)
def _compile(specs: tuple[Staged, ...], engine: str) -> tuple[PatternSet, tuple[Any, ...]]:
    # A pure compile cache keyed by the (immutable) specs: scanners built again reuse the databases.
    pre = PatternSet([Pattern(str(i), s.trigger, caseless=s.caseless) for i, s in enumerate(specs)], engine=engine)
    exact: list[Any] = []
    for s in specs:
        flags = ("i" if s.caseless else "") + ("m" if s.multiline else "") + ("s" if s.dotall else "")
        source = f"(?{flags}){s.exact}" if flags else s.exact
        try:
            exact.append(re2.compile(source))
        except re2.error as exc:
            raise ScannerError(f"pattern {s.key!r} does not compile under RE2: {exc}") from exc
    return pre, tuple(exact)


class StagedSet:
    """Compiled triggers plus exact expressions; immutable, thread-safe."""

    def __init__(self, specs: Sequence[Staged], *, engine: str = "auto") -> None:
        self.specs: tuple[Staged, ...] = tuple(specs)
        self._pre, self._exact = _compile(self.specs, engine)
        self.engine = self._pre.engine

    def finditer(self, text: str) -> Iterator[Match]:
        """Every non-overlapping exact match of every rule whose trigger fired, rule by rule."""
        for i in self._pre.candidates(text):
            rx = self._exact[i]
            key = self.specs[i].key
            n = rx.groups
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                yield Match(
                    key=key,
                    start=m.start(),
                    end=m.end(),
                    groups=tuple(m.group(g) for g in range(n + 1)),
                    group_spans=tuple(m.span(g) for g in range(n + 1)),
                )
