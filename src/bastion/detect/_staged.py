"""Two-stage matching on UTF-8 bytes: a cheap Hyperscan trigger, then the exact RE2 expression.

:class:`~bastion.detect._engine.PatternSet` uses one expression for both engines. Exact
expressions with large bounded repeats (``[^\\n]{0,300}``) or anchors inside repeated groups
compile slowly or not at all under Hyperscan, although RE2 runs them in linear time. A
:class:`StagedSet` therefore gives each rule a short *trigger* (literals or small classes that
any true match must contain) for the one-pass prefilter, and runs the *exact* RE2 expression only
for rules whose trigger fired. Both stages are linear in the input.

Speed: the text is encoded to UTF-8 once per :class:`~bastion.detect._base.Document` and shared
by every staged scanner (``doc.cached``); RE2 runs on those bytes, and byte offsets are turned
into character offsets only for matches (identity for ASCII text, a cumulative count of UTF-8
lead bytes otherwise). Exact expressions must therefore be written for bytes: ASCII classes,
and non-ASCII literals only as whole characters.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from bastion._types import Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._engine import ENGINES, Match, hs_scan, hyperscan_available
from bastion.errors import ScannerError

__all__ = ["Staged", "StagedSet", "utf8_view"]

_hs: Any
try:  # pragma: no cover - exercised where hyperscan is installed
    import hyperscan as _hs
except ImportError:  # pragma: no cover
    _hs = None


@dataclass(frozen=True, slots=True)
class Staged:
    """One rule's expressions. ``trigger`` must match somewhere in every text ``exact`` matches."""

    key: str
    trigger: str
    exact: str
    caseless: bool = False
    multiline: bool = False
    dotall: bool = False
    windowed: bool = True  # False for triggers that fire everywhere (digits): one full pass instead


def utf8_view(doc: Document) -> bytes:
    """The document's text as UTF-8, encoded once per document."""
    return doc.cached("staged:utf8", lambda: doc.text.encode("utf-8"))


def _to_chars(data: bytes, offsets: set[int]) -> dict[int, int]:
    """Character offsets for UTF-8 byte offsets (each on a character boundary), in one sweep."""
    out: dict[int, int] = {}
    prev_b = prev_c = 0
    for off in sorted(offsets):
        prev_c += len(data[prev_b:off].decode("utf-8", "replace"))
        prev_b = off
        out[off] = prev_c
    return out


_WINDOW_MIN = 65536  # bytes; shorter texts get one RE2 pass per fired rule
_BACK = 4096  # a match starts at most this far before its trigger hit (plus the line start)
_FWD = 4096  # and is found within this distance after it; its full extent is then matched anchored
_MAX_HITS = 256  # more trigger hits than this: one full pass is cheaper than windows


def _windowed(rx: Any, data: bytes, ends: list[int]) -> list[Any]:
    """Exact matches that contain one of the trigger hits ``ends``, searched near each hit only."""
    out: list[Any] = []
    covered = 0
    n = len(data)
    for e in ends:
        if e < covered:
            continue
        lo = max(covered, e - _BACK)
        if lo > 0:
            lo = max(covered, data.rfind(b"\n", 0, lo) + 1)
        hi = min(n, e + _FWD)
        pos = lo
        while pos < hi:
            m = rx.search(data, pos, hi)
            if m is None or m.start() > e:
                break
            whole = rx.match(data, m.start()) or m  # anchored, unbounded: the match's full extent
            if whole.end() > whole.start():
                out.append(whole)
            covered = max(covered, whole.end())
            pos = max(whole.end(), m.start() + 1)
    return out


def _source(s: Staged) -> str:
    flags = ("i" if s.caseless else "") + ("m" if s.multiline else "") + ("s" if s.dotall else "")
    return f"(?{flags}){s.exact}" if flags else s.exact


@functools.lru_cache(maxsize=32)
def _compile(specs: tuple[Staged, ...], use_hs: bool) -> tuple[Any, Any, tuple[int, ...], tuple[Any, ...]]:
    # A pure compile cache keyed by the (immutable) specs: scanners built again reuse the databases.
    exact: list[Any] = []
    for s in specs:
        try:
            exact.append(re2.compile(_source(s).encode("utf-8")))
        except re2.error as exc:
            raise ScannerError(f"pattern {s.key!r} does not compile under RE2: {exc}") from exc
    hs_db: Any = None
    re2_set: Any = None
    always: list[int] = []
    if use_hs and specs:
        base = _hs.HS_FLAG_PREFILTER | _hs.HS_FLAG_UTF8
        exprs: list[bytes] = []
        ids: list[int] = []
        flags: list[int] = []
        for i, s in enumerate(specs):
            f = base | (_hs.HS_FLAG_CASELESS if s.caseless else 0) | (0 if s.windowed else _hs.HS_FLAG_SINGLEMATCH)
            try:  # a trigger Hyperscan refuses alone is run by RE2 every time instead
                _hs.Database().compile(expressions=[s.trigger.encode()], ids=[i], flags=[f])
            except Exception:  # noqa: BLE001 - hyperscan raises its own error type
                always.append(i)
                continue
            exprs.append(s.trigger.encode())
            ids.append(i)
            flags.append(f)
        if exprs:
            hs_db = _hs.Database()
            hs_db.compile(expressions=exprs, ids=ids, elements=len(exprs), flags=flags)
    elif specs:
        opts = re2.Options()
        re2_set = re2.Set.SearchSet(opts)
        for s in specs:
            re2_set.Add((("(?i)" if s.caseless else "") + s.trigger).encode("utf-8"))
        re2_set.Compile()
    return hs_db, re2_set, tuple(always), tuple(exact)


class StagedSet:
    """Compiled triggers plus exact expressions; immutable, thread-safe."""

    def __init__(self, specs: Sequence[Staged], *, engine: str = "auto") -> None:
        if engine not in ENGINES:
            raise ScannerError(f"unknown matching engine {engine!r}; use one of {ENGINES}")
        if engine == "hyperscan" and not hyperscan_available():
            raise ScannerError("engine 'hyperscan' requested but the hyperscan package is missing")
        self.specs: tuple[Staged, ...] = tuple(specs)
        use_hs = engine != "re2" and hyperscan_available()
        self._hs_db, self._set, self._always, self._exact = _compile(self.specs, use_hs)
        self.engine = "hyperscan" if use_hs else "re2"
        self._single = frozenset(i for i, s in enumerate(self.specs) if not s.windowed)

    def triggers(self, data: bytes) -> dict[int, list[int]]:
        """Rules whose trigger fires on ``data`` (UTF-8), each with the trigger's end offsets.

        An empty offset list means "run over the whole text" (RE2 fallback, always-run rules, or
        a trigger that fired more than ``_MAX_HITS`` times).
        """
        if not self.specs or not data:
            return {}
        if self._hs_db is not None:
            hits: dict[int, list[int]] = {i: [] for i in self._always}
            full = set(self._always) | self._single

            def on_match(pid: int, _f: int, to: int, _fl: int, _ctx: object) -> None:
                if pid in full:
                    hits.setdefault(pid, [])
                    return
                ends = hits.setdefault(pid, [])
                if len(ends) >= _MAX_HITS:
                    full.add(pid)
                    ends.clear()
                else:
                    ends.append(to)

            hs_scan(self._hs_db, data, on_match)
            return hits
        if self._set is not None:
            return {i: [] for i in self._set.Match(data) or ()}
        return {i: [] for i in self._always}

    def finditer(self, doc: Document | str) -> Iterator[Match]:
        """Every non-overlapping exact match of every rule whose trigger fired, rule by rule.

        Offsets and groups refer to the document's text (characters, not bytes). Long texts are
        searched only in windows around trigger hits; short ones in one pass per fired rule.
        """
        if isinstance(doc, str):
            doc = Document(text=doc, surface=Surface.RESPONSE, config=DetectConfig())
        data = utf8_view(doc)
        todo = self.triggers(data)
        if not todo:
            return
        text = doc.text
        raw: list[tuple[str, tuple[tuple[int, int], ...]]] = []
        windowed = len(data) >= _WINDOW_MIN
        for i in sorted(todo):
            rx = self._exact[i]
            key = self.specs[i].key
            groups = range(rx.groups + 1)
            ends = todo[i]
            found = _windowed(rx, data, sorted(ends)) if windowed and ends else rx.finditer(data)
            for m in found:
                if m.end() != m.start():
                    raw.append((key, tuple(m.span(g) for g in groups)))
        if not raw:
            return
        if len(data) == len(text):  # ASCII: byte and character offsets agree
            conv: dict[int, int] | None = None
        else:
            conv = _to_chars(data, {o for _, spans in raw for span in spans for o in span if o >= 0})
        for key, spans in raw:
            if conv is not None:
                spans = tuple((conv[s], conv[e]) if s >= 0 else (-1, -1) for s, e in spans)
            yield Match(
                key=key,
                start=spans[0][0],
                end=spans[0][1],
                groups=tuple(text[s:e] if s >= 0 else None for s, e in spans),
                group_spans=spans,
            )
