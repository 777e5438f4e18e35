"""``AuditLog``: the tamper-evident, append-only audit log."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from bastion._types import Category
from bastion.audit._canon import (
    canonical,
    check_event_type,
    genesis_hash,
    new_correlation_id,
    parse_correlation_id,
    utc_timestamp,
)
from bastion.audit._crypto import (
    check_kek,
    kek_id,
    key_id,
    new_subject_key,
    open_sealed,
    seal,
    sign_checkpoint,
    subject_ref,
    unwrap_subject_key,
    wrap_subject_key,
)
from bastion.audit._mask import MaskResult, PayloadMasker
from bastion.audit._model import (
    AuditRecord,
    Checkpoint,
    ErasureReport,
    RawRecord,
    RetentionReport,
    Sealed,
    StoreState,
    VerifyReport,
)
from bastion.audit._store import AuditStore
from bastion.audit._verify import ChainVerifier
from bastion.errors import AuditIntegrityError, BastionError, InputError, StoreError

__all__ = ["AuditEvent", "AuditLog"]

_MAX_ACTOR = 256
_MAX_SUBJECT = 512
_SUBJECT_CACHE = 10_000
_APPEND_RETRIES = 5


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One event for :meth:`AuditLog.append_many` (same meaning as :meth:`AuditLog.append`'s arguments)."""

    event_type: str
    payload: Mapping[str, Any]
    correlation_id: str | None = None
    subject: str | None = None
    actor: str | None = None
    clear: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Prepared:
    event_type: str
    actor: str | None
    cid: str
    kid: str | None
    payload: dict[str, Any]
    masked: tuple[str, ...]
    sealed: Sealed | None
    mid: bytes  # '"actor":..,"cid":..,"kid":..,"masked":..,"payload":..,"sealed":..' (canonical, no braces)
    tail: bytes  # '"type":"..","v":1}'


class AuditLog:
    """A hash-chained, append-only audit log with signed checkpoints and crypto-shredding.

    ``store``: where records live (:class:`SQLiteAuditStore`, :class:`MemoryAuditStore`, ...).
    ``signing_key``: Ed25519 private key for checkpoints and retention anchors (``None``: no
    checkpoints are written; verification still checks the chain). ``verify_keys``: extra public
    keys accepted on checkpoints (key rotation). ``masker``: masks secrets and PII before writing
    (default: :class:`PayloadMasker` with a ``Guard`` for ``secret`` and ``pii``). ``kek``: 32-byte
    key-encryption key wrapping the per-subject keys at rest (optional). ``checkpoint_every`` /
    ``checkpoint_interval_s``: write a signed checkpoint after that many records / seconds.
    ``max_batch``: most records in one group commit. ``create``: create the store if missing.
    """

    def __init__(
        self,
        store: AuditStore,
        *,
        signing_key: Ed25519PrivateKey | None = None,
        verify_keys: Iterable[Ed25519PublicKey] = (),
        masker: PayloadMasker | None = None,
        kek: bytes | None = None,
        checkpoint_every: int | None = 1000,
        checkpoint_interval_s: float | None = 300.0,
        max_batch: int = 2048,
        max_payload_bytes: int = 1 << 20,
        create: bool = True,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if checkpoint_every is not None and checkpoint_every < 1:
            raise InputError("checkpoint_every must be at least 1 (or None to disable)")
        if max_batch < 1:
            raise InputError("max_batch must be at least 1")
        self.store = store
        self._signing_key = signing_key
        keys = {key_id(k): k for k in verify_keys}
        if signing_key is not None:
            pub = signing_key.public_key()
            keys[key_id(pub)] = pub
        self._keys = keys
        self._masker = masker
        self._kek = check_kek(kek)
        self._cp_every = checkpoint_every
        self._cp_interval = checkpoint_interval_s
        self._max_batch = max_batch
        self._max_payload = max_payload_bytes
        self._create = create
        self._clock = clock or (lambda: datetime.now(UTC))
        self._state: StoreState | None = None
        self._open_lock = asyncio.Lock()
        self._wlock = asyncio.Lock()
        self._queue: deque[tuple[list[_Prepared], asyncio.Future[list[AuditRecord]]]] = deque()
        self._writer: asyncio.Task[None] | None = None
        self._head_seq = 0
        self._head_hash = ""
        self._last_ts = ""
        self._last_cp_seq = 0
        self._last_cp_time = time.monotonic()
        self._subjects: dict[str, tuple[str, bytes]] = {}  # subject ref -> (kid, raw key)
        self._kids: dict[str, bytes] = {}  # kid -> raw key
        self._erase_gen = 0
        self._actors: dict[str, MaskResult] = {}
        self._tails: dict[str, bytes] = {}

    # -- lifecycle -----------------------------------------------------------------------

    async def __aenter__(self) -> AuditLog:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def open(self) -> None:
        """Open the store (done lazily by every method; call it to fail early)."""
        if self._state is not None:
            return
        async with self._open_lock:
            if self._state is not None:
                return
            st = await self.store.open(create=self._create)
            stored_kek = st.meta.get("kek_id")
            if self._kek is not None:
                mine = kek_id(self._kek)
                if stored_kek is None:
                    if st.head_seq > 0 or st.anchor_seq > 0:
                        await self.store.close()
                        raise InputError(
                            "this audit log was created without a key-encryption key; a kek can only be "
                            "given when the log is created (its subject look-ups depend on it)"
                        )
                    await self.store.set_meta("kek_id", mine)
                elif stored_kek != mine:
                    await self.store.close()
                    raise AuditIntegrityError(
                        f"wrong key-encryption key: this audit log's subject keys are wrapped with kek id "
                        f"{stored_kek}, the given kek has id {mine}"
                    )
            self._head_seq = st.head_seq
            self._head_hash = st.head_hash or genesis_hash(st.log_id)
            cps = await self.store.checkpoints()
            if self._signing_key is not None and st.head_seq > st.anchor_seq:
                # New checkpoints will sign the head: make sure nobody altered the records written
                # since the last signed one, or our signature would vouch for their edit.
                rep = await self._verify_since_checkpoint(st, cps)
                if not rep.ok:
                    await self.store.close()
                    raise AuditIntegrityError(
                        f"the audit log was altered after its last signed checkpoint ({rep.problem} at seq "
                        f"{rep.bad_seq}: {rep.reason}); refusing to sign anything on top of it. Investigate with "
                        "`bastion log verify`; open the log without a signing key to read it"
                    )
            self._last_cp_seq = max((c.seq for c in cps), default=0)
            self._last_cp_time = time.monotonic()
            self._state = st

    async def _verify_since_checkpoint(self, st: StoreState, cps: Sequence[Checkpoint]) -> VerifyReport:
        """Verify only the records after the newest checkpoint (all of them when there is none)."""
        last = max((c for c in cps if st.anchor_seq < c.seq <= st.head_seq), key=lambda c: c.seq, default=None)
        v = ChainVerifier(st, cps, self._key_map(None), start=last)
        async for rows in self.store.scan(last.seq + 1 if last is not None else 0):
            if not v.feed(rows) and not v.seeking:
                break
        return v.finish()

    async def close(self) -> None:
        """Write everything still queued, then close the store."""
        if self._state is None:
            return
        await self.flush()
        self._state = None
        self._subjects.clear()
        self._kids.clear()
        await self.store.close()

    async def flush(self) -> None:
        """Wait until every queued append is committed (or failed)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    @property
    def log_id(self) -> str:
        if self._state is None:
            raise StoreError("the audit log is not open; use `async with AuditLog(...)` or `await log.open()`")
        return self._state.log_id

    @property
    def head_seq(self) -> int:
        """Sequence number of the last committed record (0 when empty)."""
        return self._head_seq

    # -- appending -----------------------------------------------------------------------

    async def append(
        self,
        event_type: str,
        payload: Mapping[str, Any],
        *,
        correlation_id: str | None = None,
        subject: str | None = None,
        actor: str | None = None,
        clear: Sequence[str] = (),
    ) -> AuditRecord:
        """Mask, chain and durably write one event; returns the committed record.

        ``correlation_id``: a W3C trace id or ``traceparent`` header (default: a new trace id).
        ``subject``: the person this event is about (GDPR data subject). With a subject the payload
        is encrypted under that subject's key (erasable with :meth:`erase_subject`), except the
        top-level keys named in ``clear``, which stay readable (still masked). ``actor``: who acted
        (agent id, user id). When this returns, the record is committed (for SQLite: fsync'ed).
        """
        if isinstance(clear, str):
            raise InputError("clear= takes a sequence of top-level key names, e.g. clear=('tool',)")
        ev = AuditEvent(event_type, payload, correlation_id, subject, actor, tuple(clear))
        prepared = [await self._prepare(ev)]
        return (await self._enqueue(prepared))[0]

    async def _append_internal(self, event_type: str, payload: dict[str, Any], actor: str | None) -> AuditRecord:
        """Our own records (hex ids and counts only): no content scan needed for the payload."""
        ev = AuditEvent(event_type, payload, None, None, actor, ())
        prepared = [await self._prepare(ev, trusted_payload=True)]
        return (await self._enqueue(prepared))[0]

    async def append_many(self, events: Iterable[AuditEvent]) -> list[AuditRecord]:
        """Write several events in order in one transaction; all are committed when it returns."""
        prepared = [await self._prepare(ev) for ev in events]
        if not prepared:
            return []
        return await self._enqueue(prepared)

    def _get_masker(self) -> PayloadMasker:
        if self._masker is None:
            self._masker = PayloadMasker()
        return self._masker

    async def _prepare(self, ev: AuditEvent, *, trusted_payload: bool = False) -> _Prepared:
        if self._state is None:
            await self.open()
        et = ev.event_type
        if type(et) is not str or et not in self._tails:  # _tails holds the types already checked
            et = check_event_type(et)
        if type(ev.payload) is not dict and not isinstance(ev.payload, Mapping):
            raise InputError(f"payload must be a mapping (dict), not {type(ev.payload).__name__}")
        cid = parse_correlation_id(ev.correlation_id) if ev.correlation_id is not None else new_correlation_id()
        masked: list[str] = []
        actor = ev.actor
        if actor is not None:
            if not isinstance(actor, str) or not 0 < len(actor) <= _MAX_ACTOR:
                raise InputError(f"actor must be a non-empty str of at most {_MAX_ACTOR} characters")
            ma = self._actors.get(actor)
            if ma is None:  # actors repeat (agent ids): mask each distinct one once
                ma = self._get_masker().mask(actor, path="actor")
                if len(self._actors) >= _SUBJECT_CACHE:
                    self._actors.clear()
                self._actors[actor] = ma
            actor = ma.value
            masked.extend(ma.masked)
        sealed: Sealed | None = None
        kid: str | None = None
        if trusted_payload:
            clear_payload: dict[str, Any] = dict(ev.payload)
        elif ev.subject is None:
            if ev.clear:
                raise InputError("clear= only applies together with subject=")
            m = self._get_masker().mask(ev.payload, path="payload")
            clear_payload = m.value
            masked.extend(m.masked)
        else:
            masker = self._get_masker()
            subject = ev.subject
            if not isinstance(subject, str) or not 0 < len(subject) <= _MAX_SUBJECT:
                raise InputError(f"subject must be a non-empty str of at most {_MAX_SUBJECT} characters")
            keep = set(ev.clear)
            mc = masker.mask({k: v for k, v in ev.payload.items() if k in keep}, path="payload")
            private = {k: v for k, v in ev.payload.items() if k not in keep}
            # Inside the sealed part PII may stay (it is erasable); secrets never may.
            mp = masker.mask(private, path="sealed", categories=(Category.SECRET,))
            clear_payload = mc.value
            masked.extend(mc.masked)
            masked.extend(mp.masked)
            if mp.value:
                kid, raw_key = await self._subject_key(subject)
                sealed = seal(raw_key, mp.value, log_id=self.log_id, kid=kid)
        mid = canonical(
            {
                "actor": actor,
                "cid": cid,
                "kid": kid,
                "masked": masked,
                "payload": clear_payload,
                "sealed": sealed.to_json() if sealed is not None else None,
            }
        )
        if len(mid) > self._max_payload:
            raise InputError(
                f"the {et} event is {len(mid)} bytes as JSON, over the {self._max_payload}-byte limit; log less"
            )
        tail = self._tails.get(et)
        if tail is None:
            tail = canonical({"type": et, "v": 1})[1:]
            if len(self._tails) < 4096:
                self._tails[et] = tail
        return _Prepared(et, actor, cid, kid, clear_payload, tuple(masked), sealed, mid[1:-1], tail)

    async def _enqueue(self, items: list[_Prepared]) -> list[AuditRecord]:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[list[AuditRecord]] = loop.create_future()
        self._queue.append((items, fut))
        if self._writer is None or self._writer.done():
            self._writer = loop.create_task(self._drain())
        return await fut

    async def _drain(self) -> None:
        while self._queue:
            async with self._wlock:
                groups: list[tuple[list[_Prepared], asyncio.Future[list[AuditRecord]]]] = []
                n = 0
                while self._queue and (n == 0 or n + len(self._queue[0][0]) <= self._max_batch):
                    g = self._queue.popleft()
                    groups.append(g)
                    n += len(g[0])
                try:
                    recs = await self._commit([p for items, _ in groups for p in items])
                except Exception as exc:  # noqa: BLE001 - every failure must reach the waiting callers
                    err = (
                        exc
                        if isinstance(exc, BastionError)
                        else StoreError(
                            f"audit append failed ({type(exc).__name__}); nothing in this batch was acknowledged"
                        )
                    )
                    for _, fut in groups:
                        if not fut.done():
                            fut.set_exception(err)
                    continue
                i = 0
                for items, fut in groups:
                    k = len(items)
                    if not fut.done():
                        fut.set_result(recs[i : i + k])
                    i += k

    def _now_ts(self) -> str:
        ts = utc_timestamp(self._clock())
        if ts < self._last_ts:
            ts = self._last_ts  # never go backwards in the chain, even if the clock does
        self._last_ts = ts
        return ts

    def _cp_due(self, last_seq: int) -> bool:
        if self._signing_key is None or last_seq <= self._last_cp_seq:
            return False
        if self._cp_every is not None and last_seq - self._last_cp_seq >= self._cp_every:
            return True
        return self._cp_interval is not None and time.monotonic() - self._last_cp_time >= self._cp_interval

    async def _commit(self, items: list[_Prepared]) -> list[AuditRecord]:
        st = self._state
        if st is None:
            raise StoreError("the audit log was closed while appending")
        sha = hashlib.sha256
        for _ in range(_APPEND_RETRIES):
            ts = self._now_ts()
            tsb = ts.encode("ascii")
            seq = self._head_seq
            prev = self._head_hash
            raws: list[RawRecord] = []
            recs: list[AuditRecord] = []
            for p in items:
                seq += 1
                body = b'{"_prev":"%s","_seq":%d,%s,"ts":"%s",%s' % (prev.encode("ascii"), seq, p.mid, tsb, p.tail)
                h = sha(body).hexdigest()
                raws.append(RawRecord(seq, ts, p.event_type, p.kid, body, h))
                recs.append(
                    AuditRecord(
                        seq=seq,
                        ts=ts,
                        event_type=p.event_type,
                        actor=p.actor,
                        correlation_id=p.cid,
                        payload=p.payload,
                        masked=p.masked,
                        subject_kid=p.kid,
                        sealed=p.sealed,
                        prev_hash=prev,
                        hash=h,
                    )
                )
                prev = h
            cp: Checkpoint | None = None
            if self._signing_key is not None and self._cp_due(seq):
                cp = sign_checkpoint(
                    self._signing_key, log_id=st.log_id, seq=seq, hash_hex=prev, ts=ts, kind="checkpoint"
                )
            if await self.store.append(raws, checkpoint=cp):
                self._head_seq, self._head_hash = seq, prev
                if cp is not None:
                    self._last_cp_seq, self._last_cp_time = seq, time.monotonic()
                return recs
            # Another writer moved the head: re-read it and chain again.
            fresh = await self.store.state()
            self._head_seq = fresh.head_seq
            self._head_hash = fresh.head_hash or genesis_hash(fresh.log_id)
        raise StoreError(
            f"could not append to the audit log after {_APPEND_RETRIES} tries: other writers keep moving the head"
        )

    # -- subject keys --------------------------------------------------------------------

    def _need_kek_if_used(self, what: str) -> None:
        st = self._state
        if self._kek is None and st is not None and "kek_id" in st.meta:
            raise InputError(
                f"{what}: this audit log wraps subject keys with a key-encryption key (kek id "
                f"{st.meta['kek_id']}); pass the same kek"
            )

    async def _subject_key(self, subject: str) -> tuple[str, bytes]:
        self._need_kek_if_used("writing a record with a subject")
        ref = subject_ref(subject, log_id=self.log_id, kek=self._kek)
        hit = self._subjects.get(ref)
        if hit is not None:
            return hit
        gen = self._erase_gen
        stored = await self.store.subject_key(ref)
        if stored is None:
            kid, raw = new_subject_key()
            stored = await self.store.add_subject_key(ref, kid, wrap_subject_key(raw, kek=self._kek, kid=kid))
        kid, wrapped = stored
        raw = unwrap_subject_key(wrapped, kek=self._kek, kid=kid)
        if gen == self._erase_gen:
            if len(self._subjects) >= _SUBJECT_CACHE:
                self._subjects.clear()
            self._subjects[ref] = (kid, raw)
        return kid, raw

    async def _key_for_kid(self, kid: str) -> bytes | None:
        raw = self._kids.get(kid)
        if raw is not None:
            return raw
        gen = self._erase_gen
        wrapped = await self.store.key_by_kid(kid)
        if wrapped is None:
            return None
        raw = unwrap_subject_key(wrapped, kek=self._kek, kid=kid)
        if gen == self._erase_gen:
            if len(self._kids) >= _SUBJECT_CACHE:
                self._kids.clear()
            self._kids[kid] = raw
        return raw

    async def erase_subject(self, subject: str, *, actor: str | None = None) -> ErasureReport:
        """GDPR erasure by crypto-shredding: destroy the subject's key.

        Every sealed payload written for ``subject`` becomes unreadable; the records stay in the
        chain (their hashes cover the ciphertext), so :meth:`verify` stays green. The erasure
        itself is logged as an ``audit.erasure`` record naming only the destroyed key id.
        """
        if not isinstance(subject, str) or not subject:
            raise InputError("subject must be a non-empty str")
        await self.open()
        self._need_kek_if_used("erasing a subject")
        await self.flush()
        async with self._wlock:
            ref = subject_ref(subject, log_id=self.log_id, kek=self._kek)
            self._erase_gen += 1
            kid = await self.store.delete_subject_key(ref)
            self._subjects.pop(ref, None)
            if kid is not None:
                self._kids.pop(kid, None)
            n = await self.store.count_kid(kid) if kid is not None else 0
        rec = await self._append_internal(
            "audit.erasure", {"erased": kid is not None, "kid": kid, "records_affected": n}, actor
        )
        return ErasureReport(erased=kid is not None, kid=kid, records_affected=n, audit_seq=rec.seq)

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def parse(raw: RawRecord) -> AuditRecord:
        """Turn a stored record into an :class:`AuditRecord` (raises if it cannot be read)."""
        try:
            d = orjson.loads(raw.body)
            s = d["sealed"]
            return AuditRecord(
                seq=int(d["_seq"]),
                ts=str(d["ts"]),
                event_type=str(d["type"]),
                actor=d["actor"],
                correlation_id=str(d["cid"]),
                payload=d["payload"],
                masked=tuple(d["masked"]),
                subject_kid=d["kid"],
                sealed=Sealed(nonce=str(s["nonce"]), ciphertext=str(s["ct"])) if s is not None else None,
                prev_hash=str(d["_prev"]),
                hash=raw.hash,
            )
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            raise AuditIntegrityError(
                f"audit record {raw.seq} cannot be read: it is damaged; run `bastion log verify`"
            ) from None

    async def records(self, start_seq: int = 0) -> AsyncIterator[AuditRecord]:
        """Every stored record from ``start_seq`` on, in order (payloads as written: masked, sealed)."""
        await self.open()
        await self.flush()
        async for batch in self.store.scan(start_seq):
            for raw in batch:
                yield self.parse(raw)

    async def reveal(self, record: AuditRecord) -> dict[str, Any]:
        """The record's payload with its sealed part opened.

        After the subject was erased, the sealed part is gone for good and the result carries
        ``"_erased": true`` instead.
        """
        out = dict(record.payload)
        if record.sealed is None or record.subject_kid is None:
            return out
        await self.open()
        raw = await self._key_for_kid(record.subject_kid)
        if raw is None:
            out["_erased"] = True
            return out
        opened = open_sealed(raw, record.sealed, log_id=self.log_id, kid=record.subject_kid)
        if isinstance(opened, dict):
            out.update(opened)
        return out

    async def export_jsonl(self, *, start_seq: int = 0, reveal: bool = False) -> AsyncIterator[bytes]:
        """JSON lines: a header, then one line per record (the hashed body plus ``hash``).

        The header ``{"bastion_audit_export": 1, "log_id": .., "anchor_seq": .., "head_seq": ..,
        "head_hash": .., "checkpoints": [..]}`` carries what an offline check needs; record lines
        are the ones with ``_seq``. Without ``reveal`` each record line is the stored body byte for
        byte plus the hash, and a full export verifies offline with :func:`verify_jsonl`. With
        ``reveal`` each line also carries ``revealed``: the payload with its sealed part opened.
        """
        await self.open()
        await self.flush()
        async with self._wlock:
            cps = await self.store.checkpoints()
            st = await self.store.state()
        header = {
            "anchor_seq": st.anchor_seq,
            "bastion_audit_export": 1,
            "checkpoints": [c.to_dict() for c in cps],
            "head_hash": st.head_hash,
            "head_seq": st.head_seq,
            "log_id": st.log_id,
            "start_seq": start_seq,
        }
        yield canonical(header) + b"\n"
        async for batch in self.store.scan(start_seq):
            for raw in batch:
                if raw.seq > st.head_seq:
                    return
                if not reveal:
                    yield raw.body[:-1] + b',"hash":"' + raw.hash.encode("ascii") + b'"}\n'
                else:
                    rec = self.parse(raw)
                    d = rec.to_dict()
                    d["revealed"] = await self.reveal(rec)
                    yield canonical(d) + b"\n"

    # -- integrity -----------------------------------------------------------------------

    def _key_map(self, public_keys: Iterable[Ed25519PublicKey] | None) -> dict[str, Ed25519PublicKey] | None:
        keys = dict(self._keys)
        for k in public_keys or ():
            keys[key_id(k)] = k
        return keys or None

    async def verify(
        self, *, public_keys: Iterable[Ed25519PublicKey] | None = None, live: bool = False, batch: int = 8192
    ) -> VerifyReport:
        """Check the whole chain and every checkpoint; never raises for tampering, reports it.

        ``public_keys``: keys accepted on checkpoints besides the log's own. ``live``: other
        processes append to the same store right now; records past the head read at the start
        are then left for the next run instead of being reported as inserted.
        """
        await self.open()
        await self.flush()
        async with self._wlock:
            return await self._verify_locked(self._key_map(public_keys), live=live, batch=batch)

    async def _verify_locked(
        self, keys: Mapping[str, Ed25519PublicKey] | None, *, live: bool = False, batch: int = 8192
    ) -> VerifyReport:
        cps = await self.store.checkpoints()
        st = await self.store.state()
        v = ChainVerifier(st, cps, keys, live=live)
        async for rows in self.store.scan(0, batch=batch):
            if not v.feed(rows) and not v.seeking:
                break
        return v.finish()

    def _need_signer(self, what: str) -> Ed25519PrivateKey:
        if self._signing_key is None:
            raise InputError(f"{what} needs the Ed25519 signing key: pass signing_key= to AuditLog")
        return self._signing_key

    async def checkpoint(self, *, verify: bool = True) -> Checkpoint | None:
        """Sign the current head now (``None`` when the log is empty).

        With ``verify`` (the default) the chain is verified first, so a tampered log is never
        signed; a failure raises :class:`AuditIntegrityError`.
        """
        key = self._need_signer("a checkpoint")
        await self.open()
        await self.flush()
        async with self._wlock:
            st = await self.store.state()
            if st.head_seq == 0 or st.head_hash is None:
                return None
            if verify:
                report = await self._verify_locked(self._key_map(None))
                if not report.ok:
                    raise AuditIntegrityError(
                        f"refusing to sign a checkpoint: the log does not verify ({report.problem} at seq "
                        f"{report.bad_seq}: {report.reason})"
                    )
            cp = sign_checkpoint(
                key, log_id=st.log_id, seq=st.head_seq, hash_hex=st.head_hash, ts=self._now_ts(), kind="checkpoint"
            )
            await self.store.add_checkpoint(cp)
            self._last_cp_seq, self._last_cp_time = cp.seq, time.monotonic()
            return cp

    async def apply_retention(
        self, *, max_age: timedelta | None = None, before: datetime | None = None
    ) -> RetentionReport:
        """Delete the oldest records (written before ``before``, or older than ``max_age``).

        The chain is verified first; the last deleted record's hash is then signed as a retention
        anchor, from which :meth:`verify` starts. Only a prefix of the log is ever deleted.
        """
        key = self._need_signer("retention")
        if (max_age is None) == (before is None):
            raise InputError("give exactly one of max_age= or before=")
        cut_dt = before if before is not None else self._clock() - (max_age or timedelta(0))
        cutoff = utc_timestamp(cut_dt)
        await self.open()
        await self.flush()
        async with self._wlock:
            report = await self._verify_locked(self._key_map(None))
            if not report.ok:
                raise AuditIntegrityError(
                    f"retention refused: the log does not verify ({report.problem} at seq {report.bad_seq}: "
                    f"{report.reason})"
                )
            st = await self.store.state()
            cut, cut_hash = st.anchor_seq, ""
            done = False
            async for rows in self.store.scan(st.anchor_seq + 1):
                for raw in rows:
                    if self.parse(raw).ts >= cutoff:
                        done = True
                        break
                    cut, cut_hash = raw.seq, raw.hash
                if done:
                    break
            if cut == st.anchor_seq:
                return RetentionReport(deleted=0, anchor=None, first_seq=report.first_seq)
            anchor = sign_checkpoint(
                key, log_id=st.log_id, seq=cut, hash_hex=cut_hash, ts=self._now_ts(), kind="anchor"
            )
            n = await self.store.delete_through(cut, anchor)
            first = cut + 1 if cut < st.head_seq else None
            return RetentionReport(deleted=n, anchor=anchor, first_seq=first)
