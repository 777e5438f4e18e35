"""Linear-time multi-pattern matching.

A :class:`PatternSet` compiles many regular expressions once. A scan makes one pass
with Hyperscan (Vectorscan) in prefilter mode to learn *which* patterns can match,
then asks RE2 for the exact spans of those patterns only. Both engines run in time
linear in the input, so attacker text cannot trigger catastrophic backtracking.
When Hyperscan is not installed (or refuses a pattern) an ``re2.Set`` does the
first pass instead. Offsets are character offsets into the Python ``str``.

Patterns must be written in the common subset of RE2 and Hyperscan syntax: no
back-references, no look-around.
"""

from __future__ import annotations

import re as _re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from bastion.errors import ScannerError

_hs: Any
try:  # pragma: no cover - exercised where hyperscan is installed
    import hyperscan as _hs
except ImportError:  # pragma: no cover - fallback path tested via engine="re2"
    _hs = None

# Compiled Hyperscan databases by pattern list: building a Guard twice in one process (tests,
# per-request configs) does not recompile. Databases are immutable and safe to share between
# threads; the scratch space a scan works in is not (a second concurrent scan with the same
# scratch fails with ScratchInUseError), so every thread scans with its own, see hs_scan().
_HS_CACHE: dict[tuple[tuple[str, bool, bool, bool], ...], tuple[Any, tuple[int, ...]]] = {}
# RE2 program memory for one trigger set (the default 8 MiB no longer fits the injection triggers)
_RE2_SET_MAX_MEM = 64 << 20
_SCRATCH = threading.local()


def hs_scan(db: Any, data: bytes, on_match: Any) -> None:
    """``db.scan(data)`` with this thread's own scratch space for ``db`` (allocated on first use,
    kept for the thread's life). Safe to call from any number of threads at once."""
    mine: dict[int, tuple[Any, Any]] | None = getattr(_SCRATCH, "by_db", None)
    if mine is None:
        mine = _SCRATCH.by_db = {}
    entry = mine.get(id(db))
    if entry is None or entry[0] is not db:  # the entry holds db, so its id cannot be reused
        entry = (db, _hs.Scratch(db))
        mine[id(db)] = entry
    db.scan(data, match_event_handler=on_match, scratch=entry[1])

_SURROGATE = _re.compile("[\ud800-\udfff]")

__all__ = ["ENGINES", "Match", "Pattern", "PatternSet", "hs_scan", "hyperscan_available", "sanitize"]

ENGINES = ("auto", "hyperscan", "re2")


def hyperscan_available() -> bool:
    return _hs is not None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One expression. ``key`` is reported with each match (usually a rule id)."""

    key: str
    regex: str
    caseless: bool = False
    dotall: bool = False
    multiline: bool = False

    def re2_source(self) -> str:
        flags = ("i" if self.caseless else "") + ("s" if self.dotall else "") + (
            "m" if self.multiline else ""
        )
        return f"(?{flags}){self.regex}" if flags else self.regex


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    start: int
    end: int
    groups: tuple[str | None, ...]
    group_spans: tuple[tuple[int, int], ...]

    def group(self, i: int) -> str | None:
        return self.groups[i] if i < len(self.groups) else None


def sanitize(text: str) -> str:
    """Replace lone surrogates (invalid in UTF-8) with U+FFFD; length and offsets are kept."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


class PatternSet:
    """A compiled set of patterns; immutable and safe to share between threads."""

    def __init__(self, patterns: Sequence[Pattern], *, engine: str = "auto") -> None:
        if engine not in ENGINES:
            raise ScannerError(f"unknown matching engine {engine!r}; use one of {ENGINES}")
        self.patterns: tuple[Pattern, ...] = tuple(patterns)
        self._compiled: list[Any] = []
        for p in self.patterns:
            try:
                self._compiled.append(re2.compile(p.re2_source()))
            except re2.error as exc:
                raise ScannerError(f"pattern {p.key!r} does not compile under RE2: {exc}") from exc
        self._always: list[int] = []
        self._hs_db: Any = None
        self._set: Any = None
        use_hs = engine == "hyperscan" or (engine == "auto" and _hs is not None)
        if engine == "hyperscan" and _hs is None:
            raise ScannerError("engine 'hyperscan' requested but the hyperscan package is missing")
        if self.patterns and use_hs:
            self._build_hyperscan()
        elif self.patterns:
            self._build_re2_set()
        self.engine = "hyperscan" if self._hs_db is not None else "re2"

    # -- building ---------------------------------------------------------------------
    def _build_hyperscan(self) -> None:
        assert _hs is not None
        key = tuple((p.regex, p.caseless, p.dotall, p.multiline) for p in self.patterns)
        cached = _HS_CACHE.get(key)
        if cached is not None:
            self._hs_db, self._always = cached[0], list(cached[1])
            return
        base = _hs.HS_FLAG_PREFILTER | _hs.HS_FLAG_SINGLEMATCH | _hs.HS_FLAG_UTF8 | _hs.HS_FLAG_UCP
        flags: list[int] = []
        for p in self.patterns:
            f = base
            if p.caseless:
                f |= _hs.HS_FLAG_CASELESS
            if p.dotall:
                f |= _hs.HS_FLAG_DOTALL
            if p.multiline:
                f |= _hs.HS_FLAG_MULTILINE
            flags.append(f)
        ids = list(range(len(self.patterns)))
        exprs = [p.regex.encode() for p in self.patterns]
        try:  # one compile for the whole set (the common case)
            db = _hs.Database()
            db.compile(expressions=exprs, ids=ids, elements=len(exprs), flags=flags)
        except Exception:  # noqa: BLE001 - hyperscan raises its own error type
            # Find the patterns Hyperscan refuses; they go to the always-run list (RE2 only).
            ok: list[int] = []
            for i in ids:
                try:
                    _hs.Database().compile(expressions=[exprs[i]], ids=[i], flags=[flags[i]])
                    ok.append(i)
                except Exception:  # noqa: BLE001
                    self._always.append(i)
            db = None
            if ok:
                db = _hs.Database()
                db.compile(
                    expressions=[exprs[i] for i in ok], ids=ok, elements=len(ok), flags=[flags[i] for i in ok]
                )
        self._hs_db = db
        if len(_HS_CACHE) < 64:
            _HS_CACHE[key] = (db, tuple(self._always))

    def _build_re2_set(self) -> None:
        opts = re2.Options()
        opts.max_mem = _RE2_SET_MAX_MEM  # the default 8 MiB is too small for the injection triggers
        s = re2.Set.SearchSet(opts)
        for p in self.patterns:
            s.Add(p.re2_source())
        s.Compile()
        self._set = s

    # -- matching ---------------------------------------------------------------------
    def candidates(self, text: str) -> list[int]:
        """Indices of patterns that may match ``text`` (a superset of those that do)."""
        if not self.patterns or not text:
            return []
        if self._hs_db is not None:
            hit: set[int] = set(self._always)

            def on_match(pid: int, _f: int, _t: int, _fl: int, _ctx: object) -> None:
                hit.add(pid)

            hs_scan(self._hs_db, text.encode("utf-8"), on_match)
            return sorted(hit)
        assert self._set is not None
        return sorted(self._set.Match(text) or ())

    def finditer(self, text: str) -> Iterator[Match]:
        """Every non-overlapping match of every pattern, pattern by pattern."""
        for i in self.candidates(text):
            rx = self._compiled[i]
            key = self.patterns[i].key
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                n = rx.groups
                yield Match(
                    key=key,
                    start=m.start(),
                    end=m.end(),
                    groups=tuple(m.group(g) for g in range(n + 1)),
                    group_spans=tuple(m.span(g) for g in range(n + 1)),
                )
