"""A session's information-flow state: what the user said, what tools returned, how tainted.

Provenance is computed by value matching, not by trusting the agent: each argument value
(and each entity inside free text) is looked up in the user's messages, in trusted tool
outputs and in untrusted tool outputs. The best source wins (user > trusted > untrusted);
a value found nowhere was written by the model.
"""

from __future__ import annotations

import enum
import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import re2
import yaml

from bastion.policy._types import Source
from bastion.policy._values import host_of_url, normalize_text

__all__ = ["Session", "Taint", "extract_entities", "iter_leaves"]

MAX_TEXT_CHARS = 4_000_000  # per source kind; older text is dropped first
MAX_PARSE_CHARS = 1_000_000
_MAX_LEAVES = 100_000
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Taint(enum.IntEnum):
    """How contaminated a session's context is (ordered)."""

    CLEAN = 0  # only the user's request and trusted data so far
    UNTRUSTED = 1  # an untrusted tool output entered the context
    INJECTED = 2  # the detection engine flagged a tool output (prompt injection)

    @property
    def label(self) -> str:
        return _TAINT_LABELS[self.value]


_TAINT_LABELS = ("clean", "untrusted", "injected")

_TLDS = (
    "com|net|org|io|co|ai|app|dev|info|biz|me|us|uk|de|ch|fr|eu|ly|gl|xyz|online|site|link|tk|ru|cn|"
    "nl|it|es|at|be|se|no|dk|pl|ca|au|jp|in|br|gov|edu|cc|tv|to|sh|gg|ws|top|shop|store|cloud|page|email"
)
_ENTITY_PATTERNS: dict[str, str] = {
    "email": r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
    "url": (
        r"(?i)(?:https?://[^\s<>\"'()\[\]{}]+|\bwww\.[^\s<>\"'()\[\]{}]+|"
        r"\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"'()\[\]{}]*)?)"
    ),
    "iban": r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b",
    # International (+41 44 668 18 00) or national with a trunk 0 ((044) 668 18 00); never a date.
    "phone": r"\+[0-9][0-9 ().\-]{6,18}[0-9]|(?:^|[\s(])\(?0[0-9]{1,4}\)?(?:[ .\-][0-9]{2,4}){2,4}\b",
    "number": r"\b[0-9][0-9,._]{4,}[0-9]\b",
}
_ENTITY_RES = {k: re2.compile(v) for k, v in _ENTITY_PATTERNS.items()}
# E-mail addresses with RFC length bounds on every part: the bounded quantifiers over
# disjoint classes keep Python's backtracking engine linear (at most ~600 steps per start).
_EMAIL_FAST = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}")
_COMBINED: dict[tuple[str, ...], re.Pattern[str]] = {}
_PREFILTER = {
    "url": re.compile(r"(?i:https?://|www\.|\.(?:" + _TLDS + r")\b)"),
    "iban": re.compile(r"[A-Z]{2}[0-9]{2}"),
    "phone": re.compile(r"\+[0-9]|(?:^|[\s(])\(?0[0-9]"),
    "number": re.compile(r"[0-9][0-9,._]{4}[0-9]"),
}


def _worth_scanning(text: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Cheap prefilters (literals and fixed-shape character classes, linear in Python's
    ``re``): most argument strings hold no entity at all, so RE2 runs only on candidates."""
    combined = _COMBINED.get(kinds)
    if combined is None:
        parts = ["@" if k == "email" else _PREFILTER[k].pattern for k in kinds]
        combined = _COMBINED[kinds] = re.compile("|".join(f"(?:{p})" for p in parts))
    if combined.search(text) is None:
        return ()
    keep = []
    for k in kinds:
        if k == "email":
            if "@" in text:
                keep.append(k)
        elif _PREFILTER[k].search(text) is not None:
            keep.append(k)
    return tuple(keep)


def extract_entities(text: str, kinds: tuple[str, ...], limit: int = 200) -> list[tuple[str, str]]:
    """``(kind, value)`` pairs found in ``text`` (bounded: at most ``limit``)."""
    kinds = _worth_scanning(text, kinds)
    out: list[tuple[str, str]] = []
    if not kinds:
        return out
    emails: list[tuple[int, int]] = []
    if ("email" in kinds or "url" in kinds) and "@" in text:
        for m in _EMAIL_FAST.finditer(text[:MAX_PARSE_CHARS]):
            emails.append(m.span())
            if "email" in kinds:
                out.append(("email", m.group(0)))
    for kind in kinds:
        if kind == "email":
            continue
        for m in _ENTITY_RES[kind].finditer(text[:MAX_PARSE_CHARS]):
            s = m.start()
            if kind == "url" and any(a <= s < b for a, b in emails):
                continue  # the domain part of an email address
            out.append((kind, m.group(0).strip().lstrip("(").rstrip(".,;:!?")))
            if len(out) >= limit:
                return out
    return out[:limit]


def iter_leaves(value: Any, trusted_fields: frozenset[str], in_trusted: bool = False) -> Iterator[tuple[str, bool]]:
    """Yield ``(text, is_trusted_field)`` for every string or number leaf of a JSON-like value
    (booleans and nulls carry nothing to trace).

    Inside a trusted field, mapping keys are leaves too (``shared_with: {addr: r}``)."""
    if type(value) is str:  # the common case, without the generic walk
        yield value, in_trusted
        return
    stack: list[tuple[Any, bool]] = [(value, in_trusted)]
    count = 0
    while stack:
        v, trusted = stack.pop()
        count += 1
        if count > _MAX_LEAVES:
            return
        if type(v) is str:
            yield v, trusted
        elif isinstance(v, Mapping):
            for k, sub in v.items():
                if trusted and isinstance(k, str):
                    yield k, True
                stack.append((sub, trusted or (isinstance(k, str) and k in trusted_fields)))
        elif isinstance(v, list | tuple):
            stack.extend((sub, trusted) for sub in v)
        elif v is None or isinstance(v, bool):
            continue  # a flag carries no traceable value
        else:
            yield (v if isinstance(v, str) else str(v)), trusted


def _parse_structured(text: str) -> Any:
    """JSON, else YAML (safe loader), else None. Bounded in size."""
    if len(text) > MAX_PARSE_CHARS:
        return None
    s = text.lstrip()
    if s[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    try:
        parsed = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader (C when available)
    except yaml.YAMLError:
        return None
    return parsed if isinstance(parsed, Mapping | list) else None


class _Corpus:
    """Normalised text of one source kind plus its exact leaf values."""

    __slots__ = ("parts", "size", "text", "values")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.text = ""
        self.values: set[str] = set()

    def add(self, text: str) -> None:
        norm = normalize_text(text)
        if not norm:
            return
        self.parts.append(norm)
        self.size += len(norm) + 1
        if self.size > MAX_TEXT_CHARS and len(self.parts) > 1:
            while self.size > MAX_TEXT_CHARS and len(self.parts) > 1:
                self.size -= len(self.parts.pop(0)) + 1
            self.text = "\x00".join(self.parts)
        else:
            self.text = norm if len(self.parts) == 1 else self.text + "\x00" + norm

    def add_value(self, value: str) -> None:
        norm = normalize_text(value)
        if norm and len(self.values) < _MAX_LEAVES:
            self.values.add(norm)

    def contains(self, norm: str) -> bool:
        if norm in self.values:
            return True
        text = self.text
        start = text.find(norm)
        n = len(norm)
        while start != -1:
            before = text[start - 1] if start > 0 else " "
            after = text[start + n] if start + n < len(text) else " "
            if not (before.isalnum() and norm[0].isalnum()) and not (after.isalnum() and norm[-1].isalnum()):
                return True
            start = text.find(norm, start + 1)
        return False


@dataclass(frozen=True, slots=True)
class OutputRecord:
    tool: str
    untrusted: bool
    flagged: bool


class Session:
    """One conversation's flow state. Not shared between conversations; cheap to create.

    ``add_user_message`` for every user turn; the firewall's ``record_output`` for every
    tool result. ``taint`` only rises.
    """

    def __init__(
        self,
        session_id: str | None = None,
        *,
        agent: str = "default",
        user_prompt: str | None = None,
        trusted_context: tuple[str, ...] = (),
    ) -> None:
        self.session_id = session_id or uuid.uuid4().hex
        self.agent = agent
        self.taint = Taint.CLEAN
        self.taint_label = "clean"
        self._user = _Corpus()
        self._trusted = _Corpus()
        self._untrusted = _Corpus()
        self.outputs: list[OutputRecord] = []
        self.flag_reasons: list[str] = []
        if user_prompt:
            self.add_user_message(user_prompt)
        for t in trusted_context:
            self.add_trusted(t)

    def add_user_message(self, text: str) -> None:
        self._user.add(text)

    def add_trusted(self, text: str) -> None:
        """Trusted context that is not a tool output (the user's own address, a system prompt)."""
        self._trusted.add(text)

    def raise_taint(self, level: Taint, reason: str = "") -> None:
        if level > self.taint:
            self.taint = level
            self.taint_label = _TAINT_LABELS[int(level)]
        if reason and len(self.flag_reasons) < 100:
            self.flag_reasons.append(reason)

    def add_output(
        self,
        tool: str,
        output: Any,
        *,
        untrusted: bool,
        trusted_fields: frozenset[str] = frozenset(),
        flagged: bool = False,
        leaf_trusted: Callable[[str], bool] | None = None,
    ) -> None:
        """Index a tool output. Untrusted outputs raise the taint to at least UNTRUSTED.

        For an untrusted output, scalars under ``trusted_fields`` keys (structured output: JSON
        or YAML text is parsed) and scalars for which ``leaf_trusted`` returns True still
        count as trusted; everything else is untrusted.
        """
        value = output
        if isinstance(output, bytes):
            value = output.decode("utf-8", "replace")
        if isinstance(value, str) and untrusted and (trusted_fields or leaf_trusted is not None):
            parsed = _parse_structured(value)
            if parsed is not None:
                value = parsed
        if isinstance(value, str):
            (self._untrusted if untrusted else self._trusted).add(value)
        else:
            plain: list[str] = []
            good: list[str] = []
            for leaf, is_trusted_field in iter_leaves(value, trusted_fields if untrusted else frozenset()):
                if untrusted and not is_trusted_field and not (leaf_trusted is not None and leaf_trusted(leaf)):
                    plain.append(leaf)
                    self._untrusted.add_value(leaf)
                else:
                    good.append(leaf)
                    self._trusted.add_value(leaf)
            if plain:
                self._untrusted.add("\x00".join(plain))
            if good:
                self._trusted.add("\x00".join(good))
        self.outputs.append(OutputRecord(tool, untrusted, flagged))
        if untrusted:
            self.raise_taint(Taint.UNTRUSTED)

    def source_of(self, value: str, min_len: int = 3) -> Source:
        """The best source of one value (already a string)."""
        norm = normalize_text(value)
        if not norm:
            return Source.USER
        if len(norm) < min_len:
            # Too short to trace by substring: only exact leaf values or whole words count.
            for corpus, src in (
                (self._user, Source.USER),
                (self._trusted, Source.TRUSTED),
                (self._untrusted, Source.UNTRUSTED),
            ):
                if norm in corpus.values or _word_in(norm, corpus.text):
                    return src
            return Source.MODEL
        if self._user.contains(norm):
            return Source.USER
        if self._trusted.contains(norm):
            return Source.TRUSTED
        if self._untrusted.contains(norm):
            return Source.UNTRUSTED
        return Source.MODEL

    def source_of_entity(self, kind: str, value: str, min_len: int = 3) -> Source:
        src = self.source_of(value, min_len)
        if src is Source.MODEL and kind == "url":
            host = host_of_url(value)
            if host is not None:
                src = self.source_of(host, min_len)
                if src is Source.MODEL and host.startswith("www."):
                    src = self.source_of(host[4:], min_len)
        return src


_OPEN = frozenset(" \x00'\"`([{<")
_CLOSE = frozenset(" \x00'\"`)]}>,;!?")


def _word_in(norm: str, text: str) -> bool:
    """A short value as a stand-alone token: delimited by spaces, quotes or brackets, so
    ``"12"`` is not found in ``"12:00"`` or ``"2024-05-12"``."""
    start = text.find(norm)
    n = len(norm)
    while start != -1:
        before = text[start - 1] if start > 0 else " "
        after = text[start + n] if start + n < len(text) else " "
        if after == "." and (start + n + 1 >= len(text) or text[start + n + 1] in _OPEN):
            after = " "
        if before in _OPEN and after in _CLOSE:
            return True
        start = text.find(norm, start + 1)
    return False
