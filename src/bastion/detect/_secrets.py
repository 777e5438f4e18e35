"""The secrets scanner: credentials, keys and tokens in text (OWASP LLM02).

One combined :class:`~bastion.detect._engine.PatternSet` holds every rule's expressions
(see :mod:`bastion.detect._secret_rules`); it is compiled once per engine and shared.
A scan is one prefilter pass over the text, exact spans from RE2 for the patterns that
may match, then cheap checks on each candidate *value* (never on the whole text):
right-hand boundary, placeholder and documentation-example filters, key-name analysis
for generic assignments, Shannon entropy, checksums and structural validators.
Overlapping candidates are resolved in favour of the more specific rule.

Options (``DetectConfig.extra``, or the constructor's keywords): ``secrets.require_checksum=true``
drops tokens whose format has a checksum (GitHub, npm) when the checksum does not verify, instead
of reporting them with lower confidence; ``secrets.high_entropy=true`` adds the opt-in
``secret.high_entropy_string`` rule (context-free, detect-secrets-style entropy strings).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import re2

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import DetectConfig, Document, make_finding, mask_evidence
from bastion.detect._engine import Match, Pattern, PatternSet, hyperscan_available, sanitize
from bastion.detect._secret_checks import (
    MAX_VALUE_CHARS,
    Verdict,
    base64_pem_ok,
    basic_auth_ok,
    char_classes,
    crc32_base62_ok,
    discord_token_ok,
    is_code_reference,
    is_placeholder,
    jwt_ok,
    pypi_macaroon_ok,
    shannon_entropy,
)
from bastion.detect._secret_rules import OPTIONAL_RULES, RULES, L, SecretRule
from bastion.errors import ScannerError

__all__ = ["SECRET_RULES", "SecretsScanner"]

SECRET_RULES: tuple[RuleInfo, ...] = tuple(r.info for r in RULES + OPTIONAL_RULES)


def _crc(value: str) -> Verdict:
    return Verdict.VALID if crc32_base62_ok(value) else Verdict.UNVERIFIED


_VALIDATORS: dict[str, Callable[[str], Verdict]] = {
    "crc32": _crc,
    "jwt": jwt_ok,
    "pypi": pypi_macaroon_ok,
    "pem_b64": base64_pem_ok,
    "basic": basic_auth_ok,
    "discord": discord_token_ok,
}

# --- key-name analysis for generic assignments -------------------------------------------

_KEY_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|[0-9]+|[^\x00-\x7f]+")
_PASSWORD_EXACT = frozenset({"pass", "pwd", "pw", "passwd", "password", "passwords", "passphrase", "passcode", "pword"})
_PASSWORD_START = ("password", "passwd", "passwort", "passphrase", "kennwort", "contrase")
_PASSWORD_END = ("password", "passwd", "passwort", "passphrase", "kennwort", "pwd", "pass", "pw")
_NOT_PASSWORD = frozenset({"bypass", "compass", "surpass", "overpass", "underpass", "trespass", "encompass", "impass"})
_PASSWORD_SHAPE = re.compile(r"^p(?:as|s)s?w(?:or|r|o)?ds?$")
_SECRET_COMPACT = (
    "apikey",
    "accesskey",
    "authkey",
    "privatekey",
    "clientsecret",
    "signingkey",
    "encryptionkey",
    "masterkey",
    "sessionkey",
    "appkey",
    "credential",
)
# A key whose last word is one of these names metadata about a secret, not the secret.
_NON_SECRET_LAST = frozenset(
    {
        "file", "filename", "path", "dir", "directory", "url", "uri", "endpoint", "host", "name", "names",
        "id", "ids", "type", "types", "length", "len", "size", "count", "field", "fields", "label", "prompt",
        "hint", "policy", "min", "max", "limit", "expiry", "expires", "expiration", "ttl", "timeout", "header",
        "param", "params", "parameter", "regex", "pattern", "format", "mode", "enabled", "enable", "disabled",
        "required", "env", "var", "variable", "version", "method", "algorithm", "alg", "location", "provider",
        "source", "ref", "arn", "manager", "store", "class", "prefix", "suffix", "placeholder", "description",
        "message", "msg", "error", "errors", "text", "title", "help", "rule", "rules", "reset", "changed",
        "updated", "created", "at", "date", "time", "index", "idx", "offset", "number", "num", "flag", "key_id",
        "usage", "schema", "list", "lookup", "output", "input", "validator", "validation", "strength", "hash_alg",
    }
)
_NON_SECRET_ANY = frozenset({"public", "publishable", "pub", "forgot", "confirm", "confirmation", "reset", "hint"})
_FILE_SUFFIX = re.compile(
    r"\.(?:txt|pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|env|ini|cfg|conf|xml|py|js|ts|rb|go|java|sh|log|pub|gpg|asc)$",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"^_?[A-Za-z][A-Za-z_]*$")
_WORDS_CAMEL = re.compile(r"^[A-Za-z]?[a-z]+(?:[A-Z][a-z]+){1,}$")
_LOWER_WORDS = re.compile(r"^[a-z]+(?:[-_. ][a-z]+)*$")
_VERSION_LIKE = re.compile(r"^v?\d+(?:\.\d+)+[a-z0-9.+-]*$", re.IGNORECASE)


def _key_words(key: str) -> list[str]:
    return [w.lower() for w in _KEY_WORDS.findall(key)]


def _key_kind(key: str) -> str:
    """``password``, ``secret`` or ``""`` (not a credential name) for a generic assignment key."""
    words = _key_words(key)
    if not words:
        return ""
    if words[-1] in _NON_SECRET_LAST or any(w in _NON_SECRET_ANY for w in words):
        return ""
    compact = "".join(words)
    if compact.endswith("keyid") or compact.endswith("tokenid"):
        return ""
    for w in words:
        if w in _NOT_PASSWORD:
            continue
        if w in _PASSWORD_EXACT or w.startswith(_PASSWORD_START) or w.endswith(_PASSWORD_END):
            return "password"
        if _PASSWORD_SHAPE.match(w):
            return "password"
    for w in words:
        if w in ("secret", "secrets", "token", "tokens") or w.endswith(("secret", "token")):
            return "secret"
        if w.startswith("token") and not w.startswith("tokeni"):
            return "secret"
    if any(c in compact for c in _SECRET_COMPACT) or compact in ("key", "sig", "signature"):
        return "secret"
    return ""


@dataclass(frozen=True, slots=True)
class _Candidate:
    rule: SecretRule
    order: int
    start: int
    end: int
    value: str
    confidence: float
    note: str
    severity: Severity | None = None


_Meta = tuple[SecretRule, int, "re.Pattern[str] | None", Any, bool]


@functools.lru_cache(maxsize=8)
def _compiled(engine: str, optional: bool = False) -> tuple[PatternSet, tuple[_Meta, ...]]:
    """The combined pattern set for ``engine`` and, per pattern, (rule, order, tail check, RE2 for bytes).

    The :class:`PatternSet` does the one prefilter pass; exact spans come from RE2 run on the
    UTF-8 bytes (encoded once per scan) and are mapped back to character offsets, which is much
    cheaper than RE2's per-call ``str`` handling when many patterns are candidates.
    """
    patterns: list[Pattern] = []
    meta: list[_Meta] = []
    if engine == "auto":  # one cache entry for "auto" and the engine it resolves to
        return _compiled("hyperscan" if hyperscan_available() else "re2", optional)
    for order, rule in enumerate(RULES + OPTIONAL_RULES if optional else RULES):
        tail = re.compile(f"[{rule.tail}]") if rule.tail else None
        for regex in rule.patterns:
            # A leading boundary class would stop RE2 from skipping ahead to the literal prefix;
            # the boundary is checked in Python instead (same meaning, several times faster).
            left = regex.startswith(L)
            pattern = Pattern(f"{len(meta)}", regex[len(L) :] if left else regex, caseless=rule.caseless)
            patterns.append(pattern)
            meta.append((rule, order, tail, re2.compile(pattern.re2_source()), left))
    return PatternSet(patterns, engine=engine), tuple(meta)


class _Offsets:
    """Maps UTF-8 byte offsets of ``data`` to character offsets (identity for ASCII text)."""

    __slots__ = ("_cont", "_data", "_identity")

    def __init__(self, text: str, data: bytes) -> None:
        self._identity = len(text) == len(data)
        self._data = data
        self._cont: Any = None

    def __call__(self, offset: int) -> int:
        if self._identity or offset <= 0:
            return offset
        if self._cont is None:  # positions of UTF-8 continuation bytes, found once per scan
            arr = np.frombuffer(self._data, dtype=np.uint8)
            self._cont = np.flatnonzero((arr & 0xC0) == 0x80)
        return offset - int(np.searchsorted(self._cont, offset))


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


class SecretsScanner:
    """Finds credentials (60+ vendor formats, key blocks, URIs, generic assignments).

    Built by the registry with a :class:`DetectConfig`; immutable and thread-safe.
    """

    name = "secrets"
    categories = frozenset({Category.SECRET})
    rules: Sequence[RuleInfo] = SECRET_RULES

    def __init__(
        self,
        config: DetectConfig | None = None,
        *,
        require_checksum: bool | None = None,
        high_entropy: bool | None = None,
    ) -> None:
        cfg = config or DetectConfig()
        extra = dict(cfg.extra)
        if require_checksum is None:
            require_checksum = _truthy(extra.get("secrets.require_checksum", "false"))
        if high_entropy is None:
            high_entropy = _truthy(extra.get("secrets.high_entropy", "false"))
        self.require_checksum = require_checksum
        self.high_entropy = high_entropy
        try:
            self._set, self._meta = _compiled(cfg.engine, high_entropy)
        except ScannerError:
            raise
        except Exception as exc:  # pragma: no cover - a broken rule table is a bug
            raise ScannerError(f"secret rules failed to compile ({type(exc).__name__})") from exc

    # -- scanning -------------------------------------------------------------------------
    def scan(self, doc: Document) -> list[Finding]:
        return self.scan_text(doc.text)

    def scan_text(self, text: str) -> list[Finding]:
        """Scan a plain string (the same as ``scan`` on a :class:`Document`)."""
        if not text:
            return []
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = sanitize(text)
        data = text.encode("utf-8")
        to_char = _Offsets(text, data)
        candidates = self._candidates(text, data, to_char)
        cuts = _joints(data, to_char)
        for lo, hi in _windows(cuts, _JOIN_WINDOW, len(text)):
            # A second look, near each joint only, with split literals joined and invisible
            # characters removed; only findings that cross a joint are new.
            view, vcuts, origin = _join_view(text, lo, hi, cuts)
            vdata = view.encode("utf-8")
            for c in self._candidates(view, vdata, _Offsets(view, vdata)):
                i = bisect.bisect_right(vcuts, c.start)
                if i < len(vcuts) and vcuts[i] < c.end:
                    candidates.append(
                        dataclasses.replace(
                            c, start=origin(c.start), end=origin(c.end - 1) + 1, note=c.note + ", split in the text"
                        )
                    )
        return [self._finding(c) for c in _resolve(candidates)]

    def _candidates(self, text: str, data: bytes, to_char: Callable[[int], int]) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        for i in self._set.candidates(text):
            rx = self._meta[i][3]
            ngroups = rx.groups
            for bm in rx.finditer(data):
                if bm.end() == bm.start():
                    continue
                spans = tuple(
                    (to_char(a), to_char(b)) if a >= 0 else (-1, -1)
                    for a, b in (bm.span(g) for g in range(ngroups + 1))
                )
                m = Match(
                    key=str(i),
                    start=spans[0][0],
                    end=spans[0][1],
                    groups=tuple(text[a:b] if a >= 0 else None for a, b in spans),
                    group_spans=spans,
                )
                cand = self._check(m, text)
                if cand is not None:
                    candidates.append(cand)
        return candidates

    def _finding(self, c: _Candidate) -> Finding:
        return make_finding(
            c.rule.info,
            c.start,
            c.end,
            f"{c.rule.entity.replace('_', ' ')} ({c.note})",
            evidence=mask_evidence(c.value[:256], keep=_evidence_keep(c.rule)),
            entity=c.rule.entity,
            confidence=c.confidence,
            severity=c.severity,
        )

    def _check(self, m: Match, text: str) -> _Candidate | None:
        rule, order, tail, _, left = self._meta[int(m.key)]
        g = rule.group
        value = m.group(g)
        if not value:
            return None
        start, end = m.group_spans[g]
        if left and start > 0:
            before = text[start - 1]
            if before in _WORD_CHARS:
                return None  # the run starts earlier: part of a longer string
            if before in "+/" and end < len(text) and text[end] in "+/=" and _in_base64_blob(text, start, end):
                return None  # inside a base64 blob (an image, a certificate ...)
        if tail is not None and end < len(text) and tail.match(text, end):
            return None  # the run continues: a longer string of another shape
        conf = rule.info.confidence
        note = "format match"
        severity: Severity | None = None
        kind = rule.kind
        if kind in ("token", "context"):
            body = value[rule.body_from :] or value
            if is_placeholder(body[:MAX_VALUE_CHARS], strict=True):
                return None
            if kind == "context" and rule.min_entropy:
                ent = shannon_entropy(body[:MAX_VALUE_CHARS])
                if ent < rule.min_entropy:
                    return None
                note = f"entropy {ent:.1f} bits/char"
        elif kind == "block":
            if not _block_ok(value, text, end):
                return None
            note = "key material"
            if "ENCRYPTED" in value[:300]:
                severity = Severity.MEDIUM
                note = "encrypted key material"
        elif kind == "uri":
            if not _uri_password_ok(value):
                return None
            note = "password in URI"
        elif kind == "entropy":
            checked_e = _entropy_value_ok(value)
            if checked_e is None:
                return None
            note = f"entropy {checked_e:.1f} bits/char"
        elif kind == "password_value":
            stripped = value.rstrip(")")
            end -= len(value) - len(stripped)
            value = stripped
            checked = _password_value_ok(rule, value, quoted=True)
            if checked is None:
                return None
            conf, note = checked
        else:  # generic_password / generic_secret
            value, end = _trim_value(value, start, end)
            checked = _generic_ok(rule, _full_key(m, text), value, quoted=_is_quoted(text, start))
            if checked is None:
                return None
            conf, note = checked
        if rule.validator:
            verdict = _VALIDATORS[rule.validator](value[:MAX_VALUE_CHARS])
            if verdict is Verdict.REJECT:
                return None
            if verdict is Verdict.UNVERIFIED:
                if self.require_checksum and rule.validator == "crc32":
                    return None
                conf *= 0.75
                note = "checksum/structure not verified" if rule.validator == "crc32" else "structure partly verified"
            else:
                note = "checksum valid" if rule.validator == "crc32" else "structure valid"
            if rule.validator == "pem_b64" and _b64_pem_encrypted(value):
                severity = Severity.MEDIUM
                note = "encrypted key material"
        return _Candidate(rule, order, start, end, value, min(1.0, conf), note, severity)


# Split string literals ("AKIA" + "2E0A...", 'abc' 'def') and invisible characters that would
# otherwise break a token apart: a token character, the separator, a token character. RE2 keeps
# the search linear on attacker text; it runs on the UTF-8 bytes like the rules.
_JOIN = re2.compile(
    r"[A-Za-z0-9+/=_.-](?:[\"'`][ \t]*(?:\+|\.|\|\|)?\s*(?:\\\n\s*)?[\"'`]"
    "|[\u200b\u200c\u200d\u2060\ufeff\u00ad]+)"
)
_TOKEN_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_.-")
_JOIN_WINDOW = 600  # characters of context scanned on each side of a joint


def _joints(data: bytes, to_char: Callable[[int], int]) -> list[tuple[int, int]]:
    """``[a, b)`` character ranges to remove: literal separators and runs of invisible characters."""
    out: list[tuple[int, int]] = []
    for m in _JOIN.finditer(data):
        if m.end() >= len(data) or data[m.end()] not in _TOKEN_BYTES:
            continue  # a token character must follow the joint too
        a, b = to_char(m.start() + 1), to_char(m.end())  # keep the token character before the joint
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def _windows(cuts: list[tuple[int, int]], size: int, limit: int) -> list[tuple[int, int]]:
    """Merged ``[lo, hi)`` ranges of text around the joints."""
    out: list[tuple[int, int]] = []
    for a, b in cuts:
        lo, hi = max(0, a - size), min(limit, b + size)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _join_view(
    text: str, lo: int, hi: int, cuts: list[tuple[int, int]]
) -> tuple[str, list[int], Callable[[int], int]]:
    """``text[lo:hi]`` with the joints removed; view offsets of the joints; view offset -> text offset."""
    pieces: list[str] = []
    vcuts: list[int] = []
    shifts: list[int] = []
    last, removed = lo, 0
    for a, b in cuts[bisect.bisect_left(cuts, (lo, 0)) :]:
        if b > hi:
            break
        pieces.append(text[last:a])
        vcuts.append(a - lo - removed)
        removed += b - a
        shifts.append(removed)
        last = b
    pieces.append(text[last:hi])

    def origin(offset: int) -> int:
        i = bisect.bisect_right(vcuts, offset)
        return lo + offset + (shifts[i - 1] if i else 0)

    return "".join(pieces), vcuts, origin


_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def _in_base64_blob(text: str, start: int, end: int) -> bool:
    """True when 16 base64 characters run on both sides of ``text[start:end]`` (a blob, not a URL)."""
    before = text[max(0, start - 17) : start - 1]
    after = text[end + 1 : end + 17]
    return len(before) == 16 == len(after) and all(c in _B64_CHARS for c in before + after)


def _evidence_keep(rule: SecretRule) -> int:
    """How many leading characters the masked evidence may show: only a public, documented prefix."""
    if rule.kind == "block":
        return 4  # "----" of the BEGIN line
    if rule.kind in ("token", "context"):
        return min(4, rule.body_from)
    return 0  # passwords and generic values: nothing


def _resolve(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates that overlap a better one (higher priority, then longer, then rule order).

    Candidates are first split into clusters of overlapping spans (one sort), so the greedy
    choice below only ever compares neighbours; the result is sorted by position.
    """
    if len(cands) <= 1:
        return cands
    cands.sort(key=lambda c: (c.start, c.end))
    out: list[_Candidate] = []
    cluster: list[_Candidate] = [cands[0]]
    reach = cands[0].end
    for c in cands[1:]:
        if c.start < reach:
            cluster.append(c)
            reach = max(reach, c.end)
        else:
            out.extend(_resolve_cluster(cluster))
            cluster, reach = [c], c.end
    out.extend(_resolve_cluster(cluster))
    return out


def _resolve_cluster(cluster: list[_Candidate]) -> list[_Candidate]:
    if len(cluster) == 1:
        return cluster
    cluster.sort(key=lambda c: (-c.rule.priority, -(c.end - c.start), c.order, c.start))
    starts: list[int] = []
    kept: list[_Candidate] = []
    for c in cluster:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and kept[i - 1].end > c.start:
            continue
        if i < len(kept) and kept[i].start < c.end:
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


_FAKE_HEADER = re.compile(r"FAKE|EXAMPLE|DUMMY|SAMPLE|TEST|NOT A REAL|YOUR", re.IGNORECASE)


def _b64_pem_encrypted(blob: str) -> bool:
    """A base64-encoded PEM block whose header says the key is encrypted."""
    try:
        raw = base64.b64decode(blob[:160] + "=" * (-len(blob[:160]) % 4))
    except (binascii.Error, ValueError):
        return False
    return b"ENCRYPTED" in raw


def _block_ok(value: str, text: str, end: int) -> bool:
    """A private key block with real key material (not ``...`` or ``<key>`` in documentation)."""
    header = value[: value.find("-----", 5) + 5] if value.startswith("-----") else value[:80]
    if _FAKE_HEADER.search(header):
        return False
    if "-----END" in value:
        head_end = value.find("-----", 5) + 5
        inner = value[head_end : value.rfind("-----END")]
    else:  # header only (truncated block): look at what follows it
        inner = text[end : end + 120]
        if "-----END" in inner[:60]:
            return False
    probe = inner[:400].replace("\\n", "\n").replace("\\r", "")
    stripped = probe.strip().strip("\"'+ \n")
    if not stripped or stripped[:3] in ("...", "\u2026") or stripped.startswith(("<", "[", "{", "$")):
        return False
    low = probe.lower()
    if any(w in low for w in ("xxxx", "....", "your key", "your_key", "private key here", "redacted", "example")):
        return False
    if "-----END" in value:
        b64 = sum(1 for ch in inner[:2000] if ch.isalnum() or ch in "+/=")
        if b64 < 32:
            return False
    return True


def _uri_password_ok(value: str) -> bool:
    if len(value) < 3 or value.startswith(("$", "%", "{", "<", "[", "*")):
        return False
    if value.isdigit() and len(value) <= 5:
        return False  # host:port@..., not a password
    if is_placeholder(value):
        return False
    low = value.lower()
    return low not in ("pass", "pwd", "passwd", "secret", "user", "username") and not low.startswith("your")


def _trim_value(value: str, start: int, end: int) -> tuple[str, int]:
    """Drop a trailing backslash (JSON-escaped quote) and trailing punctuation from a generic value."""
    trimmed = value.rstrip("\\").rstrip(".,;:")
    return trimmed, end - (len(value) - len(trimmed))


def _is_quoted(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "\"'`"


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


def _full_key(m: Match, text: str) -> str:
    """The key name of a generic assignment: the matched keyword plus up to 40 key characters before it."""
    if len(m.group_spans) < 2 or m.group(1) is None:
        return ""
    ks, ke = m.group_spans[1]
    ke = min(ke, ks + 60)  # bounded: key names are short; an attacker's 100k-character "key" is not
    lo = max(0, ks - 40)
    while ks > lo and text[ks - 1] in _KEY_CHARS:
        ks -= 1
    return text[ks:ke]


def _generic_ok(rule: SecretRule, key: str, value: str, *, quoted: bool) -> tuple[float, str] | None:
    kind = _key_kind(key.lstrip("-"))
    if rule.rule_id == "secret.curl_credentials" or key == "-p":
        kind = "password"
    elif kind == "":
        return None
    if rule.kind == "generic_password" and kind != "password":
        return None
    if len(value) < 4 or len(value) > 512 or any(ch.isspace() for ch in value):
        return None
    if is_placeholder(value):
        return None
    if "://" in value or _FILE_SUFFIX.search(value) or _VERSION_LIKE.match(value):
        return None
    if value.startswith(("/", "./", "../", "~/", "\\\\")) or value[1:3] == ":\\":
        return None
    if not quoted and (is_code_reference(value) or _IDENTIFIER.match(value)):
        return None  # unquoted identifiers are names (types, variables), not literals
    if _ENCODED_OR_LITERAL.match(value):
        return None
    if kind == "password":
        return _password_value_ok(rule, value, quoted=quoted)
    if _WORDS_CAMEL.match(value):
        return None  # "privateKeyUsagePeriod": words, not random key material
    classes = char_classes(value)
    ent = shannon_entropy(value)
    # secrets, tokens, API keys: longer and more random than passwords
    if len(value) < 8 or value.isdigit() or classes < 2 or _LOWER_WORDS.match(value):
        return None
    if ent < max(3.0, min(3.5, 0.8 * _log2(len(value)))):
        return None
    conf = min(0.85, rule.info.confidence + 0.05 * max(0.0, ent - 3.5))
    return conf, f"entropy {ent:.1f} bits/char"


_ENCODED_OR_LITERAL = re.compile(
    r"^(?:0x[0-9a-fA-F]+|(?:ENC|enc|DEC|vault|VAULT|ref|REF|secret|SECRET|arn|urn)[(:].*|-?\d+(?:\.\d+)?|#.*)$"
)


_HEX = frozenset("0123456789abcdefABCDEF")


def _entropy_value_ok(value: str) -> float | None:
    """The opt-in high-entropy rule: random-looking base64/hex of 20-512 characters with a digit."""
    if not 20 <= len(value) <= 512 or not any(ch.isdigit() for ch in value):
        return None
    if is_placeholder(value) or _IDENTIFIER.match(value) or _WORDS_CAMEL.match(value) or "//" in value:
        return None
    ent = shannon_entropy(value)
    if all(ch in _HEX for ch in value):
        return ent if ent >= 3.0 else None
    return ent if ent >= 4.5 else None


def _password_value_ok(rule: SecretRule, value: str, *, quoted: bool) -> tuple[float, str] | None:
    """Checks for a password value: not a placeholder or reference, varied and random enough."""
    if len(value) < 4 or len(value) > 256 or any(ch.isspace() for ch in value):
        return None
    if is_placeholder(value) or _ENCODED_OR_LITERAL.match(value):
        return None
    if not quoted and is_code_reference(value):
        return None
    if any(w in value.lower() for w in ("password", "passwd")):
        return None  # a name, label or message about a password, not one
    classes = char_classes(value)
    ent = shannon_entropy(value)
    if len(value) < 6 and classes < 3:
        return None
    if classes == 1 and not (len(value) >= 12 and ent >= 3.3):
        return None
    if ent < 2.5 or (_LOWER_WORDS.match(value) and len(value) < 20):
        return None
    conf = min(0.9, rule.info.confidence + 0.05 * (classes - 2) + 0.05 * max(0.0, ent - 3.0))
    return conf, f"entropy {ent:.1f} bits/char"


def _log2(n: int) -> float:
    return float(n.bit_length() - 1) if n > 0 else 0.0
