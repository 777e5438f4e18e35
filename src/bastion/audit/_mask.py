"""Masking of payloads before they are written: no raw secret or PII reaches the store.

Two independent nets, both always on:

1. **field names**: a value stored under a name such as ``password``, ``api_key``,
   ``authorization`` or ``cookie`` is replaced whole, whatever it looks like;
2. **content**: every string is scanned with a :class:`bastion.Guard` for the ``secret`` and
   ``pii`` categories and each finding's span is replaced by ``[MASKED:<rule id>]``.

All strings of one payload are scanned in a single ``Guard.scan`` call (joined with blank
lines, spans mapped back), so masking costs one scan per record, not one per field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bastion._types import Category, Finding, Severity
from bastion.detect import BUILTIN_SCANNERS, DetectConfig, Guard, Scanner
from bastion.detect._registry import load_factories
from bastion.errors import InputError

__all__ = ["DEFAULT_SENSITIVE_KEYS", "MaskResult", "PayloadMasker", "masking_guard"]

# Built-in scanners that report secrets or PII. The masker builds only these (plus third-party
# plugins): the injection rules are not needed to mask a payload and take seconds to compile.
_MASKING_BUILTINS = ("secrets", "pii")

DEFAULT_SENSITIVE_KEYS: frozenset[str] = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "passphrase",
        "secret",
        "clientsecret",
        "token",
        "accesstoken",
        "refreshtoken",
        "idtoken",
        "sessiontoken",
        "apikey",
        "xapikey",
        "authorization",
        "proxyauthorization",
        "auth",
        "cookie",
        "setcookie",
        "privatekey",
        "secretkey",
        "accesskey",
        "credential",
        "credentials",
        "connectionstring",
        "dsn",
        "pin",
        "cvv",
        "cvc",
    }
)


def masking_guard(
    categories: Iterable[str | Category] = (Category.SECRET, Category.PII), config: DetectConfig | None = None
) -> Guard:
    """A :class:`Guard` with just the scanners that can report ``categories``.

    If the registry no longer has scanners covering every wanted category under the expected
    names, every scanner is built instead (slower, never less thorough).
    """
    cfg = config or DetectConfig()
    wanted = {Category(c) for c in categories}
    picked: list[Scanner] = []
    for name, factory in load_factories(entry_points=True).items():
        if name in BUILTIN_SCANNERS and name not in _MASKING_BUILTINS:
            continue
        scanner = factory(cfg)
        if scanner.categories & wanted:
            picked.append(scanner)
    covered = set().union(*(s.categories for s in picked)) if picked else set()
    if not wanted <= covered:
        return Guard(categories=wanted, config=cfg)
    return Guard(categories=wanted, config=cfg, scanners=picked)


_SEP = "\n\n"
_MAX_SCAN_CHARS = 1_000_000
_MAX_DEPTH = 32
_INT_MIN = -(2**63)
_INT_MAX = 2**64 - 1


_INF = float("inf")
_NINF = float("-inf")

# A JSON path built lazily: the root name, or (parent path, key or list index).
_Path = str | tuple[Any, str | int]


def _norm_key(key: str) -> str:
    return "".join(ch for ch in key.lower() if ch.isalnum())


def _render(path: _Path) -> str:
    parts: list[str] = []
    while isinstance(path, tuple):
        path, key = path
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    parts.append(path)
    return "".join(reversed(parts))


@dataclass(frozen=True, slots=True)
class MaskResult:
    """A masked copy of a value and the paths that were masked (``"path: rule"``)."""

    value: Any
    masked: tuple[str, ...]


class PayloadMasker:
    """Masks secrets and PII in JSON-like payloads before they are logged.

    ``guard``: the scanner used for content (default: a ``Guard`` for ``secret`` and ``pii``).
    ``sensitive_keys``: field names (compared lower-case, without ``-``/``_``) whose values are
    always masked whole. ``scan``: set ``False`` to use only the field-name net (not advised).
    """

    def __init__(
        self,
        guard: Guard | None = None,
        *,
        sensitive_keys: Iterable[str] = DEFAULT_SENSITIVE_KEYS,
        categories: Sequence[str | Category] = (Category.SECRET, Category.PII),
        scan: bool = True,
    ) -> None:
        self._keys = frozenset(_norm_key(k) for k in sensitive_keys)
        self._norm_cache: dict[str, str] = {}
        self._categories = tuple(Category(c) for c in categories)
        self._scan = scan
        self._guard = guard if guard is not None or not scan else masking_guard(self._categories)

    def mask(self, value: Any, *, path: str = "payload", categories: Sequence[Category] | None = None) -> MaskResult:
        """Return a masked deep copy of ``value`` (never mutates it) and what was masked."""
        masked: list[str] = []
        strings: list[tuple[Any, Any, _Path]] = []
        copy = self._copy(value, path, masked, strings, None, None, 0)
        if self._scan and self._guard is not None and strings:
            cats = categories if categories is not None else self._categories
            self._mask_strings(strings, masked, cats)
            if isinstance(copy, str):  # a bare string: the holder is a one-element box
                copy = strings[0][0][0]
        return MaskResult(value=copy, masked=tuple(masked))

    def mask_text(self, text: str, *, path: str = "text") -> MaskResult:
        return self.mask(text, path=path)

    # -- internals -------------------------------------------------------------------------

    def _norm(self, key: str) -> str:
        hit = self._norm_cache.get(key)
        if hit is None:
            hit = _norm_key(key)
            if len(self._norm_cache) < 65536:
                self._norm_cache[key] = hit
        return hit

    def _copy(
        self,
        value: Any,
        path: _Path,
        masked: list[str],
        strings: list[tuple[Any, Any, _Path]],
        holder: Any,
        slot: Any,
        depth: int,
    ) -> Any:
        """Deep-copy ``value``, checking it is plain JSON and collecting its strings.

        Paths are built lazily as ``(parent, key)`` pairs and rendered only when something is
        masked or an error is raised, which keeps the common case cheap.
        """
        t = type(value)
        if t is str:
            if holder is None:
                strings.append(([value], 0, path))
            else:
                strings.append((holder, slot, path))
            return value
        if t is int:
            if not _INT_MIN <= value <= _INT_MAX:
                raise InputError(f"{_render(path)}: integer {value} does not fit in 64 bits; log it as a string")
            return value
        if value is None or t is bool:
            return value
        if t is float:
            if value != value or value in (_INF, _NINF):
                raise InputError(f"{_render(path)}: NaN and infinity are not JSON; log them as strings")
            return value
        if depth >= _MAX_DEPTH:
            raise InputError(f"{_render(path)}: nested deeper than {_MAX_DEPTH} levels")
        if t is dict or isinstance(value, Mapping):
            out: dict[str, Any] = {}
            keys = self._keys
            norm = self._norm_cache
            for k, v in value.items():
                if type(k) is not str:
                    if not isinstance(k, str):
                        raise InputError(f"{_render(path)}: key {k!r} must be a str, not {type(k).__name__}")
                    k = str.__str__(k)
                nk = norm.get(k)
                if nk is None:
                    nk = self._norm(k)
                if nk in keys and v is not None:
                    out[k] = f"[MASKED:field.{nk}]"
                    masked.append(f"{_render((path, k))}: field.{nk}")
                    continue
                tv = type(v)
                if tv is str:
                    out[k] = v
                    strings.append((out, k, (path, k)))
                elif (tv is int and _INT_MIN <= v <= _INT_MAX) or tv is bool or v is None:
                    out[k] = v
                else:
                    out[k] = self._copy(v, (path, k), masked, strings, out, k, depth + 1)
            return out
        if t is list or t is tuple or isinstance(value, list | tuple):
            items: list[Any] = list(value)
            for i, v in enumerate(items):
                if type(v) is str:
                    strings.append((items, i, (path, i)))
                    continue
                items[i] = self._copy(v, (path, i), masked, strings, items, i, depth + 1)
            return items
        # Subclasses of the JSON scalars (StrEnum, IntEnum, bool-like ints): store their plain value.
        for base in (str, bool, int, float):
            if isinstance(value, base):
                return self._copy(base(value), path, masked, strings, holder, slot, depth)
        raise InputError(
            f"{_render(path)}: {type(value).__name__} is not a JSON type (use dict, list, str, int, float, bool, None)"
        )

    def _mask_strings(
        self,
        strings: list[tuple[Any, Any, _Path]],
        masked: list[str],
        categories: Sequence[Category],
    ) -> None:
        texts = [holder[slot] for holder, slot, _ in strings]
        starts: list[int] = []
        pos = 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + len(_SEP)
        joined = _SEP.join(texts)
        limit = min(_MAX_SCAN_CHARS, self._guard.max_chars) if self._guard is not None else _MAX_SCAN_CHARS
        if len(joined) > limit:
            # Larger than one scan may cover: scan piecewise so nothing goes unscanned.
            for i, t in enumerate(texts):
                self._apply(strings[i], t, self._findings(t, categories), 0, masked)
            return
        findings = self._findings(joined, categories)
        if not findings:
            return
        for i, t in enumerate(texts):
            lo, hi = starts[i], starts[i] + len(t)
            own = [f for f in findings if f.start < hi and f.end > lo]
            if own:
                self._apply(strings[i], t, own, lo, masked)

    def _findings(self, text: str, categories: Sequence[Category]) -> list[Finding]:
        if self._guard is None:
            return []
        res = self._guard.scan(text, "response", categories=categories)
        out = [f for f in res.findings if f.category in categories and f.end > f.start]
        if res.truncated:
            # Fail closed: whatever the scanner did not look at is masked, never written raw.
            cut = self._guard.max_chars
            out.append(
                Finding(
                    rule_id="input.truncated",
                    category=Category.INPUT,
                    severity=Severity.MEDIUM,
                    confidence=1.0,
                    start=cut,
                    end=len(text),
                    message="not scanned: over the scanner's size limit",
                )
            )
        return out

    @staticmethod
    def _apply(
        entry: tuple[Any, Any, _Path],
        text: str,
        findings: list[Finding],
        offset: int,
        masked: list[str],
    ) -> None:
        holder, slot, path = entry
        spans = sorted(
            ((max(f.start - offset, 0), min(f.end - offset, len(text)), f.rule_id) for f in findings),
            key=lambda s: (s[0], -s[1]),
        )
        out: list[str] = []
        cur = 0
        rules: list[str] = []
        for s, e, rule in spans:
            if e <= cur:
                continue
            s = max(s, cur)
            out.append(text[cur:s])
            out.append(f"[MASKED:{rule}]")
            cur = e
            if rule not in rules:
                rules.append(rule)
        out.append(text[cur:])
        holder[slot] = "".join(out)
        where = _render(path)
        masked.extend(f"{where}: {rule}" for rule in rules)
