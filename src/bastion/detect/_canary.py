"""Canary tokens (``canary.*``): a secret marker in a system prompt that must never reach output.

:func:`mint_canary` returns ``bastion-canary-`` followed by 26 lower-case base32 characters
(128 random bits from ``os.urandom``, the CSPRNG behind :mod:`secrets`). Put it in a system
prompt or a confidential document ("never reveal the marker ..."); configure it on the guard
(``Guard(canaries=[...])`` or ``DetectConfig.canaries``) and the :class:`CanaryScanner` reports it
in model output:

* as written, re-cased, or spread out: any run of up to 8 non-alphanumeric characters (spaces,
  newlines, zero-width characters, punctuation, markdown) between its characters
  (``canary.token``); the random part alone counts too, so dropping the prefix does not hide it;
* base64-encoded (standard or URL-safe alphabet, at any byte alignment inside a larger encoded
  text, also split by up to 4 separator characters), hex-encoded (also ``\\x62``/``%62``/``0x62``
  byte escapes) or ROT13-rotated (``canary.encoded``);
* any token in the bastion canary format that is not configured here (``canary.format``): a canary
  of another deployment or session.

Spans cover the whole spread-out occurrence; for base64 and hex they are widened to the encoded
token around it. All matching is linear-time (Hyperscan prefilter + RE2).
"""

from __future__ import annotations

import base64
import codecs
import os
from collections.abc import Iterable, Sequence

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import OWASP_LLM07, DetectConfig, Document, make_finding
from bastion.detect._staged import Staged, StagedSet
from bastion.errors import ConfigError, ConfigProblem

__all__ = [
    "CANARY_PREFIX",
    "ENCODED",
    "FORMAT",
    "MAX_CANARIES",
    "RULES",
    "TOKEN",
    "CanaryScanner",
    "mint_canary",
]

CANARY_PREFIX = "bastion-canary-"
MAX_CANARIES = 256
_MIN_ALNUM = 12
_TRIGGER = 6
_SEP = r"[^A-Za-z0-9]{0,8}"
_B64_SEP = r"[^A-Za-z0-9+/=_\-]{0,4}"
_HEX_SEP = r"[^0-9A-Fa-f]{0,4}"
# Trigger separators are unbounded (a superset of the exact ones, so still necessary): bounded
# repeats of multi-byte UTF-8 classes are slow to compile under Hyperscan.
_TSEP = r"[^A-Za-z0-9]*"
_B64_TSEP = r"[^A-Za-z0-9+/=_\-]*"
_HEX_TSEP = r"[^0-9A-Fa-f]*"
_B32 = "abcdefghijklmnopqrstuvwxyz234567"

TOKEN = RuleInfo(
    rule_id="canary.token",
    category=Category.CANARY,
    severity=Severity.CRITICAL,
    confidence=1.0,
    owasp=(OWASP_LLM07,),
    description=(
        "A configured canary token appears in the text: as written, re-cased, or spread out with "
        "spaces, newlines, zero-width characters or punctuation between its characters, with or "
        "without its prefix. The system prompt (or the document holding the canary) has leaked."
    ),
    example="b a s t i o n - c a n a r y - ...",
)
ENCODED = RuleInfo(
    rule_id="canary.encoded",
    category=Category.CANARY,
    severity=Severity.CRITICAL,
    confidence=0.95,
    owasp=(OWASP_LLM07,),
    description=(
        "A configured canary token appears base64-encoded (standard or URL-safe, at any alignment "
        "inside a larger encoded text, also split), hex-encoded (also as byte escapes) or ROT13-"
        "rotated: a deliberate attempt to slip the system prompt past output filters."
    ),
    example="YmFzdGlvbi1jYW5hcnkt...",
)
FORMAT = RuleInfo(
    rule_id="canary.format",
    category=Category.CANARY,
    severity=Severity.MEDIUM,
    confidence=0.6,
    owasp=(OWASP_LLM07,),
    description=(
        "A token in bastion's canary format (`bastion-canary-` + 26 base32 characters) that is not "
        "configured on this guard: a canary from another deployment or session leaked here."
    ),
    example="bastion-canary-mfrggzdfmztwq2lknnwg23tpob",
)
RULES: tuple[RuleInfo, ...] = (TOKEN, ENCODED, FORMAT)


def mint_canary() -> str:
    """A new canary: ``bastion-canary-`` + 26 base32 characters carrying 128 random bits."""
    raw = base64.b32encode(os.urandom(16))  # os.urandom: the CSPRNG behind the secrets module
    return CANARY_PREFIX + raw.decode("ascii").rstrip("=").lower()


def _spread(chars: str, sep: str) -> str:
    return sep.join(_class(c) for c in chars)


def _class(c: str) -> str:
    if c == "+":
        return r"[+\-]"
    if c == "/":
        return r"[/_]"
    return c


def _alnum(s: str) -> str:
    return "".join(c for c in s if c.isascii() and c.isalnum())


def _b64_cores(data: bytes) -> list[str]:
    """The base64 characters fixed by ``data`` alone, for each of the three byte alignments."""
    cores: list[str] = []
    n = len(data)
    for k in range(3):
        enc = base64.b64encode(b"\0" * k + data + b"\0\0").decode("ascii")
        first = -(-8 * k // 6)
        last = (8 * (k + n)) // 6
        core = enc[first:last]
        if len(core) >= 8:
            cores.append(core)
    return cores


class CanaryScanner:
    """Finds configured canary tokens in output, plain, spread out, re-cased or encoded."""

    name = "canary"
    categories = frozenset({Category.CANARY})
    rules = RULES

    def __init__(self, config: DetectConfig, *, canaries: Iterable[str] = ()) -> None:
        wanted = list(dict.fromkeys([*config.canaries, *canaries]))
        problems: list[ConfigProblem] = []
        if len(wanted) > MAX_CANARIES:
            problems.append(
                ConfigProblem("<detect>", None, "canaries", f"{len(wanted)} canaries; at most {MAX_CANARIES}")
            )
        for i, c in enumerate(wanted):
            if not isinstance(c, str) or len(_alnum(c)) < _MIN_ALNUM:
                problems.append(
                    ConfigProblem(
                        "<detect>",
                        None,
                        f"canaries[{i}]",
                        f"a canary needs at least {_MIN_ALNUM} ASCII letters or digits; use bastion.mint_canary()",
                    )
                )
        if problems:
            raise ConfigError(problems)
        self.canaries: tuple[str, ...] = tuple(wanted)
        specs: list[Staged] = []
        for i, c in enumerate(self.canaries):
            specs.extend(self._specs(i, c))
        body = f"[{_B32}]" + "{26}"
        prefix_rx = _spread(_alnum(CANARY_PREFIX), _SEP)
        specs.append(Staged("format", _spread("canary", _TSEP), rf"{prefix_rx}{_SEP}{body}", caseless=True))
        self._set = StagedSet(specs, engine=config.engine)
        self._plain = {_alnum(c).lower() for c in self.canaries}
        bodies = [c[len(CANARY_PREFIX) :] for c in self.canaries if c.lower().startswith(CANARY_PREFIX)]
        self._exact_forms = frozenset([*self.canaries, *bodies])
        self._lower_forms = frozenset(f.lower() for f in self._exact_forms)

    @staticmethod
    def _specs(i: int, canary: str) -> Sequence[Staged]:
        core = _alnum(canary)
        out: list[Staged] = []
        if canary.lower().startswith(CANARY_PREFIX) and len(core) > len(_alnum(CANARY_PREFIX)) + 8:
            # prefix optional: the random part alone identifies the canary
            pre = _alnum(CANARY_PREFIX)
            rest = core[len(pre) :]
            rx = f"(?:{_spread(pre, _SEP)}{_SEP})?{_spread(rest, _SEP)}"
        else:
            rx = _spread(core, _SEP)
        # Triggers are the last few characters of each form (a necessary part of every match):
        # small for the prefilter to compile, specific enough to leave benign text alone.
        out.append(Staged(f"plain:{i}", _spread(core[-_TRIGGER:], _TSEP), rx, caseless=True))
        variants = dict.fromkeys([canary, canary.lower(), canary.upper()])
        b64: dict[str, None] = {}
        hexes: dict[str, None] = {}
        for v in variants:
            raw = v.encode("utf-8")
            for c in _b64_cores(raw):
                b64[c] = None
            hexes[raw.hex()] = None
        for j, c in enumerate(b64):
            c = c.rstrip("=")
            out.append(Staged(f"b64:{i}:{j}", _spread(c[-_TRIGGER - 2 :], _B64_TSEP), _spread(c, _B64_SEP)))
        for j, h in enumerate(hexes):
            trigger = _spread(h[-_TRIGGER - 4 :], _HEX_TSEP)
            out.append(Staged(f"hex:{i}:{j}", trigger, _spread(h, _HEX_SEP), caseless=True))
        rot = _alnum(codecs.encode(canary, "rot13"))
        if rot.lower() != core.lower():
            out.append(Staged(f"rot13:{i}", _spread(rot[-_TRIGGER:], _TSEP), _spread(rot, _SEP), caseless=True))
        return out

    def scan(self, doc: Document) -> list[Finding]:
        text = doc.text
        found: list[Finding] = []
        claimed: list[tuple[int, int]] = []
        formats: list[tuple[int, int]] = []
        for m in self._set.finditer(doc):
            kind = m.key.split(":", 1)[0]
            if kind == "format":
                formats.append((m.start, m.end))
                continue
            if kind == "plain":
                seen = text[m.start : m.end]
                if seen in self._exact_forms:
                    how, conf = "verbatim", 1.0
                elif seen.lower() in self._lower_forms:
                    how, conf = "re-cased", 0.98
                else:
                    how, conf = "spread out", 0.95
                found.append(
                    make_finding(
                        TOKEN,
                        m.start,
                        m.end,
                        f"canary token ({how})",
                        evidence="[canary]",
                        entity="canary",
                        confidence=conf,
                    )
                )
                claimed.append((m.start, m.end))
                continue
            start, end = m.start, m.end
            if kind in ("b64", "hex"):
                start, end = _widen(text, start, end, kind)
            label = {"b64": "base64", "hex": "hex", "rot13": "ROT13"}[kind]
            found.append(
                make_finding(
                    ENCODED, start, end, f"canary token, {label}-encoded", evidence="[canary]", entity="canary"
                )
            )
            claimed.append((start, end))
        for s, e in formats:
            if any(a <= s and e <= b for a, b in claimed):
                continue
            if _alnum(text[s:e]).lower() in self._plain:
                continue
            found.append(
                make_finding(FORMAT, s, e, "unconfigured bastion canary token", evidence="[canary]", entity="canary")
            )
        found.sort(key=lambda f: (f.start, f.end, f.rule_id))
        return found


_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")
_HEX_CHARS = frozenset("0123456789abcdefABCDEF")
_WIDEN_LIMIT = 4096


def _widen(text: str, start: int, end: int, kind: str) -> tuple[int, int]:
    chars = _B64_CHARS if kind == "b64" else _HEX_CHARS
    lo = max(0, start - _WIDEN_LIMIT)
    while start > lo and text[start - 1] in chars:
        start -= 1
    hi = min(len(text), end + _WIDEN_LIMIT)
    while end < hi and text[end] in chars:
        end += 1
    return start, end
