"""Chain verification: names the first record that was edited, deleted, reordered or inserted.

The verifier is a pure state machine fed with batches of :class:`RawRecord` in ``seq`` order.
Each record's body must start with ``{"_prev":"<hash of the record before>","_seq":<n>,``
(canonical JSON sorts those two keys first), and its stored hash must be the SHA-256 of the
body. The fast path checks exactly that with one hash and one prefix comparison per record;
anything else drops to a slow path that works out what happened.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bastion.audit._canon import canonical, genesis_hash
from bastion.audit._crypto import key_id, signature_ok
from bastion.audit._model import Checkpoint, RawRecord, StoreState, TamperKind, VerifyReport
from bastion.errors import InputError

__all__ = ["ChainVerifier", "parse_head", "verify_jsonl"]

_HEAD0 = b'{"_prev":"'
_HEAD1 = b'","_seq":'
_PREV_END = len(_HEAD0) + 64  # 74
_SEQ_AT = _PREV_END + len(_HEAD1)  # 83


def parse_head(body: bytes) -> tuple[str, int] | None:
    """``(prev_hash, seq)`` from a body's first bytes, or ``None`` if it is not a chain record."""
    if not body.startswith(_HEAD0) or body[_PREV_END:_SEQ_AT] != _HEAD1:
        return None
    end = body.find(b",", _SEQ_AT)
    if end < 0:
        return None
    try:
        prev = body[len(_HEAD0) : _PREV_END].decode("ascii")
        seq = int(body[_SEQ_AT:end])
    except (UnicodeDecodeError, ValueError):
        return None
    return prev, seq


@dataclass(slots=True)
class _Failure:
    kind: TamperKind
    seq: int
    reason: str


class ChainVerifier:
    """Feed batches with :meth:`feed` until it returns ``False``, then call :meth:`finish`."""

    def __init__(
        self,
        state: StoreState,
        checkpoints: Sequence[Checkpoint],
        keys: Mapping[str, Ed25519PublicKey] | None,
        *,
        live: bool = False,
        start: Checkpoint | None = None,
    ) -> None:
        """``start``: a signed checkpoint to trust as the starting point (check only what follows it)."""
        self.state = state
        self.live = live
        self.keys = keys
        self.records = 0
        self.cps_checked = 0
        self.sigs_checked = 0
        self.warnings: list[str] = []
        self.failure: _Failure | None = None
        self._seek: int | None = None  # looking ahead for this seq after a gap
        self._seek_gap_end = 0
        self._seek_found = False
        self._last_good_cp = 0
        self._from_checkpoint = False
        self._cps: dict[int, Checkpoint] = {c.seq: c for c in checkpoints if c.seq > state.anchor_seq}
        if keys is None and checkpoints:
            self.warnings.append(f"{len(checkpoints)} checkpoint signature(s) not checked: no public key was given")
        self.expected = 1
        self.prev = genesis_hash(state.log_id)
        if state.anchor_seq > 0:
            self._start_from_anchor({c.seq: c for c in checkpoints}.get(state.anchor_seq))
        if start is not None and start.seq > state.anchor_seq and self.failure is None:
            self._start_from_checkpoint(start)
        self._start = self.expected

    # -- setup ---------------------------------------------------------------------------

    def _start_from_anchor(self, anchor: Checkpoint | None) -> None:
        a = self.state.anchor_seq
        self.expected = a + 1
        self._last_good_cp = a
        if anchor is None or anchor.kind != "anchor":
            self._fail(
                TamperKind.BAD_ANCHOR,
                a + 1,
                f"the log says records up to seq {a} were removed by retention, but there is no signed "
                f"retention anchor at seq {a}: records before seq {a + 1} were deleted without one",
            )
            return
        if anchor.log_id != self.state.log_id:
            self._fail(TamperKind.BAD_ANCHOR, a + 1, f"the retention anchor at seq {a} belongs to another log")
            return
        if self.keys is not None:
            why = signature_ok(anchor, self.keys)
            self.sigs_checked += 1
            if why is not None:
                self._fail(TamperKind.BAD_ANCHOR, a + 1, f"the retention anchor at seq {a} is invalid: {why}")
                return
        else:
            self.warnings.append(f"retention anchor at seq {a} not verified: no public key was given")
        self.cps_checked += 1
        self.prev = anchor.hash

    def _start_from_checkpoint(self, cp: Checkpoint) -> None:
        ok = cp.log_id == self.state.log_id
        if ok and self.keys is not None:
            self.sigs_checked += 1
            ok = signature_ok(cp, self.keys) is None
        if not ok or self.keys is None:
            self._fail(TamperKind.BAD_SIGNATURE, cp.seq, f"the checkpoint at seq {cp.seq} cannot be trusted as a start")
            return
        self.cps_checked += 1
        self.expected = cp.seq + 1
        self.prev = cp.hash
        self._last_good_cp = cp.seq
        self._from_checkpoint = True
        self._cps = {s: c for s, c in self._cps.items() if s > cp.seq}

    def _fail(self, kind: TamperKind, seq: int, reason: str) -> None:
        if self.failure is None:
            self.failure = _Failure(kind, seq, reason)

    # -- the scan ------------------------------------------------------------------------

    def feed(self, batch: Sequence[RawRecord]) -> bool:
        """Check one batch; ``False`` once the outcome is decided (stop feeding)."""
        if self._seek is not None:
            return self._feed_seek(batch)
        if self.failure is not None:
            return False
        head_limit = self.state.head_seq
        sha = hashlib.sha256
        cps = self._cps
        expected = self.expected
        prev = self.prev
        n = 0
        for rec in batch:
            seq, _ts, _type, _kid, body, stored = rec
            if seq > head_limit:
                self.expected, self.prev = expected, prev
                self.records += n
                if not self.live:
                    self._fail(
                        TamperKind.INSERTED,
                        seq,
                        f"record {seq} lies beyond the log's head (seq {head_limit}): it was added without "
                        "going through the log",
                    )
                # live: appended by another writer after the snapshot we verify against
                return False
            h = sha(body).hexdigest()
            if (
                h != stored
                or seq != expected
                or not body.startswith(b'{"_prev":"%s","_seq":%d,' % (prev.encode("ascii"), seq))
            ):
                self.expected, self.prev = expected, prev
                self.records += n
                if not self._slow(rec, h):
                    if self._seek is not None:
                        rest = list(batch)
                        return self._feed_seek(rest[rest.index(rec) + 1 :])
                    return False
                expected, prev = self.expected, self.prev
                n = 0
                continue
            n += 1
            if seq in cps and not self._checkpoint(cps[seq], h):
                self.records += n
                return False
            prev = h
            expected = seq + 1
        self.expected, self.prev = expected, prev
        self.records += n
        return True

    def _checkpoint(self, cp: Checkpoint, h: str) -> bool:
        self.cps_checked += 1
        if cp.log_id != self.state.log_id:
            self._fail(TamperKind.BAD_SIGNATURE, cp.seq, f"the checkpoint at seq {cp.seq} belongs to another log")
            return False
        if self.keys is not None:
            self.sigs_checked += 1
            why = signature_ok(cp, self.keys)
            if why is not None:
                self._fail(TamperKind.BAD_SIGNATURE, cp.seq, f"the checkpoint at seq {cp.seq} is invalid: {why}")
                return False
        if cp.hash != h:
            lo = self._last_good_cp + 1
            self._fail(
                TamperKind.REWRITTEN,
                lo,
                f"the chain between seq {lo} and seq {cp.seq} was recomputed: record {cp.seq} no longer has "
                f"the hash signed in the checkpoint of {cp.ts}; a record in that range was edited, "
                "inserted or deleted and every later hash recomputed",
            )
            return False
        self._last_good_cp = cp.seq
        return True

    def _slow(self, rec: RawRecord, h: str) -> bool:
        """Classify a record that failed the fast path. ``True``: it was fine after all."""
        exp = self.expected
        head = parse_head(rec.body)
        if h != rec.hash:
            if rec.seq > exp and (head is None or head[1] != exp):
                return self._gap(exp, rec.seq if head is None else head[1])
            self._fail(
                TamperKind.EDITED,
                rec.seq,
                f"record {rec.seq} was edited: its stored hash is not the SHA-256 of its content",
            )
            return False
        if head is None:
            self._fail(TamperKind.CORRUPT, rec.seq, f"record {rec.seq} is not a chain record (no _prev/_seq head)")
            return False
        bprev, bseq = head
        if bseq == exp:
            if rec.seq != exp:
                self._fail(
                    TamperKind.REORDERED,
                    exp,
                    f"record {exp} is stored under seq {rec.seq}: its position was changed",
                )
                return False
            if bprev != self.prev:
                before = exp - 1
                if before < self._start:
                    if self._from_checkpoint:
                        self._fail(
                            TamperKind.EDITED,
                            exp,
                            f"record {exp} does not link to the signed checkpoint at seq {before}: it was replaced",
                        )
                    elif self.state.anchor_seq > 0:
                        self._fail(
                            TamperKind.BAD_ANCHOR,
                            exp,
                            f"record {exp} does not link to the signed retention anchor at seq {before}",
                        )
                    else:
                        self._fail(
                            TamperKind.EDITED,
                            exp,
                            f"record {exp} does not start this log's chain: it was replaced by a forged record",
                        )
                else:
                    self._fail(
                        TamperKind.EDITED,
                        before,
                        f"record {before} was edited and its hash recomputed: record {exp} still links to the original",
                    )
                return False
            # only reachable if the prefix check failed for formatting reasons
            self._fail(TamperKind.CORRUPT, rec.seq, f"record {rec.seq} is not in canonical form")
            return False
        if bseq > exp:
            return self._gap(exp, bseq)
        if bseq == exp - 1:
            self._fail(
                TamperKind.INSERTED,
                bseq,
                f"two records claim seq {bseq}: a forged record was inserted at seq {bseq} "
                f"(the genuine one is now stored under seq {rec.seq})",
            )
        else:
            self._fail(
                TamperKind.REORDERED,
                bseq,
                f"record {bseq} was moved: it is stored after record {exp - 1}",
            )
        return False

    @property
    def seeking(self) -> bool:
        """A gap was found; keep feeding so the verifier can tell "deleted" from "moved"."""
        return self._seek is not None

    def _gap(self, exp: int, found: int) -> bool:
        """Records ``exp..found-1`` are not where they should be: deleted, or moved later?"""
        self._seek = exp
        self._seek_gap_end = found
        return False

    def _feed_seek(self, batch: Sequence[RawRecord]) -> bool:
        for rec in batch:
            head = parse_head(rec.body)
            if head is not None and head[1] == self._seek:
                self._seek_found = True
                self._resolve_seek()
                return False
        return True

    def _resolve_seek(self) -> None:
        exp = self._seek
        if exp is None:
            return
        self._seek = None
        if self._seek_found:
            self._fail(TamperKind.REORDERED, exp, f"record {exp} was moved: it is stored later in the log")
            return
        end = self._seek_gap_end - 1
        what = f"record {exp} is" if end == exp else f"records {exp}..{end} are"
        where = "at the start of the log" if exp == self._start else f"after record {exp - 1}"
        self._fail(TamperKind.DELETED, exp, f"{what} missing {where}: deleted")

    # -- the end -------------------------------------------------------------------------

    def finish(self) -> VerifyReport:
        self._resolve_seek()
        st = self.state
        last = self.expected - 1
        if self.failure is None:
            if st.head_seq > last:
                missing = f"record {last + 1}" if st.head_seq == last + 1 else f"records {last + 1}..{st.head_seq}"
                self._fail(
                    TamperKind.TRUNCATED,
                    last + 1,
                    f"{missing} missing at the end: the log's head is seq {st.head_seq} but the chain ends at {last}",
                )
            elif st.head_seq == last and last >= self._start and st.head_hash not in (None, self.prev):
                self._fail(
                    TamperKind.EDITED,
                    last,
                    f"record {last} was edited and its hash recomputed: the log's head still has the original hash",
                )
        if self.failure is None:
            beyond = [c for c in self._cps.values() if c.seq > last]
            if beyond:
                cp = min(beyond, key=lambda c: c.seq)
                if self.keys is not None and signature_ok(cp, self.keys) is not None:
                    self._fail(TamperKind.BAD_SIGNATURE, cp.seq, f"the checkpoint at seq {cp.seq} is invalid")
                else:
                    self._fail(
                        TamperKind.TRUNCATED,
                        last + 1,
                        f"records from seq {last + 1} are missing: a checkpoint signed at {cp.ts} covers seq "
                        f"{cp.seq} but the chain ends at {last}",
                    )
        f = self.failure
        return VerifyReport(
            ok=f is None,
            records_checked=self.records,
            checkpoints_checked=self.cps_checked,
            signatures_checked=self.sigs_checked,
            first_seq=self._start if self.records > 0 else None,
            last_seq=last if last >= self._start else None,
            head_hash=self.prev if last >= self._start else st.head_hash,
            problem=f.kind if f is not None else None,
            bad_seq=f.seq if f is not None else None,
            reason=f.reason if f is not None else "",
            warnings=tuple(self.warnings),
        )


def verify_jsonl(lines: Iterable[bytes | str], *, public_keys: Iterable[Ed25519PublicKey] = ()) -> VerifyReport:
    """Verify a full export written by :meth:`AuditLog.export_jsonl` (without ``reveal``), offline.

    Raises :class:`InputError` when the input is not such an export (no header, bad JSON).
    """
    it = iter(lines)
    try:
        first = next(it)
    except StopIteration:
        raise InputError("empty input: expected a `bastion log export` JSON-lines file") from None
    try:
        header = orjson.loads(first)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"line 1: invalid JSON ({exc})") from None
    if not isinstance(header, dict) or header.get("bastion_audit_export") != 1:
        raise InputError("line 1 is not a bastion audit export header; export with `bastion log export`")
    if header.get("start_seq", 0) not in (0, None):
        raise InputError("this export starts at a later seq; only a full export can be verified offline")
    try:
        state = StoreState(
            log_id=str(header["log_id"]),
            head_seq=int(header["head_seq"]),
            head_hash=header.get("head_hash"),
            anchor_seq=int(header.get("anchor_seq", 0)),
        )
        cps = [Checkpoint(**{k: c[k] for k in _CP_FIELDS}) for c in header.get("checkpoints", [])]
    except (KeyError, TypeError, ValueError):
        raise InputError("line 1: the export header is incomplete (log_id, head_seq, checkpoints)") from None
    keys = {key_id(k): k for k in public_keys} or None
    v = ChainVerifier(state, cps, keys)
    batch: list[RawRecord] = []
    stop = False
    for lineno, line in enumerate(it, start=2):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
            h = str(obj.pop("hash"))
            obj.pop("revealed", None)
            raw = RawRecord(int(obj["_seq"]), str(obj["ts"]), str(obj["type"]), obj["kid"], canonical(obj), h)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            raise InputError(f"line {lineno}: not an audit record line") from None
        batch.append(raw)
        if len(batch) >= 4096:
            if not v.feed(batch) and not v.seeking:
                stop = True
                break
            batch = []
    if batch and not stop:
        v.feed(batch)
    return v.finish()


_CP_FIELDS = ("log_id", "seq", "hash", "ts", "kind", "key_id", "signature")
