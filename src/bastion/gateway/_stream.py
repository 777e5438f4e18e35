"""Streaming-safe output inspection: a hold-back window over the model's text.

:class:`StreamGuard` receives the text deltas of one streamed choice and releases only text
that has been scanned *with enough following context*: the last ``holdback`` characters are
always kept back. Invariant: a secret or canary of at most ``holdback`` characters is
complete in the buffer before any of its characters can be released, so splitting it
across chunks (even one character per chunk) never lets part of it through.

On each scan the buffer is ``context + pending`` (``context`` = the tail of what was
already released, so rules that need a prefix such as ``password=`` still see it). Then:

* ``block``: the stream is cut; nothing more of this choice is released;
* ``redact``: found spans in ``pending`` become placeholders before release. A finding that
  touches the end of the buffer may still grow (a longer key), so it waits for more text
  (and release stops before it);
* ``flag``: text is released unchanged and the finding reported once.

Scanning is batched: it runs when ``step`` new characters have arrived, so the cost per
character stays bounded (each character is scanned about ``(holdback + context) / step``
times).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from bastion._types import Finding
from bastion.gateway._inspect import redact_text

__all__ = ["SSEParser", "StreamGuard", "StreamStep"]

ScanFn = Callable[[str], Awaitable[list[Finding]]]


@dataclass(frozen=True, slots=True)
class StreamStep:
    text: str = ""
    blocked: bool = False
    findings: tuple[Finding, ...] = ()


@dataclass(slots=True)
class StreamGuard:
    scan: ScanFn
    action: Literal["block", "redact", "flag"]
    holdback: int = 256
    context: int = 64
    step: int = 64
    _pending: str = ""
    _tail: str = ""
    _released: int = 0  # characters released so far (after redaction)
    _since_scan: int = 0
    _blocked: bool = False
    _seen: set[tuple[str, int]] = field(default_factory=set)

    @property
    def blocked(self) -> bool:
        return self._blocked

    async def feed(self, delta: str) -> StreamStep:
        if self._blocked or not delta:
            return StreamStep(blocked=self._blocked)
        self._pending += delta
        self._since_scan += len(delta)
        if self._since_scan < self.step or len(self._pending) < self.holdback + self.step:
            return StreamStep()
        return await self._process(final=False)

    async def finish(self) -> StreamStep:
        if self._blocked:
            return StreamStep(blocked=True)
        return await self._process(final=True)

    async def _process(self, *, final: bool) -> StreamStep:
        self._since_scan = 0
        ctx = self._tail
        text = ctx + self._pending
        found = await self.scan(text) if self._pending else []
        relevant = [f for f in found if f.end > len(ctx)]
        new: list[Finding] = []
        for f in relevant:
            key = (f.rule_id, self._released - len(ctx) + f.start)
            if key not in self._seen:
                self._seen.add(key)
                new.append(f)
        if relevant and self.action == "block":
            self._blocked = True
            self._pending = ""
            return StreamStep(blocked=True, findings=tuple(new or relevant))
        pending = self._pending
        base = len(ctx)
        cut = len(pending) if final else max(0, len(pending) - self.holdback)
        if relevant and self.action == "redact":
            now: list[Finding] = []
            bounded = len(pending) > 8 * self.holdback  # a match may not grow without bound
            for f in relevant:
                if not final and not bounded and f.end >= len(text):
                    cut = min(cut, max(0, f.start - base))  # may still grow: hold it back whole
                else:
                    now.append(f)
            moved = True
            while moved:
                moved = False
                for f in now:
                    s, e = f.start - base, f.end - base
                    if s < cut < e:
                        cut, moved = max(0, s), True
            head = redact_text(pending[:cut], now, offset=base)
            rest = redact_text(pending[cut:], now, offset=base + cut)
        else:
            head, rest = pending[:cut], pending[cut:]
        self._pending = rest
        if head:
            self._released += len(head)
            self._tail = (self._tail + head)[-self.context :]
        return StreamStep(text=head, findings=tuple(new))


class SSEParser:
    """Splits a server-sent-event byte stream into the ``data`` payloads of its events.

    Bounded: an event larger than ``max_event_bytes`` raises ``ValueError``.
    """

    def __init__(self, *, max_event_bytes: int = 1 << 20) -> None:
        self._buf = bytearray()
        self._data: list[bytes] = []
        self._size = 0
        self._max = max_event_bytes

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        self._buf += chunk
        if len(self._buf) > self._max:
            raise ValueError("server-sent event too large")
        while True:
            nl = self._buf.find(b"\n")
            if nl == -1:
                return
            line = bytes(self._buf[:nl]).rstrip(b"\r")
            del self._buf[: nl + 1]
            if not line:
                if self._data:
                    payload = b"\n".join(self._data)
                    self._data.clear()
                    self._size = 0
                    yield payload
                continue
            if line.startswith(b":"):
                continue
            name, _, value = line.partition(b":")
            if name == b"data":
                if value.startswith(b" "):
                    value = value[1:]
                self._size += len(value)
                if self._size > self._max:
                    raise ValueError("server-sent event too large")
                self._data.append(value)

    def close(self) -> Iterator[bytes]:
        if self._buf.strip():
            yield from self.feed(b"\n\n")
        elif self._data:
            payload = b"\n".join(self._data)
            self._data.clear()
            yield payload
